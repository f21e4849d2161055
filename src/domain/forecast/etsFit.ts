/**
 * Fitting one ETS model by maximum likelihood, as R's forecast::ets does: initial states from R's `initstate`
 * heuristic (mean or regression on the first max(10, 2m) seasonally adjusted values; a classical decomposition of
 * the first three years for the season), starting parameters from R's `initparam`, then Nelder–Mead over the
 * smoothing parameters and the initial states together, inside R's "usual" bounds α ∈ [1e-4, 0.9999],
 * β ∈ [1e-4, α], γ ∈ [1e-4, 1 − α], φ ∈ [0.8, 0.98]. σ² = SSE/(n − k), AICc = lik + 2(k+1) + 2(k+1)(k+2)/(n − k − 2),
 * k = number of estimated parameters (R's etsmodel: np = length(par) + 1 in the criteria).
 * Prediction intervals: analytic for the linear models and for multiplicative error without a multiplicative
 * season (classes 1 and 2 of Hyndman et al. 2008, ch. 6, normal as R gives them), simulated (5,000 seeded sample
 * paths) for a multiplicative season.
 */
import { additiveSeasonal, multiplicativeSeasonal } from './decompose';
import { classTwoVariances, etsRecursion, isClassTwo, isLinear, linearVariances, pointForecast, runEts, specName, type EtsParams, type EtsRun, type EtsSpec } from './etsModel';
import { failure, normalIntervals, type ModelForecast, type ModelResult } from './model';
import { nelderMead, simplexSearch, type SimplexSearch } from './nelderMead';
import { quantileSorted, seededNormal } from './random';

export interface EtsFit {
  spec: EtsSpec;
  params: EtsParams;
  run: EtsRun;
  sigma2: number;
  aicc: number;
  /** Number of estimated parameters (smoothing parameters and initial states). */
  k: number;
}

const PENALTY = 1e12;
/** optim()'s default relative tolerance, sqrt(.Machine$double.eps), which R's ets leaves in place. */
export const R_RELTOL = 1.4901161193847656e-8;
/** R's ets default maxit. */
export const R_MAXIT = 2000;

/**
 * A constant series: every model's likelihood is degenerate (zero errors), so — as R's ets does for a constant
 * series — the answer is simple exponential smoothing at the constant, with zero variance.
 */
function constantFit(y: readonly number[]): EtsFit {
  const level = y[0] ?? 0;
  const spec: EtsSpec = { error: 'A', trend: 'N', season: 'N', m: 1 };
  const params: EtsParams = { alpha: 0.9999, beta: 0, gamma: 0, phi: 1, level, slope: 0, seasonal: [] };
  return { spec, params, run: { lik: Number.NEGATIVE_INFINITY, sse: 0, errors: y.map(() => 0), level, slope: 0, seasonal: [] }, sigma2: 0, aicc: Number.NEGATIVE_INFINITY, k: 2 };
}

export function isConstant(y: readonly number[]): boolean {
  return y.length > 0 && y.every((v) => v === y[0]);
}

/** Fits one model; null when it cannot be fitted (too few data for its parameters, non-positive data, no finite fit). */
export interface FitOptions {
  /**
   * 'r' (default): one Nelder–Mead search over smoothing parameters and initial states together from R's starting
   * values, as R's ets does — on M3 its forecasts are the better ones, because R's starting point and early stop act
   * as a regulariser. 'best': search harder for the likelihood optimum (states profiled out by least squares, several
   * starts, restarts) — reaches optima at least as good as R's (see test/forecastReference.test.ts) but overfits
   * short series more often.
   */
  search?: 'r' | 'best';
}

/** One model's likelihood search set up: the objective over the (transformed) parameters, R's start and steps. */
export interface EtsProblem {
  spec: EtsSpec;
  y: readonly number[];
  /** Number of estimated parameters. */
  k: number;
  nParams: number;
  start: number[];
  steps: number[];
  objective: (x: ArrayLike<number>) => number;
  decode: (x: ArrayLike<number>) => EtsParams;
  startFractions: (alphaFraction: number) => number[];
}

