/**
 * ARIMA for the default forecast. Series of 20 or more values use the automatic search of the `arima` npm package
 * (an Emscripten/WebAssembly build of the C library ctsa, whose auto_arima follows Hyndman & Khandakar 2008 like
 * R's auto.arima); its forecast error variances give normal intervals. The package refuses shorter series (it needs
 * 20 values for the search, 10 for a fixed order), so shorter ones — typical plan indicators, 5–10 annual values —
 * get ARIMA(0,1,0) with drift from domain/forecast/randomWalkDrift.ts, the model auto.arima most often picks for
 * them. The package does not report the order it chose, so its model is named "AutoARIMA".
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

export const AUTO_ARIMA_MIN_LENGTH = 20;

export const arimaForecast: Forecaster = (y, h, m): ModelResult => {
  if (y.length < AUTO_ARIMA_MIN_LENGTH) return randomWalkDriftForecast(y, h);
  const name = 'AutoARIMA';
  try {
    const seasonal = m > 1 && y.length >= 2 * m + AUTO_ARIMA_MIN_LENGTH / 2;
    const model = new (load())({ auto: true, verbose: false, ...(seasonal ? { s: m, P: 1, D: 1, Q: 1 } : {}) }).train([...y]);
    const [point, variance] = model.predict(h);
    if (!plausible(y, point) || variance.some((v) => !(v >= 0))) {
      return failure(name, '自动 ARIMA 给出了不可信的结果', 'the automatic ARIMA search returned an implausible result');
    }
    return normalIntervals(name, point, variance.map(Math.sqrt));
  } catch (e) {
    return failure(name, `自动 ARIMA 拟合失败：${String(e)}`, `automatic ARIMA failed: ${String(e)}`);
  }
};

/**
 * A guard against a known failure of the package: on some series (e.g. R's LakeHuron) it returns forecasts of
 * exactly 0. A forecast far outside the data's range (more than ten ranges away) is rejected.
 */
function plausible(y: readonly number[], point: readonly number[]): boolean {
  const lo = Math.min(...y);
  const hi = Math.max(...y);
  const span = Math.max(hi - lo, Math.abs(hi) * 1e-6, 1e-12);
  return point.length > 0 && point.every((p) => Number.isFinite(p) && p >= lo - 10 * span && p <= hi + 10 * span);
}
