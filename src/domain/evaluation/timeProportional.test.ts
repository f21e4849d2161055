import { describe, expect, it } from 'vitest';
import { finShare, growth6, make, pm25, services, target } from './fixtures';
import { intermediate as n } from './testing';
import { evaluate, TIME_PROPORTIONAL_BAND } from './timeProportional';

describe('time_proportional (序时进度)', () => {
  it('服务业增加值 17190.4 (2020) → 21566.38 (2023), target ≥ 25000 by 2025: 基本符合序时进度', () => {
    // E = (2023 − 2020)/(2025 − 2020) = 3/5 = 0.6
    // A = (21566.38 − 17190.4)/(25000 − 17190.4) = 4375.98/7809.6 = 0.5603334357713584
    // A − E = −0.0396665642286416; |A − E| = 0.0397 < 0.05 → on_schedule 基本符合序时进度
    const r = evaluate(services());
    expect(r.status).toBe('on_schedule');
    expect(r.label).toEqual({ zh: '基本符合序时进度', en: 'Broadly on schedule' });
    expect(n(r, 'E')).toBeCloseTo(0.6, 6);
    expect(n(r, 'A')).toBeCloseTo(0.5603334357713584, 6);
    expect(n(r, 'AminusE')).toBeCloseTo(-0.0396665642286416, 6);
    expect(r.workings.thresholds).toEqual({ band: 0.05 });
    expect(r.workings.rule.zh).toContain('基本符合序时进度');
    expect(r.workings.rule.zh).toContain('56.03%');
    expect(r.workings.rule.en).toContain('|A − E| = 3.97% < 5%');
  });

  it('PM2.5 17 → 16 (2023), target ≤ 15 by 2025 (decreasing): 滞后', () => {
    // E = 0.6; A = (16 − 17)/(15 − 17) = −1/−2 = 0.5; A − E = −0.1 ≤ −0.05 → behind
    const r = evaluate(pm25());
    expect(r.status).toBe('behind');
    expect(n(r, 'A')).toBeCloseTo(0.5, 6);
    // PM2.5 at 15 in 2023 meets "≤ 15" two years before 2025: completed early (提前完成)
    expect(evaluate(pm25(15)).status).toBe('completed_early');
    // …and met only in the target year itself it is completed (已完成), not early
    expect(evaluate(make({ code: 'PM25', unit: 'μg/m³', direction: 'decrease', y0: 17, yt: 15, t: 2025, target: target(15, 2025, 'at_most') })).label.zh).toBe('已完成');
    // 16.2 → A = 0.8/2 = 0.4 → behind; 15.8 → A = 0.6 → on schedule; 15.6 → A = 0.7 ≥ 0.65 → ahead
    expect(evaluate(pm25(15.8)).status).toBe('on_schedule');
    expect(evaluate(pm25(15.6)).status).toBe('ahead');
  });

  it('ahead: 100 → 170 (2023) against ≥ 200 by 2025', () => {
    // E = 0.6; A = 70/100 = 0.7; A − E = 0.1 ≥ 0.05 → ahead 快于序时进度
    const r = evaluate(make({ y0: 100, yt: 170, target: target(200, 2025) }));
    expect(r.status).toBe('ahead');
    expect(r.label.zh).toBe('快于序时进度');
    expect(n(r, 'A')).toBeCloseTo(0.7, 6);
  });

  it('share about 16% (±0.5): inside, below and above the band, in percentage points', () => {
    // inside: 15.6 ∈ [15.5, 16.5] → within the band (符合目标区间), never "completed" before the target year
    const inside = evaluate(finShare(15.6));
    expect(inside.status).toBe('within_band');
    expect(inside.workings.aboveBand).toBe(false);
    // below: 15.3 < 15.5; A = (15.3 − 15.1)/(16 − 15.1) = 0.2/0.9 = 0.2222222222; A − E = −0.3778 → behind
    const below = evaluate(finShare(15.3));
    expect(below.status).toBe('behind');
    expect(n(below, 'A')).toBeCloseTo(0.2222222222222233, 6);
    expect(below.workings.belowBand).toBe(true);
    expect(below.workings.notes.map((x) => x.zh)).toContain('最新值低于目标区间 [15.5, 16.5]');
    expect(below.workings.notes.map((x) => x.en)).toContain('Share indicator: A is computed on percentage points directly');
    // above: 16.8 > 16.5 → above the band (高于目标区间), flagged
    const above = evaluate(finShare(16.8));
    expect(above.status).toBe('above_band');
    expect(above.workings.aboveBand).toBe(true);
    expect(above.workings.notes.map((x) => x.zh)).toContain('最新值高于目标区间 [15.5, 16.5]');
    expect(above.workings.rule.zh).toContain('高于目标区间');
  });

  it('growth target 年均增长6% converted to a level: y* = 100 × 1.06^5 = 133.82255776', () => {
    // A = (115 − 100)/(133.82255776 − 100) = 15/33.82255776 = 0.44349100107797373; E = 0.6 → behind
    const r = evaluate(growth6());
    expect(r.status).toBe('behind');
    expect(n(r, 'yStar')).toBeCloseTo(133.82255776, 6);
    expect(n(r, 'A')).toBeCloseTo(0.44349100107797373, 6);
    expect(r.workings.notes[0]?.zh).toContain('已换算为等价水平目标');
  });

  it('a baseline that met the target and a latest value that no longer does: behind', () => {
    const r = evaluate(make({ y0: 105, yt: 95, target: target(100, 2025) }));
    expect(r.status).toBe('behind');
    expect(r.workings.rule.en).toContain('no longer does');
  });

  it('the band is exported and can be passed in', () => {
    expect(TIME_PROPORTIONAL_BAND).toBe(0.05);
    // |A − E| = 0.0397: on schedule with 0.05, behind with 0.03
    expect(evaluate(services(), 0.03).status).toBe('behind');
  });

  it('insufficient data, with a reason in both languages', () => {
    const cases = [
      make({ y0: null, yt: 1, target: target(2, 2025) }),
      make({ y0: 1, yt: null, target: target(2, 2025) }),
      make({ y0: 1, yt: 1.5, t: 2020, target: target(2, 2025) }),
      make({ y0: 1, yt: 1.5, target: null }),
      make({ y0: 1, yt: 1.5, target: target(2, 2020) }),
      make({ y0: 1, yt: 0.5, target: target(1, 2025) }),
    ];
    for (const c of cases) {
      const r = evaluate(c);
      expect(r.status).toBe('insufficient_data');
      if (r.status === 'insufficient_data') {
        expect(r.reason.zh.length).toBeGreaterThan(0);
        expect(r.reason.en.length).toBeGreaterThan(0);
      }
    }
  });
});
