/**
 * 服务业景气指数 (issue 19): surveys, waves, response import and rates, the indices and their Excel export.
 * Published indices (confidentiality applied) are public, like the statistics they are; response rates are for
 * signed-in users; opening waves and importing answers is the statistics office's (write:survey).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client';
import { byDataVersion } from '../../services/cache/byDataVersion';
import { surveyWorkbook } from '../../services/prosperity/exportXlsx';
import { importResponses } from '../../services/prosperity/importResponses';
import { indices, surveyDetail, surveyPage } from '../../services/prosperity/query';
import { labelledResponseRates, openWave, waveList, waveSummaryOf } from '../../services/prosperity/waves';
import { BadRequestError } from '../../services/errors';
import {
  errorResponse, indicesQuery, indicesResponse, openedWave, openWaveBody, responseImportReport, responseRates, surveyDetail as surveyDetailSchema, surveyList, surveyListQuery, surveyParams, waveList as waveListSchema,
  waveListQuery, waveParams,
} from '../../shared/api';
import { announceNext, pageDescription } from '../paging';
import { auditContext } from '../policy';
import { DEFAULT_UPLOAD_LIMITS, uploadGate, type UploadLimits } from '../upload/limits';
import { withImportUpload } from '../upload/receive';

export const prosperityRoutes = (database: Database, uploadLimits: Partial<UploadLimits> = {}): FastifyPluginAsyncZod =>
  async function routes(app) {
    // The same bounds as the figures' import (server/upload/limits.ts): size, rows, stalls, imports at once.
    const limits: UploadLimits = { ...DEFAULT_UPLOAD_LIMITS, ...uploadLimits };
    const gate = uploadGate(limits);
    app.get('/api/prosperity/surveys', {
      config: { policy: 'public' },
      schema: { tags: ['prosperity'], summary: pageDescription('Business-climate surveys (景气调查)'), querystring: surveyListQuery, response: { 200: surveyList, 400: errorResponse } },
      handler: async (req, reply) => {
        const page = await surveyPage(database, req.query.limit, req.query.cursor);
        announceNext(req, reply, page.nextCursor);
        return page.items;
      },
    });

    app.get('/api/prosperity/surveys/:survey', {
      config: { policy: 'public' },
      schema: { tags: ['prosperity'], summary: 'A survey: its questionnaire (questions, answer scales, horizons) and index settings', params: surveyParams, response: { 200: surveyDetailSchema, 404: errorResponse } },
      handler: (req) => surveyDetail(database, req.params.survey),
    });

    app.get('/api/prosperity/surveys/:survey/waves', {
      config: { policy: 'read' },
      schema: { tags: ['prosperity'], summary: pageDescription('Waves of a survey, newest first, with panel size, responses and response rate'), params: surveyParams, querystring: waveListQuery, response: { 200: waveListSchema, 400: errorResponse, 404: errorResponse } },
      handler: async (req, reply) => {
        const before = req.query.cursor === undefined ? null : Buffer.from(req.query.cursor, 'base64url').toString('utf8');
        if (before !== null && !/^\d{4}(-\d{2}|Q[1-4])$/.test(before)) throw new BadRequestError('query field cursor: not a cursor this server gave (use the x-next-cursor header of the previous page)');
        const rows = await waveList(database, req.params.survey, req.query.limit + 1, before);
        const items = rows.slice(0, req.query.limit).map(waveSummaryOf);
        const last = items[items.length - 1];
        announceNext(req, reply, rows.length > req.query.limit && last ? Buffer.from(last.period, 'utf8').toString('base64url') : null);
        return items;
      },
    });

    app.post('/api/prosperity/surveys/:survey/waves', {
      config: { policy: 'write:survey' },
      schema: { tags: ['prosperity'], summary: 'Open the wave of a period (an existing one is returned as it is)', params: surveyParams, body: openWaveBody, response: { 200: openedWave, 400: errorResponse, 404: errorResponse } },
      handler: async (req) => {
        const w = await openWave(database, req.params.survey, req.body.period, auditContext(req));
        return { id: w.id, survey: w.surveyCode, period: w.period, committed: w.created };
      },
    });

    app.get('/api/prosperity/waves/:waveId/response-rates', {
      config: { policy: 'read' },
      schema: { tags: ['prosperity'], summary: 'Response rate of a wave: all enterprises and by industry section, size class and district', params: waveParams, response: { 200: responseRates, 404: errorResponse } },
      handler: (req) => labelledResponseRates(database, req.params.waveId),
    });

    app.post('/api/prosperity/surveys/:waveId/responses/import', {
      config: { policy: 'write:survey' },
      schema: {
        tags: ['prosperity'],
        summary: 'Import a wave’s answers: CSV (UTF-8/GBK) or XLSX, one row per enterprise (统一社会信用代码, one column per question and horizon); multipart: file, dryRun=true|false, onError=reject|skip. All or nothing; every problem by row and column',
        consumes: ['multipart/form-data'],
        params: waveParams,
        response: { 200: responseImportReport, 400: errorResponse, 404: errorResponse, 413: errorResponse, 422: responseImportReport, 429: errorResponse },
      },
      handler: async (req, reply) => {
        return withImportUpload(req, reply, gate, limits, async ({ file, fields }) => {
        const onError = fields.onError === 'skip' ? 'skip' : 'reject';
        const report = await importResponses(database, {
          waveId: req.params.waveId, file: file.path, fileName: file.name, dryRun: fields.dryRun === 'true', onError, maxRows: limits.maxRows, audit: auditContext(req),
        });
        const refused = report.errors.length > 0 || (report.counts.rejectedRows > 0 && !report.dryRun && onError !== 'skip');
        return reply.code(refused ? 422 : 200).send(report);
        });
      },
    });

    app.get('/api/prosperity/indices', {
      config: { policy: 'public' },
      schema: {
        tags: ['prosperity'],
        summary: 'Indices of a survey: kind=diffusion (扩散指数 per question, horizon and group) | climate (企业景气指数, 企业家信心指数) | composite (先行/一致/滞后 合成指数 with components and turning points) | signals (景气信号灯). Withheld cells (confidentiality) have no value and say why. Diffusion and climate items are paged: limit and cursor, the next page announced by the x-next-cursor and Link headers',
        querystring: indicesQuery,
        response: { 200: indicesResponse, 400: errorResponse, 404: errorResponse },
      },
      handler: async (req, reply) => {
        if (req.query.from && req.query.to && req.query.from > req.query.to) throw new BadRequestError('from must not be after to');
        // Published statistics: the same for everyone, so one cache entry per query serves all.
        const r = await byDataVersion(database, JSON.stringify(['prosperity', req.query]), () => indices(database, req.query));
        if (r.kind !== 'diffusion' && r.kind !== 'climate') return r;
        // The listed kinds page like every list: the next page's cursor in the x-next-cursor header.
        const { nextCursor, ...body } = r;
        announceNext(req, reply, nextCursor);
        return body;
      },
    });

    app.get('/api/prosperity/surveys/:survey/export', {
      config: { policy: 'public' },
      schema: { tags: ['prosperity'], summary: 'Every index of the survey with its inputs, as an Excel workbook (扩散指数, 景气指数, 合成指数, 成分指标, 信号灯, 转折点)', params: surveyParams },
      handler: async (req, reply) => {
        const body = await surveyWorkbook(database, req.params.survey);
        const name = `${req.params.survey}-indices.xlsx`.replace(/[^A-Za-z0-9._-]/g, '_');
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent('景气指数.xlsx')}`)
          .send(body);
      },
    });
  };
