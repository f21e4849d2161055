/**
 * The monthly pattern of service-enterprise revenue used by the synthetic generator: a base pattern (a slow
 * January–February, a strong December as accounts close) and the 春节 (Spring Festival) effect, which moves
 * between January and February from year to year — the month holding the festival loses about a week of business,
 * and when it falls late in a month part of the holiday spills into the next one.
 */

/** 春节 (正月初一) dates, 2010–2035, from the Chinese calendar. */
export const SPRING_FESTIVAL: Readonly<Record<number, string>> = {
  2010: '2010-02-14', 2011: '2011-02-03', 2012: '2012-01-23', 2013: '2013-02-10', 2014: '2014-01-31', 2015: '2015-02-19',
  2016: '2016-02-08', 2017: '2017-01-28', 2018: '2018-02-16', 2019: '2019-02-05', 2020: '2020-01-25', 2021: '2021-02-12',
  2022: '2022-02-01', 2023: '2023-01-22', 2024: '2024-02-10', 2025: '2025-01-29', 2026: '2026-02-17', 2027: '2027-02-06',
  2028: '2028-01-26', 2029: '2029-02-13', 2030: '2030-02-03', 2031: '2031-01-23', 2032: '2032-02-11', 2033: '2033-01-31',
  2034: '2034-02-19', 2035: '2035-02-08',
};

const BASE = [0.97, 0.9, 1.0, 0.98, 1.0, 1.04, 0.98, 1.0, 1.02, 0.98, 1.02, 1.16];

/**
 * Twelve factors for a year's months that sum to 12: a month's share of the year is factor / 12.
 *
 * @example
 * monthlyFactors(2023)[0] < monthlyFactors(2024)[0] // true: 春节 fell on 22 January 2023, 10 February 2024
 */
export function monthlyFactors(year: number): number[] {
  const f = [...BASE];
  const date = SPRING_FESTIVAL[year];
  if (date) {
    const month = Number(date.slice(5, 7));
    const day = Number(date.slice(8, 10));
    f[month - 1] = (f[month - 1] ?? 1) * 0.78;
    // A festival in the last ten days of a month takes days of the next month too.
    if (day > 20) f[month] = (f[month] ?? 1) * 0.9;
  }
  const sum = f.reduce((a, b) => a + b, 0);
  return f.map((x) => (x * 12) / sum);
}
