/**
 * Reading a unit as written in a plan, a data file or a statistical bulletin. Sources differ in character width
 * (％ vs %), in script (億元 from Hong Kong or Taiwan tables) and in stray spaces from PDF extraction, so the text is
 * normalised before lookup; anything still unknown is an error, never a guess.
 */
import { err, ok, type Result } from '../result';
import { UNITS, type Unit } from './units';

/** Traditional characters that appear in unit names, mapped to the simplified ones the table uses. */
const TRADITIONAL: Readonly<Record<string, string>> = { 億: '亿', 萬: '万', 個: '个', 項: '项', 點: '点' };

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
    .replace(/[億萬個項點]/g, (c) => TRADITIONAL[c] ?? c)
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(?<![a-z]) | (?![a-z])/g, '');
}

/** Every code and alias, by normalised key. Built once; the table is small and fixed. */
const byKey: ReadonlyMap<string, Unit> = new Map(UNITS.flatMap((u) => [u.code, ...u.aliases].map((t) => [normaliseUnitText(t), u] as const)));

const knownList = UNITS.map((u) => u.code).join(', ');

/**
 * The unit a text names, by code or alias. Unknown or empty text is an error that names the text and lists the
 * known units, so whoever fixes the data file sees what to write.
 *
 * @example
 * parseUnit('％')    // ok(unit %)
 * parseUnit('亿吨')  // err('unknown unit "亿吨" (known units: 元, 万元, …)')
 */
export function parseUnit(text: string): Result<Unit> {
  const key = normaliseUnitText(text);
  if (key === '') return err(`missing unit: the unit text is empty (known units: ${knownList})`);
  const found = byKey.get(key);
  return found ? ok(found) : err(`unknown unit "${text.trim()}" (known units: ${knownList})`);
}
