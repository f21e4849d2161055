/**
 * The default automatic forecast: the median of automatic ETS, Theta and ARIMA (domain/forecast/combine.ts), its
 * intervals widened by the empirical factors of domain/forecast/calibration.ts so that they cover what they say
 * (the members' model-based intervals are over-confident out of sample).
 * ARIMA comes in as a parameter because its automatic search runs in WebAssembly (the `arima` package), which the
 * pure domain layer may not load; services/forecast/arima.ts supplies it.
 */
import { calibrate } from './calibration';
import { combineMedian } from './combine';
import { autoEtsForecast } from './etsAuto';
import type { Forecaster, ModelFailure, ModelResult } from './model';
import { thetaForecast } from './theta';

export function defaultForecast(arima: Forecaster): (y: readonly number[], h: number, m: number) => ModelResult & { failures?: ModelFailure[] } {
  return (y, h, m) => {
    const combined = combineMedian([autoEtsForecast(y, h, m), thetaForecast(y, h, m), arima(y, h, m)]);
    return combined.ok ? { ...calibrate(combined, m), failures: combined.failures } : combined;
  };
}
