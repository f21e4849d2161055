import { describe, expect, it } from 'vitest';
import { ESCAP_THRESHOLDS, evaluate } from './escapAnticipated';
import { finShare, growth6, make, pm25, services, target } from './fixtures';
import { intermediate as n } from './testing';

describe('escap_anticipated (ESCAP Asia-Pacific SDG Progress Report, anticipated progress)', () => {
  it('服务业增加值 17190.4 (2020) → 21566.38 (2023), target ≥ 25000 by 2025: maintain progress', () => {
    // CAGR = (21566.38/17190.4)^(1/3) − 1 = 0.07852551460100465
    // expected ŷ_2025 = 21566.38 × 1.07852551460100465^2 = 25086.386004796423 ≥ 25000
    // R = (25086.386004796423 − 17190.4)/(25000 − 17190.4) = 1.0110615146481794 ≥ 1 → maintain_progress
    const r = evaluate(services());
    expect(r.status).toBe('maintain_progress');
    expect(r.label.en).toBe('Maintain progress to achieve target');
    expect(n(r, 'expected')).toBeCloseTo(25086.386004796423, 6);
    expect(n(r, 'R')).toBeCloseTo(1.0110615146481794, 6);
    expect(r.workings.thresholds).toEqual({ maintain: 1, regression: 0 });
  });

  it('PM2.5 17 → 16 (2023), target ≤ 15 by 2025 (decreasing): accelerate progress', () => {
    // expected ŷ_2025 = 16 × (16/17)^(2/3) = 15.366230971924134 > 15; R = 0.816884514037933 ∈ [0, 1) → accelerate_progress
    const r = evaluate(pm25());
    expect(r.status).toBe('accelerate_progress');
    expect(n(r, 'R')).toBeCloseTo(0.816884514037933, 6);
    // 17.5: expected 17.84147682706217, R = −0.420738413531085 < 0 → reverse_trend
    expect(evaluate(pm25(17.5)).status).toBe('reverse_trend');
    expect(evaluate(pm25(15)).status).toBe('maintain_progress');
  });

  it('regression: 100 → 90 against ≥ 120 → R = −0.8052361169622912 → reverse trend', () => {
    const r = evaluate(make({ y0: 100, yt: 90, target: target(120, 2025) }));
    expect(r.status).toBe('reverse_trend');
    expect(n(r, 'R')).toBeCloseTo(-0.8052361169622912, 6);
    expect(r.label.zh).toBe('倒退：需扭转趋势方能实现目标');
    expect(evaluate(make({ y0: 105, yt: 95, target: target(100, 2025) })).status).toBe('reverse_trend');
  });

  it('share about 16% (±0.5): inside → maintain, below (R = 0.3720031637433269) → accelerate, above → maintain, flagged', () => {
    expect(evaluate(finShare(15.6)).status).toBe('maintain_progress');
    const below = evaluate(finShare(15.3));
    expect(below.status).toBe('accelerate_progress');
    expect(n(below, 'R')).toBeCloseTo(0.3720031637433269, 6);
    const above = evaluate(finShare(16.8));
    expect(above.status).toBe('maintain_progress');
    expect(above.workings.aboveBand).toBe(true);
    expect(above.workings.rule.zh).toContain('高于目标区间');
  });

  it('growth target 年均增长6%: expected 126.23014097987566 < y* = 133.82255776, R = 0.7755220987720959 → accelerate', () => {
    const r = evaluate(growth6());
    expect(r.status).toBe('accelerate_progress');
    expect(n(r, 'R')).toBeCloseTo(0.7755220987720959, 6);
  });

  it('insufficient data: no target (the no-target variant is not implemented), y_t ≤ 0', () => {
    expect(evaluate(make({ y0: 100, yt: 104 })).status).toBe('insufficient_data');
    expect(evaluate(make({ y0: 3, yt: 0, target: target(10, 2025) })).status).toBe('insufficient_data');
    expect(ESCAP_THRESHOLDS.maintain).toBe(1);
  });
});
