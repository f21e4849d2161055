/**
 * The history rule's two ways to a cell's median and MAD — one sweep over a whole series (a check of the whole
 * database) and one cell's window sorted when asked for (a file's rows) — give the same numbers, and both equal
 * the median and MAD of the window computed the plain way.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { robustScale } from '../robust';
import { cellScale, Scales, sweep, type Series } from './outlier';

const seriesArb = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.option(fc.integer({ min: -5000, max: 5000 }).map((i) => i / 100), { freq: 6 })), { minLength: 1, maxLength: 60 })
  .map((points) => {
    // Ends ascending, with ties (spans of years end together); a change may be missing (NaN).
    const sorted = [...points].sort((a, b) => a[0] - b[0]);
    return {
      slots: Int32Array.from(sorted, (_, i) => i),
      ends: Int32Array.from(sorted, ([e]) => e),
      changes: Float64Array.from(sorted, ([, c]) => (c === null ? Number.NaN : c)),
    } satisfies Series;
  });

describe('history of a cell: a sweep of the series equals each cell sorted on its own', () => {
  it('same median, scale, MAD and length for every cell (property)', () => {
    fc.assert(
      fc.property(seriesArb, fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 6 }), (s, months, min) => {
        const swept = new Scales(s.slots.length);
        sweep(s, months, min, swept);
        const single = new Scales(s.slots.length);
        const buffers = { values: new Float64Array(1), scratch: new Float64Array(1) };
        for (let i = 0; i < s.slots.length; i++) {
          cellScale(s, i, months, min, i, single, buffers);
          expect(single.read(i)).toEqual(swept.read(i));
          // The plain way: changes of the cells before i whose end is within the window.
          const past: number[] = [];
          for (let j = 0; j < i; j++) if ((s.ends[j] ?? 0) >= (s.ends[i] ?? 0) - months && !Number.isNaN(s.changes[j] ?? Number.NaN)) past.push(s.changes[j] ?? 0);
          const want = past.length >= min && past.length > 0 ? robustScale(past) : null;
          const got = single.read(i);
          if (want === null || past.length < min) expect(got === null || past.length === 0).toBe(true);
          else expect(got).toEqual(want);
        }
      }),
      { numRuns: 300 },
    );
  });
});
