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
