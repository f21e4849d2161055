/**
 * Signing in and recognising who is asking. Sessions: a random id in an HttpOnly cookie (only its hash is stored),
 * a fresh id at every sign-in (no session fixation), 8 hours of life, a CSRF token per session. API tokens: random,
 * hashed at rest, scoped, revocable. Brute force meets a progressive delay, never a hard lock (services/access/
 * throttle.ts): after a few failures, the next attempt in the same scope — one account from one address, one
 * address, one account from anywhere — must wait, doubling with each failure. An anonymous caller hammering a known
 * user name slows that account down by seconds at most; the owner signing in from elsewhere is not kept out, and
 * the administrator can always get a session from the server's own console (`plan-monitor users sign-in`).
 */
import argon2 from 'argon2';
import type { Database } from '../../db/client';
import {
  deleteSession, insertLoginFailure, insertSession, insertToken, recentFailures, revokeToken as revokeTokenRow, sessionWithUser, tokenWithUser, userByName, type UserRecord,
} from '../../db/access';
import { decide, type Policy, type Principal } from '../../domain/access/roles';
import { audit, type AuditContext } from './audit';
import { hashSecret, newSecret } from './secrets';
import { waitBeforeAttempt } from './throttle';
import { hashPassword } from './users';

export const SESSION_HOURS = 8;
export const FAILURE_WINDOW_MINUTES = 15;

