/**
 * Which ranges of months are periods, and the one Period for each. Parsing and derivation both end here, so
 * "1–6月", "2020-01~06" and "2020Q1-Q2" all become the same first half, and a range that is no period (4–5月)
 * is rejected with the same words wherever it comes from.
 */
import { err, ok, type Result } from '../result';
import { MAX_YEAR, MIN_YEAR, monthIndex, monthRange, type Period, type YearMonth } from './period';

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/**
 * The English short name of a month (1..12), e.g. for labels and messages.
 *
 * @example
 * monthNameEn(9); // 'Sep'
 */
export function monthNameEn(month: number): string {
  return MONTHS_EN[month - 1] ?? String(month);
}

/**
 * Checks a year: a whole number in 1949–2100. Returns the reason when it is not.
 *
 * @example
 * checkYear(1800); // err('year 1800 is outside 1949–2100 (年份应在1949–2100之间)')
 */
export function checkYear(year: number): Result<number> {
  if (!Number.isInteger(year)) return err(`year ${year} is not a whole number (年份应为整数)`);
  if (year < MIN_YEAR || year > MAX_YEAR) return err(`year ${year} is outside ${MIN_YEAR}–${MAX_YEAR} (年份应在${MIN_YEAR}–${MAX_YEAR}之间)`);
  return ok(year);
}

function checkYearMonth(ym: YearMonth): Result<YearMonth> {
  const year = checkYear(ym.year);
  if (!year.ok) return year;
  if (!Number.isInteger(ym.month) || ym.month < 1 || ym.month > 12) return err(`month ${ym.month} does not exist (月份应为1–12)`);
  return ok(ym);
}

const code = (ym: YearMonth): string => `${ym.year}-${String(ym.month).padStart(2, '0')}`;

/**
 * The period covering exactly the months from `start` to `end` (both included), or the reason there is none.
 * Within a year: a single month, a range from January (1–N月, which is a half, quarter or year when it is one),
 * or an exact quarter or half. Across years: only whole years (January to December), which make a span.
 *
 * @example
 * periodFromMonths({ year: 2020, month: 1 }, { year: 2020, month: 6 }); // ok({ type: 'half', year: 2020, half: 1 })
 * periodFromMonths({ year: 2020, month: 4 }, { year: 2020, month: 5 }); // err('4–5月 (Apr–May 2020) is not a period here: …')
 */
export function periodFromMonths(start: YearMonth, end: YearMonth): Result<Period> {
  const s = checkYearMonth(start);
  if (!s.ok) return s;
  const e = checkYearMonth(end);
  if (!e.ok) return e;
  if (monthIndex(end) < monthIndex(start)) return err(`it ends (${code(end)}) before it starts (${code(start)}) (结束早于开始)`);
  if (start.year !== end.year) {
    if (start.month === 1 && end.month === 12) return ok({ type: 'span', startYear: start.year, endYear: end.year });
    return err(`${code(start)} to ${code(end)} crosses a new year; only whole years (2021-2025) may span years (跨年的统计期只能是整年)`);
  }
  return inYear(start.year, start.month, end.month);
}

/** The canonical period for months a..b of one year; the order of the checks is the precedence of the kinds. */
function inYear(year: number, a: number, b: number): Result<Period> {
  if (a === 1 && b === 12) return ok({ type: 'year', year });
  if (a === b) return ok({ type: 'month', year, month: a });
  if (a === 1 && b === 6) return ok({ type: 'half', year, half: 1 });
  if (a === 7 && b === 12) return ok({ type: 'half', year, half: 2 });
  if (a % 3 === 1 && b === a + 2) return ok({ type: 'quarter', year, quarter: ((a + 2) / 3) as 1 | 2 | 3 | 4 });
  if (a === 1) return ok({ type: 'cumulative', year, endMonth: b });
  return err(
    `${a}–${b}月 (${monthNameEn(a)}–${monthNameEn(b)} ${year}) is not a period here: only a single month, a range from January (1–N月) or an exact quarter or half is (只支持单月、从1月起的累计期、完整的季度或半年)`,
  );
}

/**
 * Every period within one year (27: the year, 2 halves, 4 quarters, 12 months and 8 cumulative ranges), in
 * the order of `comparePeriods`; for pickers, and for tests that try them all.
 *
 * @example
 * periodsOfYear(2020).length; // 27
 */
export function periodsOfYear(year: number): Period[] {
  const out: Period[] = [];
  for (let b = 1; b <= 12; b++) {
    for (let a = 1; a <= b; a++) {
      const p = inYear(year, a, b);
      if (p.ok) out.push(p.value);
    }
  }
  return out;
}

/**
 * Checks the values of a period that came from outside the type system (a database row, JSON whose shape a schema
 * has already checked): years and months in range, and the canonical variant for its months (a cumulative 1–6月
 * must be written as the half), so that equal periods always have equal fields.
 *
 * @example
 * checkPeriod({ type: 'cumulative', year: 2020, endMonth: 6 });
 * // err('{"type":"cumulative","year":2020,"endMonth":6} is not canonical: write {"type":"half","year":2020,"half":1} (同一时段只有一种写法)')
 */
export function checkPeriod(p: Period): Result<Period> {
  const range = monthRange(p);
  const canonical = periodFromMonths(range.start, range.end);
  if (!canonical.ok) return canonical;
  const fields = (q: Period): string => JSON.stringify(Object.entries(q).sort(([x], [y]) => x.localeCompare(y)));
  if (fields(canonical.value) !== fields(p)) return err(`${JSON.stringify(p)} is not canonical: write ${JSON.stringify(canonical.value)} (同一时段只有一种写法)`);
  return ok(p);
}
