/**
 * The units of a plan file: every indicator's unit must be in the unit catalogue (the database's, or the bundled
 * one when a file is checked without a database), or among the units the plan declares itself (`units:`). A unit
 * written as an alias or variant (万TEU, ％) is stored as the catalogue's symbol (万标箱, %), so one unit has one
 * spelling in the database. A declared unit may repeat a known one but never redefine it.
 */
import { extendUnitCatalogue, type UnitCatalogue } from '../unit/catalogue';
import { unitConflicts } from '../unit/conflicts';
import { duplicateUnits, toUnit } from '../unit/schema';
import type { Unit } from '../unit/units';
import type { PlanIssue } from './issues';
import type { PlanDocument } from './schema';

export interface PlanUnits {
  /** The plan with each indicator's unit written as its catalogue symbol. */
  plan: PlanDocument;
  /** Units the plan declares that the catalogue does not hold yet (stored with the plan). */
  declared: Unit[];
  /** The catalogue the plan's figures are read in: the given one and the plan's own units. */
  catalogue: UnitCatalogue;
  issues: PlanIssue[];
}

export function checkPlanUnits(plan: PlanDocument, units: UnitCatalogue): PlanUnits {
  const defs = plan.units;
  const own = defs.map(toUnit);
  const issues: PlanIssue[] = [...duplicateUnits(defs, ['units']), ...unitConflicts(own, units, ['units'])];
  const known = new Set(units.units.map((u) => u.code));
  const declared = own.filter((u) => !known.has(u.code));
  const catalogue = extendUnitCatalogue(units, declared);
  const indicators = plan.indicators.map((ind, i) => {
    if (typeof ind.unit !== 'string') return ind;
    const u = catalogue.parse(ind.unit);
    if (!u.ok) {
      issues.push({ path: ['indicators', i, 'unit'], message: `${u.error.replace(/\)$/, '')}; a plan may declare a unit of its own under units:)` });
      return ind;
    }
    return u.value.code === ind.unit ? ind : { ...ind, unit: u.value.code };
  });
  return { plan: { ...plan, indicators }, declared, catalogue, issues };
}
