/** 重大项目 routes (issue 16): the project table of a year, the dispatch-table import (multipart, dry run) and its template. */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client';
import { BadRequestError } from '../../services/errors';
import { actorOf } from '../../services/supervision/actor';
import { importProjects, type ProjectImportReport } from '../../services/supervision/projectImport';
import { projectTable } from '../../services/supervision/projects';
import { buildProjectTemplate } from '../../services/supervision/projectTemplate';
import { errorResponse, planParams, projectImportReport, projectsQuery, projectsResponse } from '../../shared/api';
import { auditContext, planReader } from '../policy';
import { page } from './supervision';

const statusOf = (r: ProjectImportReport) => (r.forbidden ? 403 : r.errors.length > 0 || (r.counts.rejected > 0 && !r.committed) ? 422 : 200);

export const projectRoutes = (database: Database): FastifyPluginAsyncZod =>
  async function routes(app) {
    app.get('/api/plans/:planId/projects', {
      config: { policy: 'read' },
      schema: {
        tags: ['supervision'],
        summary: 'Major projects of a year: plan (baseline and re-plans), latest dispatch record, 年度投资完成率, gap to time progress; totals with 开工率 and 按期竣工率',
        params: planParams,
        querystring: projectsQuery,
        response: { 200: projectsResponse, 400: errorResponse, 401: errorResponse, 404: errorResponse },
      },
      handler: async (req) => {
        const actor = await actorOf(database.db, req.principal);
        const t = await projectTable(database, req.params.planId, { year: req.query.year, reader: planReader(req), actor });
        // Projects keep the plan's order; the cursor is the position in it.
        const indexed = t.projects.map((p, i) => ({ ...p, position: i + 1 }));
        const { items, next } = page(indexed, (p) => p.position, req.query);
        return { year: t.year, asOf: t.asOf, summary: t.summary, items: items.map(({ position: _, ...p }) => p), next };
      },
    });

    app.post('/api/plans/:planId/projects/import', {
      config: { policy: 'report:tasks' },
      schema: {
        tags: ['supervision'],
        summary: 'Import a unit’s monthly project dispatch table (multipart: file = XLSX or CSV, dryRun=true|false); one transaction, per-cell errors, idempotent',
        consumes: ['multipart/form-data'],
        params: planParams,
        response: { 200: projectImportReport, 400: errorResponse, 401: errorResponse, 403: projectImportReport.or(errorResponse), 404: errorResponse, 422: projectImportReport },
      },
      handler: async (req, reply) => {
        if (!req.isMultipart()) throw new BadRequestError('send the file as multipart/form-data (field "file")');
        const dir = await mkdtemp(path.join(tmpdir(), 'pm-projects-'));
        try {
          const fields: Record<string, string> = {};
          let upload: { path: string; name: string } | null = null;
          for await (const part of req.parts()) {
            if (part.type === 'file') {
              const name = path.basename(part.filename || 'upload.xlsx');
              const file = path.join(dir, `upload${path.extname(name)}`);
              await pipeline(part.file, createWriteStream(file));
              if (part.file.truncated) throw new BadRequestError(`file ${name} is larger than the upload limit`);
              upload = { path: file, name };
            } else fields[part.fieldname] = String(part.value);
          }
          if (!upload) throw new BadRequestError('no file in the request (multipart field "file")');
          const report = await importProjects(database, { planId: req.params.planId, file: upload.path, fileName: upload.name, dryRun: fields.dryRun === 'true', audit: auditContext(req) });
          return reply.code(statusOf(report)).send(report);
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      },
    });

    app.get('/api/plans/:planId/projects/template', {
      config: { policy: 'read' },
      schema: { tags: ['supervision'], summary: 'The dispatch table template (Excel, the plan’s projects filled in, drop-down lists)', params: planParams },
      handler: async (req, reply) => {
        const body = await buildProjectTemplate(database, req.params.planId);
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="project-dispatch-template.xlsx"; filename*=UTF-8''${encodeURIComponent('重大项目月度调度表.xlsx')}`)
          .send(body);
      },
    });
  };
