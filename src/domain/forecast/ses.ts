/**
 * Simple exponential smoothing, the ETS(A,N,N) model of Hyndman et al. (2008, "Forecasting with Exponential
 * Smoothing", ch. 2): ℓ_t = ℓ_{t−1} + α·e_t, e_t = y_t − ℓ_{t−1}; ŷ_{t+h|t} = ℓ_t.
 *
 * Estimated as R's forecast::ets does for an additive-error model — maximum likelihood, i.e. the (α, ℓ0) that
 * minimise the sum of squared one-step errors, α in R's "usual" bounds [1e-4, 0.9999]. Because every error is
 * linear in ℓ0 for a fixed α (ℓ_{t−1} = (1−α)^{t−1}ℓ0 + …), the best ℓ0 has a closed form; α is found by a grid
 * followed by golden-section refinement, so the fit is the exact optimum rather than an optimiser's stopping point.
 * σ² = SSE/(n − 2) (2 estimated parameters: α, ℓ0), as R's ets reports `sigma2`.
 */
export interface SesFit {
  alpha: number;
  level0: number;
  /** ℓ_n, the last level: the point forecast at every horizon. */
  level: number;
  sse: number;
  sigma2: number;
  n: number;
}

const ALPHA_MIN = 1e-4;
const ALPHA_MAX = 0.9999;

export function fitSes(y: readonly number[]): SesFit {
  const n = y.length;
  if (n < 3) throw new RangeError('simple exponential smoothing needs at least 3 observations');
  // Scratch for evaluate, shared by the ~100 evaluations of the search instead of two arrays each.
  const scratch = { r: new Float64Array(n), c: new Float64Array(n) };
  const best = minimise((a) => evaluate(y, a, scratch).sse, ALPHA_MIN, ALPHA_MAX);
  const fit = evaluate(y, best, scratch);
  return { ...fit, sigma2: fit.sse / Math.max(1, n - 2), n };
}

/** For a fixed α: the optimal ℓ0 (least squares, closed form) and the resulting SSE and last level. */
function evaluate(y: readonly number[], alpha: number, { r, c }: { r: Float64Array; c: Float64Array }): Omit<SesFit, 'sigma2' | 'n'> {
  // With ℓ0 = 0 the errors are r_t; with ℓ0 = 1 added they change by c_t = −(1−α)^{t−1}. e_t(ℓ0) = r_t + ℓ0·c_t.
  let level = 0;
  let weight = 1;
  let rc = 0;
  let cc = 0;
  for (let t = 0; t < y.length; t++) {
    const v = y[t] ?? 0;
    const e = v - level;
    r[t] = e;
    c[t] = -weight;
    rc += e * -weight;
    cc += weight * weight;
    level += alpha * e;
    weight *= 1 - alpha;
  }
  const level0 = cc > 0 ? -rc / cc : 0;
  let sse = 0;
  for (let i = 0; i < r.length; i++) {
    const e = (r[i] ?? 0) + level0 * (c[i] ?? 0);
    sse += e * e;
  }
  // ℓ_n is linear in ℓ0 too, with coefficient (1−α)^n.
  return { alpha, level0, level: level + level0 * weight, sse };
}

/** Grid search then golden-section refinement of a one-dimensional function on [lo, hi]. */
export function minimise(f: (x: number) => number, lo: number, hi: number, grid = 60): number {
  let bestX = lo;
  let bestF = Number.POSITIVE_INFINITY;
  for (let i = 0; i <= grid; i++) {
    const x = lo + ((hi - lo) * i) / grid;
    const fx = f(x);
    if (fx < bestF) {
      bestF = fx;
      bestX = x;
    }
  }
  let a = Math.max(lo, bestX - (hi - lo) / grid);
  let b = Math.min(hi, bestX + (hi - lo) / grid);
  const g = (Math.sqrt(5) - 1) / 2;
  let x1 = b - g * (b - a);
  let x2 = a + g * (b - a);
  let f1 = f(x1);
  let f2 = f(x2);
  for (let i = 0; i < 60 && b - a > 1e-10; i++) {
    if (f1 < f2) {
      b = x2;
      x2 = x1;
      f2 = f1;
      x1 = b - g * (b - a);
      f1 = f(x1);
    } else {
      a = x1;
      x1 = x2;
      f1 = f2;
      x2 = a + g * (b - a);
      f2 = f(x2);
    }
  }
  const mid = (a + b) / 2;
  return f(mid) <= bestF ? mid : bestX;
}
