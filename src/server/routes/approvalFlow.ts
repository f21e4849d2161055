/** Approvals that flow (issue 15): bulk approve / return / submit with one comment, and approve an import batch. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client';
import { approvalFlow } from '../../services/approvalFlow';
import { approveBatchBody, batchParams, bulkDecisionBody, bulkDecisionResponse, errorResponse } from '../../shared/api';
import { auditContext } from '../policy';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };

export const approvalFlowRoutes = (database: Database): FastifyPluginAsyncZod =>
  async function routes(app) {
    app.post('/api/approvals/bulk', {
      config: { policy: 'approve:observations' },
      schema: {
        tags: ['approval'],
        summary: 'Approve, return (reject) or submit many figures with one comment, all or none',
        description: 'One transaction: each figure is decided like a single one (a draft is approved directly when the four-eyes rule allows) and audited; a stale version or a figure you may not decide changes nothing and names the figure.',
        body: bulkDecisionBody,
        response: { 200: bulkDecisionResponse, ...errors },
      },
      handler: async (req) => ({ items: await approvalFlow.decideMany(database, req.body.action, req.body, auditContext(req)) }),
    });

    app.post('/api/imports/:batchId/approve', {
      config: { policy: 'approve:observations' },
      schema: {
        tags: ['approval'],
        summary: 'Approve every draft figure of an import batch after review (four-eyes rule applies), all or none',
        params: batchParams,
        body: approveBatchBody,
        response: { 200: bulkDecisionResponse, ...errors },
      },
      handler: async (req) => ({ items: await approvalFlow.approveBatch(database, req.params.batchId, req.body.comment, auditContext(req)) }),
    });
  };
