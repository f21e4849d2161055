import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balanceIndex, climateIndex, weightedBalanceIndex } from './climate';
import { addAnswer, emptyTally, tallyOfCounts } from './tally';

describe('企业景气指数 / 企业家信心指数: (良好 − 不佳) × 100 + 100, then 0.4 × 即期 + 0.6 × 预期', () => {
  it('computes a hand-made wave of 40 enterprises', () => {
    // 即期 (this quarter): 18 良好, 15 一般, 7 不佳 → (18/40 − 7/40) × 100 + 100 = (0.45 − 0.175) × 100 + 100 = 127.5.
    const current = tallyOfCounts(18, 15, 7);
    // 预期 (next quarter): 22 良好, 14 一般, 4 不佳 → (0.55 − 0.1) × 100 + 100 = 145.
    const expected = tallyOfCounts(22, 14, 4);
    expect(balanceIndex(current)).toBe(127.5);
    expect(balanceIndex(expected)).toBe(145);
    // 0.4 × 127.5 + 0.6 × 145 = 51 + 87 = 138.
    expect(climateIndex(127.5, 145)).toBe(138);
    expect(climateIndex(balanceIndex(current), balanceIndex(expected))).toBeCloseTo(138, 12);
    // The weights are settings: 0.5 / 0.5 gives (127.5 + 145) / 2 = 136.25.
    expect(climateIndex(127.5, 145, { current: 0.5, expected: 0.5 })).toBe(136.25);
  });

  it('is 100 (the threshold) when as many judge 良好 as 不佳, and needs both parts', () => {
    expect(balanceIndex(tallyOfCounts(10, 5, 10))).toBe(100);
    expect(climateIndex(120, null)).toBeNull();
    expect(balanceIndex(emptyTally())).toBeNull();
  });

  it('property: the parts and the index lie in [0, 200], weighted or not', () => {
    const wave = fc.array(fc.record({ a: fc.constantFrom<1 | 0 | -1>(1, 0, -1), w: fc.double({ min: 0.01, max: 1e6, noNaN: true }) }), { minLength: 1, maxLength: 100 });
    fc.assert(
      fc.property(wave, wave, fc.double({ min: 0, max: 1, noNaN: true }), (a, b, wc) => {
        const [c, e] = [emptyTally(), emptyTally()];
        for (const x of a) addAnswer(c, x.a, x.w);
        for (const x of b) addAnswer(e, x.a, x.w);
        const weights = { current: wc, expected: 1 - wc };
        for (const v of [balanceIndex(c), weightedBalanceIndex(e), climateIndex(balanceIndex(c), balanceIndex(e), weights), climateIndex(weightedBalanceIndex(c), weightedBalanceIndex(e), weights)]) {
          expect(v).toBeGreaterThanOrEqual(0 - 1e-9);
          expect(v).toBeLessThanOrEqual(200 + 1e-9);
        }
      }),
    );
  });
});
