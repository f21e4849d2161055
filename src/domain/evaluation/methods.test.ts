import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Target } from '../plan/model';
import { finShare, make, pm25, services, target } from './fixtures';
import { evaluateGrowthTarget } from './growthTarget';
import type { EvaluationInput } from './input';
import { evaluateAll, METHOD_IDS, METHODS } from './methods';
import { intermediate as n } from './testing';
import { TIME_PROPORTIONAL_STATUSES } from './timeProportional';

/** Every value in the unit of the indicator multiplied by k (years and growth rates unchanged). */
function scaled(input: EvaluationInput, k: number): EvaluationInput {
  return {
    ...input,
    target: input.target ? { ...input.target, value: input.target.value * k, tolerance: input.target.tolerance === null ? null : input.target.tolerance * k } : null,
    baseline: input.baseline ? { ...input.baseline, value: input.baseline.value * k } : null,
    latest: input.latest ? { ...input.latest, value: input.latest.value * k } : null,
  };
}

const statuses = (input: EvaluationInput) => [...Object.values(evaluateAll(input)).map((r) => r.status), evaluateGrowthTarget(input).status];

const comparator = fc.constantFrom('at_least' as const, 'about' as const, 'at_most' as const);
const direction = fc.constantFrom('increase' as const, 'decrease' as const);
// No subnormal numbers: halving one can round it to 0, and the scaling property below needs exact scaling.
const level = fc.oneof(
  fc.constant(0),
  fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
  fc.double({ min: -50, max: -1e-3, noNaN: true }),
  fc.integer({ min: -5, max: 200 }),
);

const anyTarget: fc.Arbitrary<Target> = fc.record({
  value: level,
  year: fc.integer({ min: 2015, max: 2035 }),
  printed: fc.constant(null),
  comparator,
  tolerance: fc.option(fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 1000, noNaN: true }), fc.integer({ min: 0, max: 5 }))),
  wording: fc.constant(null),
});

const anyInput: fc.Arbitrary<EvaluationInput> = fc.record({
  indicator: fc.record({ code: fc.constant('X'), unit: fc.constantFrom('亿元', '%'), direction, isShare: fc.boolean() }),
  target: fc.option(anyTarget),
  growthTarget: fc.option(
    fc.record({ ratePercent: fc.double({ min: -20, max: 20, noNaN: true }), fromYear: fc.integer({ min: 2018, max: 2022 }), toYear: fc.integer({ min: 2018, max: 2030 }) }),
  ),
  baseline: fc.option(fc.record({ value: level, year: fc.integer({ min: 2018, max: 2022 }) })),
  latest: fc.option(fc.record({ value: level, year: fc.integer({ min: 2018, max: 2027 }) })),
});

/** Increasing indicator, target ≥ y* > y0 > 0 by 2025, two latest values (2023) in ascending order. */
const increasingPair = fc
  .record({
    y0: fc.double({ min: 1, max: 1e4, noNaN: true }),
    gain: fc.double({ min: 0.01, max: 3, noNaN: true }),
    a: fc.double({ min: 0.05, max: 2.5, noNaN: true }),
    b: fc.double({ min: 0.05, max: 2.5, noNaN: true }),
  })
  .map(({ y0, gain, a, b }) => {
    const yStar = y0 * (1 + gain);
    const at = (yt: number) => make({ y0, yt, target: target(yStar, 2025, 'at_least') });
    return { lo: at(y0 * Math.min(a, b)), hi: at(y0 * Math.max(a, b)) };
  });

/** Decreasing indicator, target ≤ y* < y0 by 2025, two latest values (2023) in ascending order. */
const decreasingPair = fc
  .record({
    y0: fc.double({ min: 1, max: 1e4, noNaN: true }),
    cut: fc.double({ min: 0.01, max: 0.9, noNaN: true }),
    a: fc.double({ min: 0.05, max: 2, noNaN: true }),
    b: fc.double({ min: 0.05, max: 2, noNaN: true }),
  })
  .map(({ y0, cut, a, b }) => {
    const at = (yt: number) => make({ direction: 'decrease', y0, yt, target: target(y0 * (1 - cut), 2025, 'at_most') });
    return { lo: at(y0 * Math.min(a, b)), hi: at(y0 * Math.max(a, b)) };
  });

/** pow() is accurate to about an ulp but not guaranteed monotone to the last bit: allow that much. */
const leq = (a: number, b: number) => a <= b + 1e-9 * Math.max(1, Math.abs(b));

