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
 * The tables below were fitted on the M3 half /work/shared/data/m3 ONLY (all its series; the short-series tables on
 * windows of 4–12 values cut from its yearly series) and are reported on the other half, m3-rest, and — refitted
 * without each domain — on every M3 domain left out (bench/RESULTS.md, issue 17).
 *
 * Honest limits: the factors carry over M3's mix of series, not each indicator's own history. Between the two halves
 * (the same mix of domains) the short-series tables hold within 3 points; across domains they do not — refitted
 * without a domain, the tables miss it by up to 16 points (macro series, the kind plan indicators are: covered 64–70%
 * at 80% by the yearly and short-median tables, 92% by the steady-trend one). bench/RESULTS.md has the tables.
 */
import type { ModelForecast } from './model';

export interface CalibrationTable {
  /** Factors on the 80% half-widths for steps 1, 2, …; the last applies beyond. */
  f80: readonly number[];
  /** Factors on the 95% half-widths. */
  f95: readonly number[];
}

export type Frequency = 'yearly' | 'quarterly' | 'monthly';

/** Which table applies: the frequency of the default median, or a short-annual rule. */
export type CalibrationKey = Frequency | 'yearly_short_trend' | 'yearly_short_median';
export const CALIBRATION_KEYS: readonly CalibrationKey[] = ['yearly', 'quarterly', 'monthly', 'yearly_short_trend', 'yearly_short_median'];

/**
 * Measured by bench/forecast-calibrate.mts on the M3 half m3/ (see above), 2026-12-03: 323 yearly, 378 quarterly,
 * 714 monthly series; 1,339 short windows under the steady-trend rule, 3,362 under the short median. On m3-rest/
 * they cover 75.9% / 94.9% yearly, 81.5% / 95.5% quarterly, 79.5% / 94.4% monthly, 80.7% / 94.9% and 77.9% / 94.5%
 * for the two short rules (raw: 66.7 / 81.3, 72.3 / 87.9, 77.4 / 91.3, 30.6 / 44.5, 65.8 / 81.9).
 */
export const CALIBRATION: Record<CalibrationKey, CalibrationTable> = {
  yearly: { f80: [1.078, 1.185, 1.304, 1.372, 1.44, 1.473], f95: [1.373, 1.475, 1.717, 1.976, 2.102, 2.191] },
  quarterly: { f80: [1.193, 1.193, 1.234, 1.234, 1.234, 1.263, 1.305, 1.346], f95: [1.361, 1.362, 1.371, 1.388, 1.431, 1.556, 1.657, 1.784] },
  monthly: {
    f80: [1.003, 1.003, 1.003, 1.009, 1.036, 1.036, 1.036, 1.036, 1.036, 1.036, 1.036, 1.036, 1.036, 1.077, 1.102, 1.125, 1.14, 1.147],
    f95: [1.061, 1.061, 1.084, 1.101, 1.113, 1.113, 1.12, 1.146, 1.147, 1.147, 1.147, 1.147, 1.147, 1.223, 1.255, 1.293, 1.327, 1.327],
  },
  // The drift's own interval (σ of the changes, √h) covers only ~31% / 45% of outcomes on steadily trending short
  // series: a series is picked for this rule because its changes were alike, so their spread understates the future's.
  yearly_short_trend: { f80: [2.331, 2.747, 3.654, 4.393, 4.983, 5.241], f95: [3.474, 4.005, 4.746, 5.767, 7.003, 7.271] },
  yearly_short_median: { f80: [1.135, 1.218, 1.363, 1.462, 1.526, 1.555], f95: [1.436, 1.517, 1.681, 1.833, 1.969, 2.019] },
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

/** The forecast with its half-widths multiplied by the factors of its table (the point is unchanged). */
export function calibrate(f: ModelForecast, key: CalibrationKey, tables: Partial<Record<CalibrationKey, CalibrationTable>> = CALIBRATION): ModelForecast {
  const table = tables[key];
  if (!table) return f;
  const at = (factors: readonly number[], j: number) => factors[Math.min(j, factors.length - 1)] ?? 1;
  const lo80: number[] = [];
  const hi80: number[] = [];
  const lo95: number[] = [];
  const hi95: number[] = [];
  f.point.forEach((p, j) => {
    const c80 = at(table.f80, j);
    const c95 = at(table.f95, j);
    const below80 = c80 * (p - (f.lo80[j] ?? Number.NaN));
    const above80 = c80 * ((f.hi80[j] ?? Number.NaN) - p);
    // The 95% interval stays at least as wide as the 80% one on each side.
    lo95.push(p - Math.max(c95 * (p - (f.lo95[j] ?? Number.NaN)), below80));
    hi95.push(p + Math.max(c95 * ((f.hi95[j] ?? Number.NaN) - p), above80));
    lo80.push(p - below80);
    hi80.push(p + above80);
  });
  return { ...f, lo80, hi80, lo95, hi95 };
}
