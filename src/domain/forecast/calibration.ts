/**
 * Calibrated intervals for the automatic forecast. The members' model-based intervals (ETS, Theta, ARIMA, the drifts)
 * assume the fitted model and its parameters are the truth, so out of sample they cover too little (on M3 R's own
 * ets holds 72% / 85% of yearly outcomes in its 80% / 95% intervals). The automatic forecast therefore widens its
 * half-widths — each side separately, around the point — by an empirical factor per kind of forecast, horizon step
 * and level: one table per frequency for the default median, and one each for the two rules of short annual series
 * (domain/forecast/shortAnnual.ts), whose members and widths differ.
 *
 * How the factors are chosen (bench/forecast-calibrate.mts; re-run it to reproduce them): on a FITTING collection,
 * the raw forecast is made from each training part, and for each step j the factor that would just have covered the
 * held-back value, |actual − point| / (half-width on that side), is collected. The factor for level L at step j is
 * the L-quantile of those ratios at steps j − 1, j, j + 1 (pooled for steadiness), made non-decreasing in j (so
 * intervals still widen with the horizon). The 80% and 95% factors are separate quantiles of the same ratios, so a
 * heavy tail — outcomes far outside the model's 95% interval more often than a normal law allows — gives a 95% factor
 * well above the 80% one (yearly: 1.37 against 1.08 at step 1), never a fixed 80/95 ratio. Steps beyond the table use
 * its last factor. The factors are ratios, so they are scale-free.
 *
 * What the 80% factors multiply is chosen per table, on the fitting half alone, by cross-validation inside it (odd-
 * and even-numbered series both ways, and each domain left out): the model's half-width, or the series' own mean
 * absolute change × √j, whichever misses 80% least on average. For full-length yearly series and the short median
 * it is the mean absolute change — how much the series moved says more about the next years than how sure the
 * fitted models were (macro series left out: covered 75.9% at 80% instead of 63.7%); the 95% factors stay on the
 * model's half-widths, whose heavy tails the cross-validation did not improve on.
 *
 * The tables below were fitted on the M3 half /work/shared/data/m3 ONLY (all its series; the short-series tables on
 * windows of 4–12 values cut from its yearly series) and are reported on the other half, m3-rest, and — refitted
 * without each domain — on every M3 domain left out (bench/RESULTS.md, issue 17).
 *
 * Honest limits: the factors carry over M3's mix of series, not each indicator's own history. Between the two halves
 * (the same mix of domains) every yearly table holds within 3 points both ways; across domains they do not — refitted
 * without a domain, the tables miss it by up to 15 points (macro series, the kind plan indicators are: covered 76%
 * and 70% at 80% by the yearly and short-median tables, 92% by the steady-trend one; demographic series 91% by the
 * yearly one). bench/RESULTS.md has the tables.
 */
import { maseScale } from './accuracy';
import type { ModelForecast } from './model';

/**
 * What a level's factors multiply: the raw forecast's own half-width on each side ('model'), or the series' mean
 * absolute change, the MASE scale (domain/forecast/accuracy.ts: mean |y_t − y_{t−m}|), times √j at step j (a random
 * walk's spread), on both sides ('meanAbsoluteChange') — how much the series moved, not how sure the fitted models were.
 */
export type CalibrationScale = 'model' | 'meanAbsoluteChange';

export interface CalibrationTable {
  /** Factors on the 80% half-widths for steps 1, 2, …; the last applies beyond. */
  f80: readonly number[];
  /** Factors on the 95% half-widths. */
  f95: readonly number[];
  /** What the 80% factors multiply (default 'model'); the 95% ones always multiply the model's half-widths. */
  scale80?: CalibrationScale;
}

export type Frequency = 'yearly' | 'quarterly' | 'monthly';

/** Which table applies: the frequency of the default median, or a short-annual rule. */
export type CalibrationKey = Frequency | 'yearly_short_trend' | 'yearly_short_median';
export const CALIBRATION_KEYS: readonly CalibrationKey[] = ['yearly', 'quarterly', 'monthly', 'yearly_short_trend', 'yearly_short_median'];

/**
 * Measured by bench/forecast-calibrate.mts on the M3 half m3/ (see above), 2026-12-04: 323 yearly, 378 quarterly,
 * 714 monthly series; 1,339 short windows under the steady-trend rule, 3,362 under the short median. On m3-rest/
 * they cover 77.4% / 95.0% yearly, 81.5% / 95.5% quarterly, 79.5% / 94.4% monthly, 80.7% / 94.9% and 78.5% / 94.5%
 * for the two short rules (raw: 66.7 / 81.3, 72.3 / 87.9, 77.4 / 91.3, 30.6 / 44.5, 65.8 / 81.9).
 */