describe('methods and evaluateAll', () => {
  it('maps every method id to its evaluator; evaluateAll runs them all', () => {
    expect(Object.keys(METHODS).sort()).toEqual([...METHOD_IDS].sort());
    const all = evaluateAll(services());
    expect(Object.values(all).map((r) => r.method)).toEqual([...METHOD_IDS]);
    expect(Object.fromEntries(Object.entries(all).map(([k, r]) => [k, r.status]))).toEqual({
      time_proportional: 'on_schedule',
      cagr_ratio: 'substantial_progress',
      unsd_projection: 'on_track',
      escap_anticipated: 'maintain_progress',
    });
  });

  it('insufficient data in every method: no baseline, no latest, latest ≤ baseline year, T ≤ t0, no target, y* = y0', () => {
    const cases: [string, EvaluationInput][] = [
      ['no baseline', make({ y0: null, yt: 5, target: target(10, 2025) })],
      ['no latest', make({ y0: 1, yt: null, target: target(10, 2025) })],
      ['latest year = baseline year', make({ y0: 1, yt: 5, t: 2020, target: target(10, 2025) })],
      ['latest year before baseline year', make({ y0: 1, yt: 5, t: 2019, target: target(10, 2025) })],
      ['target year = baseline year', make({ y0: 1, yt: 5, target: target(10, 2020) })],
      ['y* = y0, not met', make({ y0: 10, yt: 8, target: target(10, 2025) })],
      ['not a number', make({ y0: Number.NaN, yt: 8, target: target(10, 2025) })],
    ];
    for (const [name, input] of cases) {
      for (const r of Object.values(evaluateAll(input))) {
        expect(r.status, `${name}: ${r.method}`).toBe('insufficient_data');
        if (r.status === 'insufficient_data') {
          expect(r.label.zh).toBe('数据不足，无法评估');
          expect(r.reason.zh.length).toBeGreaterThan(0);
          expect(r.reason.en.length).toBeGreaterThan(0);
          expect(r.workings.rule).toEqual(r.reason);
        }
      }
    }
    // no target: insufficient except in the Open SDG no-target variant
    const noTarget = evaluateAll(make({ y0: 1, yt: 5 }));
    expect(noTarget.cagr_ratio.status).toBe('substantial_progress');
    expect([noTarget.time_proportional, noTarget.unsd_projection, noTarget.escap_anticipated].map((r) => r.status)).toEqual([
      'insufficient_data',
      'insufficient_data',
      'insufficient_data',
    ]);
  });

  it('a unit change (亿元 → 万元, × 10000) changes no status', () => {
    for (const input of [services(), pm25(), finShare(15.3), finShare(15.6), finShare(16.8)]) {
      expect(statuses(scaled(input, 10000))).toEqual(statuses(input));
    }
  });
});

describe('properties', () => {
  it('status unchanged when baseline, latest, target value and tolerance are multiplied by the same positive factor', () => {
    // Factors are powers of two, so the scaling is exact in floating point and the property can hold to the last bit;
    // the × 10000 unit change is checked on the worked examples above.
    fc.assert(
      fc.property(anyInput, fc.integer({ min: -20, max: 20 }), (input, e) => {
        expect(statuses(scaled(input, 2 ** e))).toEqual(statuses(input));
      }),
      { numRuns: 500 },
    );
  });

  it('CAGR ratio is monotone non-decreasing in the latest value (increasing indicator, at_least target)', () => {
    fc.assert(
      fc.property(increasingPair, ({ lo, hi }) => {
        expect(leq(n(METHODS.cagr_ratio(lo), 'ratio'), n(METHODS.cagr_ratio(hi), 'ratio'))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('UNSD P is monotone in the latest value: non-decreasing towards a higher target, non-increasing towards a lower one', () => {
    fc.assert(
      fc.property(increasingPair, ({ lo, hi }) => {
        expect(leq(n(METHODS.unsd_projection(lo), 'P'), n(METHODS.unsd_projection(hi), 'P'))).toBe(true);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(decreasingPair, ({ lo, hi }) => {
        expect(leq(n(METHODS.unsd_projection(hi), 'P'), n(METHODS.unsd_projection(lo), 'P'))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('time-proportional A is monotone in the latest value, and so is the status', () => {
    const rank = (s: string) => TIME_PROPORTIONAL_STATUSES.length - TIME_PROPORTIONAL_STATUSES.indexOf(s as (typeof TIME_PROPORTIONAL_STATUSES)[number]);
    fc.assert(
      fc.property(increasingPair, ({ lo, hi }) => {
        const [a, b] = [METHODS.time_proportional(lo), METHODS.time_proportional(hi)];
        expect(n(a, 'A')).toBeLessThanOrEqual(n(b, 'A'));
        expect(rank(a.status)).toBeLessThanOrEqual(rank(b.status));
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(decreasingPair, ({ lo, hi }) => {
        const [a, b] = [METHODS.time_proportional(lo), METHODS.time_proportional(hi)];
        expect(n(b, 'A')).toBeLessThanOrEqual(n(a, 'A'));
        expect(rank(b.status)).toBeLessThanOrEqual(rank(a.status));
      }),
      { numRuns: 300 },
    );
  });

  it('every result has a non-empty rule in Chinese and English, and a formula and source', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        for (const r of [...Object.values(evaluateAll(input)), evaluateGrowthTarget(input)]) {
          expect(r.workings.rule.zh.trim().length).toBeGreaterThan(0);
          expect(r.workings.rule.en.trim().length).toBeGreaterThan(0);
          expect(r.workings.formula.length).toBeGreaterThan(0);
          expect(r.workings.source.length).toBeGreaterThan(0);
          expect(r.label.zh.length * r.label.en.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });
});
