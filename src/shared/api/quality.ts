/** 数据质量: violations of the data-quality rules, their summary, acknowledgements, and completeness (报送率). */
import { z } from 'zod';
import { localizedText } from './common';
import { csvList } from './observations';
import { involvedFigure, outcome, severity } from './qualityImport';

/**
 * Paged lists, as every list of the API (server/paging.ts): the body is the page's array; the x-next-cursor header
 * (and a Link rel="next") names the next page while more follow, and x-total-count says how many match in all.
 */
const paging = {
  limit: z.coerce.number().int().min(1).max(1000).default(100).describe('items per page (at most 1000)'),
  cursor: z.string().max(2000).optional().describe('the next page: the x-next-cursor header of the page before (opaque)'),
};

/** How many items match the filter in all pages (a header of the paged quality lists). */
export const TOTAL_COUNT_HEADER = 'x-total-count';

const violationFilter = {
  plan: z.string().optional().describe('the general rules and this plan’s own; violations touching its indicators'),
  indicator: csvList.describe('indicator codes, comma-separated: violations any of whose figures is of one'),
  region: csvList.describe('region codes, comma-separated'),
  rule: csvList.describe('rule ids, comma-separated'),
  severity: severity.optional(),
  status: z.enum(['open', 'acknowledged']).optional().describe('open: errors and warnings not acknowledged'),
};

export const violationsQuery = z.object({ ...violationFilter, ...paging });
export const violationFilterQuery = z.object(violationFilter);

const acknowledgement = z.object({ by: z.string().nullable(), at: z.string(), comment: z.string() }).nullable();

export const violation = z.object({
  key: z.string().describe('the rule and the ids of every figure compared: one violation, however many of its figures it is reached from'),
  ruleId: z.string(),
  severity,
  outcome,
  subjectId: z.number().int(),
  figures: z.array(involvedFigure.extend({ id: z.number().int() })),
  message: localizedText.describe('what was compared, with the arithmetic'),
  anchor: z.object({ indicatorCode: z.string(), regionCode: z.string(), periodCode: z.string() }),
  acknowledgement: acknowledgement.describe('warnings: who acknowledged it, when, why'),
});

export const violationsResponse = z.array(violation);

const severityCounts = { total: z.number().int(), errors: z.number().int(), warnings: z.number().int(), open: z.number().int() };

export const qualitySummaryResponse = z.object({
  planId: z.string().nullable(),
  checkedAt: z.string(),
  figures: z.number().int().describe('figures checked (every approval state but rejected)'),
  rules: z.array(z.object({ id: z.string(), name: localizedText, severity, kind: z.string(), planId: z.string().nullable(), pass: z.number().int(), fail: z.number().int(), skipped: z.number().int() })),
  summary: z.object({
    ...severityCounts,
    byRule: z.array(z.object({ ruleId: z.string(), severity, ...severityCounts })),
    byIndicator: z.array(z.object({ indicatorCode: z.string(), ...severityCounts })),
    byRegion: z.array(z.object({ regionCode: z.string(), ...severityCounts })),
    byYear: z.array(z.object({ year: z.number().int(), ...severityCounts })).describe('the trend: violations by the year of their period'),
  }),
});

export const acknowledgementBody = z.object({ key: z.string().min(1).max(20_000), comment: z.string().min(1).max(2000).describe('why the figure stands') });
export const acknowledgementResponse = z.object({ violation });

export const figuresQualityQuery = z.object({
  ids: z
    .string()
    .transform((s) => s.split(',').map((x) => Number(x.trim())))
    .pipe(z.array(z.number().int().min(1).max(2_147_483_647)).min(1).max(200))
    .describe('figure ids, comma-separated (at most 200)'),
});
export const figuresQualityResponse = z.object({
  items: z.array(z.object({ observationId: z.number().int(), results: z.array(violation.extend({ ruleName: localizedText })) })),
});

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date: 2024-06-30');
export const completenessQuery = z.object({
  plan: z.string(),
  period: z.string().optional().describe('only this period: 2023, 2023Q3, 2023-01~09 …'),
  asOf: isoDate.optional().describe('as of this date (default today)'),
});

const rate = {
  due: z.number().int(),
  received: z.number().int(),
  approved: z.number().int(),
  late: z.number().int(),
  notDue: z.number().int(),
  rate: z.number().nullable().describe('received / due'),
  approvedRate: z.number().nullable().describe('approved / due'),
};

export const completenessResponse = z.object({
  planId: z.string(),
  calendar: z.string(),
  asOf: z.string(),
  overall: z.object(rate),
  byRegion: z.array(z.object({ regionCode: z.string(), ...rate })),
  byDepartment: z.array(z.object({ department: localizedText, ...rate })),
  history: z.array(z.object({ periodCode: z.string(), ...rate })).describe('the rate per period of the calendar'),
});

export const ITEM_STATUS_VALUES = ['approved', 'received', 'overdue', 'not_due'] as const;
export const completenessItemsQuery = completenessQuery.extend({
  status: z
    .string()
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(z.enum(ITEM_STATUS_VALUES)))
    .optional()
    .describe('approved, received, overdue, not_due (comma-separated)'),
  region: csvList.describe('region codes, comma-separated'),
  late: z.enum(['true', 'false']).transform((v) => v === 'true').optional().describe('only late items (due, nothing by the due date), or only the others'),
  ...paging,
});

export const completenessItem = z.object({
  entryId: z.string(),
  department: localizedText,
  indicatorCode: z.string(),
  regionCode: z.string(),
  periodCode: z.string(),
  due: z.string(),
  status: z.enum(ITEM_STATUS_VALUES),
  receivedOn: z.string().nullable(),
  receivedEstimated: z.boolean().describe('receivedOn is the latest date an undated publication can have (release calendar): it may have come earlier, so it is not called late'),
  late: z.boolean(),
});
export const completenessItemsResponse = z.array(completenessItem);

export type ViolationDto = z.infer<typeof violation>;
export type QualitySummaryDto = z.infer<typeof qualitySummaryResponse>;
export type CompletenessDto = z.infer<typeof completenessResponse>;
export type CompletenessItemDto = z.infer<typeof completenessItem>;
export type FiguresQualityDto = z.infer<typeof figuresQualityResponse>;