export function fitEts(y: readonly number[], spec: EtsSpec, opts: FitOptions = {}): EtsFit | null {
  if (isConstant(y)) return spec.error === 'A' && spec.trend === 'N' && spec.season === 'N' ? constantFit(y) : null;
  const problem = etsProblem(y, spec);
  if (!problem) return null;
  if ((opts.search ?? 'r') === 'r') {
    const search = simplexSearch(problem.objective, problem.start, problem.steps);
    search.run(R_MAXIT, R_RELTOL);
    return finishFit(problem, search.best());
  }
  return finishFit(problem, searchHarder(problem));
}

/**
 * The search R's ets makes for one model, started but not run: the automatic search (etsAuto.ts) runs every
 * candidate to a loose tolerance first and finishes only those that can still win. null when the model cannot be
 * fitted to y (too few data for its parameters, non-positive data for a multiplicative part).
 */
export function startEtsSearch(y: readonly number[], spec: EtsSpec): { problem: EtsProblem; search: SimplexSearch } | null {
  const problem = etsProblem(y, spec);
  return problem ? { problem, search: simplexSearch(problem.objective, problem.start, problem.steps) } : null;
}

/** AICc from −2 log L (R's lik) with k estimated parameters on n observations (σ² counted as one more). */
export function aiccOf(lik: number, k: number, n: number): number {
  const kk = k + 1;
  const aic = lik + 2 * kk;
  return n - kk - 1 > 0 ? aic + (2 * kk * (kk + 1)) / (n - kk - 1) : Number.POSITIVE_INFINITY;
}

/** The fitted model at the optimum a search found; null when it found no finite likelihood. */
export function finishFit(problem: EtsProblem, best: { x: number[]; value: number }): EtsFit | null {
  const { spec, y, k } = problem;
  const n = y.length;
  if (!(best.value < PENALTY)) return null;
  const params = problem.decode(best.x);
  const run = runEts(spec, params, y);
  const sigma2 = run.sse / (n - k);
  return { spec, params, run, sigma2, aicc: aiccOf(run.lik, k, n), k };
}

function etsProblem(y: readonly number[], spec: EtsSpec): EtsProblem | null {
  const n = y.length;
  const m = spec.season === 'N' ? 1 : spec.m;
  const multiplicative = spec.error === 'M' || spec.season === 'M';
  if (multiplicative && y.some((v) => !(v > 0))) return null;
  if (spec.season !== 'N' && (m < 2 || n < 2 * m + 2)) return null;
  const init = initialStates(y, spec);
  const hasB = spec.trend !== 'N';
  const hasG = spec.season !== 'N';
  const hasPhi = spec.trend === 'Ad';
  const k = 1 + (hasB ? 1 : 0) + (hasG ? 1 : 0) + (hasPhi ? 1 : 0) + 1 + (hasB ? 1 : 0) + (hasG ? m - 1 : 0);
  if (k >= n - 1) return null; // R's etsmodel: "Not enough data to continue"

  // The smoothing parameters are searched on the logit scale of their bounds — α = lo + (hi − lo)·σ(z), β within
  // [1e-4, α], γ within [1e-4, 1 − α], φ within [0.8, 0.98] — so the simplex never meets a wall; the bounds are R's.
  // Starting values are R's initparam: α at 0.2/m of its range, β at 0.1, γ at 0.05, φ at 0.99 of theirs.
  const startFractions = (alphaFraction: number): number[] => {
    const z = [logit(alphaFraction / m)];
    if (hasB) z.push(logit(0.1));
    if (hasG) z.push(logit(0.05));
    if (hasPhi) z.push(logit(0.99));
    return z;
  };
  const start: number[] = startFractions(0.2);
  const nParams = start.length;
  start.push(init.level);
  if (hasB) start.push(init.slope);
  if (hasG) start.push(...init.seasonal.slice(0, m - 1));

  const decode = (x: ArrayLike<number>): EtsParams => {
    let i = 0;
    const alpha = 1e-4 + (0.9999 - 1e-4) * sigmoid(x[i++] ?? 0);
    const beta = hasB ? 1e-4 + (alpha - 1e-4) * sigmoid(x[i++] ?? 0) : 0;
    const gamma = hasG ? 1e-4 + (1 - alpha - 2e-4) * sigmoid(x[i++] ?? 0) : 0;
    const phi = hasPhi ? 0.8 + 0.18 * sigmoid(x[i++] ?? 0) : 1;
    const level = x[i++] ?? 0;
    const slope = hasB ? (x[i++] ?? 0) : 0;
    const seasonal = hasG ? Array.from({ length: m - 1 }, (_, k) => x[i + k] ?? 0) : [];
    if (hasG) {
      const sum = seasonal.reduce((a, b) => a + b, 0);
      seasonal.push(spec.season === 'M' ? m - sum : -sum);
    }
    return { alpha, beta, gamma, phi, level, slope, seasonal };
  };
  // The objective decodes x as `decode` does, into reused buffers: it runs hundreds of times per model. The decoding
  // is written out twice on purpose, to keep the hot path free of calls and buffer reads (a shared helper was tried;
  // its M3 run was slower, though within this machine's run-to-run noise) — keep the two in step when changing bounds.
  const ring = new Float64Array(m);
  const out = new Float64Array(5);
  const yy = Float64Array.from(y);
  const objective = (x: ArrayLike<number>): number => {
    let i = 0;
    const alpha = 1e-4 + (0.9999 - 1e-4) * sigmoid(x[i++] ?? 0);
    const beta = hasB ? 1e-4 + (alpha - 1e-4) * sigmoid(x[i++] ?? 0) : 0;
    const gamma = hasG ? 1e-4 + (1 - alpha - 2e-4) * sigmoid(x[i++] ?? 0) : 0;
    const phi = hasPhi ? 0.8 + 0.18 * sigmoid(x[i++] ?? 0) : 1;
    const level = x[i++] ?? 0;
    const slope = hasB ? (x[i++] ?? 0) : 0;
    if (hasG) {
      let sum = 0;
      for (let k = 0; k < m - 1; k++) {
        const v = x[i + k] ?? 0;
        ring[k] = v;
        sum += v;
      }
      ring[m - 1] = spec.season === 'M' ? m - sum : -sum;
      if (spec.season === 'M') for (let k = 0; k < m; k++) if (!((ring[k] ?? 0) > 0)) return PENALTY;
    } else ring[0] = 0;
    etsRecursion(spec, alpha, beta, gamma, phi, level, slope, ring, yy, null, out);
    const lik = out[0] ?? Number.NaN;
    return Number.isFinite(lik) ? lik : PENALTY;
  };
  const steps = start.map((v, i) => (i < nParams ? 1 : 0.1 * Math.max(Math.abs(v), 1e-3)));
  return { spec, y, k, nParams, start, steps, objective, decode, startFractions };
}

