/**
 * ARIMA(0,1,0) with drift — a random walk whose steps have a constant mean: y_t = y_{t−1} + c + ε_t. The model
 * R's auto.arima most often picks for a short trending annual series, and the ARIMA used here when the series is
 * too short for the `arima` package (it needs ≥ 10 points for a fixed order, ≥ 20 for its automatic search).
 * As R's Arima(y, order = c(0,1,0), include.drift = TRUE) gives it: c = mean of the n − 1 differences,
 * σ² = Σ(Δy − c)²/(n − 2) (the differences' variance, one degree of freedom for the drift);
 * ŷ_{n+h} = y_n + c·h, se_h = σ·sqrt(h) (R's predict.Arima ignores the drift's own estimation error).
 */
import { failure, normalIntervals, type ModelResult } from './model';

export const RW_DRIFT = 'ARIMA(0,1,0) with drift';

export function randomWalkDriftForecast(y: readonly number[], h: number): ModelResult {
  const n = y.length;
  if (n < 3) return failure(RW_DRIFT, `至少需要 3 个观测值（现有 ${n} 个）`, `needs at least 3 observations (has ${n})`);
  const d = y.slice(1).map((v, i) => v - (y[i] ?? 0));
  const c = d.reduce((a, b) => a + b, 0) / d.length;
  const sigma2 = d.reduce((s, v) => s + (v - c) ** 2, 0) / Math.max(1, d.length - 1);
  const last = y[n - 1] ?? 0;
  const point = Array.from({ length: h }, (_, j) => last + c * (j + 1));
  const se = Array.from({ length: h }, (_, j) => Math.sqrt(sigma2 * (j + 1)));
  return normalIntervals(RW_DRIFT, point, se);
}
