/**
 * Composite indices (合成指数) by the Conference Board's method (Business Cycle Indicators handbook, "Calculating the
 * Composite Indexes"), which 中国经济景气监测中心 also follows for its leading / coincident / lagging indices:
 *
 * 1. month-to-month change of each component: the symmetric percent change x_t = 200 (X_t − X_{t−1}) / (X_t + X_{t−1})
 *    for levels; the plain difference x_t = X_t − X_{t−1} for rates and diffusion indices (already in percent);
 *    a component that moves against the cycle is inverted (its changes negated);
 * 2. standardisation factors r = (1/σ) / Σ(1/σ), σ the standard deviation of a component's changes over a stated
 *    window, so each component contributes with equal volatility; r sums to 1;
 * 3. the index's growth i_t = Σ r · x_t (in a month where a component is missing, the factors of those present are
 *    scaled to sum to 1 — the Conference Board imputes instead; we say so rather than invent a figure);
 * 4. trend adjustment (leading index, and lagging where asked): a constant a is added to every i_t so that the average
 *    growth over the window equals the coincident index's: a = mean(i_coincident) − mean(i_leading);
 * 5. levels: 100 at the first period, then I_t = I_{t−1} · (200 + i_t) / (200 − i_t) — the inverse of the symmetric
 *    change;
 * 6. rebased so that the average over the base year is 100.
 *
 * Rescaling a level component (a change of unit: 万元 → 亿元) changes none of its symmetric changes, so the index is
 * invariant to it. Rescaling a rate component (a difference) keeps x/σ but changes Σ(1/σ), so every month's growth
 * i_t is multiplied by one common positive factor: directions, signs and turning points stay, the amplitude does
 * not — a property of the method (rates are in percent by definition). Both are property-tested.
 */

export type ChangeKind = 'symmetric' | 'difference';

export interface CompositeComponent {
  code: string;
  /** The component's values at each period (null where missing), oldest first. */
  values: ReadonlyArray<number | null>;
  change: ChangeKind;
  /** Counter-cyclical: its changes enter with the opposite sign. */
  invert?: boolean;
}

export interface CompositeOptions {
  /** Periods (indices into the values) whose changes define σ and the trend; default every period. */
  window?: { from: number; to: number };
  /** Periods whose average level is rebased to 100; default the first period only (I = 100 there). */
  base?: readonly number[];
  /** Average growth to adjust the trend to (the coincident index's mean i_t over the window); none by default. */
  trendTarget?: number | null;
}

export interface CompositeResult {
  /** Per component: its changes x_t (null at t = 0 and where a value is missing). */
  changes: Record<string, Array<number | null>>;
  /** Per component: σ of its changes over the window, and its standardisation factor r. */
  factors: Record<string, { sigma: number | null; r: number | null }>;
  /** Index growth i_t after trend adjustment (null at t = 0 or where no component has a change). */
  growth: Array<number | null>;
  /** The constant added to i_t (0 without trend adjustment). */
  trendAdjustment: number;
  /** Mean of the unadjusted growth over the window (what a leading index is adjusted to, for the coincident one). */
  meanGrowth: number | null;
  /** The index level, rebased; null from the first period the chain cannot continue. */
  level: Array<number | null>;
}

/**
 * The change of a series at each period.
 *
 * @example
 * componentChanges([90, 110, 90], 'symmetric') // [null, 20, -20]  (200·20/200, 200·(−20)/200)
 * componentChanges([5, 6, 4], 'difference')    // [null, 1, -2]
 */
export function componentChanges(values: ReadonlyArray<number | null>, kind: ChangeKind): Array<number | null> {
  return values.map((v, t) => {
    const prev = t > 0 ? values[t - 1] : null;
    if (v === null || v === undefined || prev === null || prev === undefined) return null;
    if (kind === 'difference') return v - prev;
    const sum = v + prev;
    // The symmetric change is for positive levels; a sum of zero has none.
    return sum === 0 ? null : (200 * (v - prev)) / sum;
  });
}

/** Sample standard deviation (n − 1) of the non-null values; null with fewer than two. */
export function sampleSd(xs: ReadonlyArray<number | null>): number | null {
  const v = xs.filter((x): x is number => x !== null);
  if (v.length < 2) return null;
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  return Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / (v.length - 1));
}

