/**
 * Random walk with drift in logarithms — constant average growth from the last value: log y_t = log y_{t−1} + c + ε_t.
 * The reading of "the series grew x% a year and goes on doing so" that a planner makes of a trending level.
 * As ARIMA(0,1,0) with drift fitted to log y (R: Arima(log(y), order = c(0,1,0), include.drift = TRUE), back-
 * transformed): c = mean of the n − 1 log changes, σ² = their variance (n − 2 degrees of freedom);
 * ŷ_{n+h} = y_n·exp(c·h) (the median of the log-normal), bounds y_n·exp(c·h ± z·σ·√h). Only for positive series.
 */
import { failure, Z80, Z95, type ModelResult } from './model';

export const GEOMETRIC_DRIFT = 'geometric drift';

export function geometricDriftForecast(y: readonly number[], h: number): ModelResult {
  const n = y.length;
  if (n < 3) return failure(GEOMETRIC_DRIFT, `至少需要 3 个观测值（现有 ${n} 个）`, `needs at least 3 observations (has ${n})`);
  if (y.some((v) => !(v > 0))) return failure(GEOMETRIC_DRIFT, '序列含零或负值，不能取对数', 'the series has zero or negative values; logs are undefined');
  const d = y.slice(1).map((v, i) => Math.log(v / (y[i] ?? Number.NaN)));
  const c = d.reduce((a, b) => a + b, 0) / d.length;
  const sigma = Math.sqrt(d.reduce((s, v) => s + (v - c) ** 2, 0) / Math.max(1, d.length - 1));
  const last = y[n - 1] ?? Number.NaN;
  const at = (z: number) => Array.from({ length: h }, (_, j) => last * Math.exp(c * (j + 1) + z * sigma * Math.sqrt(j + 1)));
  return { ok: true, model: GEOMETRIC_DRIFT, point: at(0), lo80: at(-Z80), hi80: at(Z80), lo95: at(-Z95), hi95: at(Z95) };
}
