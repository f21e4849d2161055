/**
 * Request and response schemas of the HTTP API, shared by the server (validation, OpenAPI) and the web app
 * (typed fetches). Field names follow docs/GLOSSARY.md.
 */
import { z } from 'zod';
import { APPROVAL_STATES } from '../domain/observation/approval';
import { ATTRIBUTES, CATEGORIES, COMPARATORS, DIRECTIONS, ITEM_KINDS } from '../domain/plan/terms';
import { REPORT_FORMATS, REPORT_KINDS } from '../domain/report/kinds';

export const localizedText = z.object({ zh: z.string(), en: z.string() });

export const errorResponse = z.object({ error: z.string(), details: z.array(z.string()).optional() });

export const healthResponse = z.object({
  status: z.literal('ok'),
  driver: z.enum(['pglite', 'postgres']),
  version: z.string(),
});

export const planSummary = z.object({
  id: z.string(),
  name: localizedText,
  shortName: localizedText.nullable(),
  issuer: localizedText,
  regionCode: z.string(),
  period: z.object({ start: z.number().int(), end: z.number().int() }),
  baseYear: z.number().int(),
  published: z.boolean().describe('已发布: readable without signing in'),
  source: z.object({ title: z.string().nullable(), file: z.string().nullable() }),
  loadedAt: z.string(),
});

export const location = z.object({
  chapter: z.string(),
  section: z.string().optional(),
  column: z.string().optional(),
  quote: z.string().optional(),
});

export const planIndicator = z.object({
  code: z.string(),
  system: z.boolean().describe('true for a row of the plan’s indicator system (专栏1)'),
  category: z.enum(CATEGORIES),
  number: z.number().int().nullable(),
  name: localizedText,
  unit: z.string(),
  attribute: z.enum(ATTRIBUTES).describe('预期性 expected / 约束性 binding'),
  direction: z.enum(DIRECTIONS),
  baseline: z.object({ value: z.number(), year: z.number().int(), quote: z.string().nullable() }).nullable().describe('基期值'),
  target: z
    .object({
      value: z.number(),
      year: z.number().int(),
      printed: z.string().nullable(),
      comparator: z.enum(COMPARATORS),
      tolerance: z.number().nullable(),
      wording: z.string().nullable(),
    })
    .nullable()
    .describe('目标值'),
  growthTarget: z
    .object({ ratePercent: z.number(), fromYear: z.number().int(), toYear: z.number().int(), printed: z.string() })
    .nullable()
    .describe('年均增长x%'),
  share: z.object({ numerator: z.string(), denominator: z.string() }).nullable(),
  location: location.nullable(),
  notes: z.string().nullable(),
});

export const planItem = z.object({
  key: z.string(),
  kind: z.enum(ITEM_KINDS),
  parentKey: z.string().nullable(),
  ordinal: z.number().int(),
  number: z.string().nullable(),
  title: localizedText,
  text: z.object({ zh: z.string(), en: z.string().optional() }).nullable(),
  field: localizedText.nullable(),
  action: localizedText.nullable(),
  leadDepartments: z.array(z.string()),
  regions: z.array(z.string()),
  indicators: z.array(z.string()),
  location,
});

export const region = z.object({
  code: z.string(),
  name: localizedText,
  level: z.enum(['city', 'district']),
  kind: z.enum(['administrative', 'functional']),
  parentCode: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  predecessors: z.array(z.string()),
  note: z.string().nullable(),
});

/** 指标目录: an indicator of the catalogue shared by all plans (figures are recorded against these codes). */
export const catalogueIndicator = z.object({
  code: z.string(),
  name: localizedText,
  unit: z.string(),
});
export type CatalogueIndicatorDto = z.infer<typeof catalogueIndicator>;

export const planParams = z.object({ planId: z.string().min(1) });
export const itemsQuery = z.object({ kind: z.enum(ITEM_KINDS).optional() });

