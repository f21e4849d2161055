/**
 * A statistical period: the span of time a published figure covers. Statistics bureaus publish for years, halves,
 * quarters, months and cumulative ranges from January (1–N月), and plans cover several years; each kind is one
 * variant, so code that handles periods must handle every kind (the compiler checks the switch).
 *
 * Every range of months has at most one Period (1–6月 is the first half, not a cumulative figure ending in June),
 * so two valid periods are equal exactly when their fields are equal; `checkPeriod` in `./canonical` enforces it.
 */
export type Period =
  | { type: 'year'; year: number }
  | { type: 'half'; year: number; half: 1 | 2 }
  | { type: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4 }
  /** month: 1..12 */
  | { type: 'month'; year: number; month: number }
  /** 1–N月 from January; endMonth is 2, 4, 5, 7, 8, 9, 10 or 11 (1–3月 is Q1, 1–6月 is H1, 1–12月 the year). */
  | { type: 'cumulative'; year: number; endMonth: number }
  /** Whole years, e.g. the plan period 2021–2025; startYear < endYear. */
  | { type: 'span'; startYear: number; endYear: number };

/** Figures before the People's Republic are out of scope; 2100 bounds typos such as 20201. */
export const MIN_YEAR = 1949;
export const MAX_YEAR = 2100;

/** A calendar month; month is 1..12. */
export interface YearMonth {
  year: number;
  month: number;
}

/** The first and last month a period covers, both included. */
export interface MonthRange {
  start: YearMonth;
  end: YearMonth;
}

/**
 * The months a period covers, first and last included.
 *
 * @example
 * monthRange({ type: 'quarter', year: 2020, quarter: 3 }); // { start: { year: 2020, month: 7 }, end: { year: 2020, month: 9 } }
 */
export function monthRange(p: Period): MonthRange {
  switch (p.type) {
    case 'year':
      return within(p.year, 1, 12);
    case 'half':
      return within(p.year, p.half * 6 - 5, p.half * 6);
    case 'quarter':
      return within(p.year, p.quarter * 3 - 2, p.quarter * 3);
    case 'month':
      return within(p.year, p.month, p.month);
    case 'cumulative':
      return within(p.year, 1, p.endMonth);
    case 'span':
      return { start: { year: p.startYear, month: 1 }, end: { year: p.endYear, month: 12 } };
  }
}

function within(year: number, startMonth: number, endMonth: number): MonthRange {
  return { start: { year, month: startMonth }, end: { year, month: endMonth } };
}

/**
 * Months since year 0, so that month arithmetic and comparison never need to carry years by hand.
 *
 * @example
 * monthIndex({ year: 2020, month: 2 }) - monthIndex({ year: 2019, month: 12 }); // 2
 */
export function monthIndex(ym: YearMonth): number {
  return ym.year * 12 + ym.month - 1;
}

/**
 * Orders periods for sorting: by the last month covered, then by the first (so 1–9月 comes before Q3, which ends
 * in the same month): a time series reads in the order figures become known.
 *
 * @example
 * [q3, year, h1].sort(comparePeriods); // [h1, q3, year]
 */
export function comparePeriods(a: Period, b: Period): number {
  const ra = monthRange(a);
  const rb = monthRange(b);
  return monthIndex(ra.end) - monthIndex(rb.end) || monthIndex(ra.start) - monthIndex(rb.start);
}

/**
 * Whether two periods are the same. Compared by the months they cover, which for valid periods is the same as
 * comparing fields (each month range has one canonical period).
 *
 * @example
 * periodsEqual({ type: 'half', year: 2020, half: 1 }, { type: 'half', year: 2020, half: 1 }); // true
 */
export function periodsEqual(a: Period, b: Period): boolean {
  return comparePeriods(a, b) === 0;
}

/**
 * Whether the period is a cumulative 1–N月 figure. Deliberately only the 'cumulative' type: H1, Q1 and January
 * also start in January, but they are published and named as their own kind.
 *
 * @example
 * isCumulative({ type: 'cumulative', year: 2020, endMonth: 9 }); // true
 * isCumulative({ type: 'half', year: 2020, half: 1 }); // false
 */
export function isCumulative(p: Period): p is Extract<Period, { type: 'cumulative' }> {
  return p.type === 'cumulative';
}
