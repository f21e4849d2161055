/** Loading the region registry and region boundaries by API (admin, audited). Thin: schema → use case. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client';
import { loadBoundaries } from '../../services/regions/boundaries';
import { loadRegions } from '../../services/regions/loadRegions';
import { boundariesBody, boundariesParams, boundariesResult, errorResponse, regionsLoadBody, regionsLoadResult } from '../../shared/api';
import { auditContext } from '../policy';

/** A province's subdivisions as GeoJSON run to tens of megabytes; the default 1 MB body would refuse them. */
const GEOJSON_LIMIT = 64 * 1024 * 1024;

export const regionRoutes = (database: Database): FastifyPluginAsyncZod =>
  async function routes(app) {
    app.post('/api/regions', {
      config: { policy: 'manage:regions' },
      schema: {
        tags: ['regions'],
        summary: 'Load or extend the region registry (the shape of a registry file); all or nothing; every problem named by field path',
        body: regionsLoadBody,
        response: { 200: regionsLoadResult, 400: errorResponse },
      },
      handler: (req) => loadRegions(database, req.body, auditContext(req)),
    });

    app.put('/api/regions/:code/boundaries', {
      config: { policy: 'manage:regions' },
      bodyLimit: GEOJSON_LIMIT,
      schema: {
        tags: ['regions'],
        summary: 'Load the boundaries of a region\'s subdivisions (GeoJSON FeatureCollection, each feature with the code of a known subdivision); replaces their earlier boundaries',
        params: boundariesParams,
        body: boundariesBody,
        response: { 200: boundariesResult, 400: errorResponse, 404: errorResponse },
      },
      handler: (req) => loadBoundaries(database, req.body, req.params.code, auditContext(req)),
    });
  };
