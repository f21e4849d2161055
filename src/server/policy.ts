/**
 * The one place where a route's access policy is declared and enforced. Every route names its policy in
 * `config.policy`; building the app fails for a route that does not (tested), and every request passes `enforce`
 * before its handler.
 *
 * Policies: `public` (anyone: published plans and figures), `write:observations` (enter or import figures).
 * Until accounts exist (the access-control issue), writes are open to whoever reaches the server — which by
 * default listens on 127.0.0.1 only. That issue replaces the body of `enforce`, and nothing else.
 */
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';

export const POLICIES = ['public', 'write:observations'] as const;
export type Policy = (typeof POLICIES)[number];

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: Policy;
  }
}

export function requirePolicies(app: FastifyInstance): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    // Routes added by plugins (static files, the OpenAPI UI) serve public documents.
    if (route.config?.policy === undefined && !isPluginRoute(route.url)) {
      throw new Error(`route ${String(route.method)} ${route.url} declares no access policy (config.policy)`);
    }
  });
  app.addHook('preHandler', async (req) => enforce(req.routeOptions.config.policy ?? 'public', req));
}

/** Decides whether the request may proceed; throws a 401/403 error when it may not. */
async function enforce(policy: Policy, _req: FastifyRequest): Promise<void> {
  switch (policy) {
    case 'public':
    case 'write:observations':
      return;
  }
}

function isPluginRoute(url: string): boolean {
  return url.startsWith('/api/docs') || !url.startsWith('/api/');
}
