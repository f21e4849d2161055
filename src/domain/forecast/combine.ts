/**
 * The default forecast: the median, horizon by horizon, of the member forecasts that could be fitted (ETS, Theta,
 * ARIMA). Combining is the most reliable single lesson of the M competitions (Makridakis et al. 2020, M4: "the
 * combination of methods was the king"); the median resists one member going astray. The interval is the median
 * point ± the median of the members' lower and upper half-widths (point − lo, hi − point): it keeps each member's
 * spread, and — the median being monotone in each argument — widens with the horizon whenever the members' do
 * (medians of the bounds themselves need not). The M3 benchmark measures its coverage.
 * With one member left the combination is that member; with none, the failure reasons are returned.
 */
import { failure, type ModelFailure, type ModelForecast, type ModelResult } from './model';

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? Number.NaN) : ((s[mid - 1] ?? Number.NaN) + (s[mid] ?? Number.NaN)) / 2;
}

export function combineMedian(results: readonly ModelResult[]): ModelResult & { failures: ModelFailure[] } {
  const members = results.filter((r): r is ModelForecast => r.ok);
  const failures = results.filter((r): r is ModelFailure => !r.ok);
  if (members.length === 0) {
    const why = failures.map((f) => `${f.model}: ${f.reason.zh}`).join('；');
    const whyEn = failures.map((f) => `${f.model}: ${f.reason.en}`).join('; ');
    return { ...failure('median', `没有模型可以拟合：${why}`, `no model could be fitted: ${whyEn}`), failures };
  }
  const [only] = members;
  if (members.length === 1 && only) return { ...only, failures };
  const h = Math.min(...members.map((f) => f.point.length));
  const point = Array.from({ length: h }, (_, j) => median(members.map((f) => f.point[j] ?? Number.NaN)));
  const bound = (key: 'lo80' | 'hi80' | 'lo95' | 'hi95', sign: 1 | -1) =>
    point.map((p, j) => p + sign * median(members.map((f) => sign * ((f[key][j] ?? Number.NaN) - (f.point[j] ?? Number.NaN)))));
  return {
    ok: true,
    model: `median(${members.map((f) => f.model).join(', ')})`,
    point,
    lo80: bound('lo80', -1),
    hi80: bound('hi80', 1),
    lo95: bound('lo95', -1),
    hi95: bound('hi95', 1),
    failures,
  };
}