export class AuthError extends Error {
  constructor(
    readonly status: 401 | 403 | 429,
    message: string,
    /** Seconds to wait before trying again (429). */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

// Verifying against a fixed hash when the user does not exist keeps the answer time the same either way.
let decoyHash: Promise<string> | null = null;

export async function login(
  database: Database,
  req: { username: string; password: string; clientAddress: string; requestId: string | null; priorSessionId?: string | undefined },
): Promise<{ sessionId: string; csrfToken: string; user: UserRecord }> {
  const { db } = database;
  // A session id that arrived with the request is never reused: sign-in always starts a new session.
  if (req.priorSessionId) {
    forgetCredentials(database, { sessionIdHash: hashSecret(req.priorSessionId) });
    await deleteSession(db, hashSecret(req.priorSessionId));
  }
  const since = new Date(Date.now() - FAILURE_WINDOW_MINUTES * 60_000);
  const wait = waitBeforeAttempt(await recentFailures(db, req.username, req.clientAddress, since), new Date());
  if (wait > 0) throw new AuthError(429, `too many failed sign-ins: try again in ${wait} s`, wait);
  const user = await userByName(db, req.username);
  decoyHash ??= hashPassword('decoy password, never valid');
  const ok = await argon2.verify(user ? user.passwordHash : await decoyHash, req.password);
  if (!user || !ok || user.disabled) {
    await db.transaction(async (tx) => {
      await insertLoginFailure(tx, req.username, req.clientAddress);
      await audit(tx, { principal: { kind: 'public' }, clientAddress: req.clientAddress, requestId: req.requestId }, { action: 'login_failed', entity: 'user', entityId: req.username });
    });
    throw new AuthError(401, 'wrong user name or password');
  }
  return { ...(await openSession(database, user, { clientAddress: req.clientAddress, requestId: req.requestId }, 'password')), user };
}

/** Starts a session for a user whose identity is settled (a password checked, or a ticket from the console). */
export async function openSession(database: Database, user: UserRecord, from: { clientAddress: string | null; requestId: string | null }, via: 'password' | 'console ticket'): Promise<{ sessionId: string; csrfToken: string }> {
  const sessionId = newSecret();
  const csrfToken = newSecret(24);
  const principal = principalOf(user, 'session');
  await database.db.transaction(async (tx) => {
    await insertSession(tx, { idHash: hashSecret(sessionId), userId: user.id, csrfToken, expiresAt: new Date(Date.now() + SESSION_HOURS * 3_600_000), clientAddress: from.clientAddress });
    await audit(tx, { principal, ...from }, { action: 'login', entity: 'session', entityId: user.username, ...(via === 'password' ? {} : { newValue: { via } }) });
  });
  return { sessionId, csrfToken };
}

export async function logout(database: Database, sessionId: string, ctx: AuditContext): Promise<void> {
  forgetCredentials(database, { sessionIdHash: hashSecret(sessionId) });
  await database.db.transaction(async (tx) => {
    await deleteSession(tx, hashSecret(sessionId));
    await audit(tx, ctx, { action: 'logout', entity: 'session' });
  });
}

export function principalOf(user: UserRecord, via: 'session' | 'token', tokenScopes?: string[]): Principal {
  return { kind: 'user', userId: user.id, username: user.username, role: user.role, regions: user.regionScope, departments: user.departmentScope, via, ...(tokenScopes ? { tokenScopes } : {}) };
}

/**
 * Recognised credentials are remembered for a few seconds, so that a signed-in read does not pay a database lookup
 * each time. Sign-out and token revocation clear the entry at once in this process; another server process sees a
 * revocation, a disabled user or an expired session within CACHE_SECONDS.
 */
export const CACHE_SECONDS = 5;
const CACHE_LIMIT = 10_000;
type Identity = { principal: Principal; csrfToken: string | null };
const caches = new WeakMap<Database, Map<string, { identity: Identity; until: number }>>();

function cacheOf(database: Database): Map<string, { identity: Identity; until: number }> {
  let cache = caches.get(database);
  if (!cache) caches.set(database, (cache = new Map()));
  return cache;
}

/** Forgets remembered credentials: one session (by its id hash), or all tokens (after a revocation). */
export function forgetCredentials(database: Database, what: { sessionIdHash: string } | 'tokens'): void {
  const cache = cacheOf(database);
  if (what === 'tokens') {
    for (const key of cache.keys()) if (key.startsWith('t:')) cache.delete(key);
  } else cache.delete(`s:${what.sessionIdHash}`);
}

/** Who is asking, from a session cookie or an `Authorization: Bearer` token; the public when neither is valid. */
export async function identify(database: Database, creds: { sessionId?: string | undefined; bearer?: string | undefined }): Promise<Identity> {
  const key = creds.bearer ? `t:${hashSecret(creds.bearer)}` : creds.sessionId ? `s:${hashSecret(creds.sessionId)}` : null;
  if (key === null) return { principal: { kind: 'public' }, csrfToken: null };
  const cache = cacheOf(database);
  const hit = cache.get(key);
  if (hit && hit.until > Date.now()) return hit.identity;
  let identity: Identity | null = null;
  if (creds.bearer) {
    const t = await tokenWithUser(database.db, key.slice(2));
    if (!t) throw new AuthError(401, 'the API token is unknown, expired or revoked');
    identity = { principal: principalOf(t.user, 'token', t.scopes), csrfToken: null };
  } else {
    const s = await sessionWithUser(database.db, key.slice(2));
    if (s) identity = { principal: principalOf(s.user, 'session'), csrfToken: s.csrfToken };
  }
  if (!identity) return { principal: { kind: 'public' }, csrfToken: null };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, { identity, until: Date.now() + CACHE_SECONDS * 1000 });
  return identity;
}

/**
 * Creates an API token for the signed-in user, scoped to policies the user's role has; the token itself is
 * returned once and never stored.
 */
export async function createToken(database: Database, ctx: AuditContext, t: { name: string; scopes: Policy[]; days?: number | undefined }): Promise<{ id: number; token: string }> {
  const who = ctx.principal;
  if (who.kind !== 'user' || who.via !== 'session') throw new AuthError(403, 'tokens are created from a signed-in session');
  for (const scope of t.scopes) if (!decide(scope, who).allow) throw new AuthError(403, `your role cannot grant ${scope}`);
  const user = await userByName(database.db, who.username);
  if (!user) throw new AuthError(401, 'user not found');
  const token = `pm_${newSecret()}`;
  const id = await database.db.transaction(async (tx) => {
    const id = await insertToken(tx, { userId: user.id, name: t.name, tokenHash: hashSecret(token), scopes: t.scopes, expiresAt: t.days ? new Date(Date.now() + t.days * 86_400_000) : null });
    await audit(tx, ctx, { action: 'token_created', entity: 'api_token', entityId: id, newValue: { name: t.name, scopes: t.scopes, user: user.username } });
    return id;
  });
  return { id, token };
}

/** Revokes a token: one's own, or any for an administrator. False when there is no such active token. */
export async function revokeToken(database: Database, ctx: AuditContext, id: number): Promise<boolean> {
  const who = ctx.principal;
  if (who.kind !== 'user') throw new AuthError(401, 'sign in first');
  const done = await database.db.transaction(async (tx) => {
    const ok = await revokeTokenRow(tx, id, who.role === 'admin' ? null : who.userId);
    if (ok) await audit(tx, ctx, { action: 'token_revoked', entity: 'api_token', entityId: id });
    return ok;
  });
  forgetCredentials(database, 'tokens');
  return done;
}
