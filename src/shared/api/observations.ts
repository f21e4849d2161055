/** 观测值: figures, candidates, derived periods, import reports, exports and hand-entered figures. */
import { z } from 'zod';
import { APPROVAL_STATES } from '../../domain/observation/approval';
import { PRECISIONS, SOURCE_KINDS } from '../../domain/observation/terms';
import { localizedText } from './common';
import { importQuality } from './qualityImport';
// ── Figures (observations) ──────────────────────────────────────────────────────────────────────────────

export const observation = z.object({
  id: z.number().int(),
  indicatorCode: z.string(),
  regionCode: z.string(),
  periodCode: z.string().describe('canonical period: 2020, 2020H1, 2020Q3, 2020-08, 2020-01~09, 2021-2025'),
  value: z.number(),
  unit: z.string(),
  valueStd: z.number().describe('the value in the indicator’s unit'),
  priceBasis: z.enum(['current', 'comparable']).nullable(),
  status: z.enum(['preliminary', 'final', 'revised', 'estimate']),
  sourceKind: z.enum(SOURCE_KINDS).describe('the kind of publication the figure comes from (统计公报, 统计年鉴, 统计局发布, 政府工作报告, 部门发布, 媒体, 第三方)'),
  source: z.object({
    publication: z.string(),
    publisher: z.string().nullable(),
    link: z.string().nullable(),
    readAt: z.string().nullable().describe('where the text was read when not the publication itself (a mirror, an archive); never changes the rank'),
  }),
  precision: z.enum(PRECISIONS).describe('exact 精确值 | rounded 约数 | lower_bound 下限值 ("突破") | upper_bound 上限值 ("近")'),
  quote: z.string().nullable(),
  notes: z.string().nullable(),
  publishedDate: z.string().describe('vintage'),
  publishedDateEstimated: z.boolean(),
  enteredAt: z.string(),
  origin: z.string().nullable(),
  supersededBy: z.number().int().nullable().describe('a later edition of the same data file re-describes this figure (history kept)'),
  approval: z
    .object({
      state: z.enum(APPROVAL_STATES).describe('草稿 draft → 已报送 submitted → 已审核 approved (locked) | 已退回 rejected'),
      version: z.number().int().describe('send it back with a change: a stale version gets 409'),
      enteredBy: z.string().nullable(),
      submittedBy: z.string().nullable(),
      submittedAt: z.string().nullable(),
      decidedBy: z.string().nullable(),
      decidedAt: z.string().nullable(),
      comment: z.string().nullable(),
      corrects: z.number().int().nullable().describe('the approved figure this one corrects'),
    })
    .nullable()
    .describe('审核 approval; null for a figure computed by the platform'),
});

export const rankedCandidate = z.object({ observation, rank: z.number().int().nullable(), reason: localizedText });

export const candidatesResponse = z.object({ chosen: observation.nullable(), candidates: z.array(rankedCandidate), rule: localizedText });

/** A yes/no query parameter: "true" or "false". */
const flag = z.enum(['true', 'false']).transform((v) => v === 'true').optional();

export const includeDrafts = flag.describe('include figures not yet approved (planner, administrator); the result says so');

/** Approval states, comma-separated (draft,submitted). */
export const stateList = z
  .string()
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
  .pipe(z.array(z.enum(APPROVAL_STATES)))
  .optional();

export const csvList = z
  .string()
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
  .optional();

export const observationsQuery = z.object({
  indicator: csvList.describe('indicator codes, comma-separated'),
  region: csvList.describe('region codes, comma-separated'),
  period: csvList.describe('period codes, comma-separated'),
  from: z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, 'a year (2020) or a month (2020-07)').optional().describe('first period month: 2020 or 2020-07'),
  to: z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, 'a year (2023) or a month (2023-09)').optional().describe('last period month: 2023 or 2023-09'),
  plan: z.string().optional().describe('only this plan’s indicators'),
  state: stateList.describe(`approval states, comma-separated: ${APPROVAL_STATES.join(', ')} (default: approved for the public, all for a signed-in user)`),
});

export const candidatesQuery = z.object({
  indicator: z.string(),
  region: z.string().default('440300'),
  period: z.string(),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().describe('only figures published by this date'),
  includeDrafts,
});

export const derivedQuery = z.object({ indicator: z.string(), region: z.string().default('440300'), asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(), includeDrafts });

export const derivedFigure = z.object({
  indicatorCode: z.string(),
  regionCode: z.string(),
  periodCode: z.string(),
  value: z.number(),
  later: observation,
  earlier: observation,
  rule: localizedText,
});

export const exportQuery = observationsQuery.extend({ format: z.enum(['csv', 'xlsx', 'sdmx']).default('csv') });

const rowProblem = z.object({ file: z.string(), row: z.number().int(), column: z.string().nullable(), reason: z.string() });

export const importReport = z.object({
  file: z.string(),
  format: z.enum(['csv', 'xlsx', 'json']),
  encoding: z.string().nullable(),
  dryRun: z.boolean(),
  committed: z.boolean(),
  batchId: z.number().int().nullable(),
  rows: z.number().int(),
  counts: z.object({ new: z.number().int(), revision: z.number().int(), unchanged: z.number().int(), rejected: z.number().int() }),
  errors: z.array(z.string()),
  rejected: z.array(rowProblem),
  changes: z.array(z.object({ row: z.number().int(), kind: z.enum(['new', 'revision', 'unchanged']), existing: z.string().nullable() })),
  ignoredColumns: z.array(z.string()),
  truncated: z.boolean(),
  forbidden: z.boolean(),
  quality: importQuality.describe('data-quality rule results per row (数据质量审核)'),
});

/** One figure entered by hand (the single-figure form), with the template's fields. */
export const figureInput = z.object({
  indicator: z.string(),
  region: z.string(),
  period: z.string(),
  value: z.union([z.number(), z.string()]),
  unit: z.string(),
  source: z.string(),
  priceBasis: z.string().optional(),
  status: z.string().optional(),
  sourceKind: z.string().optional(),
  publisher: z.string().optional(),
  publishedDate: z.string().optional(),
  link: z.string().optional(),
  quote: z.string().optional(),
  notes: z.string().optional(),
});

export const postFiguresBody = z.object({ figures: z.array(figureInput).min(1).max(10_000), dryRun: z.boolean().default(false), approve: z.boolean().default(false).describe('planner/administrator: the figures land approved at once (otherwise as drafts)'), within: z.string().min(1).optional().describe('the region the figures are about (code or name, e.g. 广州市): region names are read among its subdivisions first') });

export const importBatch = z.object({
  id: z.number().int(),
  fileName: z.string(),
  format: z.string(),
  rowsTotal: z.number().int(),
  rowsAdded: z.number().int(),
  rowsUnchanged: z.number().int(),
  rowsRejected: z.number().int(),
  createdAt: z.string(),
  report: z.unknown(),
});