export type PlanSummaryDto = z.infer<typeof planSummary>;
export type PlanIndicatorDto = z.infer<typeof planIndicator>;
export type PlanItemDto = z.infer<typeof planItem>;
export type RegionDto = z.infer<typeof region>;

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
  sourceKind: z.enum(['bureau_bulletin', 'bureau', 'government', 'press', 'third_party']),
  source: z.object({ publication: z.string(), publisher: z.string().nullable(), link: z.string().nullable() }),
  quote: z.string().nullable(),
  notes: z.string().nullable(),
  publishedDate: z.string().describe('vintage'),
  publishedDateEstimated: z.boolean(),
  enteredAt: z.string(),
  origin: z.string().nullable(),
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

const includeDrafts = flag.describe('include figures not yet approved (planner, administrator); the result says so');

/** Approval states, comma-separated (draft,submitted). */
const stateList = z
  .string()
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
  .pipe(z.array(z.enum(APPROVAL_STATES)))
  .optional();

const csvList = z
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

export const postFiguresBody = z.object({ figures: z.array(figureInput).min(1).max(10_000), dryRun: z.boolean().default(false), approve: z.boolean().default(false).describe('planner/administrator: the figures land approved at once (otherwise as drafts)') });

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

// ── Evaluation ──────────────────────────────────────────────────────────────────────────────────────────

export const METHOD_IDS_API = ['time_proportional', 'cagr_ratio', 'unsd_projection', 'escap_anticipated'] as const;

export const evaluationQuery = z.object({
  asOf: z.string().describe('a year (2023: periods up to 2023, all vintages) or a date (2024-06-30: only figures published by then)'),
  method: csvList.describe(`methods, comma-separated: ${METHOD_IDS_API.join(', ')} (default all)`),
  region: z.string().optional().describe('region code (default: the plan’s region)'),
  includeDrafts,
});

const workings = z.object({
  formula: z.string(),
  source: z.string(),
  inputs: z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
  intermediate: z.record(z.string(), z.number().nullable()),
  thresholds: z.record(z.string(), z.number()),
  rule: localizedText,
  aboveBand: z.boolean(),
  belowBand: z.boolean(),
  notes: z.array(localizedText),
});

export const methodResult = z.object({
  method: z.enum(METHOD_IDS_API),
  status: z.string(),
  label: localizedText,
  reason: localizedText.optional(),
  workings,
});

const seriesPoint = z.object({
  year: z.number().int(),
  value: z.number(),
  observationId: z.number().int().nullable(),
  derived: z.boolean(),
});

export const indicatorEvaluation = z.object({
  indicator: planIndicator,
  baseline: z.object({ value: z.number(), year: z.number().int(), from: z.enum(['plan', 'figure']), observation: observation.nullable() }).nullable(),
  latest: z
    .object({
      value: z.number(),
      year: z.number().int(),
      observation: observation.nullable(),
      derivation: z.object({ numerator: observation, denominator: observation, basis: localizedText }).nullable(),
      candidates: z.array(rankedCandidate),
    })
    .nullable(),
  series: z.array(seriesPoint),
  gaps: z.array(z.object({ year: z.number().int(), reason: localizedText })),
  results: z.record(z.string(), methodResult),
});

/** Which figures an evaluation used: approved ones (the default), or drafts and submitted ones too. */
export const FIGURE_BASES = ['approved', 'including_drafts'] as const;

export const planEvaluation = z.object({
  planId: z.string(),
  figures: z.enum(FIGURE_BASES).describe('approved: approved figures only; including_drafts: drafts and submitted figures too'),
  asOf: z.object({ text: z.string(), maxYear: z.number().int(), publishedBy: z.string().nullable() }),
  regionCode: z.string(),
  methods: z.array(z.enum(METHOD_IDS_API)),
  preferenceRule: localizedText,
  indicators: z.array(indicatorEvaluation),
});

// ── Approval ────────────────────────────────────────────────────────────────────────────────────────────

