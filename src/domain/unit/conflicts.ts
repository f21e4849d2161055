/**
 * A unit, once in a catalogue, keeps its dimension and factor: figures were converted with them. A file or a plan
 * may repeat a known unit (nothing changes) but not redefine it, and may not give a new unit a symbol or alias that
 * already names another one.
 */
import type { PlanIssue } from '../plan/issues';
import { sameFactor, type UnitCatalogue } from './catalogue';
import { normaliseUnitText } from './parse';
import type { Unit } from './units';

/**
 * The conflicts of `defs` (listed at `at`: ['units'] in a unit file or a plan) with a catalogue.
 *
 * @example
 * unitConflicts([{ code: '亿元', dimension: 'currency:CNY', factor: '10000', … }], bundled, ['units'])
 * // [{ path: ['units', 0, 'factor'], message: 'unit 亿元 already exists with factor 100000000 (dimension currency:CNY); …' }]
 */
export function unitConflicts(defs: readonly Unit[], catalogue: UnitCatalogue, at: ReadonlyArray<string | number>): PlanIssue[] {
  const byKey = new Map<string, Unit>();
  for (const u of catalogue.units) for (const t of [u.code, ...u.aliases]) if (!byKey.has(normaliseUnitText(t))) byKey.set(normaliseUnitText(t), u);
  const issues: PlanIssue[] = [];
  defs.forEach((d, i) => {
    const same = catalogue.units.find((u) => u.code === d.code);
    if (same && same.dimension !== d.dimension) {
      issues.push({ path: [...at, i, 'dimension'], message: `unit ${d.code} already exists with dimension ${same.dimension}; it cannot change to ${d.dimension} (figures were converted with it)` });
    } else if (same && !sameFactor(same.factor, d.factor)) {
      issues.push({ path: [...at, i, 'factor'], message: `unit ${d.code} already exists with factor ${same.factor} (dimension ${same.dimension}); it cannot change to ${d.factor} (figures were converted with it)` });
    }
    [d.code, ...d.aliases].forEach((t, j) => {
      const other = byKey.get(normaliseUnitText(t));
      if (!other || other.code === d.code) return;
      issues.push({ path: j === 0 ? [...at, i, 'symbol'] : [...at, i, 'aliases', j - 1], message: `"${t}" already names the unit ${other.code} (${other.dimension}); choose another symbol or alias` });
    });
  });
  return issues;
}
