/**
 * The exponential smoothing state space models ETS(error, trend, season) of Hyndman, Koehler, Ord & Snyder (2008,
 * "Forecasting with Exponential Smoothing", Springer), ch. 2 Table 2.1, computed the way R's forecast::ets does
 * (its C routines etscalc/update/forecast):
 *   q_t = ℓ_{t−1} (+ φ·b_{t−1} with a trend);  ŷ_t = q_t + s_{t−m} (additive season) or q_t·s_{t−m} (multiplicative);
 *   ℓ_t = q_t + α(p_t − q_t), p_t = y_t deseasonalised;  b_t = φb_{t−1} + (β/α)(ℓ_t − ℓ_{t−1} − φb_{t−1});
 *   s_t = s_{t−m} + γ(y_t/q_t or y_t − q_t − s_{t−m});
 *   error e_t = y_t − ŷ_t (additive) or (y_t − ŷ_t)/ŷ_t (multiplicative);
 *   −2·log L (up to a constant) = n·log Σe_t² (+ 2·Σ log|ŷ_t| for multiplicative error).
 * Multiplicative trends are left out, as R's ets does by default (allow.multiplicative.trend = FALSE).
 */
export type ErrorType = 'A' | 'M';
export type TrendType = 'N' | 'A' | 'Ad';
export type SeasonType = 'N' | 'A' | 'M';

export interface EtsSpec {
  error: ErrorType;
  trend: TrendType;
  season: SeasonType;
  /** Periods per year (1 annual, 4 quarterly, 12 monthly); 1 when season is N. */
  m: number;
}

export interface EtsParams {
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
  level: number;
  slope: number;
  /** Initial seasonal states; seasonal[m − 1] applies to the first observation, seasonal[0] to the m-th. */
  seasonal: number[];
}

export interface EtsRun {
  /** −2 log-likelihood up to a constant, as R's ets reports `lik`. */
  lik: number;
  sse: number;
  errors: number[];
  /** States after the last observation. */
  level: number;
  slope: number;
  seasonal: number[];
}

export function specName(s: EtsSpec): string {
  return `ETS(${s.error},${s.trend},${s.season})`;
}

/** One pass of the recursion over y from the initial states. */
export function runEts(spec: EtsSpec, p: EtsParams, y: readonly number[]): EtsRun {
  const m = spec.season === 'N' ? 1 : spec.m;
  const ring = new Float64Array(m);
  for (let k = 0; k < m; k++) ring[k] = p.seasonal[k] ?? 0;
  const errors: number[] = new Array<number>(y.length);
  const out = new Float64Array(5);
  etsRecursion(spec, p.alpha, p.beta, p.gamma, p.phi, p.level, p.slope, ring, y, errors, out);
  const head = out[4] ?? 0;
  const seasonal = Array.from({ length: m }, (_, k) => ring[(head + k) % m] ?? 0);
  return { lik: out[0] ?? Number.NaN, sse: out[1] ?? Number.NaN, errors, level: out[2] ?? Number.NaN, slope: out[3] ?? Number.NaN, seasonal: spec.season === 'N' ? [] : seasonal };
}

/**
 * The recursion itself, shared by runEts and the optimiser's objective (which calls it hundreds of times per model
 * and so passes reused buffers and no error array): `ring` holds the initial seasonal states on entry — ring[k] is
 * the state k periods back — and is updated in place; `out` receives [lik, sse, level, slope, head], the final
 * seasonal state k periods back being ring[(head + k) % m].
 */
