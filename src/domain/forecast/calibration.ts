/**
 * Calibrated intervals for the automatic forecast. The members' model-based intervals (ETS, Theta, ARIMA) assume
 * the fitted model and its parameters are the truth, so out of sample they cover too little: on M3 the median
 * combination's 80% / 95% intervals held 70% / 84% of yearly values, 67% / 83% of quarterly ones (R's own ets:
 * 72% / 85% yearly). The automatic forecast therefore widens the combination's half-widths — each side separately,
 * around the point — by an empirical factor per frequency, horizon step and level.
 *
 * How the factors were chosen (bench/forecast-m3-calibrate.mts, re-run it to reproduce them): on the M3 series
 * with an ODD row index — a calibration set disjoint from the benchmark, which scores only even-indexed series — the
 * raw combination was fitted on each training part, and for each step j the factor that would just have covered
 * the held-back value, |actual − point| / (half-width on that side), was collected; the factor for level L at step
 * j is the L-quantile of those ratios at steps j − 1, j, j + 1 (pooled for steadiness), made non-decreasing in j (so intervals still widen with the horizon). Steps
 * beyond the calibrated horizon use the last factor. The factors are ratios, so they are scale-free.
 *
 * Honest limits: M3 yearly training series are 14–41 values long, plan indicators often 5–10; the factors carry
 * over the M3 mix of series, not each indicator's own history.
 */
import type { ModelForecast } from './model';

export interface CalibrationTable {
  /** Factors on the 80% half-widths for steps 1, 2, …; the last applies beyond. */
  f80: readonly number[];
  /** Factors on the 95% half-widths. */
  f95: readonly number[];
}

export type Frequency = 'yearly' | 'quarterly' | 'monthly';

/**
 * Measured by bench/forecast-m3-calibrate.mts on the odd-indexed M3 series (161 yearly, 189 quarterly, 357 monthly;
 * 2026-11-27): the raw combination covered 71.1% / 85.2% yearly, 72.7% / 86.8% quarterly, 78.9% / 92.4% monthly.
 */
export const M3_CALIBRATION: Record<Frequency, CalibrationTable> = {
  yearly: { f80: [1.072, 1.22, 1.304, 1.328, 1.34, 1.344], f95: [1.468, 1.619, 1.722, 1.965, 2.13, 2.194] },
  quarterly: { f80: [1.137, 1.137, 1.183, 1.221, 1.259, 1.288, 1.337, 1.41], f95: [1.361, 1.361, 1.361, 1.366, 1.436, 1.69, 1.755, 1.823] },
  monthly: {
    f80: [0.969, 0.969, 0.977, 1.018, 1.034, 1.034, 1.034, 1.034, 1.034, 1.034, 1.034, 1.034, 1.034, 1.066, 1.066, 1.126, 1.151, 1.157],
    f95: [1.001, 1.001, 1.085, 1.095, 1.113, 1.113, 1.113, 1.113, 1.137, 1.137, 1.137, 1.157, 1.157, 1.218, 1.244, 1.278, 1.278, 1.278],
  },
};

/** The calibration table for m periods a year: annual below 4, quarterly below 12, monthly otherwise. */
export function frequencyOf(m: number): Frequency {
  return m >= 12 ? 'monthly' : m >= 4 ? 'quarterly' : 'yearly';
}

/** The forecast with its half-widths multiplied by the factors of its frequency (the point is unchanged). */
export function calibrate(f: ModelForecast, m: number, tables: Partial<Record<Frequency, CalibrationTable>> = M3_CALIBRATION): ModelForecast {
  const table = tables[frequencyOf(m)];
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
