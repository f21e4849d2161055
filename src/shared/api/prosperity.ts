/** 服务业景气指数: business-climate surveys, their waves and answers, and the indices (issue 19). */
import { z } from 'zod';
import { HORIZONS, SCALE_IDS } from '../../domain/prosperity/answers';
import { COMPOSITE_GROUPS } from '../../domain/prosperity/composite';
import { LIGHTS } from '../../domain/prosperity/signals';
import { localizedText } from './common';

// ── Paging (as every list route: a limit with a maximum; the next page's cursor in the x-next-cursor header) ──

const limit = (max: number, byDefault: number) => z.coerce.number().int().min(1).max(max).default(byDefault).describe(`page size (at most ${max}, default ${byDefault})`);
const cursor = z.string().max(500).optional().describe('the next page: the x-next-cursor header of the page before (opaque)');

export const surveyListQuery = z.object({ limit: limit(200, 50), cursor });
export const surveyParams = z.object({ survey: z.string().min(1).max(100) });
export const waveListQuery = z.object({ limit: limit(500, 120), cursor });
export const waveParams = z.object({ waveId: z.coerce.number().int().min(1).max(2_147_483_647) });
export const openWaveBody = z.object({ period: z.string().min(1).max(40).describe('a month (2026-01) for a monthly survey, a quarter (2026Q1) for a quarterly one') });

export const surveySummary = z.object({
  code: z.string(),
  name: localizedText,
  frequency: z.enum(['monthly', 'quarterly']),
  waves: z.number().int(),
  panel: z.number().int().describe('enterprises in the panel'),
  synthetic: z.boolean().describe('the panel and answers are synthetic demo data (合成数据), not real enterprises'),
  firstPeriod: z.string().nullable(),
  lastPeriod: z.string().nullable(),
});
export const surveyList = z.array(surveySummary);

const question = z.object({
  code: z.string(),
  text: localizedText,
  scale: z.enum(SCALE_IDS as [string, ...string[]]),
  options: z.array(localizedText).describe('the three options, favourable first'),
  horizons: z.array(z.enum(HORIZONS)),
  index: z.enum(['climate', 'confidence']).nullable(),
  adverse: z.boolean(),
});
export const surveyDetail = surveySummary.extend({
  questions: z.array(question),
  settings: z.object({
    weight: z.enum(['revenue', 'employees']),
    climateWeights: z.object({ current: z.number(), expected: z.number() }),
    confidentiality: z.object({ minRespondents: z.number(), dominancePercent: z.number() }),
    decimals: z.number(),
  }),
});

export const waveSummary = z.object({
  id: z.number().int(),
  period: z.string(),
  panel: z.number().int().describe('panel members at the wave’s period'),
  responded: z.number().int().describe('members whose questionnaire is in'),
  rate: z.number().nullable().describe('responded / panel'),
});
export const waveList = z.array(waveSummary);
export const openedWave = z.object({ id: z.number().int(), survey: z.string(), period: z.string(), committed: z.boolean().describe('true when the wave was opened now; false when it existed') });

export const responseRates = z.object({
  wave: z.object({ id: z.number().int(), survey: z.string(), period: z.string() }),
  rows: z.array(z.object({ group: z.string(), label: localizedText, panel: z.number().int(), responded: z.number().int(), rate: z.number().nullable() })),
});

export const responseImportReport = z.object({
  file: z.string(),
  format: z.enum(['csv', 'xlsx']),
  encoding: z.string().nullable(),
  survey: z.string(),
  wave: z.object({ id: z.number().int().nullable().describe("null: a dry run (or a refused import) into a period whose wave was not opened before: it opened nothing"), period: z.string() }),
  dryRun: z.boolean(),
  committed: z.boolean(),
  batchId: z.number().int().nullable(),
  rows: z.number().int(),
  counts: z.object({
    answers: z.number().int(),
    added: z.number().int().describe('questionnaires new to the wave'),
    revised: z.number().int().describe('questionnaires changed (the earlier version kept, superseded)'),
    unchanged: z.number().int(),
    rejectedRows: z.number().int(),
  }),
  errors: z.array(z.string()).describe('file-level problems: nothing imported'),
  rejected: z.array(z.object({ file: z.string(), row: z.number().int(), column: z.string().nullable(), reason: z.string() })),
  ignoredColumns: z.array(z.string()),
  truncated: z.boolean(),
});

// ── Indices ────────────────────────────────────────────────────────────────────────────────────────────

