/**
 * Serves the web app built by Vite into .cache/web (scripts/build-web.mjs). Hashed assets are cached for a year;
 * index.html never, so a new build shows at once. Any other GET outside /api that accepts HTML gets index.html:
 * the app routes in the browser (/indicators/TERTIARY_VA is a page, not a file). Without a build, the root says
 * how to make one instead of failing silently.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { projectRoot } from '../services/settings';

export const webRoot = path.join(projectRoot, '.cache', 'web');

export async function serveWebApp(app: FastifyInstance): Promise<void> {
  const built = existsSync(path.join(webRoot, 'index.html'));
  if (!built) {
    app.get('/', { config: { policy: 'public' }, schema: { hide: true } }, (_req, reply) =>
      reply
        .code(503)
        .type('text/html; charset=utf-8')
        .send('<!doctype html><meta charset="utf-8"><title>Plan Monitor</title><p>网页应用尚未构建 / The web app is not built: run <code>npm run build:web</code>. API: <a href="/api/docs">/api/docs</a></p>'),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root: webRoot,
    prefix: '/',
    wildcard: true,
    setHeaders(res, file) {
      res.setHeader('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.setNotFoundHandler((req, reply) => {
    const wantsPage = req.method === 'GET' && !req.url.startsWith('/api/') && String(req.headers.accept ?? '').includes('text/html');
    if (wantsPage) return reply.header('cache-control', 'no-cache').sendFile('index.html');
    return reply.code(404).send({ error: `no route ${req.method} ${req.url.split('?')[0]}` });
  });
}
