/**
 * GET /api/regions/geo?region=: the map of a region — its subdivisions' boundaries as GeoJSON, from the database
 * (loaded by `plan-monitor regions load FILE.geojson` or PUT /api/regions/{code}/boundaries; the bundled Shenzhen
 * districts at start). The fields of the old single-file answer (type, features with properties.adcode and name)
 * are kept; region, withoutBoundary, sources and empty are added. A region with no boundaries answers 200 with no
 * features and `empty` saying so.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client';
import { regionGeo } from '../../services/regions/boundaries';
import { geoQuery } from '../../shared/api';

export const geoRoutes = (database: Database): FastifyPluginAsyncZod =>
  async function routes(app) {
    app.get('/api/regions/geo', {
      config: { policy: 'public' },
      schema: {
        tags: ['regions'],
        summary: 'The map of a region: its subdivisions as a GeoJSON FeatureCollection (properties.code = region code), plus region, withoutBoundary, sources and empty',
        querystring: geoQuery,
      },
      handler: async (req, reply) => {
        const geo = await regionGeo(database, req.query.region, req.query.date);
        // Boundaries are data now and may be reloaded: a short cache, not a day.
        return reply.type('application/geo+json; charset=utf-8').header('cache-control', 'public, max-age=60').send(JSON.stringify(geo));
      },
    });
  };
