/**
 * GET /api/forecasts/real: a series given as real growth rates (可比价) plus one level, chained to real levels and
 * forecast in real terms (issue 17). Public, like the approved figures it is computed from.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client';
import { forecastRealSeries } from '../../services/forecast/realForecast';
import { errorResponse, realForecastQuery, realSeriesForecast } from '../../shared/api';

export const realForecastRoutes = (database: Database): FastifyPluginAsyncZod =>
  async function routes(app) {
    app.get('/api/forecasts/real', {
      config: { policy: 'public' },
      schema: {
        tags: ['forecast'],
        summary: 'Forecast in real terms of a series published as real growth rates plus one level: chained real levels, forecast levels and average real growth with 80%/95% intervals',
        querystring: realForecastQuery,
        response: { 200: realSeriesForecast, 400: errorResponse },
      },
      handler: async (req) => {
        const q = req.query;
        return forecastRealSeries(database, {
          growthCode: q.growth,
          levelCode: q.level,
          regionCode: q.region,
          asOf: q.asOf,
          ...(q.anchorYear !== undefined ? { anchorYear: q.anchorYear } : {}),
          ...(q.to !== undefined ? { toYear: q.to } : {}),
        });
      },
    });
  };
