/**
 * Turns a plain object (already read from YAML) into a checked PlanDocument, or the list of everything that is
 * wrong with it — in one pass: shape (./schema.ts), units (./planUnits.ts), regions (./resolveRegions.ts), rules
 * across the file (./crossCheck.ts) and the shared indicator catalogue (./catalogue.ts). `plan validate` and
 * `plan load` both call this with the same kind of context (the database's, or the bundled files'), so a file the
 * load refuses the validation refuses with the same messages.
 *
 * @example
 * const r = parsePlan(yamlObject, { regions, units, catalogue });
 * if (!r.ok) console.log(r.issues.map((i) => `${formatPath(i.path)}: ${i.message}`));
 */
import type { RegionRegistry } from '../region/registry';
import type { UnitCatalogue } from '../unit/catalogue';
import type { Unit } from '../unit/units';
import { catalogueConflicts } from './catalogue';
import { crossCheckPlan } from './crossCheck';
import type { PlanIssue } from './issues';
import { explainIssues } from './issueText';
import type { CatalogueIndicator } from './model';
import { checkPlanUnits } from './planUnits';
import { resolvePlanRegions } from './resolveRegions';
import { planDocumentSchema, type PlanDocument } from './schema';
import { looseCopy } from './schemaWalk';

/** What a plan is checked against: the target database's registry, units and indicators, or the bundled ones. */
export interface PlanCheckContext {
  regions: RegionRegistry;
  units: UnitCatalogue;
  /** Indicators already in the shared catalogue: a plan may not change their unit or share formula. */
  catalogue: ReadonlyMap<string, CatalogueIndicator>;
}

export type ParsePlanResult = { ok: true; plan: PlanDocument; units: Unit[] } | { ok: false; issues: PlanIssue[] };

const startsWith = (path: PlanIssue['path'], prefix: PlanIssue['path']) => prefix.length <= path.length && prefix.every((p, i) => path[i] === p);

export function parsePlan(raw: unknown, ctx: PlanCheckContext): ParsePlanResult {
  const shaped = planDocumentSchema.safeParse(raw);
  const shapeIssues = shaped.success ? [] : explainIssues(shaped.error.issues, raw, planDocumentSchema);
  // A file with shape problems is still checked across, on a best-effort copy, so every problem shows at once.
  const doc = shaped.success ? shaped.data : (looseCopy(planDocumentSchema, raw) as PlanDocument);
  let checked: { plan: PlanDocument; units: Unit[]; issues: PlanIssue[] };
  try {
    checked = checkAcross(doc, ctx);
  } catch (e) {
    // Only a copy of a broken file can trip the rules; its shape issues say what to fix first.
    if (shaped.success) throw e;
    checked = { plan: doc, units: [], issues: [] };
  }
  // A finding on a field whose shape is already reported would say the same thing twice.
  const across = checked.issues.filter((c) => !shapeIssues.some((s) => startsWith(c.path, s.path)));
  const issues = [...shapeIssues, ...across];
  return issues.length > 0 || !shaped.success ? { ok: false, issues } : { ok: true, plan: checked.plan, units: checked.units };
}

function checkAcross(doc: PlanDocument, ctx: PlanCheckContext): { plan: PlanDocument; units: Unit[]; issues: PlanIssue[] } {
  const units = checkPlanUnits(doc, ctx.units);
  const regions = resolvePlanRegions(units.plan, ctx.regions);
  const plan = regions.plan;
  const sameUnit = (a: string, b: string) => {
    const x = units.catalogue.parse(a);
    const y = units.catalogue.parse(b);
    return x.ok && y.ok && x.value.code === y.value.code;
  };
  const issues = [...units.issues, ...regions.issues, ...crossCheckPlan(plan), ...catalogueConflicts(plan.indicators, ctx.catalogue, sameUnit)];
  return { plan, units: units.declared, issues };
}
