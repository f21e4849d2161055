/**
 * Indicators are shared across plans (GDP is GDP in the 14th and the 15th plan), so a plan may not redefine an
 * existing indicator's unit or its share formula: figures already stored under that code would change meaning.
 * Names may change (each plan keeps its own wording).
 */
import type { PlanIssue } from './issues';
import type { CatalogueIndicator } from './model';

/** What a plan or a catalogue file says about an indicator that must agree with the stored catalogue. */
export interface IndicatorDefinition {
  code: string;
  unit: string;
  share?: { numerator: string; denominator: string } | undefined;
}

/**
 * The fields of `defs` that disagree with the stored catalogue. `sameUnit` says when two unit texts name one unit
 * (万TEU and 万标箱); by default only the same text does.
 */
export function catalogueConflicts(
  defs: readonly IndicatorDefinition[],
  existing: ReadonlyMap<string, CatalogueIndicator>,
  sameUnit: (a: string, b: string) => boolean = (a, b) => a === b,
): PlanIssue[] {
  const issues: PlanIssue[] = [];
  defs.forEach((ind, i) => {
    const prior = existing.get(ind.code);
    if (!prior) return;
    if (prior.unit !== ind.unit && !sameUnit(prior.unit, ind.unit)) {
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
