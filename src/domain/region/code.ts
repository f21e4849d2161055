/**
 * Region codes. Administrative regions carry their GB/T 2260 code (6 digits: province 44‑00‑00, city 4403‑00,
 * district/county 440305); streets and townships (街道、乡镇) the 9-digit code of the statistical division code list
 * (统计用区划代码, also written as its 12-digit form with 000 at the end). A functional area without a code of its
 * own (新区, 合作区) takes its parent's code with a suffix: 440300-DP.
 */

/** The shape of a region code. */
export const REGION_CODE = /^(\d{6}|\d{9}|\d{12})(-[A-Z]{2,})?$/;
export const REGION_CODE_MESSAGE =
  'must be a 6-digit GB/T 2260 code (a street: the 9- or 12-digit statistical division code), or one with a -XX suffix for a functional area';

/** Whether a text is shaped like a region code (not whether the region exists). */
export const isRegionCode = (text: string): boolean => REGION_CODE.test(text);

/**
 * The part of a code that a region's subdivisions repeat: 440000 → 44, 440300 → 4403, 440305 → 440305,
 * 440305001000 → 440305001. Null for a functional area's suffixed code.
 */
export function codePrefix(code: string): string | null {
  if (!/^\d+$/.test(code)) return null;
  if (code.length === 6) return code.replace(/(00)+$/, '') || code;
  return code.replace(/(000)+$/, '');
}

/**
 * Whether the code of an administrative region fits under its administrative parent's (GB/T 2260: a district's code
 * starts with its city's 4 digits, a city's with its province's 2). 北京市 110000's districts 110101… fit too.
 *
 * @example
 * fitsUnder('440111', '440100') // true
 * fitsUnder('520113', '440100') // false
 */
export function fitsUnder(code: string, parent: string): boolean {
  const prefix = codePrefix(parent);
  return prefix === null || !/^\d+$/.test(code) ? true : code !== parent && code.startsWith(prefix);
}
