/**
 * 扩散指数 (diffusion index), as NBS computes the PMI's sub-indices and the PBoC its survey indices:
 *
 *   DI = P + 0.5 × S      (P: share answering 上升 / favourable, S: share answering 持平 / neutral, in percent)
 *
 * 0–100, 50 = no change (as many up as down). Weighted: the shares are shares of the respondents' weights (营业收入
 * or 从业人员) instead of their number. Computed from counts: DI = 100 · (2·up + same) / (2·n), so that a cell of
 * whole respondents gives the exact decimal before the one rounding of publication.
 */
import type { Tally } from './tally';

/** The unweighted diffusion index of a cell; null for an empty cell. */
export function diffusionIndex(t: Tally): number | null {
  if (t.n === 0) return null;
  return (100 * (2 * t.positive + t.neutral)) / (2 * t.n);
}

/** The diffusion index weighted by the weights counted into the cell; null when the cell weighs nothing. */
export function weightedDiffusionIndex(t: Tally): number | null {
  const w = t.wPositive + t.wNeutral + t.wNegative;
  if (!(w > 0)) return null;
  // Mathematically within [0, 100]; sums of weights added in another order can overshoot by a rounding unit.
  return Math.min(100, Math.max(0, (100 * (t.wPositive + 0.5 * t.wNeutral)) / w));
}