/** The 'best' search of FitOptions: harder than R's, see there. */
function searchHarder(problem: EtsProblem): { x: number[]; value: number } {
  const { spec, y, nParams, start, steps, objective, decode, startFractions } = problem;
  const m = spec.season === 'N' ? 1 : spec.m;
  let best: { x: number[]; value: number };
  if (spec.season !== 'N') {
    // Seasonal models: Nelder–Mead over parameters and states together (as R), from least-squares initial states
    // for the starting parameters when the season is additive.
    const from = spec.season === 'A' ? [...start.slice(0, nParams), ...leastSquaresStates(spec, decode(start), y)] : start;
    best = nelderMead(objective, from, steps, 2000);
    // Restarts from the optimum guard against Nelder–Mead's early collapse of the simplex in many dimensions.
    for (let restart = 0; restart < 4; restart++) {
      const again = nelderMead(objective, best.x, steps, 1000);
      const gain = best.value - again.value;
      if (gain > 0) best = again;
      if (!(gain > 1e-6 * Math.abs(best.value))) break;
    }
  } else {
    // The states evolve linearly in the initial states when no component is multiplicative (the error type only
    // changes the likelihood), so for given smoothing parameters the initial states minimising the squared
    // one-step errors are a least-squares solution. Search only the smoothing parameters, profiling the states out:
    // exact for additive errors, and a start for a final joint polish for multiplicative ones.
    const withStates = (sm: ArrayLike<number>): number[] => {
      const probe = decode([...Array.from(sm), ...start.slice(nParams)]);
      return [...Array.from(sm), ...leastSquaresStates(spec, probe, y)];
    };
    // Several starting α (R's, then 0.5 and 0.9 of the range): the profile likelihood is often bimodal in α.
    let profile = { x: start.slice(0, nParams), value: Number.POSITIVE_INFINITY };
    for (const fraction of [0.2, 0.5 * m, 0.9 * m]) {
      const run = nelderMead((sm) => objective(withStates(sm)), startFractions(Math.min(fraction, 0.95 * m)), steps.slice(0, nParams), 1000);
      if (run.value < profile.value) profile = run;
    }
    best = { x: withStates(profile.x), value: objective(withStates(profile.x)) };
    if (spec.error === 'M') {
      const polish = nelderMead(objective, best.x, steps, 2000);
      if (polish.value < best.value) best = polish;
    }
  }
  return best;
}

