/**
 * The enterprise database's routes: enterprise search and pages (microdata), the enterprise import, industry
 * aggregates (public, suppressed), and the classification and items (reference data). Thin: parse, call one use
 * case, present.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { may } from '../../domain/access/roles';
import { aggregatePeriods, industryAggregates } from '../../services/enterprises/aggregates';
import { enterpriseConfig } from '../../services/enterprises/config';
import { importEnterpriseFile } from '../../services/enterprises/import/importEnterprises';
import { materialiseAggregateIndicators } from '../../services/enterprises/materialise';
import { enterprisePage, findEnterprises } from '../../services/enterprises/registry';
import { confidentialityRules } from '../../services/enterprises/rules';
import {
  aggregatePeriodsQuery, aggregatePeriodsResponse, enterpriseDetail, enterpriseImportReport, enterpriseItemsPage, enterpriseItemsQuery, enterprisesPage, enterprisesQuery,
  errorResponse, industriesPage, industriesQuery, industryAggregatesQuery, industryAggregatesResponse, usccParams,
} from '../../shared/api';
import { auditContext } from '../policy';
import { DEFAULT_UPLOAD_LIMITS, uploadGate, type UploadLimits } from '../upload/limits';
import { withImportUpload } from '../upload/receive';

/** An enterprise file of a province's month is tens of MB; 256 MB leaves room for a year in one file. */
export const ENTERPRISE_UPLOAD_LIMIT = 256 * 1024 * 1024;

/** Keyset paging over a list in its own order: the cursor is the key of the previous page's last item. */
function pageOf<T>(all: readonly T[], key: (t: T) => string, limit: number, cursor: string | undefined): { items: T[]; nextCursor: string | null } {
  const at = cursor === undefined ? -1 : all.findIndex((t) => key(t) === cursor);
  const from = cursor === undefined ? 0 : at < 0 ? -1 : at + 1;
  const items = from < 0 ? [] : all.slice(from, from + limit);
  const last = items[items.length - 1];
  return { items, nextCursor: last !== undefined && from + limit < all.length ? key(last) : null };
}

