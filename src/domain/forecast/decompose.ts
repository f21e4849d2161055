/**
 * Classical multiplicative decomposition (R's `stats::decompose(type = "multiplicative")`): a centred moving
 * average of order m (2×m for even m) estimates the trend, the ratios y/trend averaged per position in the cycle
 * give the seasonal figure, normalised to mean 1. Used by the Theta method to seasonally adjust a series first.
 * Positions count from the first observation, as decompose does, so the figure lines up with the data.
 */
export function multiplicativeSeasonal(y: readonly number[], m: number): number[] {
  const figure = multiplicativeSeasonalRaw(y, m, (v, trend) => v / trend);
  const mean = figure.reduce((a, b) => a + b, 0) / m;
  return figure.map((f) => f / mean);
}

/** Sample autocorrelations r_1..r_maxLag (R's `acf`: sums over n, not n − k). */
export function autocorrelations(y: readonly number[], maxLag: number): number[] {
  const n = y.length;
  const mean = y.reduce((a, b) => a + b, 0) / n;
  let c0 = 0;
  for (const v of y) c0 += (v - mean) ** 2;
  const out: number[] = [];
  for (let k = 1; k <= maxLag; k++) {
    let ck = 0;
    for (let t = 0; t + k < n; t++) ck += ((y[t] ?? 0) - mean) * ((y[t + k] ?? 0) - mean);
    out.push(ck / c0);
  }
  return out;
}

/**
 * The seasonality test of R's `forecast::thetaf`: the lag-m autocorrelation is significant at 90% against
 * Bartlett's standard error sqrt((1 + 2·Σ_{k<m} r_k²)/n).
 */
export function isSeasonal(y: readonly number[], m: number): boolean {
  if (m <= 1 || y.length <= 2 * m) return false;
  const first = y[0] ?? 0;
  if (y.every((v) => v === first)) return false;
  const r = autocorrelations(y, m);
  const rm = r[m - 1] ?? 0;
  const stat = Math.sqrt((1 + 2 * r.slice(0, m - 1).reduce((a, b) => a + b * b, 0)) / y.length);
  return Math.abs(rm) / stat > 1.6448536269514722;
}

/** Classical additive decomposition's seasonal figure (R's `decompose(type = "additive")`), normalised to mean 0. */
export function additiveSeasonal(y: readonly number[], m: number): number[] {
  const ratios = multiplicativeSeasonalRaw(y, m, (v, trend) => v - trend);
  const mean = ratios.reduce((a, b) => a + b, 0) / m;
  return ratios.map((f) => f - mean);
}

function multiplicativeSeasonalRaw(y: readonly number[], m: number, detrend: (v: number, trend: number) => number): number[] {
  const n = y.length;
  const weights = m % 2 === 0 ? [0.5, ...Array<number>(m - 1).fill(1), 0.5].map((w) => w / m) : Array<number>(m).fill(1 / m);
  const half = Math.floor(weights.length / 2);
  const sums = Array<number>(m).fill(0);
  const counts = Array<number>(m).fill(0);
  for (let t = half; t < n - half; t++) {
    let trend = 0;
    for (let k = 0; k < weights.length; k++) trend += (weights[k] ?? 0) * (y[t - half + k] ?? 0);
    const i = t % m;
    sums[i] = (sums[i] ?? 0) + detrend(y[t] ?? 0, trend);
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return sums.map((s, i) => s / Math.max(1, counts[i] ?? 1));
}
