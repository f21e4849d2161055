import { describe, expect, it } from 'vitest';
import { CAGR_NO_TARGET_THRESHOLDS, CAGR_RATIO_THRESHOLDS, evaluate } from './cagrRatio';
import { finShare, growth6, make, pm25, services, target } from './fixtures';
import { intermediate as n } from './testing';

describe('cagr_ratio (Open SDG / Statistics Canada)', () => {
  it('服务业增加值 17190.4 (2020) → 21566.38 (2023), target ≥ 25000 by 2025: substantial progress', () => {
    // CAGR_a = (21566.38/17190.4)^(1/3) − 1 = 1.2545595215934475^(1/3) − 1 = 0.07852551460100465
    // CAGR_r = (25000/17190.4)^(1/5) − 1 = 1.4543000744601637^(1/5) − 1 = 0.0777816999337726
    // ratio  = 0.07852551460100465 / 0.0777816999337726 = 1.0095628492031594 ≥ 0.95 → substantial_progress
    const r = evaluate(services());
    expect(r.status).toBe('substantial_progress');
    expect(r.label.en).toBe('Substantial progress/on track');
    expect(n(r, 'cagrActual')).toBeCloseTo(0.07852551460100465, 6);
    expect(n(r, 'cagrRequired')).toBeCloseTo(0.0777816999337726, 6);
    expect(n(r, 'ratio')).toBeCloseTo(1.0095628492031594, 6);
    expect(r.workings.thresholds).toEqual({ high: 0.95, med: 0.6, low: 0 });
    expect(r.workings.rule.en).toContain('ratio = CAGR_a / CAGR_r = 1.0096 (ratio ≥ 0.95)');
  });

  it('PM2.5 17 → 16 (2023), target ≤ 15 by 2025 (decreasing): both rates negative, ratio positive, moderate', () => {
    // CAGR_a = (16/17)^(1/3) − 1 = 0.9411764705882353^(1/3) − 1 = −0.02000538994071077
    // CAGR_r = (15/17)^(1/5) − 1 = 0.8823529411764706^(1/5) − 1 = −0.024721910440527295
    // ratio  = 0.8092169894732486; 0.60 ≤ ratio < 0.95 → moderate_progress
    const r = evaluate(pm25());
    expect(r.status).toBe('moderate_progress');
    expect(n(r, 'cagrActual')).toBeCloseTo(-0.02000538994071077, 6);
    expect(n(r, 'cagrRequired')).toBeCloseTo(-0.024721910440527295, 6);
    expect(n(r, 'ratio')).toBeCloseTo(0.8092169894732486, 6);
    // 14.8 ≤ 15 → target achieved; 17.5 moves away → ratio < 0 → deterioration
    expect(evaluate(pm25(14.8)).status).toBe('target_achieved');
    expect(evaluate(pm25(17.5)).status).toBe('deterioration');
  });

  it('limited progress and deterioration with a target', () => {
    // 100 → 101 against ≥ 200: CAGR_a = 1.01^(1/3) − 1 = 0.0033222835420891883,
    // CAGR_r = 2^(1/5) − 1 = 0.1486983549970351, ratio = 0.02234243641871782 → limited_progress
    const limited = evaluate(make({ y0: 100, yt: 101, target: target(200, 2025) }));
    expect(limited.status).toBe('limited_progress');
    expect(n(limited, 'ratio')).toBeCloseTo(0.02234243641871782, 6);
    // 100 → 90 against ≥ 120: CAGR_a = 0.9^(1/3) − 1 = −0.03451061539437028,
    // CAGR_r = 1.2^(1/5) − 1 = 0.03713728933664817, ratio = −0.9292712529859897 → deterioration
    const away = evaluate(make({ y0: 100, yt: 90, target: target(120, 2025) }));
    expect(away.status).toBe('deterioration');
    expect(n(away, 'ratio')).toBeCloseTo(-0.9292712529859897, 6);
  });

  it('share about 16% (±0.5) used as a level: inside → achieved, below → limited, above → achieved and flagged', () => {
    expect(evaluate(finShare(15.6)).status).toBe('target_achieved');
    // below: CAGR_a = (15.3/15.1)^(1/3) − 1 = 0.004395660892104969; CAGR_r = (16/15.1)^(1/5) − 1 = 0.011646089414506733
    // ratio = 0.3774366429498297 → limited_progress
    const below = evaluate(finShare(15.3));
    expect(below.status).toBe('limited_progress');
    expect(n(below, 'ratio')).toBeCloseTo(0.3774366429498297, 6);
    expect(below.workings.notes.map((x) => x.en)).toContain('Share indicator: compound growth is computed on the share as a level (as Open SDG does with percentages)');
    const above = evaluate(finShare(16.8));
    expect(above.status).toBe('target_achieved');
    expect(above.workings.aboveBand).toBe(true);
  });

  it('growth target 年均增长6%: CAGR_r of the converted level is the rate itself', () => {
    // y* = 100 × 1.06^5 = 133.82255776 → CAGR_r = 0.06; CAGR_a = 1.15^(1/3) − 1 = 0.04768955317164725
    // ratio = 0.7948258861941201 → moderate_progress
    const r = evaluate(growth6());
    expect(r.status).toBe('moderate_progress');
    expect(n(r, 'cagrRequired')).toBeCloseTo(0.06, 6);
    expect(n(r, 'ratio')).toBeCloseTo(0.7948258861941201, 6);
  });

  it('no target: CAGR_a alone, thresholds 0.01 / 0.005 / 0, inverted for a decreasing indicator', () => {
    expect(CAGR_NO_TARGET_THRESHOLDS).toEqual({ high: 0.01, med: 0.005, low: 0 });
    // 100 → 104 over 3 years: 1.04^(1/3) − 1 = 0.013159403820177218 ≥ 0.01 → substantial
    const up = evaluate(make({ y0: 100, yt: 104 }));
    expect(up.status).toBe('substantial_progress');
    expect(n(up, 'cagrActual')).toBeCloseTo(0.013159403820177218, 6);
    // 102: 0.006622709560113016 → moderate; 101: 0.0033222835420891883 → limited; 99 → deterioration
    expect(evaluate(make({ y0: 100, yt: 102 })).status).toBe('moderate_progress');
    expect(evaluate(make({ y0: 100, yt: 101 })).status).toBe('limited_progress');
    expect(evaluate(make({ y0: 100, yt: 99 })).status).toBe('deterioration');
    // decreasing indicator: −0.013159403820177218 < 0 → deterioration; 100 → 96 is progress
    expect(evaluate(make({ y0: 100, yt: 104, direction: 'decrease' })).status).toBe('deterioration');
    const down = evaluate(make({ y0: 100, yt: 96, direction: 'decrease' }));
    expect(down.status).toBe('substantial_progress');
    expect(down.workings.thresholds).toEqual({ ...CAGR_NO_TARGET_THRESHOLDS });
  });

  it('a baseline that met the target and a latest value that no longer does: deterioration', () => {
    // without the rule, CAGR_a = (95/105)^(1/3) − 1 < 0 and CAGR_r = (100/105)^(1/5) − 1 < 0 would give a positive ratio
    expect(evaluate(make({ y0: 105, yt: 95, target: target(100, 2025) })).status).toBe('deterioration');
  });

  it('CAGR undefined (y0 ≤ 0, y_t ≤ 0 or y* ≤ 0) → insufficient_data', () => {
    for (const c of [
      make({ y0: 0, yt: 5, target: target(10, 2025) }),
      make({ y0: 2, yt: -1, target: target(10, 2025) }),
      make({ y0: 5, yt: 3, direction: 'decrease', target: target(0, 2025, 'at_most') }),
      make({ y0: -1, yt: 2 }),
    ]) {
      const r = evaluate(c);
      expect(r.status).toBe('insufficient_data');
      if (r.status === 'insufficient_data') expect(r.reason.en).toContain('CAGR');
    }
    expect(CAGR_RATIO_THRESHOLDS.high).toBe(0.95);
  });
});
