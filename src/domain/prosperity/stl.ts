/**
 * STL: Seasonal-Trend decomposition by Loess (R. B. Cleveland, W. S. Cleveland, J. E. McRae and I. Terpenning,
 * "STL: A Seasonal-Trend Decomposition Procedure Based on Loess", Journal of Official Statistics 6(1), 1990), with
 * the defaults and conventions of R's `stats::stl()` so that our decomposition equals R's (test/stlReference.test.ts,
 * fixtures from test/fixtures/r/make-stl-fixtures.R):
 *
 * - inner loop (paper §2.2): detrend; smooth each cycle-subseries by loess, extended one period at both ends; low-pass
 *   filter that (moving averages of lengths np, np, 3, then loess) and subtract it to get the seasonal; deseasonalise
 *   and smooth by loess to get the trend;
 * - outer loop (§2.3): robustness weights from the remainder by Tukey's bisquare of |r| / (6 · median|r|);
 * - loess evaluated every `jump` points and linearly interpolated between (§2.5);
 * - R's defaults: s.degree 0, t.degree 1, l.degree = t.degree, l.window = the odd number next to the period,
 *   t.window = nextodd(ceiling(1.5 · period / (1 − 1.5 / s.window))), jumps ceiling(window / 10), 2 inner and no
 *   outer iterations (robust: 1 inner, 15 outer); `'periodic'` sets s.window = 10n + 1, s.degree = 0 and replaces
 *   the seasonal by its mean at each position of the cycle afterwards.
 *
 * Positions are 1-based in the formulas (the loess abscissa of the k-th value is k), as in the paper.
 */

import { partialSort } from './partialSort';

export type StlDegree = 0 | 1;

export interface StlOptions {
  /** Observations per cycle (12 monthly, 4 quarterly); at least 2. */
  period: number;
  /** Span of the seasonal smoother (odd, ≥ 7 recommended), or 'periodic' for a fixed seasonal pattern. */
  sWindow: number | 'periodic';
  sDegree?: StlDegree;
  tWindow?: number;
  tDegree?: StlDegree;
  lWindow?: number;
  lDegree?: StlDegree;
  sJump?: number;
  tJump?: number;
  lJump?: number;
  robust?: boolean;
  inner?: number;
  outer?: number;
  /**
   * Robustness weights from the true median |residual|. By default the median is found as R's stl() finds it (a
   * partial sort that now and then stops one value short: partialSort.ts), so that robust fits equal R's.
   */
  exactMedian?: boolean;
}

export interface StlResult {
  seasonal: number[];
  trend: number[];
  remainder: number[];
  /** Robustness weights (all 1 without outer iterations). */
  weights: number[];
  /** The spans, degrees and jumps actually used (as R's `win`, `deg`, `jump`). */
  used: { sWindow: number; tWindow: number; lWindow: number; sDegree: StlDegree; tDegree: StlDegree; lDegree: StlDegree; sJump: number; tJump: number; lJump: number; inner: number; outer: number };
}

/** R's nextodd(): round half to even, then up to the next odd integer. */
function nextOdd(x: number): number {
  let r = Math.round(x);
  // Math.round rounds halves up; R's round() rounds them to even.
  if (Math.abs(x % 1) === 0.5 && r % 2 !== 0) r -= 1;
  return r % 2 === 0 ? r + 1 : r;
}

/** Spans must be odd and at least 3 (the smoother needs a centre and a neighbour on each side). */
const oddSpan = (s: number) => {
  const v = Math.max(3, Math.trunc(s));
  return v % 2 === 0 ? v + 1 : v;
};

/**
 * Decomposes y = seasonal + trend + remainder.
 *
 * @example
 * const { seasonal, trend } = stl(monthlySeries, { period: 12, sWindow: 'periodic' });
 */
