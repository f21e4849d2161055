import { describe, expect, it } from 'vitest';
import { maseScale, scorePairs, summarise } from './accuracy';
import { backtest } from './backtest';
import { randomWalkDriftForecast } from './randomWalkDrift';

describe('accuracy measures', () => {
  it('sMAPE, MASE and coverage by hand', () => {
    // train 10, 12, 14 → MASE scale = mean(|2|, |2|) = 2
    expect(maseScale([10, 12, 14], 1)).toBe(2);
    const f = { ok: true as const, model: 'x', point: [16, 18], lo80: [15, 17], hi80: [17, 19], lo95: [14, 16], hi95: [18, 20] };
    const pairs = scorePairs(f, [16, 21], 2);
    // |16−16| = 0 → sMAPE 0; |21−18| = 3 → 200·3/39 = 15.384615…; scaled errors 0 and 1.5
    const a = summarise(pairs);
    expect(a.smape).toBeCloseTo((0 + 600 / 39) / 2, 10);
    expect(a.mase).toBeCloseTo(0.75, 12);
    expect(a.coverage80).toBe(0.5);
    expect(a.coverage95).toBe(0.5);
    expect(a.count).toBe(2);
  });
});

describe('rolling-origin backtest', () => {
  it('forecasts a straight line perfectly with a random walk with drift', () => {
    const y = Array.from({ length: 10 }, (_, t) => 100 + 5 * t);
    const r = backtest(y, (train, h) => randomWalkDriftForecast(train, h), { horizon: 2 });
    // origins 5..9; pairs: 2 each except the last origin (1) → 9
    expect(r.origins).toBe(5);
    expect(r.accuracy.count).toBe(9);
    expect(r.accuracy.smape).toBeCloseTo(0, 10);
    expect(r.accuracy.mase).toBeCloseTo(0, 10);
    expect(r.byHorizon).toHaveLength(2);
  });
  it('refuses a series no longer than the training minimum, and reports origins that failed', () => {
    expect(() => backtest([1, 2, 3], (train, h) => randomWalkDriftForecast(train, h), { horizon: 1 })).toThrow(/more than 5 values/);
    const r = backtest([1, 2, 3, 4, 5, 6, 7], (train, h) => randomWalkDriftForecast(train.slice(0, 2), h), { horizon: 1 });
    expect(r.failures).toHaveLength(2);
    expect(r.accuracy.count).toBe(0);
  });
});
