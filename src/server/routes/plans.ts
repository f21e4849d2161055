/** GET routes for plans, their indicators and items, the indicator catalogue, and regions. Thin: schema → service → presenter. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { baselineOffers } from '../../services/baselineOffers';
import { plansService } from '../../services/plans';
import { planReader } from '../policy';
import { pageDescription, pageOf, pageQuery } from '../paging';
import { baselineOffer, catalogueIndicator, errorResponse, itemsQuery, planIndicator, planItem, planParams, planSummary, region } from '../../shared/api';

export const planRoutes = (database: Database): FastifyPluginAsyncZod =>
  async function routes(app) {
    app.get('/api/plans', {
      config: { policy: 'public', answerCache: true },
      schema: { tags: ['plans'], summary: 'Plans loaded in the platform (the public sees published plans only)', description: pageDescription('Plans'), querystring: pageQuery(200), response: { 200: z.array(planSummary), 400: errorResponse } },
      handler: async (req, reply) => pageOf(req, reply, await plansService.list(database, planReader(req)), req.query),
    });

    app.get('/api/plans/:planId', {
      config: { policy: 'public', answerCache: true },
      schema: { tags: ['plans'], summary: 'One plan', params: planParams, response: { 200: planSummary, 404: errorResponse } },
      handler: (req) => plansService.get(database, req.params.planId, planReader(req)),
    });

    app.get('/api/plans/:planId/indicators', {
      config: { policy: 'public', answerCache: true },
      schema: {
        tags: ['plans'],
        summary: 'The plan’s indicators: the indicator system (专栏1) first, then supporting indicators',
        description: pageDescription('Indicators'),
        params: planParams,
        querystring: pageQuery(1000),
        response: { 200: z.array(planIndicator), 400: errorResponse, 404: errorResponse },
      },
      handler: async (req, reply) => pageOf(req, reply, await plansService.indicators(database, req.params.planId, planReader(req)), req.query),
    });

    app.get('/api/plans/:planId/items', {
      config: { policy: 'public', answerCache: true },
      schema: {
        tags: ['plans'],
        summary: 'Chapters, sections, measures, projects, district directions, bases and parks, in plan order',
        description: pageDescription('Items'),
        params: planParams,
        querystring: itemsQuery.extend(pageQuery(5000).shape),
        response: { 200: z.array(planItem), 400: errorResponse, 404: errorResponse },
      },
      handler: async (req, reply) => pageOf(req, reply, await plansService.items(database, req.params.planId, planReader(req), req.query.kind), req.query),
    });

    app.get('/api/plans/:planId/baseline-offers', {
      config: { policy: 'public', answerCache: true },
      schema: {
        tags: ['plans'],
        summary: '规划衔接: the final values of an earlier plan of the same region (ending in this plan’s base year) offered as this plan’s 基期值',
        description: 'One row per indicator this plan shares with an earlier plan, with the earlier plan’s final standing and whether the printed 基期值 agrees.',
        params: planParams,
        response: { 200: z.array(baselineOffer), 404: errorResponse },
      },
      handler: (req) => baselineOffers(database, req.params.planId, planReader(req)),
    });

    app.get('/api/indicators', {
      config: { policy: 'public', answerCache: true },
      schema: {
        tags: ['plans'],
        summary: 'The indicator catalogue shared by all plans: code, name and unit of every indicator figures may be recorded for',
        description: pageDescription('Indicators'),
        querystring: pageQuery(5000),
        response: { 200: z.array(catalogueIndicator), 400: errorResponse },
      },
      handler: async (req, reply) => pageOf(req, reply, await plansService.catalogue(database), req.query),
    });

    app.get('/api/regions', {
      config: { policy: 'public', answerCache: true },
      schema: { tags: ['regions'], summary: 'Shenzhen and its districts, with validity dates', description: pageDescription('Regions'), querystring: pageQuery(1000), response: { 200: z.array(region), 400: errorResponse } },
      handler: async (req, reply) => pageOf(req, reply, await plansService.regions(database), req.query),
    });
  };
