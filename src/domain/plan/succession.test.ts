import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlanSummary } from './model';
import { compareBaseline, predecessorsOf, printedDecimals } from './succession';

const plan = (id: string, start: number, end: number, regionCode = '440300'): PlanSummary => ({
  id,
  name: { zh: id, en: id },
  shortName: null,
  issuer: { zh: '', en: '' },
  regionCode,
  period: { start, end },
  baseYear: start - 1,
  published: true,
  evaluation: { exceedMargin: 0.1, overshoot: 'flag' },
  version: { number: 1, effectiveFrom: null, label: null },
  source: { title: null, file: null },
  loadedAt: '2026-01-01',
});

describe('the plans a plan takes over from', () => {
  const p14 = plan('services-14th', 2021, 2025);
  const l14 = plan('logistics-14th', 2021, 2025);
  const p13 = plan('services-13th', 2016, 2020);
  const gz14 = plan('gz-14th', 2021, 2025, '440100');
  const p15 = plan('services-15th', 2026, 2030);
  it('are the plans of the same region that end in its base year', () => {
    expect(predecessorsOf(p15, [p13, p14, l14, gz14, p15]).map((p) => p.id)).toEqual(['services-14th', 'logistics-14th']);
    expect(predecessorsOf(p14, [p13, p14, p15]).map((p) => p.id)).toEqual(['services-13th']);
    expect(predecessorsOf(p13, [p13, p14, p15])).toEqual([]);
  });
});

describe('a printed 基期值 against the offered final value', () => {
  it('agrees when the offered value rounds to the printed one', () => {
    // The plan prints 9.6 (%); the final evaluation read 9.62: 9.62 rounded to one decimal is 9.6.
    expect(compareBaseline({ value: 9.6, year: 2025, quote: null }, { value: 9.62, year: 2025 })).toEqual({ agreement: 'agrees', difference: -0.02 });
    expect(compareBaseline({ value: 24000, year: 2025, quote: null }, { value: 24000.4, year: 2025 })).toEqual({ agreement: 'agrees', difference: -0.4 });
  });
  it('differs when it does not, and says by how much (printed − offered)', () => {
    // 24500 printed, 24000 read: 500 more in the new plan than the old plan's final value.
    expect(compareBaseline({ value: 24500, year: 2025, quote: null }, { value: 24000, year: 2025 })).toEqual({ agreement: 'differs', difference: 500 });
    expect(compareBaseline({ value: 9.7, year: 2025, quote: null }, { value: 9.62, year: 2025 }).agreement).toBe('differs');
  });
  it('is not comparable without a printed value of the same year', () => {
    expect(compareBaseline(null, { value: 1, year: 2025 })).toEqual({ agreement: 'not_printed', difference: null });
    expect(compareBaseline({ value: 1, year: 2024, quote: null }, { value: 1, year: 2025 })).toEqual({ agreement: 'not_printed', difference: null });
  });
  it('always agrees with a printed value that is the offered one rounded to its own decimals', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 3 }), (v, d) => {
        const printed = Number(v.toFixed(d));
        return compareBaseline({ value: printed, year: 2025, quote: null }, { value: v, year: 2025 }).agreement === 'agrees';
      }),
    );
  });
  it('counts the decimals a number is printed with', () => {
    expect([printedDecimals(2.5), printedDecimals(24000), printedDecimals(0.125), printedDecimals(1e21)]).toEqual([1, 0, 3, 0]);
  });
});