export function stl(y: readonly number[], opts: StlOptions): StlResult {
  const n = y.length;
  const period = Math.trunc(opts.period);
  if (period < 2 || n <= 2 * period) throw new RangeError(`STL needs a period of at least 2 and more than two full cycles (period ${period}, ${n} values)`);
  if (!y.every(Number.isFinite)) throw new RangeError('STL needs a complete series: every value a finite number');
  const periodic = opts.sWindow === 'periodic';
  const sWindow = periodic ? 10 * n + 1 : (opts.sWindow as number);
  const sDegree: StlDegree = periodic ? 0 : (opts.sDegree ?? 0);
  const tDegree: StlDegree = opts.tDegree ?? 1;
  const lDegree: StlDegree = opts.lDegree ?? tDegree;
  const tWindow = opts.tWindow ?? nextOdd(Math.ceil((1.5 * period) / (1 - 1.5 / sWindow)));
  const lWindow = opts.lWindow ?? nextOdd(period);
  const robust = opts.robust ?? false;
  const used = {
    sWindow, tWindow, lWindow, sDegree, tDegree, lDegree,
    sJump: opts.sJump ?? Math.ceil(sWindow / 10),
    tJump: opts.tJump ?? Math.ceil(tWindow / 10),
    lJump: opts.lJump ?? Math.ceil(lWindow / 10),
    inner: opts.inner ?? (robust ? 1 : 2),
    outer: opts.outer ?? (robust ? 15 : 0),
  };
  const spans = { s: oddSpan(sWindow), t: oddSpan(tWindow), l: oddSpan(lWindow) };

  const trend = new Float64Array(n);
  const seasonal = new Float64Array(n);
  const weights = new Float64Array(n).fill(1);
  const ws = workspaceFor(n, period);
  // The series as a typed array: the passes read it as often as their own scratch arrays.
  ws.y.set(y);
  // No robustness weights yet: every point weighs 1 (a weight of 1 multiplies exactly, so the first pass is R's).
  let robustWeights: Float64Array = ws.ones;
  for (let pass = 0; ; pass++) {
    innerLoop(ws.y, period, spans, used, robustWeights, seasonal, trend, ws);
    if (pass >= used.outer) break;
    const fit = ws.fit;
    for (let i = 0; i < n; i++) fit[i] = (trend[i] ?? 0) + (seasonal[i] ?? 0);
    bisquareWeights(ws.y, fit, weights, opts.exactMedian === true, ws);
    robustWeights = weights;
  }
  if (used.outer <= 0) weights.fill(1);

  const s = Array.from(seasonal);
  if (periodic) {
    // A fixed pattern: the seasonal at each position of the cycle is the mean of the smoothed values there.
    for (let p = 0; p < period; p++) {
      let sum = 0;
      let count = 0;
      for (let i = p; i < n; i += period) {
        sum += s[i] ?? 0;
        count++;
      }
      for (let i = p; i < n; i += period) s[i] = sum / count;
    }
  }
  const t = Array.from(trend);
  return { seasonal: s, trend: t, remainder: y.map((v, i) => v - (s[i] ?? 0) - (t[i] ?? 0)), weights: Array.from(weights), used };
}

/**
 * Tricube weights by distance, one table per window half-width h: positions are integers, so a distance r is an
 * integer and its weight (1 − (r/h)³)³ the same in every window of that width — looked up instead of computed for
 * every point of every fit (a robust fit runs 16 passes; the arithmetic was most of its time). Kept for the process
 * (a table depends on h alone) up to a half-width of CACHED_H; wider windows (a periodic seasonal's 10n + 1) get a
 * table of the distances the series can have, made for the call.
 */
const CACHED_H = 2048;
const tricubeTables: Array<Float64Array | undefined> = [];
function tricubeTable(h: number, maxR: number): Float64Array {
  const cached = h <= CACHED_H ? tricubeTables[h] : undefined;
  if (cached) return cached;
  const h1 = 0.001 * h;
  const t = new Float64Array((h <= CACHED_H ? Math.floor(h) : Math.min(Math.floor(h), maxR)) + 1);
  for (let r = 0; r < t.length; r++) t[r] = tricube(r, h, h1);
  if (h <= CACHED_H) tricubeTables[h] = t;
  return t;
}

/**
 * The last workspace, kept for the next call of the same shape: a seasonal adjustment decomposes many series of one
 * length and period in a row, and eleven typed arrays per call were a tenth of a short series' time. Safe because
 * stl() is synchronous and every array is written before it is read in each call.
 */
let lastWorkspace: { n: number; period: number; ws: Workspace } | null = null;
function workspaceFor(n: number, period: number): Workspace {
  if (lastWorkspace !== null && lastWorkspace.n === n && lastWorkspace.period === period) return lastWorkspace.ws;
  const ws = new Workspace(n, period);
  lastWorkspace = { n, period, ws };
  return ws;
}

