/**
 * Tolerances: how far two sides of a rule may differ and still agree. The allowance is the sum of what the rule
 * states — an absolute amount, a fraction of the reference side, and (rounding: true) the rounding slack of the
 * figures compared — and a difference equal to it passes.
 */
import type { Tolerance } from './rules';

/**
 * @param reference the side the relative tolerance is a fraction of (the total, the published share)
 * @param roundingSlack what rounding of the figures compared can explain (computed by each rule kind)
 *
 * @example
 * allowance({ absolute: 0.1, rounding: true }, 100, 0.02) // 0.12
 */
export function allowance(tolerance: Tolerance | undefined, reference: number, roundingSlack: number): number {
  if (!tolerance) return 0;
  return (tolerance.absolute ?? 0) + (tolerance.relative ?? 0) * Math.abs(reference) + (tolerance.rounding ? roundingSlack : 0);
}

/**
 * Whether `difference` (≥ 0) is within `allowed`. Binary floating point makes 30 + 40 + 30.05 − 100 come out as
 * 0.04999999999999716 and 100.06 − 100 as 0.060000000000002274; the comparison forgives what the arithmetic of the
 * compared magnitudes can add (a billionth of them), so a difference of exactly the allowance passes.
 */
export function within(difference: number, allowed: number, magnitude: number): boolean {
  return difference <= allowed + 1e-9 * Math.max(1, Math.abs(magnitude));
}

/** A number for a message: at most 4 decimals, no float noise (0.1 + 0.2 → 0.3). */
export function show(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return String(Number(n.toFixed(4)));
}
