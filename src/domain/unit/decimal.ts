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

/** A decimal as an integer and a power of ten: '17190.4' → { int: 171904n, exp: -1 }. */
interface BigDecimal {
  int: bigint;
  exp: number;
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/** Reads a decimal text ('0.1', '1e8', '-17190.4'); null when it is not one. */
function readDecimal(text: string): BigDecimal | null {
  const m = DECIMAL.exec(text.trim());
  if (!m || `${m[2] ?? ''}${m[3] ?? ''}` === '') return null;
  const fraction = m[3] ?? '';
  const int = BigInt(`${m[1] === '-' ? '-' : ''}${m[2] ?? ''}${fraction}` || '0');
  return { int, exp: Number(m[4] ?? '0') - fraction.length };
}

/** Whether a text is a plain decimal number (digits, one point, optional exponent), as unit factors are written. */
export function isDecimalText(text: string): boolean {
  return readDecimal(text) !== null;
}

/** The decimal without sign noise or trailing zeros: '100000000', '1e8' and '100000000.0' all read '100000000'. */
export function canonicalDecimal(text: string): string | null {
  const d = readDecimal(text);
  if (!d) return null;
  let { int, exp } = d;
  while (int !== 0n && int % 10n === 0n) {
    int /= 10n;
    exp += 1;
  }
  if (int === 0n) return '0';
  const negative = int < 0n;
  const digits = (negative ? -int : int).toString();
  const point = digits.length + exp;
  const body = exp >= 0 ? digits + '0'.repeat(exp) : point > 0 ? `${digits.slice(0, point)}.${digits.slice(point)}` : `0.${'0'.repeat(-point)}${digits}`;
  return negative ? `-${body}` : body;
}

/** The power of ten a canonical decimal is ('1' → 0, '10000' → 4, '0.001' → -3), or null for any other number. */
export function powerOfTen(decimal: string): number | null {
  const d = readDecimal(decimal);
  if (!d || d.int <= 0n) return null;
  let { int, exp } = d;
  while (int % 10n === 0n) {
    int /= 10n;
    exp += 1;
  }
  return int === 1n ? exp : null;
}

/**
 * powerOfTen of a unit factor, remembered: an import converts millions of figures between a handful of units, and
 * reading a factor's decimal each time cost more than the conversion itself.
 */
const powers = new Map<string, number | null>();
function cachedPowerOfTen(decimal: string): number | null {
  let p = powers.get(decimal);
  if (p === undefined) {
    p = powerOfTen(decimal);
    if (powers.size >= 1000) powers.clear();
    powers.set(decimal, p);
  }
  return p;
}

/** Significant digits kept when a quotient does not end (a factor of 3, say): far beyond a double's 17. */
const QUOTIENT_DIGITS = 40n;

/**
 * `value × numerator ÷ denominator` for decimal texts `numerator` and `denominator` (unit factors), computed on
 * the decimals exactly and rounded to a double once. Where both factors are powers of ten this is shiftDecimal;
 * otherwise (吨/万元 ↔ 千克/元 is ×10, a mile is 1.609344 km) the product is exact integer arithmetic and the
 * quotient, when it does not end, carries 40 significant digits and a sticky digit before Number rounds once (it
 * could round the wrong way only for a quotient within 1e-40 of a point halfway between two doubles).
 *
 * @example
 * scaleDecimal(1.5, '0.1', '1')    // 0.15 (not 0.15000000000000002)
 * scaleDecimal(17190.4, '1', '3')  // 5730.133333333333
 */
export function scaleDecimal(value: number, numerator: string, denominator: string): number {
  const a = cachedPowerOfTen(numerator);
  const b = cachedPowerOfTen(denominator);
  if (a !== null && b !== null) return shiftDecimal(value, a - b);
  if (value === 0 || !Number.isFinite(value)) return value;
  const v = readDecimal(String(value));
  const n = readDecimal(numerator);
  const d = readDecimal(denominator);
  if (!v || !n || !d || d.int === 0n) return Number.NaN;
  let top = v.int * n.int;
  let exp = v.exp + n.exp - d.exp;
  const bottom = d.int < 0n ? -d.int : d.int;
  if (d.int < 0n) top = -top;
  const negative = top < 0n;
  if (negative) top = -top;
  // Scale the numerator so that the integer quotient holds QUOTIENT_DIGITS significant digits.
  const shift = BigInt(Math.max(0, Number(QUOTIENT_DIGITS) - top.toString().length + bottom.toString().length));
  top *= 10n ** shift;
  exp -= Number(shift);
  let q = top / bottom;
  if (top % bottom !== 0n) {
    // Sticky digit: the true quotient lies strictly between q and q + 1 (in the last place), never on a tie.
    q = q * 10n + 1n;
    exp -= 1;
  }
  return Number(`${negative ? '-' : ''}${q}e${exp}`);
}
