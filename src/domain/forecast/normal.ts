/**
 * The standard normal distribution function Φ, used to turn a forecast's interval into the probability that a
 * target is met. Φ(x) = ½·erfc(−x/√2), with erfc from W. J. Cody's rational Chebyshev approximation as given in
 * Numerical Recipes (3rd ed., §6.2.2, `erfccheb`): relative error below 1.2e-7 everywhere, ample for a probability
 * reported as a whole percent.
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x === Number.POSITIVE_INFINITY) return 1;
  if (x === Number.NEGATIVE_INFINITY) return 0;
  // Built symmetric around 0 from erf(|x|/√2) = 1 − erfc, clamped at 0, so that Φ(0) = ½ exactly and Φ is
  // monotone through 0 (the approximation's erfc(0) is 1 + 2e-8, which would otherwise put a step at the median).
  const half = 0.5 * Math.max(0, 1 - erfc(Math.abs(x) / Math.SQRT2));
  return x >= 0 ? 0.5 + half : 0.5 - half;
}

/** erfc(z) = 1 − erf(z) (Numerical Recipes `erfcc`, fractional error < 1.2e-7). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}