export const figureParams = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });
export const approvalsQuery = z.object({
  state: stateList.describe('states, comma-separated (default: submitted)'),
});
export const approvalsResponse = z.object({ items: z.array(observation) });
export const decisionBody = z.object({
  version: z.number().int().min(1).describe('the version you saw: a stale one gets 409'),
  comment: z.string().max(2000).optional().describe('required to reject'),
});
const changes = {
  value: z.number().finite().optional(),
  unit: z.string().min(1).max(40).optional(),
  quote: z.string().max(10_000).nullable().optional(),
  notes: z.string().max(10_000).nullable().optional(),
  status: z.string().max(40).optional(),
  publishedDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
};
export const editFigureBody = z.object({ version: z.number().int().min(1), ...changes });
export const correctionBody = z.object(changes);
export const figureResponse = z.object({ observation });

export type ObservationDto = z.infer<typeof observation>;
export type ImportReportDto = z.infer<typeof importReport>;
export type PlanEvaluationDto = z.infer<typeof planEvaluation>;

// ── Access ──────────────────────────────────────────────────────────────────────────────────────────────

export const ROLES_API = ['admin', 'planner', 'statistician', 'reporter', 'viewer'] as const;
export const POLICIES_API = ['public', 'read', 'write:observations', 'approve:observations', 'manage:users', 'read:audit'] as const;

export const loginBody = z.object({ username: z.string().min(1).max(80), password: z.string().min(1).max(200) });
export const userDto = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES_API),
  regionScope: z.array(z.string()),
  departmentScope: z.array(z.string()),
  disabled: z.boolean(),
});
export const loginResponse = z.object({ user: userDto, csrfToken: z.string() });
export const meResponse = z.object({
  signedIn: z.boolean(),
  username: z.string().nullable(),
  role: z.enum(ROLES_API).nullable(),
  regions: z.array(z.string()),
  via: z.enum(['session', 'token']).nullable(),
});
export const newUserBody = z.object({
  username: z.string(),
  displayName: z.string().optional(),
  password: z.string(),
  role: z.enum(ROLES_API),
  regions: z.array(z.string()).optional(),
  departments: z.array(z.string()).optional(),
});
export const newTokenBody = z.object({ name: z.string().min(1).max(80), scopes: z.array(z.enum(POLICIES_API)).min(1), days: z.number().int().positive().max(3650).optional() });
export const newTokenResponse = z.object({ id: z.number().int(), token: z.string().describe('shown once; only its hash is stored') });
export const auditEntryDto = z.object({
  id: z.number().int(),
  at: z.string(),
  actorUserId: z.number().int().nullable(),
  actorName: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  oldValue: z.unknown(),
  newValue: z.unknown(),
  clientAddress: z.string().nullable(),
  requestId: z.string().nullable(),
});
export const auditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100_000).default(200),
  before: z.coerce.number().int().min(1).max(2_147_483_647).optional(),
  format: z.enum(['json', 'csv']).default('json'),
});

// ── Reports (issue 7): 年度监测报告, 中期评估报告, 总结评估报告 as Word, PDF or Excel ────────────────────────────

export const reportParams = planParams.extend({ kind: z.enum(REPORT_KINDS).describe('annual 年度监测报告 | midterm 中期评估报告 | final 总结评估报告') });
export const reportDraftQuery = z.object({
  asOf: z.string().optional().describe('a year (2025) or a date (2026-03-31); default: the plan’s end for final, its middle year for midterm, last year for annual'),
  lang: z.enum(['zh', 'en']).default('zh'),
  region: z.string().optional().describe('region code (default: the plan’s region)'),
  includeDrafts,
});
export const reportQuery = reportDraftQuery.extend({ format: z.enum(REPORT_FORMATS).default('docx') });
export const reportSection = z.object({ id: z.string(), heading: z.string(), text: z.string().describe('paragraphs separated by a newline') });
export const reportDraft = z.object({ title: z.string(), sections: z.array(reportSection) });
export const reportEdits = z.object({
  sections: z.array(z.object({ id: z.string().describe('a section id of the draft: overview, indicators, measures, projects, problems, suggestions'), text: z.string().max(200_000) })).max(20),
});
export type ReportDraftDto = z.infer<typeof reportDraft>;
export type ReportEditsDto = z.infer<typeof reportEdits>;

