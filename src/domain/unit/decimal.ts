/**
 * Numbers as the decimals people wrote. A figure like 17190.4 is stored as the nearest binary double; multiplying
 * it by 1e-4 adds a second rounding (17190.4 * 1e-4 = 1.7190400000000001). Working on the shortest decimal string
 * of the double instead (what `String(x)` prints) and moving its decimal point gives the double nearest to the
 * decimal the source meant, which is what a planner expects to see.
 */

/** Splits the shortest round-trip string of a finite number into mantissa text and power of ten. */
function decimalParts(value: number): { mantissa: string; exponent: number } {
  const [mantissa = '0', exponent = '0'] = String(value).split('e');
  return { mantissa, exponent: Number(exponent) };
}

/**
 * `value × 10^places`, done by moving the decimal point of `value`'s shortest decimal form and letting `Number`
 * round once. Exact whenever the shifted decimal is representable; otherwise the nearest double to it.
 *
 * @example
 * shiftDecimal(2.5, 4)       // 25000
 * shiftDecimal(17190.4, -4)  // 1.71904 (not 1.7190400000000001)
 */
export function shiftDecimal(value: number, places: number): number {
  // Zero keeps its sign, and NaN/±Infinity have no decimal digits to shift.
  if (places === 0 || value === 0 || !Number.isFinite(value)) return value;
  const { mantissa, exponent } = decimalParts(value);
  return Number(`${mantissa}e${exponent + places}`);
}

/**
 * The shortest decimal form of a finite number, without exponent notation (people do not read 1e-7 or 1e+21).
 *
 * @example
 * plainDecimal(1e21)    // '1000000000000000000000'
 * plainDecimal(1.5e-7)  // '0.00000015'
 */
export function plainDecimal(value: number): string {
  const text = String(Object.is(value, -0) ? 0 : value);
  if (!text.includes('e')) return text;
  const { mantissa, exponent } = decimalParts(value);
  const negative = mantissa.startsWith('-');
  const [whole = '', fraction = ''] = (negative ? mantissa.slice(1) : mantissa).split('.');
  const digits = whole + fraction;
  const point = whole.length + exponent;
  const body =
    point <= 0 ? `0.${'0'.repeat(-point)}${digits}` : point >= digits.length ? digits + '0'.repeat(point - digits.length) : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return negative ? `-${body}` : body;
}

/**
 * A plain decimal string with commas between thousands of its integer part, as English text writes numbers.
 *
 * @example
 * groupThousands('-17190.4') // '-17,190.4'
 */
export function groupThousands(decimal: string): string {
  const [whole = '', fraction] = decimal.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}