/** Scratch arrays reused across iterations (sized for the seasonal's two extra cycles). */
class Workspace {
  readonly y: Float64Array;
  /** Weights of 1 wherever a loess has no robustness weights (the low-pass filter, the first pass). */
  readonly ones: Float64Array;
  readonly detrended: Float64Array;
  readonly cycle: Float64Array;
  readonly lowPass: Float64Array;
  readonly ma: Float64Array;
  readonly smooth: Float64Array;
  readonly fit: Float64Array;
  readonly sub: Float64Array;
  readonly subWeights: Float64Array;
  readonly subSmooth: Float64Array;
  readonly residual: Float64Array;
  readonly sorted: Float64Array;
  constructor(n: number, period: number) {
    const long = n + 2 * period;
    this.y = new Float64Array(n);
    this.ones = new Float64Array(long).fill(1);
    this.detrended = new Float64Array(n);
    this.cycle = new Float64Array(long);
    this.lowPass = new Float64Array(long);
    this.ma = new Float64Array(long);
    this.smooth = new Float64Array(n);
    this.fit = new Float64Array(n);
    this.residual = new Float64Array(n);
    this.sorted = new Float64Array(n);
    const k = Math.ceil(n / period) + 2;
    this.sub = new Float64Array(k);
    this.subWeights = new Float64Array(k);
    this.subSmooth = new Float64Array(k);
  }
}

function innerLoop(
  y: Float64Array,
  period: number,
  spans: { s: number; t: number; l: number },
  used: StlResult['used'],
  rw: Float64Array,
  seasonal: Float64Array,
  trend: Float64Array,
  ws: Workspace,
): void {
  const n = y.length;
  for (let iter = 0; iter < used.inner; iter++) {
    for (let i = 0; i < n; i++) ws.detrended[i] = (y[i] ?? 0) - (trend[i] ?? 0);
    // 1. Cycle-subseries smoothing: C has n + 2·period values (one extra cycle at each end).
    smoothCycleSubseries(ws.detrended, n, period, spans.s, used.sDegree, used.sJump, rw, ws);
    // 2. Low-pass filter of C: moving averages of lengths period, period and 3, then loess.
    movingAverage(ws.cycle, n + 2 * period, period, ws.ma);
    movingAverage(ws.ma, n + period + 1, period, ws.lowPass);
    movingAverage(ws.lowPass, n + 2, 3, ws.ma);
    loessSmooth(ws.ma, n, spans.l, used.lDegree, used.lJump, ws.ones, ws.smooth);
    // 3. Detrending of the smoothed cycle-subseries gives the seasonal.
    for (let i = 0; i < n; i++) seasonal[i] = (ws.cycle[period + i] ?? 0) - (ws.smooth[i] ?? 0);
    // 4–6. Deseasonalise and smooth: the trend.
    for (let i = 0; i < n; i++) ws.detrended[i] = (y[i] ?? 0) - (seasonal[i] ?? 0);
    loessSmooth(ws.detrended, n, spans.t, used.tDegree, used.tJump, rw, trend);
  }
}

/**
 * Smooths each cycle-subseries (all Januaries, all Februaries …) by loess and extends it by one value before and
 * after, so that C covers positions −period+1 … n+period: written into ws.cycle (index 0 = the first extra value).
 */
function smoothCycleSubseries(x: Float64Array, n: number, period: number, span: number, degree: StlDegree, jump: number, rw: Float64Array, ws: Workspace): void {
  for (let p = 0; p < period; p++) {
    const k = Math.floor((n - 1 - p) / period) + 1;
    for (let i = 0; i < k; i++) {
      ws.sub[i] = x[i * period + p] ?? 0;
      ws.subWeights[i] = rw[i * period + p] ?? 0;
    }
    // The buffers are longer than k; every loess below reads positions 1..k only (no views: they cost more than
    // the arithmetic on short subseries).
    const sub = ws.sub;
    const subW = ws.subWeights;
    // Smoothed values at positions 1..k go to subSmooth[1..k]; the extensions at 0 and k+1 to [0] and [k+1].
    loessSmooth(sub, k, span, degree, jump, subW, ws.subSmooth, 1);
    const before = loessAt(sub, k, span, degree, 0, 1, Math.min(span, k), subW);
    ws.subSmooth[0] = before ?? (ws.subSmooth[1] ?? 0);
    const after = loessAt(sub, k, span, degree, k + 1, Math.max(1, k - span + 1), k, subW);
    ws.subSmooth[k + 1] = after ?? (ws.subSmooth[k] ?? 0);
    for (let m = 0; m < k + 2; m++) ws.cycle[m * period + p] = ws.subSmooth[m] ?? 0;
  }
}

