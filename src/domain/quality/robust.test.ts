import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { halfUnit } from './figure';
import { robustScale, robustScore } from './robust';

describe('robust score', () => {
  it('median and MAD by hand: 1, 2, 3, 4, 100 → median 3, deviations 2 1 0 1 97, MAD 1; 100 scores 97 / 1.4826 = 65.4256', () => {
    const s = robustScale([1, 2, 3, 4, 100]);
    expect(s).toMatchObject({ median: 3, mad: 1, n: 5 });
    expect(robustScore(100, s)).toBeCloseTo(65.4256, 4);
  });
  it('falls back to the mean absolute deviation when the MAD is 0: 5 5 5 9 → MAD 0, mean AD 1, scale 1.2533', () => {
    const s = robustScale([5, 5, 5, 9]);
    expect(s.mad).toBe(0);
    expect(s.scale).toBeCloseTo(1.2533, 10);
    expect(robustScale([7, 7, 7]).scale).toBe(0);
    expect(robustScore(7, robustScale([7, 7, 7]))).toBe(0);
    expect(robustScore(8, robustScale([7, 7, 7]))).toBe(Number.POSITIVE_INFINITY);
  });
  it('does not change when every value is shifted and scaled by a positive factor (property)', () => {
    // Figures with two decimals, as published; factors from 0.01 to 100.
    const cents = fc.integer({ min: -100_000, max: 100_000 }).map((i) => i / 100);
    const values = fc.array(cents, { minLength: 3, maxLength: 30 });
    fc.assert(
      fc.property(values, cents, fc.integer({ min: 1, max: 10_000 }).map((i) => i / 100), cents, (xs, shift, factor, x) => {
        const a = robustScore(x, robustScale(xs));
        const b = robustScore(x * factor + shift, robustScale(xs.map((v) => v * factor + shift)));
        if (!Number.isFinite(a) || a > 1e6) return true;
        return Math.abs(a - b) <= 1e-6 * Math.max(1, a);
      }),
    );
  });
});

describe('robust scale by merging the deviations', () => {
  it('equals the median and MAD computed the plain way (sort the values, sort the deviations), on any values', () => {
    const plainMedian = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      const m = s.length >> 1;
      return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
    };
    const cents = fc.integer({ min: -100_000, max: 100_000 }).map((i) => i / 100);
    fc.assert(
      fc.property(fc.array(cents, { minLength: 1, maxLength: 40 }), (xs) => {
        const median = plainMedian(xs);
        const mad = plainMedian(xs.map((x) => Math.abs(x - median)));
        const s = robustScale(xs);
        return s.median === median && Math.abs(s.mad - mad) < 1e-9;
      }),
    );
  });
});

describe('halfUnit: rounding slack of a published figure', () => {
  it.each([[27670.24, 0.005], [17190.4, 0.05], [823, 0.5], [26900, 50], [2600, 50], [30700, 50], [0, 0.5], [-12.5, 0.05]])('%s → %s', (v, h) => {
    expect(halfUnit(v)).toBeCloseTo(h, 12);
  });
});

describe('entry times as text', () => {
  it('orders as the times do, whether they come as epoch milliseconds or ISO', async () => {
    const { enteredText } = await import('./figure');
    expect(enteredText('2026-01-01T00:00:00.000Z')).toBe('001767225600000');
    expect(enteredText('1767225600000')).toBe('001767225600000');
    expect(enteredText('999') < enteredText('1000')).toBe(true);
  });
});

describe('typed-array median and MAD (the history rule reads the first n of a sorted window)', () => {
  const plainMedian = (xs: readonly number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
  };
  const cents = fc.integer({ min: -100_000, max: 100_000 }).map((i) => i / 100);
  it('medianInPlace equals the median of a plain sort (property)', async () => {
    const { medianInPlace } = await import('./robust');
    fc.assert(fc.property(fc.array(cents, { minLength: 1, maxLength: 50 }), (xs) => medianInPlace(Float64Array.from(xs)) === plainMedian(xs)));
  });
  it('robustScaleSorted over the first n values of a longer sorted window equals the plain median and MAD (property)', async () => {
    const { robustScaleSorted } = await import('./robust');
    fc.assert(
      fc.property(fc.array(cents, { minLength: 1, maxLength: 50 }), fc.array(cents, { maxLength: 10 }), (xs, tail) => {
        // The window holds xs sorted, followed by stale values past n that must be ignored.
        const window = Float64Array.from([...[...xs].sort((a, b) => a - b), ...tail]);
        const s = robustScaleSorted(window, xs.length, new Float64Array(window.length));
        const median = plainMedian(xs);
        const mad = plainMedian(xs.map((x) => Math.abs(x - median)));
        return s.n === xs.length && s.median === median && Math.abs(s.mad - mad) < 1e-9;
      }),
    );
  });
});
