/** The rule for short annual series (issue 17). */
import { describe, expect, it } from 'vitest';
import { isShortAnnual, shortAnnualForecast, SHORT_ANNUAL_MAX, steadyDirection } from './shortAnnual';

describe('short annual series', () => {
  it('are annual series of up to 12 values', () => {
    expect(SHORT_ANNUAL_MAX).toBe(12);
    expect([isShortAnnual(4, 1), isShortAnnual(12, 1), isShortAnnual(13, 1), isShortAnnual(8, 4), isShortAnnual(8, 12)]).toEqual([true, true, false, false, false]);
  });

  it('have a steady direction only when every change goes the same way (a flat year breaks it)', () => {
    expect(steadyDirection([1, 2, 3, 5])).toBe(1);
    expect(steadyDirection([5, 3, 2, 1])).toBe(-1);
    expect(steadyDirection([1, 2, 2, 3])).toBe(0);
    expect(steadyDirection([1, 3, 2, 4])).toBe(0);
    expect(steadyDirection([1, 2])).toBe(0);
  });

  it('keep a steady trend with the drift: the average change goes on (hand calculation)', () => {
    // 服务业增加值 2020–2023 (post-4th-census basis): mean change (21566.38 − 17190.44) / 3 = 1458.647
    const f = shortAnnualForecast([17190.44, 19299.67, 19956.16, 21566.38], 2);
    if (!f.ok) throw new Error(f.reason.en);
    expect(f.point[0]).toBeCloseTo(21566.38 + 1458.6466667, 5);
    expect(f.point[1]).toBeCloseTo(21566.38 + 2 * 1458.6466667, 5);
    expect(f.method?.rule).toBe('short_steady_trend');
  });

  it('take the median of four members otherwise, and of the three left on a series with a non-positive value', () => {
    const f = shortAnnualForecast([3, 1, 2, 0, 4, 3, 5], 2);
    if (!f.ok) throw new Error(f.reason.en);
    expect(f.method?.rule).toBe('short_median');
    expect(f.method?.members.map((m) => m.used)).toEqual([true, true, true, false]);
    expect(f.method?.members[3]?.note?.en).toMatch(/zero or negative/);
  });
});
