/**
 * The history rule's sweep over a series gives every cell the median and MAD of its window computed the plain
 * way, whether it starts at the first cell (a check of the whole database) or at any later cell (a file's rows),
 * and passes started at several cells, in any order, give the same numbers as one pass.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { robustScale } from '../robust';
import { Scales, sweep, type Series } from './outlier';

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

/** The plain way: the changes of the cells before i whose end is within the window. */
function plain(s: Series, i: number, months: number, min: number) {
  const past: number[] = [];
  for (let j = 0; j < i; j++) if ((s.ends[j] ?? 0) >= (s.ends[i] ?? 0) - months && !Number.isNaN(s.changes[j] ?? Number.NaN)) past.push(s.changes[j] ?? 0);
  return past.length >= min ? robustScale(past) : null;
}

describe('history of the cells of a series', () => {
  it('one sweep from the first cell: every cell as the plain way (property)', () => {
    fc.assert(
      fc.property(seriesArb, fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 6 }), (s, months, min) => {
        const out = new Scales(s.slots.length);
        sweep(s, months, min, out);
        for (let i = 0; i < s.slots.length; i++) expect(out.read(i)).toEqual(plain(s, i, months, min));
      }),
      { numRuns: 300 },
    );
  });
  it('sweeps started at cells taken in any order: the same numbers as one sweep, every cell from its start on done (property)', () => {
    fc.assert(
      fc.property(seriesArb, fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 6 }), fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), (s, months, min, starts) => {
        const whole = new Scales(s.slots.length);
        sweep(s, months, min, whole);
        const parts = new Scales(s.slots.length);
        for (const k of starts) {
          const from = k % s.slots.length;
          if (parts.n[from] === -2) sweep(s, months, min, parts, from);
          for (let i = from; i < s.slots.length; i++) expect(parts.n[i]).not.toBe(-2);
        }
        for (let i = 0; i < s.slots.length; i++) if (parts.n[i] !== -2) expect(parts.read(i)).toEqual(whole.read(i));
      }),
      { numRuns: 300 },
    );
  });
});