/** Running mean of length len over x[0..n): n − len + 1 values. */
function movingAverage(x: Float64Array, n: number, len: number, out: Float64Array): void {
  let v = 0;
  for (let i = 0; i < len; i++) v += x[i] ?? 0;
  out[0] = v / len;
  for (let j = 1, add = len, drop = 0; j < n - len + 1; j++, add++, drop++) {
    v = v - (x[drop] ?? 0) + (x[add] ?? 0);
    out[j] = v / len;
  }
}

/**
 * Loess of y[0..n) at every position, evaluated every `jump` positions and linearly interpolated in between.
 * Where the local fit has no weight (all neighbours zero-weighted), the value itself is kept.
 */
function loessSmooth(y: Float64Array, n: number, span: number, degree: StlDegree, jump: number, rw: Float64Array, out: Float64Array, outOffset = 0): void {
  // Position i (1-based) is written to out[o + i].
  const o = outOffset - 1;
  if (n < 2) {
    out[o + 1] = y[0] ?? 0;
    return;
  }
  const step = Math.min(jump, n - 1);
  let left = 1;
  let right = n;
  if (span >= n) {
    for (let i = 1; i <= n; i += step) out[o + i] = loessAt(y, n, span, degree, i, left, right, rw) ?? (y[i - 1] ?? 0);
  } else if (step === 1) {
    const half = Math.floor((span + 1) / 2);
    right = span;
    for (let i = 1; i <= n; i++) {
      // The window slides with the point once the point is past its first half, until it reaches the end.
      if (i > half && right !== n) {
        left++;
        right++;
      }
      out[o + i] = loessAt(y, n, span, degree, i, left, right, rw) ?? (y[i - 1] ?? 0);
    }
  } else {
    const half = Math.floor((span + 1) / 2);
    for (let i = 1; i <= n; i += step) {
      if (i < half) {
        left = 1;
        right = span;
      } else if (i >= n - half + 1) {
        left = n - span + 1;
        right = n;
      } else {
        left = i - half + 1;
        right = span + i - half;
      }
      out[o + i] = loessAt(y, n, span, degree, i, left, right, rw) ?? (y[i - 1] ?? 0);
    }
  }
  if (step === 1) return;
  for (let i = 1; i <= n - step; i += step) {
    const a = out[o + i] ?? 0;
    const delta = ((out[o + i + step] ?? 0) - a) / step;
    for (let j = i + 1; j < i + step; j++) out[o + j] = a + delta * (j - i);
  }
  // The last evaluated position; the end point is fitted in the window of that last evaluation.
  const last = Math.floor((n - 1) / step) * step + 1;
  if (last !== n) {
    out[o + n] = loessAt(y, n, span, degree, n, left, right, rw) ?? (y[n - 1] ?? 0);
    if (last !== n - 1) {
      const a = out[o + last] ?? 0;
      const delta = ((out[o + n] ?? 0) - a) / (n - last);
      for (let j = last + 1; j < n; j++) out[o + j] = a + delta * (j - last);
    }
  }
}

/**
 * The loess fit at abscissa x (1-based) from the points left..right (1-based, inclusive): tricube weights on the
 * distance scaled by the farthest point of the window (widened when the span exceeds the series), times the
 * robustness weights; degree 1 adds a local linear term unless the points barely spread. Null when no point
 * carries weight.
 *
 * One pass gathers the weighted sums the fit needs, with positions taken relative to x (d = j − x) so that the
 * local variance does not cancel digits far along a long series:
 *   a = Σw, m = Σw·d / a, c = Σw·d² / a − m², fit = (Σw·y + (−m / c)(Σw·d·y − m·Σw·y)) / a
 * — the weighted mean plus the local slope times the distance of x from the weighted centre (R's Fortran does the
 * same in several passes; the results agree to rounding, 1e-11 on R's data). It is computed multiplied through by
 * a² (below), which needs one division.
 */
