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
  // Away from a half the binary product rounds the same way as the decimal: the quick path (tens of thousands of
  // cells per survey). An integer over a power of ten is the double nearest that decimal.
  const scale = 10 ** decimals;
  const scaled = Math.abs(value) * scale;
  const fraction = scaled - Math.floor(scaled);
  if (Math.abs(fraction - 0.5) > 1e-6 && scaled < 2 ** 52) {
    const r = Math.round(scaled) / scale;
    return value < 0 && r !== 0 ? -r : r;
  }
  const shifted = shiftDecimal(Math.abs(value), decimals);
  // The shortest decimal of a computed value can carry binary noise beyond 15 significant digits (34.650000000000006).
  const clean = Number(shifted.toPrecision(15));
  const rounded = shiftDecimal(Math.floor(clean + 0.5), -decimals);
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}
