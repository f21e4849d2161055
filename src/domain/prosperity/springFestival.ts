/**
 * 春节 (Chinese New Year) moves between 21 January and 20 February, and with it a week of lost business moves between
 * the two months: a January or February figure compared with the same month of another year mixes the economy with
 * the calendar, and a fixed monthly seasonal pattern (STL's) cannot follow a moving holiday.
 *
 * We handle it by combining January and February, as NBS publishes most monthly statistics for 1–2月 together: both
 * months get the mean of the two before seasonal adjustment, so the pattern STL estimates for them no longer depends
 * on where the festival fell. We chose this over a holiday regressor because a regressor needs a long history of
 * the festival's effect per series (10+ years), which a new survey does not have; the cost is that January and
 * February are not told apart (the adjusted series moves between them only by the seasonal pattern).
 *
 * Months are given as 1–12 alongside the values.
 */

/** 春节 (正月初一) by year, 2010–2035, from the Chinese calendar (for display and for the synthetic demo data). */
export const SPRING_FESTIVAL: Readonly<Record<number, string>> = {
  2010: '2010-02-14', 2011: '2011-02-03', 2012: '2012-01-23', 2013: '2013-02-10', 2014: '2014-01-31', 2015: '2015-02-19',
  2016: '2016-02-08', 2017: '2017-01-28', 2018: '2018-02-16', 2019: '2019-02-05', 2020: '2020-01-25', 2021: '2021-02-12',
  2022: '2022-02-01', 2023: '2023-01-22', 2024: '2024-02-10', 2025: '2025-01-29', 2026: '2026-02-17', 2027: '2027-02-06',
  2028: '2028-01-26', 2029: '2029-02-13', 2030: '2030-02-03', 2031: '2031-01-23', 2032: '2032-02-11', 2033: '2033-01-31',
  2034: '2034-02-19', 2035: '2035-02-08',
};

/**
 * Replaces each year's January and February values by their mean (a month whose partner is missing keeps its value).
 *
 * @example
 * combineJanuaryFebruary([10, 6, 9], [1, 2, 3]) // [8, 8, 9]
 */
export function combineJanuaryFebruary(values: readonly number[], months: readonly number[]): number[] {
  const out = [...values];
  for (let i = 0; i + 1 < values.length; i++) {
    if (months[i] === 1 && months[i + 1] === 2) {
      const mean = ((values[i] ?? 0) + (values[i + 1] ?? 0)) / 2;
      out[i] = mean;
      out[i + 1] = mean;
      i++;
    }
  }
  return out;
}
