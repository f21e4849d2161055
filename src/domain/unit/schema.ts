/**
 * The unit file format (measurement-units/*.yaml, `plan-monitor units load FILE`, and a plan file's own `units` section), as a
 * zod schema. See docs/UNITS.md.
 *
 * @example
 * units:
 *   - {symbol: 万标箱, name: {zh: 万标准箱, en: 10,000 TEU}, dimension: containers, factor: 10000, aliases: [万TEU]}
 */
import { z } from 'zod';
import type { PlanIssue } from '../plan/issues';
import { canonicalDecimal } from './decimal';
import { normaliseUnitText } from './parse';
import type { Unit } from './units';

const text = z.string().trim().min(1, 'must not be empty');

/** A factor as YAML gives it: a number (10000, 1e8, 0.1) or a decimal text ("0.0001"), greater than zero. */
const factor = z.union([z.number().finite(), z.string()]).transform((v, ctx) => {
  const decimal = canonicalDecimal(String(v));
  if (decimal === null || decimal === '0' || decimal.startsWith('-')) {
    ctx.addIssue({ code: 'custom', message: `factor must be a decimal number greater than 0 (the size of the unit in its dimension's base unit), not ${JSON.stringify(v)}` });
    return z.NEVER;
  }
  return decimal;
});

export const unitDefinitionSchema = z
  .object({
    /** The unit as written after a number in Chinese: 亿元, 万标箱, 吨/万元. */
    symbol: text,
    name: z.object({ zh: text, en: text }).strict(),
    /** What follows a number in English ('10,000 TEU'); default: name.en. */
    en: text.optional(),
    dimension: z.string().regex(/^\S+$/, 'must be a name without spaces, e.g. mass, containers, currency:CNY'),
    factor,
    aliases: z.array(text).default([]),
  })
  .strict();

export type UnitDefinition = z.output<typeof unitDefinitionSchema>;

export const unitFileSchema = z.object({ units: z.array(unitDefinitionSchema).min(1, 'a unit file needs at least one unit') }).strict();

/** A definition as a Unit of the catalogue. */
export function toUnit(d: UnitDefinition): Unit {
  return { code: d.symbol, name: d.name, enShort: d.en ?? d.name.en, dimension: d.dimension, factor: d.factor, aliases: d.aliases };
}

/** Within one list of definitions: no symbol or alias may name two units. */
export function duplicateUnits(defs: readonly UnitDefinition[], at: ReadonlyArray<string | number>): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const seen = new Map<string, string>();
  defs.forEach((d, i) => {
    [d.symbol, ...d.aliases].forEach((t, j) => {
      const key = normaliseUnitText(t);
      const prior = seen.get(key);
      const path = j === 0 ? [...at, i, 'symbol'] : [...at, i, 'aliases', j - 1];
      if (prior !== undefined && prior !== d.symbol) issues.push({ path, message: `"${t}" already names the unit ${prior} in this file` });
      else if (prior !== undefined && j === 0) issues.push({ path, message: `duplicate unit "${d.symbol}"` });
      seen.set(key, d.symbol);
    });
  });
  return issues;
}

export function parseUnitFile(raw: unknown): { ok: true; units: Unit[] } | { ok: false; issues: PlanIssue[] } {
  const r = unitFileSchema.safeParse(raw);
  if (!r.success) return { ok: false, issues: r.error.issues.map((i) => ({ path: i.path.filter((p): p is string | number => typeof p !== 'symbol'), message: i.message })) };
  const issues = duplicateUnits(r.data.units, ['units']);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, units: r.data.units.map(toUnit) };
}
