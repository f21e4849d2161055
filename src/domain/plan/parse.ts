/**
 * Turns a plain object (already read from YAML) into a checked PlanDocument, or the list of what is wrong.
 *
 * @example
 * const r = parsePlan(yamlObject, { knownRegions: new Set(['440300']) });
 * if (!r.ok) console.log(r.issues.map((i) => `${formatPath(i.path)}: ${i.message}`));
 */
import { crossCheckPlan, type CrossCheckContext } from './crossCheck';
import type { PlanIssue } from './issues';
import { planDocumentSchema, type PlanDocument } from './schema';

export type ParsePlanResult = { ok: true; plan: PlanDocument } | { ok: false; issues: PlanIssue[] };

export function parsePlan(raw: unknown, ctx: CrossCheckContext): ParsePlanResult {
  const shaped = planDocumentSchema.safeParse(raw);
  if (!shaped.success) {
    const issues = shaped.error.issues.map((i) => ({ path: i.path.filter((p): p is string | number => typeof p !== 'symbol'), message: i.message }));
    return { ok: false, issues };
  }
  const issues = crossCheckPlan(shaped.data, ctx);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, plan: shaped.data };
}
