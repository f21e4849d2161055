/**
 * The Theta method of Assimakopoulos & Nikolopoulos (2000), in the form Hyndman & Billah (2003) showed it to be —
 * simple exponential smoothing with drift equal to half the slope of the linear trend — exactly as R's
 * `forecast::thetaf` computes it:
 *   seasonal adjustment first when the lag-m autocorrelation is significant (multiplicative decomposition);
 *   ŷ_{n+h} = ℓ_n + (b/2)·((h − 1) + (1 − (1 − α)^n)/α), b the OLS slope of y on 0..n−1, (α, ℓ_n) from SES;
 *   se_h = σ·sqrt(1 + (h − 1)·α²) (the SES interval, as thetaf uses; not reseasonalised, as in R).
 */
import { isSeasonal, multiplicativeSeasonal } from './decompose';
import { failure, normalIntervals, type ModelResult } from './model';
import { fitSes } from './ses';

export function thetaForecast(y: readonly number[], h: number, m = 1): ModelResult {
  const n = y.length;
  if (n < 4) return failure('Theta', `Theta 方法至少需要 4 个观测值（现有 ${n} 个）`, `Theta needs at least 4 observations (has ${n})`);
  const seasonal = isSeasonal(y, m);
  const figure = seasonal ? multiplicativeSeasonal(y, m) : null;
  const usable = figure && figure.every((f) => Math.abs(f) >= 1e-4) ? figure : null;
  const x = usable ? y.map((v, t) => v / (usable[t % m] ?? 1)) : [...y];
  const ses = fitSes(x);
  const slope = olsSlope(x) / 2;
  const alpha = Math.max(1e-10, ses.alpha);
  const point: number[] = [];
  const se: number[] = [];
  for (let j = 0; j < h; j++) {
    let p = ses.level + slope * (j + (1 - (1 - alpha) ** n) / alpha);
    if (usable) p *= usable[(n + j) % m] ?? 1;
    point.push(p);
    se.push(Math.sqrt(ses.sigma2) * Math.sqrt(j * alpha * alpha + 1));
  }
  return normalIntervals('Theta', point, se);
}

/** Slope of the least-squares line through (t, y_t), t = 0..n−1. */
export function olsSlope(y: readonly number[]): number {
  const n = y.length;
  const tMean = (n - 1) / 2;
  const yMean = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  y.forEach((v, t) => {
    sxy += (t - tMean) * (v - yMean);
    sxx += (t - tMean) ** 2;
  });
  return sxx > 0 ? sxy / sxx : 0;
}
