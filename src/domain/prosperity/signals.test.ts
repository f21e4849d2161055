import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPOSITE_THRESHOLDS, LIGHT_POINTS, lightOf, signalRow, thresholdProblem } from './signals';

describe('signal lights', () => {
  const t = [45, 48, 53, 56] as const;
  it('gives five lights between four thresholds, a threshold taking the warmer light', () => {
    expect([40, 45, 47.9, 48, 52.9, 53, 55.9, 56, 70].map((v) => lightOf(v, t))).toEqual(['blue', 'lightBlue', 'lightBlue', 'green', 'green', 'yellow', 'yellow', 'red', 'red']);
    // Counter-cyclical: low values are hot.
    expect([40, 45, 47, 50, 55, 57].map((v) => lightOf(v, t, true))).toEqual(['red', 'red', 'yellow', 'green', 'lightBlue', 'blue']);
  });

  it('scores the lights 1–5 and the composite as points / (3 × components) × 100, reproducing the NDC bands for nine', () => {
    // Nine components: 7 green (21), 1 yellow (4), 1 red (5) = 30 points → 30/27 × 100 = 111.1 → green (23–31).
    const comps = Array.from({ length: 9 }, (_, i) => ({ code: `X${i}`, thresholds: t }));
    const values = Object.fromEntries(comps.map((c, i) => [c.code, i === 0 ? 54 : i === 1 ? 60 : 50]));
    const row = signalRow(comps, values);
    expect(row.points).toBe(30);
    expect(row.score).toBeCloseTo((30 / 27) * 100, 12);
    expect(row.light).toBe('green');
    // The NDC's bands on 9–45 points: 16 blue, 17 light blue, 22 light blue, 23 green, 31 green, 32 yellow, 37 yellow, 38 red.
    const byPoints = (p: number) => lightOf((p / 27) * 100, DEFAULT_COMPOSITE_THRESHOLDS);
    expect([16, 17, 22, 23, 31, 32, 37, 38].map(byPoints)).toEqual(['blue', 'lightBlue', 'lightBlue', 'green', 'green', 'yellow', 'yellow', 'red']);
    expect(LIGHT_POINTS.green).toBe(3);
  });

  it('leaves a missing value unlit and out of the score; refuses thresholds out of order', () => {
    const row = signalRow([{ code: 'A', thresholds: t }, { code: 'B', thresholds: t }], { A: 57, B: null });
    expect(row.lights.B).toEqual({ value: null, light: null });
    expect(row.counted).toBe(1);
    expect(row.score).toBeCloseTo((5 / 3) * 100, 12);
    expect(signalRow([{ code: 'A', thresholds: t }], {}).score).toBeNull();
    expect(thresholdProblem([1, 2, 2, 3])).toMatch(/must increase/);
    expect(thresholdProblem([1, 2, 3])).toMatch(/four thresholds/);
  });
});
