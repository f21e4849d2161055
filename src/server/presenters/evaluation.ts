/** Shapes a plan evaluation for the API: series points carry the id of the figure used, not the whole figure. */
import { PREFERENCE_RULE } from '../../domain/observation/preference';
import type { PlanEvaluation } from '../../services/evaluation/evaluatePlan';
import type { PlanEvaluationDto } from '../../shared/api';

export function presentEvaluation(e: PlanEvaluation): PlanEvaluationDto {
  return {
    planId: e.planId,
    figures: e.figures,
    asOf: e.asOf,
    regionCode: e.regionCode,
    methods: e.methods,
    version: e.version,
    preferenceRule: PREFERENCE_RULE,
    indicators: e.indicators.map((i) => ({
      indicator: i.indicator,
      phase: i.phase,
      baseline: i.baseline,
      latest: i.latest && {
        value: i.latest.value,
        year: i.latest.year,
        observation: i.latest.observation,
        derivation: i.latest.derivation,
        candidates: i.latest.candidates,
      },
      series: i.series.map((p) => ({ year: p.year, value: p.value, observationId: p.observation?.id ?? null, derived: p.derivation !== null, standIn: p.standIn ?? null })),
      gaps: i.gaps,
      results: Object.fromEntries(
        Object.entries(i.results).map(([m, r]) => [m, { method: r.method, status: r.status, label: r.label, ...('reason' in r ? { reason: r.reason } : {}), workings: r.workings }]),
      ),
      standing: i.standing,
      targets: i.targets,
      current: i.current,
      inYear: i.inYear && {
        periodCode: i.inYear.periodCode,
        year: i.inYear.year,
        value: i.inYear.value,
        observationId: i.inYear.observation.id,
        previous: i.inYear.previous && { periodCode: i.inYear.previous.periodCode, value: i.inYear.previous.value, observationId: i.inYear.previous.observation.id },
        change: i.inYear.change,
        changeKind: i.inYear.changeKind,
      },
    })),
  };
}
