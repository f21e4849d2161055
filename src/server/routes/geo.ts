/** GET /api/regions/geo: the district boundaries of Shenzhen (regions/geo, with its source note) for the map. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { projectRoot } from '../../services/settings';

const file = path.join(projectRoot, 'regions', 'geo', 'shenzhen-districts-440300.geojson');

export const geoRoutes = (): FastifyPluginAsyncZod =>
  async function routes(app) {
    let cached: Buffer | null = null;
    app.get('/api/regions/geo', {
      config: { policy: 'public' },
      schema: {
        tags: ['regions'],
        summary: 'District boundaries of Shenzhen as GeoJSON (9 districts, properties.adcode = region code); source: regions/geo/README.md',
      },
      handler: async (_req, reply) => {
        cached ??= await readFile(file);
        return reply.type('application/geo+json; charset=utf-8').header('cache-control', 'public, max-age=86400').send(cached);
      },
    });
  };