export const INDEX_QUERY_KINDS = ['diffusion', 'climate', 'composite', 'signals'] as const;
const period = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])|Q[1-4])$/, 'a month 2024-03 or a quarter 2024Q1');
export const indicesQuery = z.object({
  kind: z.enum(INDEX_QUERY_KINDS),
  survey: z.string().max(100).optional().describe('survey code (default: the first survey)'),
  industry: z.string().regex(/^[A-T]$/, 'a GB/T 4754 section letter (I, L …)').optional().describe('diffusion/climate: all enterprises and this section only'),
  group: z.string().max(40).optional().describe('diffusion/climate: one group only (all, industry:I, size:large, region:440305)'),
  question: z.string().max(60).optional().describe('diffusion: one question only'),
  horizon: z.enum(HORIZONS).optional().describe('diffusion: current (即期) or expected (预期) only'),
  from: period.optional(),
  to: period.optional(),
  limit: limit(5000, 1000),
  cursor,
});

const withheld = z.enum(['count', 'dominance', 'complementary']).nullable().describe('why the cell is not published (fewer respondents than allowed, one enterprise dominating the weight, or to protect another cell)');
export const diffusionPoint = z.object({
  period: z.string(),
  group: z.string(),
  label: localizedText,
  question: z.string(),
  horizon: z.enum(HORIZONS),
  n: z.number().int().describe('respondents in the cell'),
  value: z.number().nullable().describe('DI = %上升 + 0.5 × %持平 (0–100, 50 = no change)'),
  weighted: z.number().nullable(),
  withheld,
});
export const climatePoint = z.object({
  period: z.string(),
  group: z.string(),
  label: localizedText,
  kind: z.enum(['climate', 'confidence']).describe('企业景气指数 or 企业家信心指数'),
  question: z.string(),
  nCurrent: z.number().int(),
  nExpected: z.number().int(),
  current: z.number().nullable().describe('(良好 − 不佳) × 100 + 100 of the current judgement (即期)'),
  expected: z.number().nullable().describe('the same of the expectation (预期)'),
  value: z.number().nullable().describe('weights × (即期, 预期); 0–200, 100 = the threshold'),
  weighted: z.number().nullable(),
  withheld,
});

const light = z.enum(LIGHTS).nullable();
const turningPoint = z.object({ period: z.string(), kind: z.enum(['peak', 'trough']), value: z.number() });
export const compositeResult = z.object({
  periods: z.array(z.string()),
  baseYear: z.number().int().nullable(),
  window: z.object({ from: z.string(), to: z.string() }).nullable().describe('the periods σ and the trend are computed over'),
  indices: z.array(z.object({
    group: z.enum(COMPOSITE_GROUPS),
    name: localizedText,
    trendAdjust: z.boolean(),
    trendAdjustment: z.number(),
    level: z.array(z.number().nullable()),
    growth: z.array(z.number().nullable()),
    turningPoints: z.array(turningPoint),
  })),
  components: z.array(z.object({
    code: z.string(),
    name: localizedText,
    group: z.enum(COMPOSITE_GROUPS),
    raw: z.array(z.number().nullable()),
    adjusted: z.array(z.number().nullable()),
    seasonallyAdjusted: z.boolean(),
    note: z.string().nullable(),
    change: z.enum(['symmetric', 'difference']),
    invert: z.boolean(),
    sigma: z.number().nullable(),
    r: z.number().nullable(),
  })),
});
export const signalsResult = z.object({
  periods: z.array(z.string()),
  components: z.array(z.object({ code: z.string(), name: localizedText, thresholds: z.array(z.number()), inverted: z.boolean() })),
  rows: z.array(z.object({
    period: z.string(),
    lights: z.record(z.string(), z.object({ value: z.number().nullable(), light })),
    points: z.number().int(),
    counted: z.number().int(),
    score: z.number().nullable().describe('预警指数: points / (3 × components) × 100; 100 = every light green'),
    light,
  })),
  compositeThresholds: z.array(z.number()),
});

export const indicesResponse = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('diffusion'), survey: z.string(), synthetic: z.boolean(), items: z.array(diffusionPoint) }),
  z.object({ kind: z.literal('climate'), survey: z.string(), synthetic: z.boolean(), items: z.array(climatePoint) }),
  z.object({ kind: z.literal('composite'), survey: z.string(), synthetic: z.boolean(), composite: compositeResult }),
  z.object({ kind: z.literal('signals'), survey: z.string(), synthetic: z.boolean(), signals: signalsResult }),
]);

export type SurveySummaryDto = z.infer<typeof surveySummary>;
export type SurveyDetailDto = z.infer<typeof surveyDetail>;
export type WaveListDto = z.infer<typeof waveList>;
export type ResponseRatesDto = z.infer<typeof responseRates>;
export type ResponseImportReportDto = z.infer<typeof responseImportReport>;
export type IndicesResponseDto = z.infer<typeof indicesResponse>;
export type DiffusionPointDto = z.infer<typeof diffusionPoint>;
export type ClimatePointDto = z.infer<typeof climatePoint>;
export type CompositeResultDto = z.infer<typeof compositeResult>;
export type SignalsResultDto = z.infer<typeof signalsResult>;
