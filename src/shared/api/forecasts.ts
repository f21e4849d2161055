/** 预测: forecasts and backtests. */
import { z } from 'zod';
import { asOfParam } from './asOf';
import { COMPARATORS } from '../../domain/plan/terms';
import { localizedText } from './common';
import { FIGURE_BASES, LIGHTS_API } from './evaluation';
import { includeDrafts } from './observations';
// ── Forecasts (contracts §1) ────────────────────────────────────────────────────────────────────────────

export const forecastQuery = z.object({
  asOf: asOfParam.describe('a year (2023) or a date (2024-06-30), as for the evaluation'),
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

export const methodChoice = z.object({
  rule: z.string().describe('median (the default combination), short_steady_trend or short_median (short annual series)'),
  reason: localizedText,
  members: z.array(z.object({ model: z.string(), used: z.boolean(), note: localizedText.nullable() })),
});

const indicatorForecast = z.object({
  indicatorCode: z.string(),
  name: localizedText,
  unit: z.string().describe('the indicator’s unit, e.g. 亿元, %'),
  status: z.enum(['ok', 'insufficient_data', 'no_target', 'ended']).describe('ended: the target year has passed — judged by the final verdict, not forecast'),
  reason: localizedText.optional().describe('why not ok'),
  model: z.string().nullable().describe('the model in the usual notation, e.g. median(ETS(A,Ad,N), Theta, ARIMA(0,1,0) with drift)'),
  modelNotes: z
    .array(z.object({ kind: z.enum(['interpolated', 'basis']), text: localizedText }))
    .describe('what to know about the fit, in words: years filled by interpolation, years left out as they stand on an earlier basis'),
  method: methodChoice.nullable().describe('which members the automatic forecast used and why'),
  basis: z
    .object({ label: localizedText, leftOut: z.array(z.number().int()).describe('years on an earlier revision basis, not fitted') })
    .nullable()
    .describe('the revision basis (数据口径) the series was fitted on'),
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

export const indicatorLightDto = z.object({
  indicatorCode: z.string(),
  light: z.enum(LIGHTS_API),
  basis: z.enum(['status', 'forecast', 'status_and_forecast', 'none']).describe('what set the light'),
  phase: z.enum(['progress', 'final']),
  reasons: z.array(localizedText),
  missing: localizedText.nullable().describe('for a grey light: which figure is missing and how to supply it'),
});

export const planForecasts = z.object({
  planId: z.string(),
  figures: z.enum(FIGURE_BASES).describe('approved: approved figures only; including_drafts: drafts and submitted figures too'),
  asOf: z.string(),
  regionCode: z.string(),
  indicators: z.array(indicatorForecast),
  lights: z.array(indicatorLightDto).describe('指标信号灯: one light per indicator — the worse of its status light and its forecast light (docs/EVALUATION.md)'),
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
