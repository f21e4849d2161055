/**
 * Reading a unit as written in a plan, a data file or a statistical bulletin. Sources differ in character width
 * (％ vs %), in script (億元 from Hong Kong or Taiwan tables) and in stray spaces from PDF extraction, so the text is
 * normalised before lookup (./catalogue.ts); anything still unknown is an error, never a guess.
 */

/** Traditional characters that appear in unit names, mapped to the simplified ones the catalogue uses. */
const TRADITIONAL: Readonly<Record<string, string>> = { 億: '亿', 萬: '万', 個: '个', 項: '项', 點: '点', 噸: '吨', 櫃: '柜', 準: '准' };

/**
 * The comparison key of a unit text: NFKC (full-width → half-width, µ → μ, ³ → 3), simplified characters, lower
 * case, and no spaces except those between two Latin letters ('percentage points' keeps its space).
 *
 * @example
 * normaliseUnitText(' 萬元／人 ') // '万元/人'
 */
export function normaliseUnitText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[億萬個項點噸櫃準]/g, (c) => TRADITIONAL[c] ?? c)
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(?<![a-z]) | (?![a-z])/g, '');
}
