/** 审核: the approvals queue, and submit / approve / reject / withdraw / edit / correct a figure. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client';
import { approvalService } from '../../services/approval';
import { actionsOfFigure, withActions } from '../../services/approvalFlow';
import {
  approvalsQuery, approvalsResponse, correctionBody, decisionBody, editFigureBody, errorResponse, figureActionsResponse, figureParams, figureResponse,
} from '../../shared/api';
import { auditContext } from '../policy';
import { pageDescription, pageOf, pageQuery } from '../paging';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };

export const approvalRoutes = (database: Database): FastifyPluginAsyncZod =>
  async function routes(app) {
    app.get('/api/approvals', {
      config: { policy: 'approve:observations' },
      schema: {
        tags: ['approval'],
        summary: 'The approvals queue: figures in the given approval states (default submitted)',
        description: pageDescription('Figures'),
        querystring: approvalsQuery.extend(pageQuery(1000, 500).shape),
        response: { 200: approvalsResponse, ...errors },
      },
      handler: async (req, reply) => ({ items: withActions(pageOf(req, reply, await approvalService.queue(database, req.query.state, req.query.plan), req.query), auditContext(req)) }),
    });

    app.get('/api/observations/:id/actions', {
      config: { policy: 'read' },
      schema: {
        tags: ['approval'],
        summary: 'What you may do with this figure now (submit, approve, reject, edit, correct, withdraw): a page offers only these',
        params: figureParams,
        response: { 200: figureActionsResponse, ...errors },
      },
      handler: async (req) => ({ id: req.params.id, actions: await actionsOfFigure(database, req.params.id, auditContext(req)) }),
    });

    for (const action of ['submit', 'approve', 'reject', 'withdraw'] as const) {
      app.post(`/api/observations/:id/${action}`, {
        config: { policy: action === 'submit' || action === 'withdraw' ? 'write:observations' : 'approve:observations' },
        schema: {
          tags: ['approval'],
          summary: {
            submit: 'Submit a draft (or rejected) figure for approval',
            approve: 'Approve a submitted figure, or a draft directly (submit and approve in one audited step) when the four-eyes rule allows: it is locked from now on',
            reject: 'Reject a submitted figure, saying why (comment); it can be edited and submitted again',
            withdraw: 'Withdraw a figure not yet approved (a draft, submitted or rejected one): it is kept but counts nowhere, and is locked',
          }[action],
          params: figureParams,
          body: decisionBody,
          response: { 200: figureResponse, ...errors },
        },
        handler: async (req) => ({ observation: await approvalService.decide(database, req.params.id, action, req.body, auditContext(req)) }),
      });
    }

    app.patch('/api/observations/:id', {
      config: { policy: 'write:observations' },
      schema: { tags: ['approval'], summary: 'Edit a draft or rejected figure (an approved one is locked: 409)', params: figureParams, body: editFigureBody, response: { 200: figureResponse, ...errors } },
      handler: async (req) => ({ observation: await approvalService.edit(database, req.params.id, req.body, auditContext(req)) }),
    });

    app.post('/api/observations/:id/corrections', {
      config: { policy: 'write:observations' },
      schema: {
        tags: ['approval'],
        summary: 'Correct an approved figure: a new figure (a new vintage) in draft that replaces it once approved',
        params: figureParams,
        body: correctionBody,
        response: { 200: figureResponse, ...errors },
      },
      handler: async (req) => ({ observation: await approvalService.correct(database, req.params.id, req.body, auditContext(req)) }),
    });
  };
