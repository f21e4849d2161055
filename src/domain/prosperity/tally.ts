/**
 * A cell's answers counted: how many respondents chose each option, and the sum of their weights (营业收入 or 从业人员,
 * as the survey's settings say) for the weighted indices. Cells are what the indices are computed from, whether the
 * answers were counted in memory or by SQL (`GROUP BY`), so both paths give the same numbers.
 */
import type { Answer } from './answers';

export interface Tally {
  /** Respondents in the cell. */
  n: number;
  positive: number;
  neutral: number;
  negative: number;
  /** Sums of the respondents' weights by answer. */
  wPositive: number;
  wNeutral: number;
  wNegative: number;
  /** The largest single weight (for the dominance rule of confidentiality). */
  wMax: number;
}

export const emptyTally = (): Tally => ({ n: 0, positive: 0, neutral: 0, negative: 0, wPositive: 0, wNeutral: 0, wNegative: 0, wMax: 0 });

/** Counts one answer with its weight into a tally (mutates it: cells are built in tight loops). */
export function addAnswer(t: Tally, answer: Answer, weight: number): void {
  t.n++;
  if (answer === 1) {
    t.positive++;
    t.wPositive += weight;
  } else if (answer === 0) {
    t.neutral++;
    t.wNeutral += weight;
  } else {
    t.negative++;
    t.wNegative += weight;
  }
  if (weight > t.wMax) t.wMax = weight;
}

/** The sum of two tallies (the cell of their union). */
export function mergeTallies(a: Tally, b: Tally): Tally {
  return {
    n: a.n + b.n,
    positive: a.positive + b.positive,
    neutral: a.neutral + b.neutral,
    negative: a.negative + b.negative,
    wPositive: a.wPositive + b.wPositive,
    wNeutral: a.wNeutral + b.wNeutral,
    wNegative: a.wNegative + b.wNegative,
    wMax: Math.max(a.wMax, b.wMax),
  };
}

/** A tally from counts alone (every weight 1): for published shares and hand-made examples. */
export function tallyOfCounts(positive: number, neutral: number, negative: number): Tally {
  return { n: positive + neutral + negative, positive, neutral, negative, wPositive: positive, wNeutral: neutral, wNegative: negative, wMax: positive + neutral + negative > 0 ? 1 : 0 };
}
