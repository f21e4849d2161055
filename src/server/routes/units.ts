/** GET /api/measurement-units: the unit catalogue (public reference data), paged like every list (server/paging.ts). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { listUnits } from '../../services/units/listUnits';
import { errorResponse, measurementUnitDto } from '../../shared/api';
import { announceNext, decodeCursor, encodeCursor, pageDescription, pageQuery } from '../paging';

const isUnitCursor = (v: unknown): v is { u: string } => typeof v === 'object' && v !== null && typeof (v as { u?: unknown }).u === 'string';

export const unitRoutes = (database: Database): FastifyPluginAsyncZod =>
  async function routes(app) {
    app.get('/api/measurement-units', {
      config: { policy: 'public' },
      schema: {
        tags: ['units'],
        summary: 'The unit catalogue: every unit figures and plans may be written in, with its dimension, exact factor and English label',
        description: pageDescription('Units, bundled ones first'),
        querystring: pageQuery(1000, 500),
        response: { 200: z.array(measurementUnitDto), 400: errorResponse },
      },
      handler: async (req, reply) => {
        // The catalogue pages after a unit's symbol; the cursor carries it base64url-encoded (headers are ASCII).
        const after = decodeCursor(req.query.cursor, isUnitCursor)?.u;
        const page = await listUnits(database, { limit: req.query.limit, cursor: after });
        announceNext(req, reply, page.nextCursor === null ? null : encodeCursor({ u: page.nextCursor }));
        return page.items.map((u) => ({ symbol: u.code, name: u.name, en: u.enShort, dimension: u.dimension, factor: u.factor, aliases: [...u.aliases] }));
      },
    });
  };
