/**
 * The ARIMA member of the default forecast.
 * - Annual series (and any too short for the package): ARIMA(0,1,0) with drift, domain/forecast/randomWalkDrift.ts —
 *   the model R's auto.arima most often picks for a short trending annual series.
 * - Seasonal series long enough (3m + 1 values): the "airline" model ARIMA(0,1,1)(0,1,1)[m] (Box & Jenkins 1970),
 *   fitted by the `arima` npm package — an Emscripten/WebAssembly build of the C library ctsa — whose forecast
 *   error variances give normal intervals.
 * The package's automatic search (auto: true) was measured and is not used: on M3 it returned forecasts with sMAPE
 * 60 on yearly series (R's auto.arima: 21), 40 on quarterly, and exactly 0 on R's LakeHuron; it also refuses series
 * under 20 values, i.e. every plan indicator. Fixed orders fit well (see bench/RESULTS.md).
 * Lives in services/ because it loads WebAssembly; the domain receives it as a Forecaster.
 */
import { createRequire } from 'node:module';
import { failure, normalIntervals, type Forecaster, type ModelResult } from '../../domain/forecast/model';
import { randomWalkDriftForecast } from '../../domain/forecast/randomWalkDrift';

interface ArimaInstance {
  train(ts: number[]): ArimaInstance;
  predict(length: number): [number[], number[]];
}
type ArimaConstructor = new (options: Record<string, number | boolean>) => ArimaInstance;

let constructor: ArimaConstructor | null = null;

/** Loads the package once (compiling its WebAssembly takes ~150 ms). */
function load(): ArimaConstructor {
  if (!constructor) constructor = createRequire(import.meta.url)('arima') as ArimaConstructor;
  return constructor;
}

/** The package's own minimum for ARIMA(0,1,1)(0,1,1)[m]: d + m·D + max(p + q, 2m, 10). */
export const airlineMinLength = (m: number): number => 1 + m + Math.max(2, 2 * m, 10);

export const arimaForecast: Forecaster = (y, h, m): ModelResult => {
  if (m <= 1 || y.length < airlineMinLength(m)) return randomWalkDriftForecast(y, h);
  const name = `ARIMA(0,1,1)(0,1,1)[${m}]`;
  try {
    const model = new (load())({ p: 0, d: 1, q: 1, P: 0, D: 1, Q: 1, s: m, verbose: false }).train([...y]);
    const [point, variance] = model.predict(h);
    if (!plausible(y, point) || variance.some((v) => !(v >= 0))) return failure(name, 'ARIMA 给出了不可信的结果', 'ARIMA returned an implausible result');
    return normalIntervals(name, point, variance.map(Math.sqrt));
  } catch (e) {
    return failure(name, `ARIMA 拟合失败：${String(e)}`, `ARIMA could not be fitted: ${String(e)}`);
  }
};

/** A forecast more than ten data ranges outside the data is rejected (a guard against a failed fit). */
function plausible(y: readonly number[], point: readonly number[]): boolean {
  const lo = Math.min(...y);
  const hi = Math.max(...y);
  const span = Math.max(hi - lo, Math.abs(hi) * 1e-6, 1e-12);
  return point.length > 0 && point.every((p) => Number.isFinite(p) && p >= lo - 10 * span && p <= hi + 10 * span);
}
