/** 评估: evaluation queries and results. */
import { z } from 'zod';
import { asOfParam } from './asOf';
import { localizedText } from './common';
import { csvList, includeDrafts, observation, rankedCandidate } from './observations';
import { planIndicator } from './plans';
// ── Evaluation ──────────────────────────────────────────────────────────────────────────────────────────

export const METHOD_IDS_API = ['time_proportional', 'cagr_ratio', 'unsd_projection', 'escap_anticipated'] as const;

export const evaluationQuery = z.object({
  asOf: asOfParam.describe('a year (2023: periods up to 2023, all vintages) or a date (2024-06-30: only figures published by then)'),
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
  standIn: z.string().nullable().describe('the in-year period (2026-Q3, 2026-M01-M09) whose figure stands in for a missing annual one'),
});

/** 年内监测: the newest figure of a shorter period (1–N月, a quarter) after the latest annual one, and its 同比. */
const inYear = z.object({
  periodCode: z.string(),
  year: z.number().int(),
  value: z.number(),
  observationId: z.number().int(),
  previous: z.object({ periodCode: z.string(), value: z.number(), observationId: z.number().int() }).nullable(),
  change: z.number().nullable().describe('同比: percent change for levels and flows, percentage points for shares and rates'),
  changeKind: z.enum(['percent', 'points']),
});

export const LIGHTS_API = ['green', 'yellow', 'red', 'grey'] as const;

const finalVerdict = z.object({
  code: z.enum(['exceeded', 'completed', 'basically_completed', 'above_band', 'not_completed', 'undetermined', 'pending']),
  label: localizedText,
  targetYear: z.number().int(),
  value: z.number().nullable().describe('y_T, the target year’s value'),
  precision: z.enum(['exact', 'rounded', 'lower_bound', 'upper_bound']).nullable(),
  completionRate: z.number().nullable().describe('y_T / y*'),
  gap: z.number().nullable().describe('y* − y_T, in the indicator’s unit'),
  band: z.tuple([z.number(), z.number()]).nullable(),
  firstMetYear: z.number().int().nullable(),
  sentence: localizedText,
});

const growthStanding = z.object({
  code: z.string(),
  label: localizedText,
  basis: z.enum(['nominal', 'real']),
  achieved: z.number().nullable().describe('achieved average annual growth (0.062 = 6.2%)'),
  required: z.number(),
  throughYear: z.number().int().nullable(),
  sentence: localizedText,
  missing: localizedText.nullable(),
});

export const standing = z
  .object({
    phase: z.enum(['progress', 'final']).describe('progress before the target year has ended; final (总结评估 verdict) after'),
    code: z.string(),
    label: localizedText,
    light: z.enum(LIGHTS_API).describe('the light of the status alone; the indicator’s light adds the forecast (see /forecasts: light)'),
    sentence: localizedText,
    missing: localizedText.nullable().describe('for a grey light: which figure is missing and how to supply it'),
    verdict: finalVerdict.nullable(),
    growth: growthStanding.nullable(),
  })
  .describe('评估结论: where the indicator stands, in one status');

export const indicatorEvaluation = z.object({
  indicator: planIndicator,
  phase: z.enum(['progress', 'final']),
  baseline: z
    .object({
      value: z.number(),
      year: z.number().int(),
      from: z.enum(['plan', 'figure', 'derived_share', 'derived_growth']).describe('plan: printed in the plan; otherwise 基期值取自统计数据'),
      observation: observation.nullable(),
      note: localizedText.nullable(),
    })
    .nullable(),
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
  standing,
  targets: z
    .array(
      z.object({
        target: planIndicator.shape.targets.element,
        phase: z.enum(['progress', 'final']),
        standing,
        note: localizedText.nullable(),
        compared: planIndicator.shape.target.describe('what the values were compared with: the level (a relative target’s 基期值 × (1 + p)), or a cumulative target’s amount; null for a qualitative target'),
      }),
    )
    .describe('every target year (milestones, then the plan’s own) and where it stands'),
  current: z.number().int().nullable().describe('index in targets of the one the indicator stands by: the first whose year has not passed, else the last'),
  inYear: inYear.nullable(),
});

/** Which figures an evaluation used: approved ones (the default), or drafts and submitted ones too. */
export const FIGURE_BASES = ['approved', 'including_drafts'] as const;

export const planEvaluation = z.object({
  planId: z.string(),
  figures: z.enum(FIGURE_BASES).describe('approved: approved figures only; including_drafts: drafts and submitted figures too'),
  asOf: z.object({ text: z.string(), maxYear: z.number().int(), publishedBy: z.string().nullable() }),
  regionCode: z.string(),
  methods: z.array(z.enum(METHOD_IDS_API)),
  version: z.object({ number: z.number().int(), effectiveFrom: z.string().nullable(), label: localizedText.nullable() }).describe('the plan version judged against: the one in force on the as-of date'),
  preferenceRule: localizedText,
  indicators: z.array(indicatorEvaluation),
});

