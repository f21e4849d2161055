/**
 * A plan indicator as the rest of the platform reads it, made from its definition in the plan file. One function
 * for every version of a plan: the version in force today (stored row by row) and an earlier one (stored as its
 * file) become the same PlanIndicator.
 */
import type { PlanIndicator } from './model';
import type { PlanIndicatorDef } from './schema';
import { levelTarget, planTargets } from './targets';

export function planIndicatorFromDef(ind: PlanIndicatorDef, baseYear: number): PlanIndicator {
  const targets = planTargets(ind, baseYear);
  const last = targets[targets.length - 1];
  return {
    code: ind.code,
    system: ind.system,
    category: ind.category,
    number: ind.number ?? null,
    name: ind.name,
    unit: ind.unit,
    attribute: ind.attribute,
    direction: ind.direction,
    baseline: ind.baseline ? { value: ind.baseline.value, year: ind.baseline.year, quote: ind.baseline.quote ?? null } : null,
    target: last ? levelTarget(last) : null,
    targets,
    frequency: ind.frequency,
    responsible: ind.responsible,
    growthTarget: ind.growthTarget ? { ratePercent: ind.growthTarget.ratePercent, fromYear: ind.growthTarget.fromYear, toYear: ind.growthTarget.toYear, printed: ind.growthTarget.printed, basis: ind.growthTarget.basis } : null,
    share: ind.share ? { numerator: ind.share.numerator, denominator: ind.share.denominator } : null,
    location: ind.location ?? null,
    notes: ind.notes ?? null,
  };
}
