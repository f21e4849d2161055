/**
 * Forecast accuracy measures, as the M3/M4 competitions and R's forecast::accuracy define them:
 *   sMAPE = mean(200·|y − ŷ| / (|y| + |ŷ|))  (Makridakis & Hibon 2000, in percent);
 *   MASE  = mean|y − ŷ| / mean_{t>m}|y_t − y_{t−m}| over the training data (Hyndman & Koehler 2006);
 *   coverage = share of actual values inside the 80% / 95% prediction intervals.
 */
import type { ModelForecast } from './model';

export interface Accuracy {
  smape: number;
  mase: number;
  coverage80: number;
  coverage95: number;
  /** Number of forecast–actual pairs scored. */
  count: number;
}

/** The MASE scale: mean absolute m-step difference of the training series (m = 1 for annual data). */
export function maseScale(train: readonly number[], m: number): number {
  const lag = train.length > m ? m : 1;
  let sum = 0;
  let count = 0;
  for (let t = lag; t < train.length; t++) {
    sum += Math.abs((train[t] ?? 0) - (train[t - lag] ?? 0));
    count++;
  }
  return count > 0 ? sum / count : Number.NaN;
}

/** Scores each pair of a forecast against the actual values that followed (as many as both have). */
export function scorePairs(f: ModelForecast, actual: readonly number[], scale: number): Array<{ smape: number; scaledError: number; in80: boolean; in95: boolean }> {
  const out = [];
  for (let j = 0; j < Math.min(actual.length, f.point.length); j++) {
    const y = actual[j] ?? Number.NaN;
    const p = f.point[j] ?? Number.NaN;
    const denom = Math.abs(y) + Math.abs(p);
    out.push({
      smape: denom === 0 ? 0 : (200 * Math.abs(y - p)) / denom,
      scaledError: Math.abs(y - p) / scale,
      in80: y >= (f.lo80[j] ?? Number.NaN) && y <= (f.hi80[j] ?? Number.NaN),
      in95: y >= (f.lo95[j] ?? Number.NaN) && y <= (f.hi95[j] ?? Number.NaN),
    });
  }
  return out;
}

/** Averages scored pairs into an Accuracy (NaN measures when nothing was scored). */
export function summarise(pairs: ReadonlyArray<{ smape: number; scaledError: number; in80: boolean; in95: boolean }>): Accuracy {
  const n = pairs.length;
  const mean = (f: (p: (typeof pairs)[number]) => number) => (n === 0 ? Number.NaN : pairs.reduce((s, p) => s + f(p), 0) / n);
  return {
    smape: mean((p) => p.smape),
    mase: mean((p) => p.scaledError),
    coverage80: mean((p) => (p.in80 ? 1 : 0)),
    coverage95: mean((p) => (p.in95 ? 1 : 0)),
    count: n,
  };
}