/**
 * The initial states [ℓ0, b0?, s…] (m − 1 free seasonal states, the last one making them sum to 0) that minimise
 * Σ(y_t − ŷ_t)² for given smoothing parameters: ŷ is affine in the initial states, so one run from zero states and
 * one per state give the design matrix of an ordinary least-squares problem.
 */
function leastSquaresStates(spec: EtsSpec, p: EtsParams, y: readonly number[]): number[] {
  const m = spec.season === 'N' ? 1 : spec.m;
  const nStates = 1 + (spec.trend !== 'N' ? 1 : 0) + (spec.season !== 'N' ? m - 1 : 0);
  const additive: EtsSpec = { ...spec, error: 'A' };
  const at = (x: readonly number[]): number[] => {
    let i = 0;
    const level = x[i++] ?? 0;
    const slope = spec.trend !== 'N' ? (x[i++] ?? 0) : 0;
    const seasonal = spec.season !== 'N' ? x.slice(i, i + m - 1) : [];
    if (spec.season !== 'N') seasonal.push(-seasonal.reduce((a, b) => a + b, 0));
    return runEts(additive, { ...p, level, slope, seasonal }, y).errors;
  };
  const zero = Array<number>(nStates).fill(0);
  const r = at(zero);
  // e = r + C·x, columns C_k = e(unit_k) − r; minimise |r + Cx|² ⇒ (CᵀC)x = −Cᵀr.
  const cols = Array.from({ length: nStates }, (_, k) => {
    const unit = [...zero];
    unit[k] = 1;
    return at(unit).map((v, t) => v - (r[t] ?? 0));
  });
  const a = cols.map((ci) => cols.map((cj) => dot(ci, cj)));
  const b = cols.map((ci) => -dot(ci, r));
  return solve(a, b) ?? zero;
}

function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] ?? 0) * (b[i] ?? 0);
  return s;
}

/** Gaussian elimination with partial pivoting; null when the system is singular. */
export function solve(a: number[][], b: number[]): number[] | null {
  const n = b.length;
  const M = a.map((row, i) => [...row, b[i] ?? 0]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]?.[c] ?? 0) > Math.abs(M[piv]?.[c] ?? 0)) piv = r;
    const pr = M[piv];
    const cr = M[c];
    if (!pr || !cr || Math.abs(pr[c] ?? 0) < 1e-12 * (1 + Math.abs(cr[c] ?? 0))) return null;
    M[piv] = cr;
    M[c] = pr;
    for (let r = 0; r < n; r++) {
      const row = M[r];
      if (r === c || !row) continue;
      const f = (row[c] ?? 0) / (pr[c] ?? 1);
      if (f !== 0) for (let k = c; k <= n; k++) row[k] = (row[k] ?? 0) - f * (pr[k] ?? 0);
    }
  }
  return M.map((row, i) => (row[n] ?? 0) / (row[i] ?? 1));
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const logit = (p: number) => Math.log(p / (1 - p));

/** R's initstate heuristic. */
function initialStates(y: readonly number[], spec: EtsSpec): { level: number; slope: number; seasonal: number[] } {
  const m = spec.season === 'N' ? 1 : spec.m;
  let adjusted = [...y];
  let seasonal: number[] = [];
  if (spec.season !== 'N') {
    const first = y.slice(0, Math.min(y.length, 3 * m));
    const figure = spec.season === 'A' ? additiveSeasonal(first, m) : multiplicativeSeasonal(first, m).map((f) => Math.max(f, 1e-2));
    // seasonal[k] applies to position m − 1 − k (seasonal[m − 1] to the first observation).
    seasonal = Array.from({ length: m }, (_, k2) => figure[m - 1 - k2] ?? (spec.season === 'A' ? 0 : 1));
    adjusted = y.map((v, t) => (spec.season === 'A' ? v - (figure[t % m] ?? 0) : v / (figure[t % m] ?? 1)));
  }
  const maxn = Math.min(Math.max(10, 2 * m), adjusted.length);
  const head = adjusted.slice(0, maxn);
  if (spec.trend === 'N') return { level: head.reduce((a, b) => a + b, 0) / maxn, slope: 0, seasonal };
  // Least squares of y on t = 1..maxn: l0 is the intercept (t = 0), b0 the slope.
  const tMean = (maxn + 1) / 2;
  const yMean = head.reduce((a, b) => a + b, 0) / maxn;
  let sxy = 0;
  let sxx = 0;
  head.forEach((v, i) => {
    sxy += (i + 1 - tMean) * (v - yMean);
    sxx += (i + 1 - tMean) ** 2;
  });
  let slope = sxx > 0 ? sxy / sxx : 0;
  let level = yMean - slope * tMean;
  if (Math.abs(level + slope) < 1e-8) {
    level *= 1 + 1e-3;
    slope *= 1 - 1e-3;
  }
  return { level, slope, seasonal };
}

