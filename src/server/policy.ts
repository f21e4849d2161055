/**
 * The one place where a route's access policy is declared and enforced. Every route must name its policy in
 * `config.policy`; building the app fails for a route that does not (tested). The access-control issue fills in
 * the checks for the non-public policies; until then only `public` routes exist.
 */
import type { FastifyInstance, RouteOptions } from 'fastify';

export const POLICIES = ['public'] as const;
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
}

function isPluginRoute(url: string): boolean {
  return url.startsWith('/api/docs') || !url.startsWith('/api/');
}
