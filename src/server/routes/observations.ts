/** Figures: read, enter, import, export; the import template; import batches. */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { mayWriteRegion } from '../../domain/access/roles';
import { auditContext, draftRegions, evaluationStates, readableStates } from '../policy';
import { z } from 'zod';
import type { Database } from '../../db/client';
import type { ObservationKey } from '../../db/observationsPage';
import { exportObservations } from '../../services/export/exportObservations';
import { importObservations, type ImportReport } from '../../services/import/importObservations';
import { buildTemplate } from '../../services/import/template';
import { DEFAULT_UPLOAD_LIMITS, uploadGate, type UploadLimits } from '../upload/limits';
import { withImportUpload } from '../upload/receive';
import { announceNext, decodeCursor, encodeCursor, pageDescription, pageOf, pageQuery } from '../paging';
import { observationsService, toFilter } from '../../services/observations';
import {
  candidatesQuery, candidatesResponse, derivedFigure, derivedQuery, errorResponse, exportQuery, importBatch, importReport, observation, observationsQuery, postFiguresBody,
} from '../../shared/api';

/** 200 when the import did what was asked (committed, or a clean dry run); 403 outside the writer's scope; 422 when refused. */
const statusOf = (r: ImportReport) => (r.forbidden ? 403 : r.errors.length > 0 || (r.counts.rejected > 0 && !r.committed) ? 422 : 200);

/** A figures cursor: the key of a page's last figure (db/observationsPage.ts). */
const isObservationKey = (v: unknown): v is ObservationKey =>
  Array.isArray(v) && v.length === 5 && typeof v[0] === 'string' && typeof v[1] === 'string' && [v[2], v[3], v[4]].every((n) => Number.isSafeInteger(n));

/** The writer's row-level scope and audit identity, from the request. */
const access = (req: FastifyRequest) => ({ mayWriteRegion: (code: string) => mayWriteRegion(req.principal, code), audit: auditContext(req) });

export const observationRoutes = (database: Database, uploadLimits: Partial<UploadLimits> = {}): FastifyPluginAsyncZod =>
  async function routes(app) {
    const limits: UploadLimits = { ...DEFAULT_UPLOAD_LIMITS, ...uploadLimits };
    const gate = uploadGate(limits);
    app.get('/api/observations', {
      config: { policy: 'public', answerCache: true },
      schema: {
        tags: ['figures'],
        summary: 'Figures, every vintage and source (filter by indicator, region, period, plan)',
        description: pageDescription('Figures, in the order indicator, region, period'),
        querystring: observationsQuery.extend(pageQuery(5000, 1000).shape),
        response: { 200: z.array(observation), 400: errorResponse },
      },
      handler: async (req, reply) => {
        const { limit, cursor, ...q } = req.query;
        const page = await observationsService.page(database, { ...q, state: readableStates(req, q.state), draftRegions: draftRegions(req) }, { limit, after: decodeCursor(cursor, isObservationKey) });
        announceNext(req, reply, page.more && page.last ? encodeCursor(page.last) : null);
        return page.items;
      },
    });

    app.get('/api/observations/candidates', {
      config: { policy: 'public' },
      schema: {
        tags: ['figures'],
        summary: 'Every figure for one indicator, region and period, ranked by the preference rule, with the reason for each rank',
        querystring: candidatesQuery,
        response: { 200: candidatesResponse, 400: errorResponse },
      },
      handler: (req) => observationsService.candidates(database, { ...req.query, states: evaluationStates(req, req.query.includeDrafts) }),
    });

    app.get('/api/observations/derived', {
      config: { policy: 'public' },
      schema: {
        tags: ['figures'],
        summary: 'Single quarters and months derived from cumulative figures (1–9月 − 1–6月 = Q3), marked derived, for amounts only',
        description: pageDescription('Derived figures'),
        querystring: derivedQuery.extend(pageQuery(5000).shape),
        response: { 200: z.array(derivedFigure), 400: errorResponse, 404: errorResponse },
      },
      handler: async (req, reply) => pageOf(req, reply, await observationsService.derived(database, { ...req.query, states: evaluationStates(req, req.query.includeDrafts) }), req.query),
    });

    app.post('/api/observations', {
      config: { policy: 'write:observations' },
      schema: {
        tags: ['figures'],
        summary: 'Enter figures (checked exactly as an import; all or nothing); they land as drafts unless an approver sets approve',
        body: postFiguresBody,
        response: { 200: importReport, 401: errorResponse, 403: importReport.or(errorResponse), 422: importReport },
      },
      handler: async (req, reply) => {
        const report = await observationsService.post(database, req.body.figures, req.body.dryRun, { ...access(req), approve: req.body.approve, within: req.body.within ?? null });
        return reply.code(statusOf(report)).send(report);
      },
    });

    app.post('/api/observations/import', {
      config: { policy: 'write:observations' },
      schema: {
        tags: ['figures'],
        summary: 'Import a CSV or XLSX file (multipart: file, dryRun=true|false, onError=reject|skip, approve=true|false, mapping={"列名":"field"}, within=广州市: the region whose district names the file uses); a person’s figures land as drafts unless an approver sets approve=true',
        consumes: ['multipart/form-data'],
        response: { 200: importReport, 400: errorResponse, 401: errorResponse, 403: importReport.or(errorResponse), 422: importReport },
      },
      handler: async (req, reply) => {
        return withImportUpload(req, reply, gate, limits, async ({ file, fields, mapping }) => {
        const report = await importObservations(database, {
          file: file.path,
          fileName: file.name,
          dryRun: fields.dryRun === 'true',
          onError: fields.onError === 'skip' ? 'skip' : 'reject',
          approve: fields.approve === 'true',
          within: fields.within ?? null,
          maxRows: limits.maxRows,
          ...access(req),
          ...(mapping ? { mapping } : {}),
        });
        return reply.code(statusOf(report)).send(report);
        });
      },
    });

    app.get('/api/observations/template', {
      config: { policy: 'public' },
      schema: { tags: ['figures'], summary: 'The Excel import template (Chinese headers, drop-down lists)' },
      handler: async (_req, reply) => {
        const body = await buildTemplate(database);
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="template.xlsx"; filename*=UTF-8''${encodeURIComponent('数据导入模板.xlsx')}`)
          .send(body);
      },
    });

    app.get('/api/observations/export', {
      config: { policy: 'public' },
      schema: { tags: ['figures'], summary: 'Export figures as CSV, XLSX or SDMX-CSV', querystring: exportQuery },
      handler: async (req, reply) => {
        const { format, ...rest } = req.query;
        // toFilter answers 404 for an unknown plan and narrows the indicators to the plan's.
        const filter = await toFilter(database, { ...rest, state: readableStates(req, rest.state), draftRegions: draftRegions(req) });
        const file = await exportObservations(database, { ...filter, format });
        const safe = file.fileName.replace(/[^A-Za-z0-9._-]/g, '_');
        return reply.type(file.contentType).header('content-disposition', `attachment; filename="${safe}"`).header('x-figure-count', String(file.rows)).send(file.body);
      },
    });

    app.get('/api/imports/:id', {
      // A batch report lists rows not yet approved: it is for signed-in users.
      config: { policy: 'read' },
      schema: { tags: ['figures'], summary: 'An import batch and its report', params: z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) }), response: { 200: importBatch, 404: errorResponse } },
      handler: async (req) => {
        const b = await observationsService.batch(database, req.params.id, draftRegions(req));
        return { ...b, createdAt: b.createdAt.toISOString() };
      },
    });
  };
