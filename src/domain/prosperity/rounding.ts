/**
 * Published indices carry one decimal (NBS: 52.3, 134.7), rounded half up. Rounding the binary double naively
 * (Math.round(x · 100) / 100) can go the wrong way: 8.575 is stored as 8.57499…, and 8.575 · 100 = 857.4999…, so
 * it gives 8.57; shifting the decimal point on the number's shortest decimal form first (unit/decimal.ts) rounds the
 * decimal a person reads, 8.58.
 */
import { shiftDecimal } from '../unit/decimal';

/**
 * @example
 * roundHalfUp(34.65, 1) // 34.7
 * roundHalfUp(-0.25, 1) // -0.3 (half away from zero)
 */
export function roundHalfUp(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const shifted = shiftDecimal(Math.abs(value), decimals);
  // The shortest decimal of a computed value can carry binary noise beyond 15 significant digits (34.650000000000006).
  const clean = Number(shifted.toPrecision(15));
  const rounded = shiftDecimal(Math.floor(clean + 0.5), -decimals);
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}