function loessAt(y: Float64Array, n: number, span: number, degree: StlDegree, x: number, left: number, right: number, rw: Float64Array): number | null {
  const range = n - 1;
  let h = Math.max(x - left, right - x);
  if (span > n) h += Math.floor((span - n) / 2);
  const h9 = 0.999 * h;
  let a = 0;
  let sd = 0;
  let sdd = 0;
  let sy = 0;
  let sdy = 0;
  // Positions outside 0.999·h weigh nothing: only j in [lo, hi] can count.
  const lo = Math.max(left, Math.ceil(x - h9));
  const hi = Math.min(right, Math.floor(x + h9));
  // h is a whole number (positions are), and every |j − x| for j in lo..hi is at most 0.999·h and at most n + 1
  // (x is 0..n+1): within the table.
  const table = tricubeTable(h, n + 1);
  if (degree === 0 || !(h > 0)) return weightedMean(y, x, lo, hi, table, rw);
  // rw is never null (all ones before the first robustness pass): no test per point in the loop.
  for (let j = lo; j <= hi; j++) {
    const d = j - x;
    const wj = (table[d < 0 ? -d : d] as number) * (rw[j - 1] as number);
    const yj = y[j - 1] as number;
    a += wj;
    const wd = wj * d;
    sd += wd;
    sdd += wd * d;
    sy += wj * yj;
    sdy += wd * yj;
  }
  if (a <= 0) return null;
  // With m = sd/a and c = sdd/a − m² (the local variance of the positions), R's test √c > 0.001·range and the fit
  // (sy + (−m/c)(sdy − m·sy)) / a, multiplied through by a²: one division instead of four (divisions were a tenth of
  // a robust fit's time). den = a²·c; den < 0 from rounding fails the test as c < 0 did.
  const den = a * sdd - sd * sd;
  const t = 0.001 * range * a;
  if (den > t * t) return (sy * sdd - sd * sdy) / den;
  return sy / a;
}

/** The tricube weight (1 − (r/h)³)³, 1 within 0.001·h; by multiplication (Math.pow made it most of a loess's time). */
function tricube(r: number, h: number, h1: number): number {
  if (r <= h1) return 1;
  const u = r / h;
  const v = 1 - u * u * u;
  return v * v * v;
}

/** The degree-0 loess: the tricube-weighted mean of y over lo..hi (the seasonal smoother's, by default). */
function weightedMean(y: Float64Array, x: number, lo: number, hi: number, table: Float64Array, rw: Float64Array): number | null {
  let a = 0;
  let sy = 0;
  for (let j = lo; j <= hi; j++) {
    const wj = (table[j < x ? x - j : j - x] as number) * (rw[j - 1] as number);
    a += wj;
    sy += wj * (y[j - 1] as number);
  }
  return a > 0 ? sy / a : null;
}

/**
 * Tukey's bisquare of |y − fit| / (6 · median |y − fit|) (the median of an even count: the mean of the middle two,
 * asked of the partial sort as ranks n/2 + 1 and n/2 — in that order, as R does).
 */
function bisquareWeights(y: Float64Array, fit: Float64Array, out: Float64Array, exactMedian: boolean, ws: Workspace): void {
  const n = y.length;
  const abs = ws.residual;
  for (let i = 0; i < n; i++) abs[i] = Math.abs((y[i] ?? 0) - (fit[i] ?? 0));
  const sorted = ws.sorted;
  sorted.set(abs);
  const mid1 = Math.floor(n / 2) + 1;
  const mid2 = n - mid1 + 1;
  if (exactMedian) sorted.sort();
  else partialSort(sorted, [mid1, mid2]);
  const cmad = 3 * ((sorted[mid1 - 1] ?? 0) + (sorted[mid2 - 1] ?? 0));
  const c9 = 0.999 * cmad;
  const c1 = 0.001 * cmad;
  for (let i = 0; i < n; i++) {
    const r = abs[i] ?? 0;
    const u = r / cmad;
    const v = 1 - u * u;
    out[i] = r <= c1 ? 1 : r <= c9 ? v * v : 0;
  }
}
