/**
 * Indicators are shared across plans (GDP is GDP in the 14th and the 15th plan), so a plan may not redefine an
 * existing indicator's unit or its share formula: figures already stored under that code would change meaning.
 * Names may change (each plan keeps its own wording).
 */
import type { PlanIssue } from './issues';
import type { CatalogueIndicator } from './model';
import type { PlanDocument } from './schema';

export function catalogueConflicts(plan: PlanDocument, existing: ReadonlyMap<string, CatalogueIndicator>): PlanIssue[] {
  const issues: PlanIssue[] = [];
  plan.indicators.forEach((ind, i) => {
    const prior = existing.get(ind.code);
    if (!prior) return;
    if (prior.unit !== ind.unit) {
      issues.push({ path: ['indicators', i, 'unit'], message: `indicator ${ind.code} already exists with unit "${prior.unit}"; a plan cannot change it to "${ind.unit}"` });
    }
    const num = ind.share?.numerator ?? null;
    const den = ind.share?.denominator ?? null;
    if (prior.numeratorCode !== num || prior.denominatorCode !== den) {
      issues.push({
        path: ['indicators', i, 'share'],
        message: `indicator ${ind.code} already exists as ${prior.numeratorCode ?? '-'} / ${prior.denominatorCode ?? '-'}; a plan cannot redefine it as ${num ?? '-'} / ${den ?? '-'}`,
      });
    }
  });
  return issues;
}
