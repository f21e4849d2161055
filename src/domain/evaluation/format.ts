/** Numbers as the rule sentences print them: at most `digits` decimals, no trailing zeros. */
export function num(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return String(x);
  return String(Number(x.toFixed(digits)));
}

/** A ratio as a percentage, e.g. 0.56033 → "56.03%". */
export function pct(x: number, digits = 2): string {
  return `${num(x * 100, digits)}%`;
}

/** Intermediate numbers go into the workings only when finite (a division by zero becomes null). */
export function finite(x: number | null): number | null {
  return x !== null && Number.isFinite(x) ? x : null;
}

/** A value with its unit: "16.8%" but "25000 亿元". */
export function withUnit(x: number, unit: string): string {
  return unit === '%' ? `${num(x)}%` : `${num(x)} ${unit}`;
}

/**
 * A value as people read it in sentences and tables: two decimals (a share derived from two figures is not printed to
 * 15 digits), but three significant digits below 1, so an intensity of 0.282吨标准煤/万元 is not shown as 0.28 —
 * the value the plan's own 0.27 is compared with.
 *
 * @example readable(15.860969) // 15.86
 * @example readable(0.282) // 0.282
 */
export function readable(x: number): number {
  if (!Number.isFinite(x) || x === 0 || Math.abs(x) >= 1) return Math.round(x * 100) / 100;
  const digits = 2 - Math.floor(Math.log10(Math.abs(x)));
  return Number(x.toFixed(Math.min(digits, 12)));
}