export function etsRecursion(
  spec: EtsSpec,
  alpha: number,
  beta: number,
  gamma: number,
  phiIn: number,
  level0: number,
  slope0: number,
  ring: Float64Array,
  y: ArrayLike<number>,
  errors: number[] | null,
  out: Float64Array,
): void {
  let level = level0;
  let slope = slope0;
  const m = spec.season === 'N' ? 1 : spec.m;
  const hasTrend = spec.trend !== 'N';
  const season = spec.season;
  const multError = spec.error === 'M';
  let head = 0;
  const phi = spec.trend === 'Ad' ? phiIn : 1;
  const ratio = hasTrend ? beta / alpha : 0;
  let sse = 0;
  let logSum = 0;
  // Σ log|ŷ_t| as the log of a running product, renormalised before it can over- or underflow: one Math.log per
  // ~100 steps instead of one per step (the log was the recursion's dearest operation).
  let product = 1;
  const n = y.length;
  for (let t = 0; t < n; t++) {
    const v = y[t] ?? 0;
    const phib = hasTrend ? phi * slope : 0;
    const q = level + phib;
    // (head + m − 1) mod m without the division: the oldest state's slot moves back one place each period.
    const oldIndex = head === 0 ? m - 1 : head - 1;
    const old = season === 'N' ? 0 : (ring[oldIndex] ?? 0);
    const fitted = season === 'A' ? q + old : season === 'M' ? q * old : q;
    let e = v - fitted;
    if (multError) {
      e /= fitted;
      product *= Math.abs(fitted);
      if (!(product < 1e150 && product > 1e-150)) {
        logSum += Math.log(product);
        product = 1;
      }
    }
    if (errors) errors[t] = e;
    sse += e * e;
    const deseason = season === 'A' ? v - old : season === 'M' ? v / old : v;
    const newLevel = q + alpha * (deseason - q);
    if (hasTrend) slope = phib + ratio * (newLevel - level - phib);
    if (season !== 'N') {
      const target = season === 'A' ? v - q : v / q;
      // The oldest state leaves, the new one becomes the newest: it takes the oldest's slot.
      ring[oldIndex] = old + gamma * (target - old);
      head = oldIndex;
    }
    level = newLevel;
  }
  out[0] = n * Math.log(sse) + (multError ? 2 * (logSum + Math.log(product)) : 0);
  out[1] = sse;
  out[2] = level;
  out[3] = slope;
  out[4] = head;
}

/** Point forecasts 1..h from the final states (the recursion without noise). */
export function pointForecast(spec: EtsSpec, p: Pick<EtsParams, 'phi'>, state: Pick<EtsRun, 'level' | 'slope' | 'seasonal'>, h: number): number[] {
  const m = spec.season === 'N' ? 1 : spec.m;
  const out: number[] = [];
  let damp = 0;
  for (let j = 1; j <= h; j++) {
    damp += spec.trend === 'Ad' ? p.phi ** j : 1;
    const trend = spec.trend === 'N' ? state.level : state.level + damp * state.slope;
    const s = state.seasonal[m - 1 - ((j - 1) % m)] ?? 0;
    out.push(spec.season === 'A' ? trend + s : spec.season === 'M' ? trend * s : trend);
  }
  return out;
}

/** Whether a model is in class 1 (additive error, no multiplicative part): its intervals are analytic. */
export function isLinear(spec: EtsSpec): boolean {
  return spec.error === 'A' && spec.season !== 'M';
}

/**
 * Forecast variances for the linear (class 1) models, Hyndman et al. (2008) Table 6.1 / eq. 6.1:
 * v_h = σ²·(1 + Σ_{j=1}^{h−1} c_j²), c_j = α + β·Σ_{i=1}^{j} φ^i (β·j undamped) + γ·[j mod m = 0].
 */
export function linearVariances(spec: EtsSpec, p: EtsParams, sigma2: number, h: number): number[] {
  const out: number[] = [];
  let acc = 1;
  let damp = 0;
  for (let j = 1; j <= h; j++) {
    out.push(sigma2 * acc);
    damp += spec.trend === 'Ad' ? p.phi ** j : 1;
    const c = p.alpha + (spec.trend === 'N' ? 0 : p.beta * damp) + (spec.season !== 'N' && j % spec.m === 0 ? p.gamma : 0);
    acc += c * c;
  }
  return out;
}

/** Class 2 of Hyndman et al. (2008, §6.3): multiplicative error, no multiplicative trend or season. */
export function isClassTwo(spec: EtsSpec): boolean {
  return spec.error === 'M' && spec.season !== 'M';
}

/**
 * Forecast variances for class 2 models (Hyndman et al. 2008, eq. 6.4, as R's forecast.ets computes them):
 * v_h = (1 + σ²)·θ_h − μ_h², θ_1 = μ_1², θ_h = μ_h² + σ²·Σ_{j=1}^{h−1} c_j²·θ_{h−j}, μ_h the point forecast and
 * c_j as for the linear models.
 */
export function classTwoVariances(spec: EtsSpec, p: EtsParams, sigma2: number, mu: readonly number[]): number[] {
  const c: number[] = [];
  let damp = 0;
  for (let j = 1; j < mu.length; j++) {
    damp += spec.trend === 'Ad' ? p.phi ** j : 1;
    c.push(p.alpha + (spec.trend === 'N' ? 0 : p.beta * damp) + (spec.season !== 'N' && j % spec.m === 0 ? p.gamma : 0));
  }
  const theta: number[] = [];
  const out: number[] = [];
  mu.forEach((m, i) => {
    let t = m * m;
    for (let j = 1; j <= i; j++) t += sigma2 * (c[j - 1] ?? 0) ** 2 * (theta[i - j] ?? 0);
    theta.push(t);
    out.push((1 + sigma2) * t - m * m);
  });
  return out;
}
