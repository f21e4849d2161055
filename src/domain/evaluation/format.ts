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
