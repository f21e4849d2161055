import { describe, expect, it } from 'vitest';
import { finShare, growth6, make, pm25, services, target } from './fixtures';
import { intermediate as n } from './testing';
import { evaluate, UNSD_THRESHOLDS } from './unsdProjection';

describe('unsd_projection (UNSD SDG Report 2023 progress assessment)', () => {
  it('服务业增加值 17190.4 (2020) → 21566.38 (2023), target ≥ 25000 by 2025: on track', () => {
    // CAGR = (21566.38/17190.4)^(1/3) − 1 = 0.07852551460100465
    // ŷ_2025 = 21566.38 × 1.07852551460100465^2 = 21566.38 × 1.163217285645362 = 25086.386004796423
    // P = (25086.386004796423 − 17190.4)/(25000 − 17190.4) = 7895.986004796423/7809.6 = 1.0110615146481794 ≥ 0.95 → on_track
    const r = evaluate(services());
    expect(r.status).toBe('on_track');
    expect(r.label.en).toBe('Target met or almost met / on track');
    expect(n(r, 'cagr')).toBeCloseTo(0.07852551460100465, 6);
    expect(n(r, 'projected')).toBeCloseTo(25086.386004796423, 6);
    expect(n(r, 'P')).toBeCloseTo(1.0110615146481794, 6);
    expect(r.workings.thresholds).toEqual({ onTrack: 0.95, fair: 0.1, deterioration: 0 });
  });

  it('PM2.5 17 → 16 (2023), target ≤ 15 by 2025 (decreasing): fair progress', () => {
    // CAGR = (16/17)^(1/3) − 1 = −0.02000538994071077
    // ŷ_2025 = 16 × (1 − 0.02000538994071077)^2 = 15.366230971924134
    // P = (15.366230971924134 − 17)/(15 − 17) = −1.633769028075866/−2 = 0.816884514037933 → fair_progress
    const r = evaluate(pm25());
    expect(r.status).toBe('fair_progress');
    expect(n(r, 'projected')).toBeCloseTo(15.366230971924134, 6);
    expect(n(r, 'P')).toBeCloseTo(0.816884514037933, 6);
    // 17.5: CAGR > 0, ŷ_2025 = 17.84147682706217, on the wrong side of 17 → P = −0.420738413531085 < 0 → deterioration
    const away = evaluate(pm25(17.5));
    expect(away.status).toBe('deterioration');
    expect(n(away, 'P')).toBeCloseTo(-0.420738413531085, 6);
  });

  it('limited progress or stagnation: 100 → 101 against ≥ 200', () => {
    // CAGR = 1.01^(1/3) − 1 = 0.0033222835420891883; ŷ_2025 = 101 × 1.0033222835420891883^2 = 101.67221606986335
    // P = 1.67221606986335/100 = 0.01672216069863353; 0 ≤ P < 0.10 → limited_or_stagnation
    const r = evaluate(make({ y0: 100, yt: 101, target: target(200, 2025) }));
    expect(r.status).toBe('limited_or_stagnation');
    expect(n(r, 'P')).toBeCloseTo(0.01672216069863353, 6);
    // no change at all: P = 0 → stagnation, not deterioration
    expect(evaluate(make({ y0: 100, yt: 100, target: target(200, 2025) })).status).toBe('limited_or_stagnation');
  });

  it('deterioration: 100 → 90 against ≥ 120', () => {
    // CAGR = 0.9^(1/3) − 1 = −0.03451061539437028; ŷ_2025 = 83.89527766075418; P = −16.10472233924582/20 = −0.8052361169622912
    const r = evaluate(make({ y0: 100, yt: 90, target: target(120, 2025) }));
    expect(r.status).toBe('deterioration');
    expect(n(r, 'P')).toBeCloseTo(-0.8052361169622912, 6);
    // a baseline that met the target, a latest value that no longer does
    expect(evaluate(make({ y0: 105, yt: 95, target: target(100, 2025) })).status).toBe('deterioration');
  });

  it('share about 16% (±0.5): inside → on track, below → fair, above → on track and flagged', () => {
    expect(evaluate(finShare(15.6)).status).toBe('on_track');
    // below: CAGR = (15.3/15.1)^(1/3) − 1; ŷ = 15.434802847368994; P = 0.334802847368994/0.9 = 0.3720031637433269 → fair
    const below = evaluate(finShare(15.3));
    expect(below.status).toBe('fair_progress');
    expect(n(below, 'P')).toBeCloseTo(0.3720031637433269, 6);
    const above = evaluate(finShare(16.8));
    expect(above.status).toBe('on_track');
    expect(above.workings.aboveBand).toBe(true);
  });

  it('growth target 年均增长6%: y* = 133.82255776, ŷ_2025 = 115 × 1.15^(2/3) = 126.23014097987566, P = 0.7755220987720959', () => {
    const r = evaluate(growth6());
    expect(r.status).toBe('fair_progress');
    expect(n(r, 'P')).toBeCloseTo(0.7755220987720959, 6);
  });

  it('insufficient data: no target, y0 ≤ 0', () => {
    expect(evaluate(make({ y0: 100, yt: 104 })).status).toBe('insufficient_data');
    expect(evaluate(make({ y0: 0, yt: 4, target: target(10, 2025) })).status).toBe('insufficient_data');
    expect(UNSD_THRESHOLDS.onTrack).toBe(0.95);
  });
});
