/**
 * Log-linear trend: log y_t = a + b·t + ε, fitted by least squares — constant average growth, the model behind
 * a plan's "年均增长x%". Point forecast exp(a + b·t) (the median of the log-normal), intervals from the regression
 * prediction interval on the log scale, t-quantiles with n − 2 degrees of freedom:
 *   se(t*) = s·sqrt(1 + 1/n + (t* − t̄)²/Sxx), s² = SSR/(n − 2) (any regression text, e.g. Draper & Smith ch. 1).
 * Only for strictly positive series.
 */
import { failure, type ModelResult } from './model';
import { tQuantiles } from './studentT';

export function logLinearForecast(y: readonly number[], h: number): ModelResult {
  const name = 'log-linear trend';
  const n = y.length;
  if (n < 3) return failure(name, `对数线性趋势至少需要 3 个观测值（现有 ${n} 个）`, `log-linear trend needs at least 3 observations (has ${n})`);
  if (y.some((v) => !(v > 0))) return failure(name, '序列含零或负值，不能取对数', 'the series has zero or negative values; logs are undefined');
  const ly = y.map(Math.log);
  const tMean = (n - 1) / 2;
  const yMean = ly.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  ly.forEach((v, t) => {
    sxx += (t - tMean) ** 2;
    sxy += (t - tMean) * (v - yMean);
  });
  const b = sxy / sxx;
  const a = yMean - b * tMean;
  const ssr = ly.reduce((s, v, t) => s + (v - a - b * t) ** 2, 0);
  const s = Math.sqrt(ssr / (n - 2));
  const { t80, t95 } = tQuantiles(n - 2);
  const out = { ok: true as const, model: name, point: [] as number[], lo80: [] as number[], hi80: [] as number[], lo95: [] as number[], hi95: [] as number[] };
  for (let j = 1; j <= h; j++) {
    const t = n - 1 + j;
    const mean = a + b * t;
    const se = s * Math.sqrt(1 + 1 / n + (t - tMean) ** 2 / sxx);
    out.point.push(Math.exp(mean));
    out.lo80.push(Math.exp(mean - t80 * se));
    out.hi80.push(Math.exp(mean + t80 * se));
    out.lo95.push(Math.exp(mean - t95 * se));
    out.hi95.push(Math.exp(mean + t95 * se));
  }
  return out;
}