/** Computes one composite index from its components. */
export function compositeIndex(components: readonly CompositeComponent[], opts: CompositeOptions = {}): CompositeResult {
  const n = Math.max(0, ...components.map((c) => c.values.length));
  const from = Math.max(1, opts.window?.from ?? 1);
  const to = Math.min(n - 1, opts.window?.to ?? n - 1);
  const changes: Record<string, Array<number | null>> = {};
  const factors: Record<string, { sigma: number | null; r: number | null }> = {};
  const inverse: Array<number | null> = [];
  for (const c of components) {
    const x = componentChanges(c.values, c.change).map((v) => (v === null ? null : c.invert ? -v : v));
    changes[c.code] = x;
    const sigma = sampleSd(x.slice(from, to + 1));
    // A component that never moves in the window has no volatility to equalise: it cannot be weighted.
    inverse.push(sigma !== null && sigma > 0 ? 1 / sigma : null);
    factors[c.code] = { sigma, r: null };
  }
  const k = inverse.reduce<number>((a, w) => a + (w ?? 0), 0);
  components.forEach((c, j) => {
    const w = inverse[j];
    const f = factors[c.code];
    if (f) f.r = w !== null && w !== undefined && k > 0 ? w / k : null;
  });

  const raw: Array<number | null> = [null];
  for (let t = 1; t < n; t++) {
    let sum = 0;
    let weight = 0;
    for (const c of components) {
      const x = changes[c.code]?.[t];
      const r = factors[c.code]?.r;
      if (x === null || x === undefined || r === null || r === undefined) continue;
      sum += r * x;
      weight += r;
    }
    raw.push(weight > 0 ? sum / weight : null);
  }
  const inWindow = raw.slice(from, to + 1).filter((v): v is number => v !== null);
  const meanGrowth = inWindow.length > 0 ? inWindow.reduce((a, b) => a + b, 0) / inWindow.length : null;
  const trendAdjustment = opts.trendTarget !== undefined && opts.trendTarget !== null && meanGrowth !== null ? opts.trendTarget - meanGrowth : 0;
  const growth = raw.map((v) => (v === null ? null : v + trendAdjustment));

  const chain: Array<number | null> = [];
  let level: number | null = n > 0 ? 100 : null;
  for (let t = 0; t < n; t++) {
    if (t > 0 && level !== null) {
      const g = growth[t];
      // A growth of ±200 or beyond has no level (the symmetric change is bounded by ±200).
      level = g === null || g === undefined || Math.abs(g) >= 200 ? null : (level * (200 + g)) / (200 - g);
    }
    chain.push(level);
  }
  const baseIdx = opts.base && opts.base.length > 0 ? opts.base : [0];
  const baseLevels = baseIdx.map((i) => chain[i]).filter((v): v is number => v !== null && v !== undefined);
  const baseMean = baseLevels.length === baseIdx.length ? baseLevels.reduce((a, b) => a + b, 0) / baseLevels.length : null;
  return { changes, factors, growth, trendAdjustment, meanGrowth, level: chain.map((v) => (v === null || baseMean === null ? null : (100 * v) / baseMean)) };
}

export const COMPOSITE_GROUPS = ['leading', 'coincident', 'lagging'] as const;
export type CompositeGroup = (typeof COMPOSITE_GROUPS)[number];
export const COMPOSITE_GROUP_LABELS: Record<CompositeGroup, { zh: string; en: string }> = {
  leading: { zh: '先行指数', en: 'leading index' },
  coincident: { zh: '一致指数', en: 'coincident index' },
  lagging: { zh: '滞后指数', en: 'lagging index' },
};

/**
 * The three indices together: the coincident one first, then the leading (and lagging) ones, trend-adjusted to it
 * where their group says so.
 */
export function compositeIndices(
  groups: Partial<Record<CompositeGroup, { components: readonly CompositeComponent[]; trendAdjust: boolean }>>,
  opts: Omit<CompositeOptions, 'trendTarget'>,
): Partial<Record<CompositeGroup, CompositeResult>> {
  const out: Partial<Record<CompositeGroup, CompositeResult>> = {};
  const coincident = groups.coincident;
  if (coincident && coincident.components.length > 0) out.coincident = compositeIndex(coincident.components, opts);
  const target = out.coincident?.meanGrowth ?? null;
  for (const g of ['leading', 'lagging'] as const) {
    const def = groups[g];
    if (!def || def.components.length === 0) continue;
    out[g] = compositeIndex(def.components, { ...opts, trendTarget: def.trendAdjust ? target : null });
  }
  return out;
}