// ── Forecasts (contracts §1) ────────────────────────────────────────────────────────────────────────────

export const forecastQuery = z.object({
  asOf: z.string().describe('a year (2023) or a date (2024-06-30), as for the evaluation'),
  region: z.string().optional().describe('region code (default: the plan’s region; targets apply only there)'),
  includeDrafts,
  redBelow: z.coerce.number().min(0).max(1).optional().describe('warning rule: red below this probability (default 0.3)'),
  yellowBelow: z.coerce.number().min(0).max(1).optional().describe('warning rule: yellow below this probability, green from it (default 0.7)'),
  redWhenBehind: z.enum(['true', 'false']).optional().describe('warning rule: red whenever the evaluation says 滞后 (default true)'),
});

const forecastPoint = z.object({
  year: z.number().int(),
  point: z.number(),
  lo80: z.number(),
  hi80: z.number(),
  lo95: z.number(),
  hi95: z.number(),
});

const indicatorForecast = z.object({
  indicatorCode: z.string(),
  name: localizedText,
  unit: z.string().describe('the indicator’s unit, e.g. 亿元, %'),
  status: z.enum(['ok', 'insufficient_data', 'no_target']),
  reason: localizedText.optional().describe('why not ok'),
  model: z.string().nullable().describe('e.g. median(ETS(A,Ad,N), Theta, ARIMA(0,1,0) with drift)'),
  history: z.array(z.object({ year: z.number().int(), value: z.number() })).describe('the series the forecast was fitted on'),
  path: z.array(forecastPoint).describe('every year from the last observed year + 1 to the target year'),
  targetYear: z.number().int().nullable(),
  atTarget: forecastPoint.nullable().describe('the path entry of the target year'),
  comparator: z.enum(COMPARATORS).nullable(),
  target: z.number().nullable(),
  band: z.tuple([z.number(), z.number()]).nullable().describe('the band of an about (左右) target'),
  probability: z.number().min(0).max(1).nullable().describe('P(target met)'),
  requiredGrowth: z.number().nullable().describe('average annual growth % needed from the latest year to the target (for a share: percentage points per year)'),
  forecastGrowth: z.number().nullable().describe('average annual growth % of the forecast path to the target year (for a share: percentage points per year)'),
  warning: z.object({
    level: z.enum(['red', 'yellow', 'green', 'none']),
    rule: localizedText.describe('which rule fired'),
    sentence: localizedText,
  }),
});

export const planForecasts = z.object({
  planId: z.string(),
  figures: z.enum(FIGURE_BASES).describe('approved: approved figures only; including_drafts: drafts and submitted figures too'),
  asOf: z.string(),
  regionCode: z.string(),
  indicators: z.array(indicatorForecast),
});

export type PlanForecastsDto = z.infer<typeof planForecasts>;

export const backtestQuery = forecastQuery.extend({
  horizon: z.coerce.number().int().min(1).max(10).default(2).describe('forecast steps scored from each origin (default 2)'),
});

const accuracyDto = z.object({
  smape: z.number().nullable().describe('symmetric MAPE, percent'),
  mase: z.number().nullable().describe('mean absolute scaled error'),
  coverage80: z.number().nullable().describe('share of actual values inside the 80% interval'),
  coverage95: z.number().nullable().describe('share of actual values inside the 95% interval'),
  count: z.number().int().describe('forecast–actual pairs scored'),
});

export const seriesBacktest = z.object({
  values: z.number().int(),
  horizon: z.number().int(),
  minTrain: z.number().int(),
  methods: z.array(z.object({ method: z.string(), accuracy: accuracyDto, origins: z.number().int(), failures: z.number().int() })),
  reason: localizedText.nullable(),
});

export const planBacktest = z.object({
  planId: z.string(),
  asOf: z.string(),
  regionCode: z.string(),
  indicators: z.array(seriesBacktest.extend({ indicatorCode: z.string(), name: localizedText, firstYear: z.number().int().nullable(), lastYear: z.number().int().nullable() })),
});

export type PlanBacktestDto = z.infer<typeof planBacktest>;
