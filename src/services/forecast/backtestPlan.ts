/**
 * Backtesting: how far would each method's forecasts have been off? For a plan, every indicator's fitting series
 * (the one the forecast uses: one revision basis, gaps of up to two years filled) is evaluated by rolling origin
 * (domain/forecast/backtest.ts) for each method; for a file, the one series in it. A user sees the error to expect
 * before trusting a forecast.
 */
import type { Database } from '../../db/client';
import type { Accuracy } from '../../domain/forecast/accuracy';
import { backtest } from '../../domain/forecast/backtest';
import { latestBasisStretch } from '../../domain/forecast/basis';
import { fittingSeries } from '../../domain/forecast/indicator';
import type { LocalizedText } from '../../domain/text';
import { BadRequestError } from '../errors';
import { evaluatePlan } from '../evaluation/evaluatePlan';
import type { ApprovalState } from '../../domain/observation/approval';
import { FORECAST_METHOD_IDS, FORECAST_METHODS, type ForecastMethodId } from './methods';
import { parseAsOfOption } from './forecastPlan';

export interface MethodBacktest {
  method: ForecastMethodId;
  /** null measures: nothing could be scored (every origin failed). */
  accuracy: { [K in Exclude<keyof Accuracy, 'count'>]: number | null } & { count: number };
  origins: number;
  failures: number;
}

export interface SeriesBacktest {
  values: number;
  horizon: number;
  minTrain: number;
  methods: MethodBacktest[];
  /** Why no backtest could be run (too short), else null. */
  reason: LocalizedText | null;
}

export interface BacktestOptions {
  horizon?: number;
  minTrain?: number;
  m?: number;
  methods?: readonly ForecastMethodId[];
}

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

export function backtestSeries(values: readonly number[], opts: BacktestOptions = {}): SeriesBacktest {
  const horizon = opts.horizon ?? 2;
  const m = opts.m ?? 1;
  const minTrain = opts.minTrain ?? Math.max(5, 2 * m + 2);
  if (!(Number.isInteger(horizon) && horizon >= 1 && horizon <= 24)) throw new BadRequestError(`horizon must be a whole number from 1 to 24 (got ${horizon})`);
  const methods = opts.methods ?? FORECAST_METHOD_IDS;
  if (values.length <= minTrain) {
    return {
      values: values.length,
      horizon,
      minTrain,
      methods: [],
      reason: { zh: `回测至少需要 ${minTrain + 1} 个数据（现有 ${values.length} 个）`, en: `backtesting needs at least ${minTrain + 1} values (has ${values.length})` },
    };
  }
  return {
    values: values.length,
    horizon,
    minTrain,
    reason: null,
    methods: methods.map((method) => {
      const r = backtest(values, FORECAST_METHODS[method], { horizon, minTrain, m });
      const a = r.accuracy;
      return {
        method,
        accuracy: { smape: finiteOrNull(a.smape), mase: finiteOrNull(a.mase), coverage80: finiteOrNull(a.coverage80), coverage95: finiteOrNull(a.coverage95), count: a.count },
        origins: r.origins,
        failures: r.failures.length,
      };
    }),
  };
}

export interface PlanBacktest {
  planId: string;
  asOf: string;
  regionCode: string;
  indicators: Array<{ indicatorCode: string; name: LocalizedText; firstYear: number | null; lastYear: number | null } & SeriesBacktest>;
}

export async function backtestPlan(
  database: Database,
  planId: string,
  opts: { asOf: string; regionCode?: string; horizon?: number; states?: readonly ApprovalState[] },
): Promise<PlanBacktest> {
  const asOf = parseAsOfOption(opts.asOf);
  const evaluation = await evaluatePlan(database, planId, {
    asOf, methods: [], ...(opts.regionCode ? { regionCode: opts.regionCode } : {}), ...(opts.states ? { states: opts.states } : {}),
  });
  return {
    planId,
    asOf: asOf.text,
    regionCode: evaluation.regionCode,
    indicators: evaluation.indicators.map((e) => {
      const fit = fittingSeries(latestBasisStretch(e.series).points.map((p) => ({ year: p.year, value: p.value })));
      const last = fit.observed[fit.observed.length - 1];
      return {
        indicatorCode: e.indicator.code,
        name: e.indicator.name,
        firstYear: fit.observed.length > 0 ? fit.firstYear : null,
        lastYear: last?.year ?? null,
        ...backtestSeries(fit.values, { horizon: opts.horizon ?? 2, minTrain: 4 }),
      };
    }),
  };
}
