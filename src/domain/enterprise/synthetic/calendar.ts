/**
 * The monthly pattern of service-enterprise revenue used by the synthetic generator: a base pattern (a slow
 * January–February, a strong December as accounts close) and the 春节 (Spring Festival) effect, which moves
 * between January and February from year to year — the month holding the festival loses about a week of business,
 * and when it falls late in a month part of the holiday spills into the next one.
 */

import { SPRING_FESTIVAL } from '../../period/springFestival';

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
