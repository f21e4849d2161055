import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAnswer } from './answers';
import { diffusionIndex, weightedDiffusionIndex } from './diffusion';
import { roundHalfUp } from './rounding';
import { addAnswer, emptyTally, tallyOfCounts } from './tally';

describe('diffusion index DI = %上升 + 0.5 × %持平', () => {
  it('reproduces the worked example: 33.2% 偏冷, 64.3% 正常, 2.5% 偏热 → 34.7', () => {
    // Per 1,000 respondents: 25 偏热 (the favourable option), 643 正常, 332 偏冷.
    const t = tallyOfCounts(25, 643, 332);
    // DI = 2.5 + 0.5 × 64.3 = 2.5 + 32.15 = 34.65, published with one decimal, half up: 34.7.
    expect(diffusionIndex(t)).toBe(34.65);
    expect(roundHalfUp(diffusionIndex(t) ?? Number.NaN, 1)).toBe(34.7);
  });

  it('reproduces the PBoC 银行家宏观经济热度指数 as published (2021Q2 45.9%, 2023Q1 40.2%)', () => {
    // 2021Q2: 79.3% 正常, 14.5% 偏冷, so 100 − 79.3 − 14.5 = 6.2% 偏热; 6.2 + 0.5 × 79.3 = 6.2 + 39.65 = 45.85 → 45.9.
    expect(roundHalfUp(diffusionIndex(tallyOfCounts(62, 793, 145)) ?? Number.NaN, 1)).toBe(45.9);
    // 2023Q1: 62.8% 正常, 28.4% 偏冷, so 8.8% 偏热; 8.8 + 0.5 × 62.8 = 8.8 + 31.4 = 40.2.
    expect(roundHalfUp(diffusionIndex(tallyOfCounts(88, 628, 284)) ?? Number.NaN, 1)).toBe(40.2);
  });

  it('is 50 when as many answer up as down, 100 when all up, 0 when all down, and null for an empty cell', () => {
    expect(diffusionIndex(tallyOfCounts(30, 40, 30))).toBe(50);
    expect(diffusionIndex(tallyOfCounts(7, 0, 0))).toBe(100);
    expect(diffusionIndex(tallyOfCounts(0, 0, 7))).toBe(0);
    expect(diffusionIndex(emptyTally())).toBeNull();
  });

  it('weights by revenue: a large enterprise answering 上升 lifts the weighted index, not the unweighted one', () => {
    const t = emptyTally();
    // 营业收入 (万元): 9,000 up; 500 same; 500 down → (9000 + 0.5 × 500) / 10000 = 92.5%.
    addAnswer(t, parseAnswer('trend', '上升') ?? 0, 9000);
    addAnswer(t, parseAnswer('trend', '持平') ?? 0, 500);
    addAnswer(t, parseAnswer('trend', '下降') ?? 0, 500);
    expect(diffusionIndex(t)).toBe(50);
    expect(weightedDiffusionIndex(t)).toBe(92.5);
  });

  it('property: DI and weighted DI lie in [0, 100]', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ a: fc.constantFrom<1 | 0 | -1>(1, 0, -1), w: fc.double({ min: 0.001, max: 1e7, noNaN: true }) }), { minLength: 1, maxLength: 200 }), (answers) => {
        const t = emptyTally();
        for (const x of answers) addAnswer(t, x.a, x.w);
        for (const v of [diffusionIndex(t), weightedDiffusionIndex(t)]) {
          expect(v).not.toBeNull();
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(100);
        }
      }),
    );
  });
});

describe('answers', () => {
  it('reads the words of each scale, in Chinese and English, and the printed option numbers', () => {
    expect(parseAnswer('trend', ' 上升 ')).toBe(1);
    expect(parseAnswer('trend', 'Decrease')).toBe(-1);
    expect(parseAnswer('state', '一般')).toBe(0);
    expect(parseAnswer('outlook', '不乐观')).toBe(-1);
    expect(parseAnswer('heat', '3')).toBe(-1);
    expect(parseAnswer('trend', '良好')).toBeNull();
    expect(parseAnswer('trend', '4')).toBeNull();
  });
});

describe('rounding half up on the decimal people read', () => {
  it('rounds 8.575 to 8.58 and 1.005 to 1.01, where the naive Math.round gives 8.57 and 1', () => {
    expect(Math.round(8.575 * 100) / 100).toBe(8.57);
    expect(roundHalfUp(8.575, 2)).toBe(8.58);
    expect(Math.round(1.005 * 100) / 100).toBe(1);
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundHalfUp(34.65, 1)).toBe(34.7);
    expect(roundHalfUp(-0.25, 1)).toBe(-0.3);
    expect(roundHalfUp(45.85, 1)).toBe(45.9);
    expect(roundHalfUp(100, 1)).toBe(100);
  });
});
