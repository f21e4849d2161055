/**
 * Request and response schemas of the enterprise database (重点行业企业数据库): enterprise search and pages (microdata:
 * signed in with read:microdata, audited), the enterprise import, industry aggregates (public, with confidentiality
 * applied), the classification and the items. List routes are paged: `limit` (with a maximum) and an opaque
 * `cursor` taken from the previous page's `nextCursor`.
 */
import { z } from 'zod';
import { localizedText } from './common';

const sizeClass = z.enum(['large', 'medium', 'small', 'micro']);

/** A page of a list: the items and the cursor of the next page (null on the last). */
export const page = <T extends z.ZodTypeAny>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const enterprisesQuery = z.object({
  q: z.string().trim().max(100).optional().describe('a USCC (or its beginning) or part of a name, current or former'),
  industry: z.string().regex(/^([A-T]|\d{2,4})$/).optional().describe('GB/T 4754-2017 code at any level: a section letter or 2–4 digits'),
  region: z.string().max(40).optional().describe('a region code; its sub-regions are included'),
  keyList: z.string().max(40).optional().describe('a 重点企业名录 code'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(40).optional(),
});

export const enterpriseSummary = z.object({
  uscc: z.string(),
  synthetic: z.boolean().describe('made by the generator (合成数据): never a real enterprise'),
  name: z.string(),
  industryCode: z.string(),
  industryName: z.string(),
  sectionCode: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  aboveDesignatedSize: z.boolean(),
  sizeClass: sizeClass.nullable(),
  openedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  validFrom: z.string(),
});

export const enterprisesPage = page(enterpriseSummary);

export const enterpriseVersion = z.object({
  validFrom: z.string(),
  recordedAt: z.string(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  industryCode: z.string(),
  industryName: z.string(),
  sizeClass: sizeClass.nullable(),
  aboveDesignatedSize: z.boolean(),
  openedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  importBatchId: z.number().int().nullable(),
});

export const enterpriseFigure = z.object({
  itemCode: z.string(),
  periodCode: z.string(),
  periodStart: z.number().int(),
  periodEnd: z.number().int(),
  value: z.number(),
  revision: z.number().int(),
  regionCode: z.string(),
  industryCode: z.string(),
  aboveDesignatedSize: z.boolean(),
  importBatchId: z.number().int(),
  supersededAt: z.string().nullable(),
});

export const enterpriseDetail = enterpriseSummary.extend({
  versions: z.array(enterpriseVersion),
  formerNames: z.array(z.string()),
  keyLists: z.array(z.object({ code: z.string(), name: localizedText, since: z.string() })),
  keyListHistory: z.array(z.object({ code: z.string(), validFrom: z.string(), member: z.boolean() })),
  figures: z.array(enterpriseFigure),
});

export const usccParams = z.object({ uscc: z.string().trim().min(1).max(40) });

export const enterpriseImportReport = z.object({
  file: z.string(),
  format: z.enum(['csv', 'xlsx']),
  encoding: z.string().nullable(),
  layout: z.enum(['long', 'wide', 'registry']).nullable(),
  dryRun: z.boolean(),
  committed: z.boolean(),
  batchId: z.number().int().nullable(),
  rows: z.number().int(),
  counts: z.object({
    newFigures: z.number().int(), revisedFigures: z.number().int(), unchangedFigures: z.number().int(), newEnterprises: z.number().int(),
    newVersions: z.number().int(), listChanges: z.number().int(), rejectedRows: z.number().int(),
  }),
  errors: z.array(z.string()),
  rejected: z.array(z.object({ file: z.string(), row: z.number().int(), column: z.string().nullable(), reason: z.string() })),
  ignoredColumns: z.array(z.string()),
  truncated: z.boolean(),
  indicators: z
    .array(z.object({ indicator: z.string(), years: z.array(z.object({ period: z.string(), value: z.number().nullable(), enterprises: z.number().int(), skipped: z.enum(['confidential', 'synthetic']).nullable() })) }))
    .describe('plan indicators defined as aggregates, recomputed after the import'),
  indicatorError: z.string().nullable().describe('why the indicators could not be recomputed (the import itself is committed)'),
});

export const industryAggregatesQuery = z.object({
  item: z.string().min(1).max(40).describe('an enterprise item code (GET /api/enterprise-items), e.g. REVENUE'),
  period: z.string().min(1).max(40).describe('a period: 2025-01~09, 2025年1-9月, 2025Q3, 2025'),
  industry: z.string().regex(/^(ALL|[A-T]|\d{2,4})$/).optional().describe('ALL (default), a section letter or a 2–4 digit code: that node and its children'),
  region: z.string().max(40).optional().describe('a region (default the top of the registry): it and its children'),
  scope: z.enum(['above', 'all']).optional().describe('above: 规模以上 enterprises (default); all: every enterprise'),
});

export const aggregateCell = z.object({
  industry: z.string(),
  industryName: z.string(),
  industryLevel: z.string(),
  region: z.string(),
  regionName: z.string(),
  count: z.number().int().describe('enterprises in the cell'),
  total: z.number().nullable().describe('null when suppressed (fewer than 3 enterprises, one dominant, or hidden to protect another cell)'),
  suppressed: z.boolean(),
  reason: z.enum(['count', 'dominance', 'complementary']).nullable().describe('shown to readers with microdata rights only'),
  growth: z.number().nullable().describe('year-on-year growth, %, all enterprises'),
  comparableGrowth: z.number().nullable().describe('可比口径: growth of the enterprises reporting in both years, %'),
  comparableCount: z.number().int().nullable(),
  shareOfParent: z.number().nullable().describe('share in the parent industry, same region, %'),
});

export const industryAggregatesResponse = z.object({
  item: z.object({ code: z.string(), name: localizedText, unit: z.string() }),
  period: z.object({ code: z.string(), label: z.string() }),
  previousPeriod: z.object({ code: z.string(), label: z.string() }),
  scope: z.enum(['above', 'all']),
  rules: z.object({ minCount: z.number().int(), dominancePercent: z.number() }),
  microdata: z.boolean(),
  enterprises: z.object({ total: z.number().int(), synthetic: z.number().int() }),
  industry: z.object({ code: z.string(), name: z.string(), level: z.string() }),
  region: z.object({ code: z.string(), name: z.string() }),
  industries: z.array(z.string()),
  regions: z.array(z.string()),
  cells: z.array(aggregateCell),
  suppressedCells: z.number().int(),
});

export const aggregatePeriodsQuery = z.object({ item: z.string().min(1).max(40) });
export const aggregatePeriodsResponse = z.array(z.object({ code: z.string(), label: z.string() }));

export const industriesQuery = z.object({
  parent: z.string().regex(/^([A-T]|\d{2,3})$/).optional().describe('only the children of this code (sections without it)'),
  limit: z.coerce.number().int().min(1).max(2000).default(500),
  cursor: z.string().max(10).optional(),
});
export const industry = z.object({ code: z.string(), level: z.enum(['section', 'division', 'group', 'class']), name: z.string(), parentCode: z.string().nullable(), sectionCode: z.string() });
export const industriesPage = page(industry);

export const enterpriseItemsQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(100), cursor: z.string().max(40).optional() });
export const enterpriseItem = z.object({
  code: z.string(), name: localizedText, aliases: z.array(z.string()), unit: z.string(), kind: z.enum(['flow', 'stock']), cumulativeNonDecreasing: z.boolean(), min: z.number(), max: z.number(),
});
export const enterpriseItemsPage = page(enterpriseItem);

export type EnterpriseSummaryDto = z.infer<typeof enterpriseSummary>;
export type EnterprisesPageDto = z.infer<typeof enterprisesPage>;
export type EnterpriseDetailDto = z.infer<typeof enterpriseDetail>;
export type EnterpriseImportReportDto = z.infer<typeof enterpriseImportReport>;
export type IndustryAggregatesDto = z.infer<typeof industryAggregatesResponse>;
export type AggregateCellDto = z.infer<typeof aggregateCell>;
export type IndustryDto = z.infer<typeof industry>;
export type EnterpriseItemDto = z.infer<typeof enterpriseItem>;
