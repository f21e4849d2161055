import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compositeIndex, compositeIndices, componentChanges, type CompositeComponent } from './composite';

describe('Conference Board composite index, step by step on a hand-computed example', () => {
  // A is a level (symmetric change), B a rate (plain difference).
  const A: CompositeComponent = { code: 'A', values: [90, 110, 90, 110], change: 'symmetric' };
  const B: CompositeComponent = { code: 'B', values: [5, 6, 4, 5], change: 'difference' };
  const r = compositeIndex([A, B], { base: [0, 1, 2, 3] });

  it('1. changes: symmetric 200(X_t − X_t−1)/(X_t + X_t−1) for A, differences for B', () => {
    // 200 × (110 − 90) / (110 + 90) = 200 × 20 / 200 = 20, then −20, 20.
    expect(r.changes.A).toEqual([null, 20, -20, 20]);
    expect(r.changes.B).toEqual([null, 1, -2, 1]);
  });

  it('2. standardisation factors r = (1/σ)/Σ(1/σ): 3/43 for A, 40/43 for B', () => {
    // σ_A: mean 20/3, squares (40/3)² + (80/3)² + (40/3)² = 9600/9, over n − 1 = 2: 1600/3, σ_A = 40/√3.
    expect(r.factors.A?.sigma).toBeCloseTo(40 / Math.sqrt(3), 12);
    // σ_B: mean 0, squares 1 + 4 + 1 = 6, over 2: 3, σ_B = √3.
    expect(r.factors.B?.sigma).toBeCloseTo(Math.sqrt(3), 12);
    // 1/σ_A = √3/40, 1/σ_B = √3/3, sum √3 · 43/120; r_A = (1/40)/(43/120) = 3/43, r_B = (1/3)/(43/120) = 40/43.
    expect(r.factors.A?.r).toBeCloseTo(3 / 43, 14);
    expect(r.factors.B?.r).toBeCloseTo(40 / 43, 14);
  });

  it('3. growth i_t = Σ r·x_t: 100/43, −140/43, 100/43', () => {
    // (3/43)·20 + (40/43)·1 = 100/43; (3/43)·(−20) + (40/43)·(−2) = −140/43.
    expect(r.growth[0]).toBeNull();
    expect(r.growth[1]).toBeCloseTo(100 / 43, 13);
    expect(r.growth[2]).toBeCloseTo(-140 / 43, 13);
    expect(r.growth[3]).toBeCloseTo(100 / 43, 13);
    expect(r.trendAdjustment).toBe(0);
  });

  it('4–5. levels I_t = I_t−1 (200 + i_t)/(200 − i_t), rebased to an average of 100 over the base periods', () => {
    // I_0 = 100; I_1 = 100 × (8600 + 100)/(8600 − 100) = 100 × 8700/8500; I_2 = I_1 × 8460/8740; I_3 = I_2 × 8700/8500.
    const I0 = 100;
    const I1 = (I0 * 8700) / 8500;
    const I2 = (I1 * 8460) / 8740;
    const I3 = (I2 * 8700) / 8500;
    const mean = (I0 + I1 + I2 + I3) / 4;
    [I0, I1, I2, I3].forEach((v, t) => expect(r.level[t]).toBeCloseTo((100 * v) / mean, 11));
    expect(((r.level[0] ?? 0) + (r.level[1] ?? 0) + (r.level[2] ?? 0) + (r.level[3] ?? 0)) / 4).toBeCloseTo(100, 12);
  });

  it('trend adjustment: a = mean growth of the coincident index − the leading index’s, added to every i_t', () => {
    // The leading index below is A and B again: mean growth (100 − 140 + 100)/43/3 = 20/43. Coincident: C rises
    // by 1 each month as a rate, σ = 0 … so use C = 10, 11, 12.5, 13: differences 1, 1.5, 0.5, mean 1.
    const C: CompositeComponent = { code: 'C', values: [10, 11, 12.5, 13], change: 'difference' };
    const both = compositeIndices({ coincident: { components: [C], trendAdjust: false }, leading: { components: [A, B], trendAdjust: true } }, {});
    expect(both.coincident?.meanGrowth).toBeCloseTo(1, 14);
    expect(both.leading?.trendAdjustment).toBeCloseTo(1 - 20 / 43, 14);
    // 100/43 + (1 − 20/43) = 80/43 + 1 = 123/43.
    expect(both.leading?.growth[1]).toBeCloseTo(123 / 43, 13);
    const g = (both.leading?.growth.slice(1) ?? []) as number[];
    expect(g.reduce((a, b) => a + b, 0) / g.length).toBeCloseTo(1, 13);
  });

  it('inverts a counter-cyclical component and skips a missing month by rescaling the factors present', () => {
    const inv = compositeIndex([{ ...A, invert: true }]);
    expect(inv.growth[1]).toBeCloseTo(-20, 12);
    const gap = compositeIndex([A, { ...B, values: [5, null, 4, 5] }]);
    // Month 1: only A has a change; its factor alone sums to 1, so i_1 = x_A = 20.
    expect(gap.growth[1]).toBeCloseTo(20, 12);
    // The symmetric change of a level that crosses zero has no meaning: (3 − 3)/… sums to 0, no change.
    expect(componentChanges([3, -3], 'symmetric')).toEqual([null, null]);
  });
});

