/**
 * Laws that tie the period files together, over every valid period: text round-trips, month ranges, the one
 * canonical period per range, and derivation by difference. The generator is written from the type's rules,
 * independently of `periodsOfYear`, so that it checks that function rather than trusting it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPeriod, periodFromMonths, periodsOfYear } from './canonical';
import { deriveByDifference } from './derive';
import { formatPeriod, periodLabel } from './format';
import { parsePeriod } from './parse';
import { comparePeriods, MAX_YEAR, MIN_YEAR, monthIndex, monthRange, periodsEqual, type Period } from './period';

const yearArb = fc.integer({ min: MIN_YEAR, max: MAX_YEAR });

/** Any period within `year`; a cumulative range never ends in March, June or December (those are Q1, H1, the year). */
const periodInYear = (year: number): fc.Arbitrary<Period> =>
  fc.oneof(
    fc.constant<Period>({ type: 'year', year }),
    fc.constantFrom<1 | 2>(1, 2).map((half): Period => ({ type: 'half', year, half })),
    fc.constantFrom<1 | 2 | 3 | 4>(1, 2, 3, 4).map((quarter): Period => ({ type: 'quarter', year, quarter })),
    fc.integer({ min: 1, max: 12 }).map((month): Period => ({ type: 'month', year, month })),
    fc.constantFrom(2, 4, 5, 7, 8, 9, 10, 11).map((endMonth): Period => ({ type: 'cumulative', year, endMonth })),
  );

const spanArb: fc.Arbitrary<Period> = fc
  .integer({ min: MIN_YEAR, max: MAX_YEAR - 1 })
  .chain((startYear) => fc.integer({ min: startYear + 1, max: MAX_YEAR }).map((endYear): Period => ({ type: 'span', startYear, endYear })));

const periodArb: fc.Arbitrary<Period> = fc.oneof(yearArb.chain(periodInYear), spanArb);

/** Pairs for derivation: mostly of the same year, where derivation can succeed, and some of any two periods. */
const pairArb = fc.oneof(
  { arbitrary: yearArb.chain((y) => fc.tuple(periodInYear(y), periodInYear(y))), weight: 4 },
  { arbitrary: fc.tuple(periodArb, periodArb), weight: 1 },
);

const months = (p: Period): number[] => {
  const r = monthRange(p);
  return Array.from({ length: monthIndex(r.end) - monthIndex(r.start) + 1 }, (_, i) => monthIndex(r.start) + i);
};

/** When derivation succeeds, the derived period covers exactly the months of `later` that `earlier` does not. */
function coversTheDifference(later: Period, earlier: Period): boolean {
  const r = deriveByDifference(later, earlier);
  if (!r.ok) return false;
  const taken = new Set(months(earlier));
  expect(months(r.value)).toEqual(months(later).filter((m) => !taken.has(m)));
  return true;
}

describe('period laws', () => {
  it('the canonical code parses back to the same period', () => {
    fc.assert(fc.property(periodArb, (p) => {
        expect(parsePeriod(formatPeriod(p))).toEqual({ ok: true, value: p });
      }));
  });

  it('the Chinese label parses back to the same period', () => {
    fc.assert(fc.property(periodArb, (p) => {
        expect(parsePeriod(periodLabel(p, 'zh'))).toEqual({ ok: true, value: p });
      }));
  });

  it('full-width text, as typed with a Chinese input method, parses the same', () => {
    const fullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    fc.assert(fc.property(periodArb, (p) => {
        expect(parsePeriod(fullWidth(periodLabel(p, 'zh')))).toEqual({ ok: true, value: p });
      }));
  });

  it('a period starts no later than it ends', () => {
    fc.assert(fc.property(periodArb, (p) => monthIndex(monthRange(p).start) <= monthIndex(monthRange(p).end)));
  });

  it('every generated period is canonical, and is the one period of its months', () => {
    fc.assert(
      fc.property(periodArb, (p) => {
        expect(checkPeriod(p)).toEqual({ ok: true, value: p });
        expect(periodFromMonths(monthRange(p).start, monthRange(p).end)).toEqual({ ok: true, value: p });
      }),
    );
  });

  it('periodsOfYear lists every period of the year', () => {
    fc.assert(fc.property(yearArb.chain((y) => periodInYear(y).map((p) => [y, p] as const)), ([y, p]) => {
        expect(periodsOfYear(y)).toContainEqual(p);
      }));
  });

  it('comparePeriods is 0 exactly for equal periods, and antisymmetric', () => {
    fc.assert(
      fc.property(periodArb, periodArb, (a, b) => {
        expect(comparePeriods(a, b) === 0).toBe(JSON.stringify(a) === JSON.stringify(b));
        expect(periodsEqual(a, b)).toBe(comparePeriods(a, b) === 0);
        // `+ 0` folds −0 into 0: equal periods compare as 0 both ways, and Object.is would tell −0 from 0.
        expect(Math.sign(comparePeriods(a, b)) + 0).toBe(-Math.sign(comparePeriods(b, a)) + 0);
      }),
    );
  });

  it('a derived period covers exactly the months of the later period not in the earlier', () => {
    fc.assert(fc.property(pairArb, ([later, earlier]) => {
        coversTheDifference(later, earlier);
      }));
  });

  it('within one year, exactly 15 pairs derive: 11 single months, Q2–Q4 and H2', () => {
    const all = periodsOfYear(2020);
    const derived = all.flatMap((later) => all.filter((earlier) => coversTheDifference(later, earlier)));
    expect(derived).toHaveLength(15);
  });
});