/** Forecasts h steps from a fitted model, with 80% and 95% intervals. */
export function forecastEts(fit: EtsFit, h: number): ModelForecast {
  const name = specName(fit.spec);
  const point = pointForecast(fit.spec, fit.params, fit.run, h);
  if (isLinear(fit.spec)) {
    return normalIntervals(name, point, linearVariances(fit.spec, fit.params, fit.sigma2, h).map(Math.sqrt));
  }
  if (isClassTwo(fit.spec)) {
    return normalIntervals(name, point, classTwoVariances(fit.spec, fit.params, fit.sigma2, point).map((v) => Math.sqrt(Math.max(0, v))));
  }
  const paths = simulate(fit, h, 5000);
  const q = (p: number) => paths.map((col) => quantileSorted(col, p));
  return { ok: true, model: name, point, lo80: q(0.1), hi80: q(0.9), lo95: q(0.025), hi95: q(0.975) };
}

/** Sample paths from the fitted model's own equations with Gaussian errors; returns sorted values per horizon. */
function simulate(fit: EtsFit, h: number, count: number): number[][] {
  const { spec, params: p } = fit;
  const m = spec.season === 'N' ? 1 : spec.m;
  const sigma = Math.sqrt(fit.sigma2);
  const draw = seededNormal(20080101);
  const cols = Array.from({ length: h }, () => new Float64Array(count));
  // The seasonal states as a ring buffer (state k periods back at ring[(head + k) % m]), reset for every path.
  const ring = new Float64Array(m);
  for (let path = 0; path < count; path++) {
    let level = fit.run.level;
    let slope = fit.run.slope;
    for (let k = 0; k < m; k++) ring[k] = fit.run.seasonal[k] ?? 0;
    let head = 0;
    for (let j = 0; j < h; j++) {
      const phib = spec.trend === 'N' ? 0 : (spec.trend === 'Ad' ? p.phi : 1) * slope;
      const q = level + phib;
      const oldIndex = (head + m - 1) % m;
      const old = spec.season === 'N' ? 0 : (ring[oldIndex] ?? 0);
      const mean = spec.season === 'A' ? q + old : spec.season === 'M' ? q * old : q;
      const e = sigma * draw();
      const v = spec.error === 'M' ? mean * (1 + e) : mean + e;
      const col = cols[j];
      if (col) col[path] = v;
      const deseason = spec.season === 'A' ? v - old : spec.season === 'M' ? v / old : v;
      const newLevel = q + p.alpha * (deseason - q);
      if (spec.trend !== 'N') slope = phib + (p.beta / p.alpha) * (newLevel - level - phib);
      if (spec.season !== 'N') {
        ring[oldIndex] = old + p.gamma * ((spec.season === 'A' ? v - q : v / q) - old);
        head = oldIndex;
      }
      level = newLevel;
    }
  }
  return cols.map((c) => Array.from(c.sort()));
}

/** Fits and forecasts one fixed model (as R's ets(y, model = "AAN", damped = FALSE)). */
export function etsForecast(y: readonly number[], h: number, spec: EtsSpec): ModelResult {
  const fit = fitEts(y, spec);
  if (!fit) return failure(specName(spec), `模型 ${specName(spec)} 无法拟合（数据过少或含非正值）`, `${specName(spec)} cannot be fitted (too few observations or non-positive values)`);
  return forecastEts(fit, h);
}
