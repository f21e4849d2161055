/** 定性评估 routes: record (planner, administrator; audited) and read the assessments of a qualitative target. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { assessmentsOf, recordAssessment } from '../../services/evaluation/assessments';
import { plansService } from '../../services/plans';
import { assessmentBody, assessmentDto, assessmentParams, errorResponse } from '../../shared/api';
import { auditContext, planReader } from '../policy';

export const assessmentRoutes = (database: Database): FastifyPluginAsyncZod =>
  async function routes(app) {
    app.post('/api/plans/:planId/indicators/:code/assessments', {
      config: { policy: 'assess:targets' },
      schema: {
        tags: ['evaluation'],
        summary: 'Record an assessment of a qualitative target (定性评估) with its evidence; a new judgement is a new record',
        params: assessmentParams,
        body: assessmentBody,
        response: { 201: assessmentDto, 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse },
      },
      handler: async (req, reply) => reply.code(201).send(await recordAssessment(database, auditContext(req), req.params.planId, req.params.code, req.body)),
    });

    app.get('/api/plans/:planId/indicators/:code/assessments', {
      config: { policy: 'public' },
      schema: {
        tags: ['evaluation'],
        summary: 'Every assessment of an indicator’s qualitative targets, oldest first (the latest made by the as-of date stands)',
        params: assessmentParams,
        response: { 200: z.array(assessmentDto), 404: errorResponse },
      },
      handler: async (req) => {
        await plansService.get(database, req.params.planId, planReader(req));
        return assessmentsOf(database, req.params.planId, req.params.code);
      },
    });
  };
