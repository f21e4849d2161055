import { describe, expect, it } from 'vitest';
import { growth6, make } from './fixtures';
import { evaluateGrowthTarget, GROWTH_RATE_TOLERANCE_PP, levelTargetFromGrowth } from './growthTarget';
import { evaluateAll } from './methods';
import { intermediate as n } from './testing';

const intensity = (yt: number) =>
  make({ unit: '吨标准煤/万元', direction: 'decrease', y0: 1, yt, growthTarget: { ratePercent: -3, fromYear: 2020, toYear: 2025 } });

describe('growth-rate targets (年均增长x%)', () => {
  it('100 (2020) → 115 (2023) against 年均增长6%: behind', () => {
    // g = (115/100)^(1/3) − 1 = 0.04768955317164725; r = 0.06; g < r − 0.001 = 0.059 → behind
    const r = evaluateGrowthTarget(growth6());
    expect(r.method).toBe('growth_rate');
    expect(r.status).toBe('behind');
    expect(n(r, 'achievedRate')).toBeCloseTo(0.04768955317164725, 6);
    expect(n(r, 'requiredRate')).toBeCloseTo(0.06, 6);
    expect(n(r, 'gapPercentagePoints')).toBeCloseTo(-1.231044682835275, 6);
    expect(r.workings.rule.zh).toContain('4.77%');
  });

  it('on track at or within 0.1pp of the required rate; wrong direction when the level falls', () => {
    expect(GROWTH_RATE_TOLERANCE_PP).toBe(0.1);
    // 119.5: g = 1.195^(1/3) − 1 = 0.06118059986337432 ≥ 0.06 → on_track
    expect(evaluateGrowthTarget(growth6(119.5)).status).toBe('on_track');
    // 118.95: g = 1.1895^(1/3) − 1 = 0.059550064176084216 ≥ 0.059 (6% − 0.1pp) → on_track
    expect(evaluateGrowthTarget(growth6(118.95)).status).toBe('on_track');
    // 98: g = 0.98^(1/3) − 1 = −0.006711611620731306 < 0 < r → wrong_direction
    expect(evaluateGrowthTarget(growth6(98)).status).toBe('wrong_direction');
  });

  it('a decreasing indicator with 年均下降3% (ratePercent −3)', () => {
    // 1 → 0.92: g = 0.92^(1/3) − 1 = −0.027411173781143994 > −0.03 + 0.001 = −0.029 → behind
    const r = evaluateGrowthTarget(intensity(0.92));
    expect(r.status).toBe('behind');
    expect(n(r, 'achievedRate')).toBeCloseTo(-0.027411173781143994, 6);
    // 1 → 0.9: g = −0.034510615394370 ≤ −0.029 → on_track; 1 → 1.02 rises → wrong_direction
    expect(evaluateGrowthTarget(intensity(0.9)).status).toBe('on_track');
    expect(evaluateGrowthTarget(intensity(1.02)).status).toBe('wrong_direction');
  });

  it('converts to a level target every method uses, and says so', () => {
    // y* = 1 × 0.97^5 = 0.8587340257, at_most for a decreasing indicator
    const c = levelTargetFromGrowth({ ratePercent: -3, fromYear: 2020, toYear: 2025 }, 1, 2020, 'decrease');
    expect(c.ok).toBe(true);
    if (c.ok) {
      expect(c.value.target.value).toBeCloseTo(0.8587340257, 9);
      expect(c.value.target.comparator).toBe('at_most');
      expect(c.value.note.en).toContain('converted to the equivalent level target');
    }
    for (const r of Object.values(evaluateAll(growth6()))) {
      expect(r.status).not.toBe('insufficient_data');
      expect(r.workings.notes.some((x) => x.zh.includes('年均增长6%'))).toBe(true);
      expect(n(r, 'yStar')).toBeCloseTo(133.82255776, 6);
    }
  });

  it('insufficient data: no growth target, start year other than the baseline year, non-positive values, no time elapsed', () => {
    const cases = [
      make({ y0: 100, yt: 115 }),
      make({ y0: 100, t0: 2019, yt: 115, growthTarget: { ratePercent: 6, fromYear: 2020, toYear: 2025 } }),
      make({ y0: 0, yt: 115, growthTarget: { ratePercent: 6, fromYear: 2020, toYear: 2025 } }),
      make({ y0: 100, yt: 115, t: 2020, growthTarget: { ratePercent: 6, fromYear: 2020, toYear: 2025 } }),
      make({ y0: null, yt: 115, growthTarget: { ratePercent: 6, fromYear: 2020, toYear: 2025 } }),
    ];
    for (const c of cases) {
      const r = evaluateGrowthTarget(c);
      expect(r.status).toBe('insufficient_data');
      if (r.status === 'insufficient_data') expect(r.reason.zh.length * r.reason.en.length).toBeGreaterThan(0);
    }
    // the level conversion refuses the same mismatch, and a target that ends before it starts
    expect(levelTargetFromGrowth({ ratePercent: 6, fromYear: 2020, toYear: 2025 }, 100, 2019, 'increase').ok).toBe(false);
    expect(levelTargetFromGrowth({ ratePercent: 6, fromYear: 2020, toYear: 2020 }, 100, 2020, 'increase').ok).toBe(false);
  });
});
