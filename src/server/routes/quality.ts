/** 数据质量: violations of the data-quality rules (list, summary, Excel), acknowledgements, per-figure results, completeness. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client';
import { planCompleteness, pageItems } from '../../services/quality/completeness';
import { exportViolations } from '../../services/quality/exportViolations';
import { figuresQuality } from '../../services/quality/figures';
import { acknowledgeViolation, listViolations, qualitySummary } from '../../services/quality/violations';
import {
  acknowledgementBody, acknowledgementResponse, completenessItemsQuery, completenessItemsResponse, completenessQuery, completenessResponse, errorResponse,
  figuresQualityQuery, figuresQualityResponse, qualitySummaryResponse, TOTAL_COUNT_HEADER, violationFilterQuery, violationsQuery, violationsResponse,
} from '../../shared/api';
import { announceNext, pageDescription } from '../paging';
import { auditContext } from '../policy';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };

export const qualityRoutes = (database: Database): FastifyPluginAsyncZod =>
  async function routes(app) {
    app.get('/api/quality/violations', {
      config: { policy: 'read' },
      schema: {
        tags: ['quality'],
        summary: 'Violations of the data-quality rules (数据质量问题), errors first',
        description: pageDescription('At most 1000 a page; x-total-count: how many match; x-checked-at: when the figures were last checked'),
        querystring: violationsQuery,
        response: { 200: violationsResponse, ...errors },
      },
      handler: async (req, reply) => {
        const page = await listViolations(database, req.query);
        reply.header(TOTAL_COUNT_HEADER, String(page.total)).header('x-checked-at', page.checkedAt);
        announceNext(req, reply, page.nextCursor);
        return page.items;
      },
    });

    app.get('/api/quality/summary', {
      config: { policy: 'read' },
      schema: { tags: ['quality'], summary: 'The rules in force with their outcomes, and violations counted by rule, indicator, region and year', querystring: violationFilterQuery, response: { 200: qualitySummaryResponse, ...errors } },
      handler: (req) => qualitySummary(database, req.query),
    });

    app.get('/api/quality/violations/export', {
      config: { policy: 'read' },
      schema: { tags: ['quality'], summary: 'The violations and their counts as an Excel workbook', querystring: violationFilterQuery },
      handler: async (req, reply) => {
        const file = await exportViolations(database, req.query);
        return reply.type(file.contentType).header('content-disposition', `attachment; filename="${file.fileName}"`).send(file.body);
      },
    });

    app.post('/api/quality/acknowledgements', {
      config: { policy: 'approve:observations' },
      schema: { tags: ['quality'], summary: 'Acknowledge a warning with a comment (audited); an error cannot be acknowledged', body: acknowledgementBody, response: { 200: acknowledgementResponse, ...errors } },
      handler: async (req) => ({ violation: await acknowledgeViolation(database, req.body, auditContext(req)) }),
    });

    app.get('/api/quality/figures', {
      config: { policy: 'read' },
      schema: { tags: ['quality'], summary: 'Every rule result of the given figures, checked against the approved figures (the approvals queue shows them)', querystring: figuresQualityQuery, response: { 200: figuresQualityResponse, ...errors } },
      handler: async (req) => ({ items: await figuresQuality(database, req.query.ids) }),
    });

    app.get('/api/quality/completeness', {
      config: { policy: 'read' },
      schema: { tags: ['quality'], summary: 'Completeness (报送率) of a plan’s reporting calendar: expected, received and approved, overall, per district, per department and per period', querystring: completenessQuery, response: { 200: completenessResponse, ...errors } },
      handler: async (req) => {
        // The items themselves are a long list: /api/quality/completeness/items pages them.
        const c = await planCompleteness(database, req.query);
        return { planId: c.planId, calendar: c.calendar, asOf: c.asOf, overall: c.overall, byRegion: c.byRegion, byDepartment: c.byDepartment, history: c.history };
      },
    });

    app.get('/api/quality/completeness/items', {
      config: { policy: 'read' },
      schema: {
        tags: ['quality'],
        summary: 'The expected items of a plan’s reporting calendar with their status (late, overdue, received, approved)',
        description: pageDescription('At most 1000 a page; x-total-count: how many match'),
        querystring: completenessItemsQuery,
        response: { 200: completenessItemsResponse, ...errors },
      },
      handler: async (req, reply) => {
        const { status, region, late, limit, cursor, ...q } = req.query;
        const c = await planCompleteness(database, q);
        const page = pageItems(c.items, { status, region, late }, limit, cursor);
        reply.header(TOTAL_COUNT_HEADER, String(page.total));
        announceNext(req, reply, page.nextCursor);
        return page.items;
      },
    });
  };
