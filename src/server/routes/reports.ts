/**
 * Evaluation reports (issue 7): the file (Word, PDF, Excel), the drafted text for editing, and the file built with
 * the planner's edited text. Any signed-in user may read them (policy read). PDF without Chromium answers 503 with
 * how to install it; Word and Excel always work. The server keeps one Chromium open for its PDFs (warmBrowser.ts),
 * started by the first PDF and closed with the server.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Database } from '../../db/client';
import type { ReportKind } from '../../domain/report/kinds';
import { auditContext, evaluationStates } from '../policy';
import type { DraftRequest, ReportRequest } from '../../reports/generate';
import { warmBrowser } from '../../reports/warmBrowser';
import { audit } from '../../services/access/audit';
import { errorResponse, reportDraft, reportDraftQuery, reportEdits, reportParams, reportQuery } from '../../shared/api';

/** The report modules (docx, ECharts, exceljs) load on the first report, not at server start. */
const reports = () => import('../../reports/generate');

/** The report request of a route: plan and kind from the path, the rest from the query string (the three routes share it). */
function draftRequest(req: FastifyRequest, params: { planId: string; kind: ReportKind }, query: z.infer<typeof reportDraftQuery>): DraftRequest {
  const { asOf, lang, region } = query;
  return { planId: params.planId, kind: params.kind, lang, asOf, regionCode: region, states: evaluationStates(req, query.includeDrafts) };
}

async function send(database: Database, reply: FastifyReply, req: ReportRequest) {
  const { generateReport, ChromiumMissingError } = await reports();
  try {
    const file = await generateReport(database, req);
    // The file name is ASCII by construction (plan id, kind, as-of, language); the header stays plain.
    return await reply.type(file.contentType).header('content-disposition', `attachment; filename="${file.fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`).send(file.data);
  } catch (e) {
    if (e instanceof ChromiumMissingError) return reply.code(503).send({ error: e.message });
    throw e;
  }
}

export const reportRoutes = (database: Database): FastifyPluginAsyncZod =>
  async function routes(app) {
    const browser = warmBrowser();
    app.addHook('onClose', () => browser.close());

    app.get('/api/plans/:planId/reports/:kind', {
      config: { policy: 'read' },
      schema: {
        tags: ['reports'],
        summary: 'An evaluation report (年度监测报告 | 中期评估报告 | 总结评估报告) as docx, pdf or xlsx, drafted from the evaluation',
        params: reportParams,
        querystring: reportQuery,
        response: { 400: errorResponse, 404: errorResponse, 503: errorResponse },
      },
      handler: async (req, reply) => send(database, reply, { ...draftRequest(req, req.params, req.query), format: req.query.format, browser }),
    });

    app.get('/api/plans/:planId/reports/:kind/draft', {
      config: { policy: 'read' },
      schema: {
        tags: ['reports'],
        summary: 'The drafted text of a report, section by section, for editing before export',
        params: reportParams,
        querystring: reportDraftQuery,
        response: { 200: reportDraft, 400: errorResponse, 404: errorResponse },
      },
      handler: async (req) => {
        const draft = await (await reports()).reportDraft(database, draftRequest(req, req.params, req.query));
        return { title: draft.title, sections: draft.sections };
      },
    });

    app.post('/api/plans/:planId/reports/:kind', {
      config: { policy: 'read' },
      schema: {
        tags: ['reports'],
        summary: 'The report built with the edited text of its sections (tables and numbers still come from the evaluation)',
        params: reportParams,
        querystring: reportQuery,
        body: reportEdits,
        response: { 400: errorResponse, 404: errorResponse, 503: errorResponse },
      },
      handler: async (req, reply) => {
        const { asOf, lang, format } = req.query;
        const sent = await send(database, reply, { ...draftRequest(req, req.params, req.query), format, browser, edits: req.body.sections });
        // A report leaving the platform with text a person wrote is recorded: who, which plan, which sections.
        if (reply.statusCode < 300) {
          await audit(database.db, auditContext(req), { action: 'report.export_edited', entity: 'plan', entityId: req.params.planId, newValue: { kind: req.params.kind, asOf: asOf ?? null, format, lang, sections: req.body.sections.map((s) => s.id) } });
        }
        return sent;
      },
    });
  };
