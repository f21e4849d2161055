import { describe, expect, it } from 'vitest';
import { meetsTarget } from './comparator';

describe('meetsTarget', () => {
  it('at_least: met at or above the target value', () => {
    expect(meetsTarget(25000, { value: 25000, comparator: 'at_least', tolerance: null }, 'increase').met).toBe(true);
    expect(meetsTarget(24999.9, { value: 25000, comparator: 'at_least', tolerance: null }, 'increase')).toMatchObject({ met: false, need: 1 });
  });

  it('at_most: met at or below the target value (PM2.5 ≤ 15)', () => {
    expect(meetsTarget(15, { value: 15, comparator: 'at_most', tolerance: null }, 'decrease').met).toBe(true);
    expect(meetsTarget(16, { value: 15, comparator: 'at_most', tolerance: null }, 'decrease')).toMatchObject({ met: false, need: -1 });
  });

  it('about, increasing: within the band is met, below is behind, above is met but flagged', () => {
    const t = { value: 16, comparator: 'about', tolerance: 0.5 } as const;
    expect(meetsTarget(15.5, t, 'increase')).toEqual({ met: true, band: 'within', lower: 15.5, upper: 16.5, overshoot: false, need: 0 });
    expect(meetsTarget(16.5, t, 'increase')).toMatchObject({ met: true, band: 'within' });
    expect(meetsTarget(15.3, t, 'increase')).toMatchObject({ met: false, band: 'below', overshoot: false, need: 1 });
    expect(meetsTarget(16.8, t, 'increase')).toMatchObject({ met: true, band: 'above', overshoot: true, need: 0 });
  });

  it('about, decreasing: above the band is behind, below is met but flagged', () => {
    const t = { value: 16, comparator: 'about', tolerance: 0.5 } as const;
    expect(meetsTarget(16.8, t, 'decrease')).toMatchObject({ met: false, band: 'above', need: -1 });
    expect(meetsTarget(15.3, t, 'decrease')).toMatchObject({ met: true, band: 'below', overshoot: true });
  });

  it('about without a tolerance reads as the exact value', () => {
    expect(meetsTarget(16, { value: 16, comparator: 'about', tolerance: null }, 'increase').met).toBe(true);
    expect(meetsTarget(15.99, { value: 16, comparator: 'about', tolerance: null }, 'increase').met).toBe(false);
  });
});
