/**
 * The default automatic forecast. Short annual series (n ≤ 12, a plan indicator's few years) follow the rule of
 * domain/forecast/shortAnnual.ts: the random walk with drift when every change went the same way, else the median of
 * ETS, Theta and the two drifts. Other series: the median of automatic ETS, Theta and ARIMA (domain/forecast/combine.ts).
 * Either way the intervals are widened by the empirical factors of domain/forecast/calibration.ts so that they cover
 * what they say (the members' model-based intervals are over-confident out of sample), and the result says which
 * members were used and why (`method`).
 * ARIMA comes in as a parameter because its automatic search runs in WebAssembly (the `arima` package), which the
 * pure domain layer may not load; services/forecast/arima.ts supplies it.
 */
import { calibrate, calibrationKeyOf } from './calibration';
import { combineMedian } from './combine';
import { autoEtsForecast } from './etsAuto';
import type { Forecaster, ModelFailure, ModelResult } from './model';
import { isShortAnnual, shortAnnualForecast } from './shortAnnual';
import { thetaForecast } from './theta';

export type AutoResult = ModelResult & { failures?: ModelFailure[] };

/** The raw (uncalibrated) automatic forecast: the short-annual rule or the median, with its method choice. */
export function rawAutoForecast(arima: Forecaster): (y: readonly number[], h: number, m: number) => AutoResult {
  return (y, h, m) => {
    if (isShortAnnual(y.length, m)) return shortAnnualForecast(y, h);
    const results = [autoEtsForecast(y, h, m), thetaForecast(y, h, m), arima(y, h, m)];
    const combined = combineMedian(results);
    if (!combined.ok) return combined;
    return {
      ...combined,
      method: {
        rule: 'median',
        reason: {
          zh: `取 ETS、Theta、ARIMA 三者预测的中位数（${y.length} 个观测值）`,
          en: `the median of the ETS, Theta and ARIMA forecasts (${y.length} observations)`,
        },
        members: results.map((r) => ({ model: r.model, used: r.ok, note: r.ok ? null : r.reason })),
      },
    };
  };
}

export function defaultForecast(arima: Forecaster): (y: readonly number[], h: number, m: number) => AutoResult {
  const raw = rawAutoForecast(arima);
  return (y, h, m) => {
    const f = raw(y, h, m);
    return f.ok ? { ...calibrate(f, calibrationKeyOf(f, m), y, m), ...(f.failures ? { failures: f.failures } : {}) } : f;
  };
}