export const enterpriseRoutes = (database: Database, uploadLimits: Partial<UploadLimits> = {}): FastifyPluginAsyncZod =>
  async function routes(app) {
    const rules = confidentialityRules();
    // The server's upload bounds (stall, cut-off, imports at once), with the enterprise files' own size: a province's
    // month is tens of MB, so UPLOAD_MAX_MB only raises it.
    const limits: UploadLimits = { ...DEFAULT_UPLOAD_LIMITS, ...uploadLimits };
    limits.maxBytes = Math.max(limits.maxBytes, ENTERPRISE_UPLOAD_LIMIT);
    const gate = uploadGate(limits);

    app.get('/api/enterprises', {
      config: { policy: 'read:microdata' },
      schema: { tags: ['enterprises'], summary: 'Search the enterprise registry (microdata: audited) by USCC, name (current or former), industry, region, key list; paged', querystring: enterprisesQuery, response: { 200: enterprisesPage, 400: errorResponse } },
      handler: (req) => findEnterprises(database, req.query, auditContext(req)),
    });

    app.get('/api/enterprises/:uscc', {
      config: { policy: 'read:microdata' },
      schema: { tags: ['enterprises'], summary: 'One enterprise (microdata: audited): its dated registry versions, former names, key lists and figures with every revision', params: usccParams, response: { 200: enterpriseDetail, 404: errorResponse } },
      handler: (req) => enterprisePage(database, req.params.uscc, auditContext(req)),
    });

    app.post('/api/enterprises/import', {
      config: { policy: 'write:enterprises' },
      schema: {
        tags: ['enterprises'],
        summary: 'Import an enterprise file: CSV or XLSX, our template or the 一套表 export (multipart: file, dryRun=true|false, onError=reject|skip, mapping={"列名":"field"}); at most 256 MB',
        consumes: ['multipart/form-data'],
        response: { 200: enterpriseImportReport, 400: errorResponse, 422: enterpriseImportReport },
      },
      handler: async (req, reply) => {
        return withImportUpload(req, reply, gate, limits, async ({ file, fields, mapping }) => {
        const who = auditContext(req);
        const report = await importEnterpriseFile(database, {
          file: file.path, fileName: file.name, dryRun: fields.dryRun === 'true', onError: fields.onError === 'skip' ? 'skip' : 'reject', audit: who,
          ...(mapping ? { mapping } : {}),
        });
        // The import is committed by now: a failure to recompute the indicators is reported, not thrown.
        let indicators: Awaited<ReturnType<typeof materialiseAggregateIndicators>> = [];
        let indicatorError: string | null = null;
        if (report.committed) {
          try {
            indicators = await materialiseAggregateIndicators(database, rules, { audit: who });
          } catch (e) {
            indicatorError = (e as Error).message;
            req.log.error(e);
          }
        }
        const refused = report.errors.length > 0 || (report.counts.rejectedRows > 0 && !report.committed);
        return reply.code(refused ? 422 : 200).send({ ...report, indicators: indicators.map((i) => ({ indicator: i.indicator, years: i.years })), indicatorError });
        });
      },
    });

    // The local admin channel (the plan-monitor command beside a server that holds the embedded folder): import a
    // file of this machine, recompute the computed indicators. Policy `system`; hidden from the OpenAPI document.
    app.post('/api/admin/enterprises/import', {
      config: { policy: 'system' },
      schema: {
        hide: true,
        body: z.object({ file: z.string().min(1), dryRun: z.boolean().default(false), onError: z.enum(['reject', 'skip']).default('reject'), mapping: z.record(z.string(), z.string()).optional(), indicators: z.boolean().default(true) }),
      },
      handler: async (req, reply) => {
        const { file, dryRun, onError, mapping, indicators: recompute } = req.body;
        const who = auditContext(req);
        const report = await importEnterpriseFile(database, { file, dryRun, onError, audit: who, ...(mapping ? { mapping } : {}) });
        const indicators = report.committed && recompute ? await materialiseAggregateIndicators(database, rules, { audit: who }) : [];
        const refused = report.errors.length > 0 || (report.counts.rejectedRows > 0 && !report.committed);
        return reply.code(refused ? 422 : 200).send({ report, indicators });
      },
    });

    app.post('/api/admin/enterprises/indicators', {
      config: { policy: 'system' },
      schema: { hide: true, body: z.object({ allowSynthetic: z.boolean().default(false) }) },
      handler: (req) => materialiseAggregateIndicators(database, rules, { audit: auditContext(req), ...(req.body.allowSynthetic ? { allowSynthetic: true } : {}) }),
    });

    app.get('/api/industry-aggregates', {
      config: { policy: 'public' },
      schema: {
        tags: ['enterprises'],
        summary: 'Industry × region totals, counts, growth (all enterprises and 可比口径) and shares of one item and period; confidential cells suppressed unless the reader has microdata rights (then audited)',
        querystring: industryAggregatesQuery,
        response: { 200: industryAggregatesResponse, 400: errorResponse, 404: errorResponse },
      },
      handler: (req) =>
        industryAggregates(database, req.query, { microdata: may(req.principal, 'read:microdata'), audit: auditContext(req) }, rules),
    });

    app.get('/api/industry-aggregates/periods', {
      config: { policy: 'public' },
      schema: { tags: ['enterprises'], summary: 'The periods that have figures of an item, newest first', querystring: aggregatePeriodsQuery, response: { 200: aggregatePeriodsResponse } },
      handler: (req) => aggregatePeriods(database, req.query.item),
    });

    app.get('/api/industries', {
      config: { policy: 'public' },
      schema: { tags: ['enterprises'], summary: 'GB/T 4754-2017 国民经济行业分类 (sections, or the children of a code); paged', querystring: industriesQuery, response: { 200: industriesPage } },
      handler: async (req) => {
        const { industries } = await enterpriseConfig();
        const list = industries.filter((i) => (req.query.parent ? i.parentCode === req.query.parent : i.level === 'section'));
        return pageOf(list, (i) => i.code, req.query.limit, req.query.cursor);
      },
    });

    app.get('/api/enterprise-items', {
      config: { policy: 'public' },
      schema: { tags: ['enterprises'], summary: 'The items enterprises report, in the order of enterprises/items.yaml; paged', querystring: enterpriseItemsQuery, response: { 200: enterpriseItemsPage } },
      handler: async (req) => {
        const { items } = await enterpriseConfig();
        return pageOf(items, (i) => i.code, req.query.limit, req.query.cursor);
      },
    });
  };
