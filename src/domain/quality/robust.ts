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
export function medianInPlace(values: Float64Array | number[]): number {
  const n = values.length;
  if (n === 0) return Number.NaN;
  values.sort((a, b) => a - b);
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
  const n = values.length;
  const copy = Float64Array.from(values);
  const median = medianInPlace(copy);
  let meanAd = 0;
  for (let i = 0; i < n; i++) {
    const d = Math.abs((values[i] ?? 0) - median);
    copy[i] = d;
    meanAd += d;
  }
  const mad = medianInPlace(copy);
  const scale = mad > 0 ? MAD_TO_SD * mad : MEAN_AD_TO_SD * (n > 0 ? meanAd / n : 0);
  return { median, scale, mad, n };
}

/** |x − median| / scale; 0 or infinity when the scale is 0. */
export function robustScore(x: number, s: RobustScale): number {
  const d = Math.abs(x - s.median);
  if (s.scale > 0) return d / s.scale;
  return d === 0 ? 0 : Number.POSITIVE_INFINITY;
}
