/**
 * The trend projection shared by the UNSD and ESCAP methods: compound growth from the baseline to the latest value,
 * carried forward to the target year, and the share of the required change the projected value would achieve.
 *
 *     CAGR = (y_t / y0)^(1/(t − t0)) − 1
 *     ŷ_T  = y_t · (1 + CAGR)^(T − t)
 *     P    = (ŷ_T − y0) / (y* − y0)
 *
 * Undefined (null) when y0 ≤ 0 or y_t ≤ 0 (no compound rate) or y* = y0.
 * P < 0 exactly when ŷ_T lies on the wrong side of y0, i.e. the indicator moves away from its target.
 */
export interface Projection {
  cagr: number;
  projected: number;
  ratio: number;
}

export function project(y0: number, t0: number, yt: number, t: number, yStar: number, T: number): Projection | null {
  if (y0 <= 0 || yt <= 0 || yStar === y0 || t <= t0) return null;
  const cagr = (yt / y0) ** (1 / (t - t0)) - 1;
  const projected = yt * (1 + cagr) ** (T - t);
  const ratio = (projected - y0) / (yStar - y0);
  return Number.isFinite(ratio) ? { cagr, projected, ratio } : null;
}