describe('composite index properties', () => {
  const component = fc.record({
    start: fc.double({ min: 10, max: 1000, noNaN: true }),
    // Steps of at least 0.1% either way (changes of all but zero leave σ at rounding noise).
    steps: fc.array(fc.tuple(fc.double({ min: 0.001, max: 0.05, noNaN: true }), fc.boolean()).map(([s, up]) => (up ? s : -s)), { minLength: 12, maxLength: 12 }),
    change: fc.constantFrom<'symmetric' | 'difference'>('symmetric', 'difference'),
  });

  const build = (comps: ReadonlyArray<{ start: number; steps: number[]; change: 'symmetric' | 'difference' }>) =>
    comps.map((c, j) => {
      let v = c.start;
      return { code: `C${j}`, change: c.change, values: [c.start, ...c.steps.map((s) => (v *= 1 + s))] } satisfies CompositeComponent;
    });

  it('is invariant to rescaling a level component (a change of unit such as 万元 → 亿元)', () => {
    fc.assert(
      fc.property(fc.array(component, { minLength: 2, maxLength: 4 }), fc.double({ min: 0.001, max: 1000, noNaN: true }), fc.nat(), (comps, scale, pick) => {
        const series = build(comps);
        const levels = series.flatMap((s, k) => (s.change === 'symmetric' ? [k] : []));
        fc.pre(levels.length > 0);
        const j = levels[pick % levels.length] ?? 0;
        const scaled = series.map((s, k) => (k === j ? { ...s, values: s.values.map((v) => v * scale) } : s));
        const a = compositeIndex(series, { base: [0, 1, 2] });
        const b = compositeIndex(scaled, { base: [0, 1, 2] });
        // (Components that never move have no volatility to standardise: then neither index has a level.)
        a.level.forEach((v, t) => {
          if (v === null) expect(b.level[t]).toBeNull();
          else expect(Math.abs((b.level[t] ?? Number.NaN) - v)).toBeLessThanOrEqual(1e-9 * Math.abs(v));
        });
      }),
    );
  });

  it('rescaling a rate component multiplies every month’s growth by one positive factor (same signs and turns)', () => {
    fc.assert(
      fc.property(fc.array(component, { minLength: 2, maxLength: 4 }), fc.double({ min: 0.01, max: 100, noNaN: true }), fc.nat(), (comps, scale, pick) => {
        // A component that moves by the same amount every month has σ ≈ 0: its weight is rounding noise.
        for (const c of comps) fc.pre(Math.max(...c.steps) - Math.min(...c.steps) > 0.01);
        const series = build(comps.map((c, k) => (k === pick % comps.length ? { ...c, change: 'difference' as const } : c)));
        const j = pick % series.length;
        const scaled = series.map((s, k) => (k === j ? { ...s, values: s.values.map((v) => v * scale) } : s));
        const a = compositeIndex(series).growth;
        const b = compositeIndex(scaled).growth;
        const ratios = a.flatMap((g, t) => (g !== null && Math.abs(g) > 1e-6 ? [(b[t] ?? Number.NaN) / g] : []));
        for (const q of ratios) {
          expect(q).toBeGreaterThan(0);
          expect(Math.abs(q - (ratios[0] ?? q))).toBeLessThanOrEqual(1e-6 * Math.abs(q));
        }
      }),
    );
  });

  it('rises when every component rises, and its base period averages 100', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.001, max: 0.05, noNaN: true }), { minLength: 6, maxLength: 6 }), (g) => {
        let x = 100;
        let y = 3;
        const A: CompositeComponent = { code: 'A', change: 'symmetric', values: [100, ...g.map((s) => (x *= 1 + s))] };
        const B: CompositeComponent = { code: 'B', change: 'difference', values: [3, ...g.map((s, i) => (y += s * (i + 1)))] };
        const r = compositeIndex([A, B], { base: [2] });
        for (let t = 1; t < r.level.length; t++) expect(r.level[t] ?? 0).toBeGreaterThan(r.level[t - 1] ?? 0);
        expect(r.level[2]).toBeCloseTo(100, 10);
      }),
    );
  });
});
