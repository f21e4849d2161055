/**
 * The unit catalogue (计量单位目录) one database or one check works with: the bundled units (measurement-units/*.yaml), the
 * units an operator loaded, and those a plan file declares. Built from data and passed in: the domain holds no
 * table of its own, so validation and import read the same catalogue.
 */
import { didYouMean, nearest } from '../nearest';
import { err, ok, type Result } from '../result';
import { canonicalDecimal } from './decimal';
import { normaliseUnitText } from './parse';
import type { Unit } from './units';

export interface UnitCatalogue {
  /** Every unit, in catalogue order (by dimension, then by size, as the files list them). */
  readonly units: readonly Unit[];
  /**
   * The unit a text names, by symbol or alias after normalisation. Unknown or empty text is an error that names
   * the text, suggests the nearest known unit where one is obvious, and lists the known units.
   */
  parse(text: string): Result<Unit>;
  /** The known units nearest to a misspelt text (亿员 → 亿元), none when no guess is obvious. */
  suggest(text: string): Unit[];
  /** The symbols, comma-separated, as error messages list them. */
  readonly knownList: string;
}

/**
 * A catalogue of these units. Later units do not replace earlier ones: a symbol or alias names the first unit that
 * claims it (conflicts are refused before a catalogue is built, see ./conflicts.ts).
 *
 * @example
 * const units = createUnitCatalogue([{ code: '亿元', name: { zh: '亿元', en: '100 million yuan' }, enShort: '100 million yuan', dimension: 'currency:CNY', factor: '100000000', aliases: [] }]);
 * units.parse('億元') // ok(亿元)
 */
export function createUnitCatalogue(units: readonly Unit[]): UnitCatalogue {
  const byKey = new Map<string, Unit>();
  for (const u of units) {
    for (const text of [u.code, ...u.aliases]) {
      const key = normaliseUnitText(text);
      if (!byKey.has(key)) byKey.set(key, u);
    }
  }
  const knownList = units.map((u) => u.code).join(', ');
  const suggest = (text: string): Unit[] => [...new Set(nearest(normaliseUnitText(text), byKey.keys()).flatMap((k) => byKey.get(k) ?? []))];
  return {
    units,
    knownList,
    suggest,
    parse(text) {
      const key = normaliseUnitText(text);
      if (key === '') return err(`missing unit: the unit text is empty (known units: ${knownList})`);
      const found = byKey.get(key);
      if (found) return ok(found);
      const hint = didYouMean(suggest(text).map((u) => u.code));
      return err(`unknown unit "${text.trim()}" (${hint ? `${hint} ` : ''}known units: ${knownList})`);
    },
  };
}

/** The catalogue with `extra` units appended (units already present by symbol are kept as they are). */
export function extendUnitCatalogue(base: UnitCatalogue, extra: readonly Unit[]): UnitCatalogue {
  if (extra.length === 0) return base;
  const known = new Set(base.units.map((u) => u.code));
  return createUnitCatalogue([...base.units, ...extra.filter((u) => !known.has(u.code))]);
}

/** Two factors written differently but equal ('1e8' and '100000000'). */
export function sameFactor(a: string, b: string): boolean {
  return canonicalDecimal(a) === canonicalDecimal(b);
}
