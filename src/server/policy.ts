/**
 * The one place where a route's access policy is declared and enforced. Every route names its policy in
 * `config.policy` (domain/access/roles.ts lists them); building the app fails for a route that does not (tested),
 * and every request passes `enforce` before its handler: who is asking (session cookie or API token), may that
 * role do this, and — for a write authenticated by cookie — does it carry the session's CSRF token. It runs when a
 * request arrives, before its body is read.
 */
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import type { Database } from '../db/client';
import { decide, may, seesUnapproved, type Policy, type Principal } from '../domain/access/roles';
import { WITH_DRAFTS, type ApprovalState } from '../domain/observation/approval';
import { AuthError, identify } from '../services/access/auth';
import { CLI, type AuditContext } from '../services/access/audit';
import { isAdminRequest } from './adminChannel';

export type { Policy };
export const SESSION_COOKIE = 'pm_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: Policy;
  }
  interface FastifyRequest {
    principal: Principal;
  }
}

export function requirePolicies(app: FastifyInstance, database?: Database): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    // Routes added by plugins (static files, the OpenAPI UI) serve public documents.
    if (route.config?.policy === undefined && !isPluginRoute(route.url)) {
      throw new Error(`route ${String(route.method)} ${route.url} declares no access policy (config.policy)`);
    }
  });
  if (!database) return;
  // Every request starts as the public; `enforce` sets who it is before any handler runs.
  const anyone: Principal = { kind: 'public' };
  const principals = new WeakMap<object, Principal>();
  app.decorateRequest('principal', {
    getter(this: FastifyRequest) {
      return principals.get(this) ?? anyone;
    },
    setter(this: FastifyRequest, value: Principal) {
      principals.set(this, value);
    },
  });
  // On request, before any body is read: a refused upload costs its sender, not the server.
  app.addHook('onRequest', async (req) => enforce(database, req.routeOptions.config.policy ?? 'public', req));
}

async function enforce(database: Database, policy: Policy, req: FastifyRequest): Promise<void> {
  const auth = req.headers.authorization;
  const bearer = auth?.startsWith('Bearer ') ? auth.slice(7).trim() : undefined;
  const sessionId = (req.cookies as Record<string, string | undefined> | undefined)?.[SESSION_COOKIE];
  // The local admin channel (the plan-monitor command on this machine, with the server's token) is the operator.
  const { principal, csrfToken } = isAdminRequest(req.raw) ? { principal: CLI.principal, csrfToken: null } : await identify(database, { bearer, sessionId });
  req.principal = principal;
  if (csrfToken !== null) csrfTokens.set(req, csrfToken);
  const decision = decide(policy, principal);
  if (!decision.allow) throw new AuthError(decision.status, decision.reason);
  // CSRF guards what a session may do; a public route (sign-in) acts on no session's behalf.
  const write = !['GET', 'HEAD', 'OPTIONS'].includes(req.method);
  if (write && policy !== 'public' && principal.kind === 'user' && principal.via === 'session') {
    const sent = req.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || csrfToken === null || sent !== csrfToken) {
      throw new AuthError(403, `a write signed in by cookie must send the session's CSRF token in the ${CSRF_HEADER} header`);
    }
  }
}

const csrfTokens = new WeakMap<FastifyRequest, string>();

/** The CSRF token of the session a request came with (null without one): /api/auth/me hands it to the web app. */
export const sessionCsrf = (req: FastifyRequest): string | null => csrfTokens.get(req) ?? null;

/** Who did it, from where, in which request: what the audit log records with every write. */
export function auditContext(req: FastifyRequest): AuditContext {
  return { principal: req.principal, clientAddress: req.ip, requestId: String(req.id) };
}

function isPluginRoute(url: string): boolean {
  return url.startsWith('/api/docs') || !url.startsWith('/api/');
}

/** The public reads published plans only; a signed-in user reads every plan. */
export const planReader = (req: FastifyRequest): { publishedOnly: boolean } => ({ publishedOnly: !seesUnapproved(req.principal) });

/**
 * The approval states a request may read. The public sees approved (published) figures only and is told to sign
 * in when it asks for others; a signed-in user sees what it asks for (absent = every state).
 */
export function readableStates(req: FastifyRequest, asked?: readonly ApprovalState[]): readonly ApprovalState[] | undefined {
  if (seesUnapproved(req.principal)) return asked;
  if (asked && asked.some((s) => s !== 'approved')) throw new AuthError(401, 'sign in to see figures that are not approved yet');
  return ['approved'];
}

/**
 * Where a request may read figures that are not approved yet: a reporter only in its own regions (its district's
 * drafts and import reports, not another district's); anyone else who may read them at all, everywhere (undefined).
 */
export function draftRegions(req: FastifyRequest): readonly string[] | undefined {
  const who = req.principal;
  return who.kind === 'user' && who.role === 'reporter' ? who.regions : undefined;
}

/**
 * Evaluations, forecasts and reports use approved figures; a planner or administrator may include drafts and
 * submitted figures (the result says so). Returns the states to use.
 */
export function evaluationStates(req: FastifyRequest, includeDrafts: boolean | undefined): readonly ApprovalState[] {
  if (!includeDrafts) return ['approved'];
  if (req.principal.kind === 'public') throw new AuthError(401, 'sign in to include figures that are not approved yet');
  const who = req.principal;
  if (!may(who, 'approve:observations')) throw new AuthError(403, `role ${who.kind === 'user' ? who.role : who.kind} may not evaluate with unapproved figures`);
  return WITH_DRAFTS;
}
