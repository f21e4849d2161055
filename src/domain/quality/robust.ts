/**
 * Robust statistics for the history rule: the median and the median absolute deviation (MAD) of past changes, and
 * the robust score of a new change, |x − median| / (1.4826 × MAD) — the modified z-score of Iglewicz and Hoaglin
 * (1993), written with 1.4826 = 1 / 0.6745 so that for normal data the scale equals the standard deviation. When
 * more than half the past changes are equal the MAD is 0; the scale then falls back to 1.2533 × the mean absolute
 * deviation from the median (√(π/2), again the standard deviation for normal data), and when that is 0 too a change
 * equal to the median scores 0 and any other change scores infinity.
 */

export const MAD_TO_SD = 1.4826;
export const MEAN_AD_TO_SD = 1.2533;

/** The median of the values (sorted in place; the caller passes a scratch copy). */
export function medianInPlace(values: Float64Array): number {
  const n = values.length;
  if (n === 0) return Number.NaN;
  // A typed array sorts by number without a comparator (natively, several times faster than with one).
  values.sort();
  const mid = n >> 1;
  const hi = values[mid] ?? Number.NaN;
  return n % 2 === 1 ? hi : ((values[mid - 1] ?? Number.NaN) + hi) / 2;
}

export interface RobustScale {
  median: number;
  /** The scale the score divides by (1.4826 × MAD, or the fallback). */
  scale: number;
  mad: number;
  n: number;
}

/**
 * @example
 * robustScale([8.72, 7.70, 2.86, 10.82, 5.62])
 * // median 7.70; deviations 1.02 0 4.84 3.12 2.08 → MAD 2.08; scale 1.4826 × 2.08 = 3.0838
 */
export function robustScale(values: ArrayLike<number>): RobustScale {
  const sorted = Float64Array.from(values).sort();
  return robustScaleSorted(sorted, sorted.length, new Float64Array(sorted.length));
}

/**
 * The same from the first `n` values of an ascending array, without sorting: the deviations from the median are
 * two ascending runs (the values below it, read backwards, and those above it), merged in one pass. The history
 * rule keeps a sorted window per series and calls this at every step.
 */
export function robustScaleSorted(sorted: ArrayLike<number>, n: number, scratch: Float64Array): RobustScale {
  if (n === 0) return { median: Number.NaN, scale: 0, mad: Number.NaN, n: 0 };
  const mid = n >> 1;
  // Indexing inline, not through a helper closure: this runs for every cell of every series.
  const median = n % 2 === 1 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? Number.NaN) + (sorted[mid] ?? Number.NaN)) / 2;
  // Values at indices < right are ≤ median (read from right − 1 down), those from right up are ≥ it.
  // Merged only up to the middle: the MAD is the median of the deviations, and they come out in ascending order.
  const m2 = n >> 1;
  let l = mid - 1;
  let r = mid;
  for (let k = 0; k <= m2; k++) {
    const dl = l >= 0 ? median - (sorted[l] ?? 0) : Number.POSITIVE_INFINITY;
    const dr = r < n ? (sorted[r] ?? 0) - median : Number.POSITIVE_INFINITY;
    if (dl <= dr) {
      scratch[k] = dl;
      l--;
    } else {
      scratch[k] = dr;
      r++;
    }
  }
  const mad = n % 2 === 1 ? (scratch[m2] ?? 0) : ((scratch[m2 - 1] ?? 0) + (scratch[m2] ?? 0)) / 2;
  if (mad > 0) return { median, scale: MAD_TO_SD * mad, mad, n };
  let sum = 0;
  for (let i = 0; i < n; i++) sum += Math.abs((sorted[i] ?? 0) - median);
  return { median, scale: MEAN_AD_TO_SD * (sum / n), mad, n };
}

/** |x − median| / scale; 0 or infinity when the scale is 0. */
export function robustScore(x: number, s: RobustScale): number {
  const d = Math.abs(x - s.median);
  if (s.scale > 0) return d / s.scale;
  return d === 0 ? 0 : Number.POSITIVE_INFINITY;
}
