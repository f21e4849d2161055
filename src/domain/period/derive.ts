/**
 * Periods that are not published but follow from two that are: bureaus publish cumulative figures (1–9月 and
 * 1–6月), and the third quarter is their difference. This file says which period such a difference covers; the
 * caller subtracts the values and marks the figure as derived.
 */
import { err, ok, type Result } from '../result';
import { periodFromMonths } from './canonical';
import { formatPeriod } from './format';
import { monthRange, type MonthRange, type Period } from './period';

/**
 * The period covered by `later` minus `earlier`, where both run from January of the same year (a cumulative
 * range, or the year, H1, Q1 or January, which start there too) and `earlier` ends first. The remainder must
 * itself be a period: 1–9月 minus 1–6月 is Q3, but 1–5月 minus Q1 (April–May) is an error.
 *
 * @example
 * deriveByDifference({ type: 'cumulative', year: 2020, endMonth: 9 }, { type: 'half', year: 2020, half: 1 });
 * // ok({ type: 'quarter', year: 2020, quarter: 3 })
 */
export function deriveByDifference(later: Period, earlier: Period): Result<Period> {
  const what = `cannot derive ${formatPeriod(later)} minus ${formatPeriod(earlier)}`;
  const l = monthRange(later);
  const e = monthRange(earlier);
  for (const [p, r] of [[later, l], [earlier, e]] as const) {
    if (!fromJanuaryOfOneYear(r)) return err(`${what}: ${formatPeriod(p)} is not a range from January within one year (两者都须为当年从1月起的累计期)`);
  }
  if (l.start.year !== e.start.year) return err(`${what}: they are in different years (两者须为同一年)`);
  if (e.end.month >= l.end.month) return err(`${what}: ${formatPeriod(earlier)} does not end before ${formatPeriod(later)} (被减期须先结束)`);
  const rest = periodFromMonths({ year: l.start.year, month: e.end.month + 1 }, l.end);
  return rest.ok ? ok(rest.value) : err(`${what}: the remainder ${rest.error}`);
}

function fromJanuaryOfOneYear(r: MonthRange): boolean {
  return r.start.month === 1 && r.start.year === r.end.year;
}
