/** GET routes for plans, their indicators and items, the indicator catalogue, and regions. Thin: schema → service → presenter. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { plansService } from '../../services/plans';
import { planReader } from '../policy';
import { catalogueIndicator, errorResponse, itemsQuery, planIndicator, planItem, planParams, planSummary, region } from '../../shared/api';

export const planRoutes = (database: Database): FastifyPluginAsyncZod =>
  async function routes(app) {
    app.get('/api/plans', {
      config: { policy: 'public' },
      schema: { tags: ['plans'], summary: 'Plans loaded in the platform (the public sees published plans only)', response: { 200: z.array(planSummary) } },
      handler: (req) => plansService.list(database, planReader(req)),
    });

    app.get('/api/plans/:planId', {
      config: { policy: 'public' },
      schema: { tags: ['plans'], summary: 'One plan', params: planParams, response: { 200: planSummary, 404: errorResponse } },
      handler: (req) => plansService.get(database, req.params.planId, planReader(req)),
    });

    app.get('/api/plans/:planId/indicators', {
      config: { policy: 'public' },
      schema: {
        tags: ['plans'],
        summary: 'The plan’s indicators: the indicator system (专栏1) first, then supporting indicators',
        params: planParams,
        response: { 200: z.array(planIndicator), 404: errorResponse },
      },
      handler: (req) => plansService.indicators(database, req.params.planId, planReader(req)),
    });

    app.get('/api/plans/:planId/items', {
      config: { policy: 'public' },
      schema: {
        tags: ['plans'],
        summary: 'Chapters, sections, measures, projects, district directions, bases and parks, in plan order',
        params: planParams,
        querystring: itemsQuery,
        response: { 200: z.array(planItem), 404: errorResponse },
      },
      handler: (req) => plansService.items(database, req.params.planId, planReader(req), req.query.kind),
    });

    app.get('/api/indicators', {
      config: { policy: 'public' },
      schema: {
        tags: ['plans'],
        summary: 'The indicator catalogue shared by all plans: code, name and unit of every indicator figures may be recorded for',
        response: { 200: z.array(catalogueIndicator) },
      },
      handler: () => plansService.catalogue(database),
    });

    app.get('/api/regions', {
      config: { policy: 'public' },
      schema: { tags: ['regions'], summary: 'Shenzhen and its districts, with validity dates', response: { 200: z.array(region) } },
      handler: () => plansService.regions(database),
    });
  };
