/**
 * 企业景气指数 (business climate index) and 企业家信心指数 (entrepreneur confidence index), NBS method: each is computed
 * from one question — the enterprise's overall operating state (良好 / 一般 / 不佳) for the climate index, the
 * entrepreneur's view of the economy (乐观 / 一般 / 不乐观) for the confidence index — as a balance:
 *
 *   part = (share 良好 − share 不佳) × 100 + 100          (shares as fractions; 0–200, 100 = the threshold)
 *   index = 0.4 × part(即期) + 0.6 × part(预期)            (the weights are settings)
 *
 * Above 100 the enterprises judging favourably outnumber the others (景气); below, the reverse (不景气).
 */
import type { Tally } from './tally';

export interface ClimateWeights {
  current: number;
  expected: number;
}

/** NBS's weights: 0.4 for the current judgement (即期), 0.6 for the expectation (预期). */
export const DEFAULT_CLIMATE_WEIGHTS: ClimateWeights = { current: 0.4, expected: 0.6 };

/** The balance part of one horizon: (good − poor) / n × 100 + 100; null for an empty cell. */
export function balanceIndex(t: Tally): number | null {
  if (t.n === 0) return null;
  return (100 * (t.positive - t.negative)) / t.n + 100;
}

/** The same balance on weights. */
export function weightedBalanceIndex(t: Tally): number | null {
  const w = t.wPositive + t.wNeutral + t.wNegative;
  if (!(w > 0)) return null;
  // Mathematically within [0, 200]; sums of weights added in another order can overshoot by a rounding unit.
  return Math.min(200, Math.max(0, (100 * (t.wPositive - t.wNegative)) / w + 100));
}

/**
 * The index from its two parts; null unless both exist (a climate index without its expectation is not the index).
 *
 * @example
 * climateIndex(125, 140) // 0.4 × 125 + 0.6 × 140 = 134
 */
export function climateIndex(current: number | null, expected: number | null, weights: ClimateWeights = DEFAULT_CLIMATE_WEIGHTS): number | null {
  if (current === null || expected === null) return null;
  return weights.current * current + weights.expected * expected;
}
