/** GET /api/measurement-units: the unit catalogue (public reference data), paged. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client';
import { listUnits } from '../../services/units/listUnits';
import { errorResponse, unitsPage, unitsQuery } from '../../shared/api';

export const unitRoutes = (database: Database): FastifyPluginAsyncZod =>
  async function routes(app) {
    app.get('/api/measurement-units', {
      config: { policy: 'public' },
      schema: {
        tags: ['units'],
        summary: 'The unit catalogue: every unit figures and plans may be written in, with its dimension, exact factor and English label',
        querystring: unitsQuery,
        response: { 200: unitsPage, 400: errorResponse },
      },
      handler: async (req) => {
        const page = await listUnits(database, req.query);
        return { items: page.items.map((u) => ({ symbol: u.code, name: u.name, en: u.enShort, dimension: u.dimension, factor: u.factor, aliases: [...u.aliases] })), nextCursor: page.nextCursor };
      },
    });
  };
