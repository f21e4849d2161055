/**
 * Rolling-origin evaluation (Tashman 2000; Hyndman & Athanasopoulos, FPP3 §5.10 "time series cross-validation"):
 * for every origin from `minTrain` to n − 1, fit on the first `origin` values, forecast up to `horizon` steps,
 * and score against what followed. A user sees how far a method's forecasts have been off on this very series.
 */
import { maseScale, scorePairs, summarise, type Accuracy } from './accuracy';
import type { Forecaster } from './model';

export interface BacktestOptions {
  horizon: number;
  /** Smallest training length (default 5, the shortest series a plan indicator is forecast from). */
  minTrain?: number;
  m?: number;
}

export interface BacktestResult {
  accuracy: Accuracy;
  /** Accuracy per horizon step 1..horizon. */
  byHorizon: Accuracy[];
  origins: number;
  /** Origins where the method could not be fitted, with the reason. */
  failures: Array<{ origin: number; reason: string }>;
}

export function backtest(y: readonly number[], forecaster: Forecaster, opts: BacktestOptions): BacktestResult {
  const m = opts.m ?? 1;
  const minTrain = opts.minTrain ?? 5;
  if (y.length <= minTrain) throw new RangeError(`backtesting needs more than ${minTrain} values (has ${y.length})`);
  const all: Array<ReturnType<typeof scorePairs>[number] & { step: number }> = [];
  const failures: BacktestResult['failures'] = [];
  let origins = 0;
  for (let origin = minTrain; origin < y.length; origin++) {
    const train = y.slice(0, origin);
    const actual = y.slice(origin, origin + opts.horizon);
    const f = forecaster(train, actual.length, m);
    origins++;
    if (!f.ok) {
      failures.push({ origin, reason: f.reason.en });
      continue;
    }
    scorePairs(f, actual, maseScale(train, m)).forEach((p, step) => all.push({ ...p, step }));
  }
  const byHorizon = Array.from({ length: opts.horizon }, (_, step) => summarise(all.filter((p) => p.step === step)));
  return { accuracy: summarise(all), byHorizon, origins, failures };
}