export const CALIBRATION: Record<CalibrationKey, CalibrationTable> = {
  yearly: { f80: [1.596, 1.718, 1.933, 2.062, 2.237, 2.285], f95: [1.373, 1.475, 1.717, 1.976, 2.102, 2.191], scale80: 'meanAbsoluteChange' },
  quarterly: { f80: [1.193, 1.193, 1.234, 1.234, 1.234, 1.263, 1.305, 1.346], f95: [1.361, 1.362, 1.371, 1.388, 1.431, 1.556, 1.657, 1.784] },
  monthly: {
    f80: [1.003, 1.003, 1.003, 1.009, 1.036, 1.036, 1.036, 1.036, 1.036, 1.036, 1.036, 1.036, 1.036, 1.077, 1.102, 1.125, 1.14, 1.147],
    f95: [1.061, 1.061, 1.084, 1.101, 1.113, 1.113, 1.12, 1.146, 1.147, 1.147, 1.147, 1.147, 1.147, 1.223, 1.255, 1.293, 1.327, 1.327],
  },
  // The drift's own interval (σ of the changes, √h) covers only ~31% / 45% of outcomes on steadily trending short
  // series: a series is picked for this rule because its changes were alike, so their spread understates the future's.
  yearly_short_trend: { f80: [2.331, 2.747, 3.654, 4.393, 4.983, 5.241], f95: [3.474, 4.005, 4.746, 5.767, 7.003, 7.271] },
  yearly_short_median: { f80: [1.759, 1.88, 2.088, 2.213, 2.279, 2.311], f95: [1.436, 1.517, 1.681, 1.833, 1.969, 2.019], scale80: 'meanAbsoluteChange' },
};

/** The frequency of m periods a year: annual below 4, quarterly below 12, monthly otherwise. */
export function frequencyOf(m: number): Frequency {
  return m >= 12 ? 'monthly' : m >= 4 ? 'quarterly' : 'yearly';
}

/** The table for a forecast: its short-annual rule when it has one, else its frequency. */
export function calibrationKeyOf(f: Pick<ModelForecast, 'method'>, m: number): CalibrationKey {
  const rule = f.method?.rule;
  if (rule === 'short_steady_trend') return 'yearly_short_trend';
  if (rule === 'short_median') return 'yearly_short_median';
  return frequencyOf(m);
}

/**
 * The forecast of series `y` (m periods a year) with its half-widths multiplied by the factors of its table (the
 * point is unchanged). A table whose 80% factors multiply the mean absolute change needs a series that changed: for
 * a flat one (scale 0) the 80% interval is the point itself widened by nothing, so the model's half-width is used
 * with the factor 1 instead (the raw interval), and the 95% interval keeps its own factors.
 */
export function calibrate(f: ModelForecast, key: CalibrationKey, y: readonly number[], m: number, tables: Partial<Record<CalibrationKey, CalibrationTable>> = CALIBRATION): ModelForecast {
  const table = tables[key];
  if (!table) return f;
  const at = (factors: readonly number[], j: number) => factors[Math.min(j, factors.length - 1)] ?? 1;
  const change = table.scale80 === 'meanAbsoluteChange' ? maseScale(y, m) : Number.NaN;
  const byChange = Number.isFinite(change) && change > 0;
  const lo80: number[] = [];
  const hi80: number[] = [];
  const lo95: number[] = [];
  const hi95: number[] = [];
  f.point.forEach((p, j) => {
    const c80 = at(table.f80, j);
    const c95 = at(table.f95, j);
    const byModel = table.scale80 === 'meanAbsoluteChange' ? 1 : c80;
    const below80 = byChange ? c80 * change * Math.sqrt(j + 1) : byModel * (p - (f.lo80[j] ?? Number.NaN));
    const above80 = byChange ? c80 * change * Math.sqrt(j + 1) : byModel * ((f.hi80[j] ?? Number.NaN) - p);
    // The 95% interval stays at least as wide as the 80% one on each side.
    lo95.push(p - Math.max(c95 * (p - (f.lo95[j] ?? Number.NaN)), below80));
    hi95.push(p + Math.max(c95 * ((f.hi95[j] ?? Number.NaN) - p), above80));
    lo80.push(p - below80);
    hi80.push(p + above80);
  });
  return { ...f, lo80, hi80, lo95, hi95 };
}
