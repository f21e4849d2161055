/**
 * 规划衔接 — the earlier plan's final values offered as a plan's 基期值 (issue 14, point 8). For each indicator of the
 * plan that an earlier plan of the same region, ending in this plan's base year, also judged (domain/plan/
 * succession.ts), the earlier plan's final evaluation gives the base year's value — the y_T of its 总结评估 — and
 * the plan's printed 基期值, if any, is compared with it.
 */
import type { Database } from '../db/client';
import { listPlanIndicators } from '../db/plans';
import { parseAsOf } from '../domain/evaluation/asOf';
import { compareBaseline, predecessorsOf, type BaselineAgreement } from '../domain/plan/succession';
import type { Baseline } from '../domain/plan/model';
import type { LocalizedText } from '../domain/text';
import { convertValue } from '../domain/unit/convert';
import { evaluatePlan } from './evaluation/evaluatePlan';
import { plansService, type PlanReader } from './plans';
import { unitCatalogueOf } from './units/unitCatalogue';

export interface BaselineOffer {
  indicatorCode: string;
  name: LocalizedText;
  /** The plan's unit; the offered value is converted to it. */
  unit: string;
  /** The plan's printed 基期值, if any. */
  printed: Baseline | null;
  from: {
    planId: string;
    planName: LocalizedText;
    /** The earlier plan's target of the indicator, as printed, and where its final evaluation leaves it (完成, 未完成…). */
    targetYear: number;
    targetPrinted: string | null;
    standing: { code: string; label: LocalizedText; phase: 'progress' | 'final' };
  };
  /** The base year's value in the earlier plan's final evaluation; null when it has none yet. */
  offered: { value: number; year: number; observationId: number | null; derived: boolean } | null;
  agreement: BaselineAgreement | 'no_value';
  /** printed − offered, in the plan's unit. */
  difference: number | null;
}

export async function baselineOffers(database: Database, planId: string, reader: PlanReader): Promise<BaselineOffer[]> {
  const plan = await plansService.get(database, planId, reader);
  const earlier = predecessorsOf(plan, await plansService.list(database, reader));
  if (earlier.length === 0) return [];
  const [indicators, units] = await Promise.all([listPlanIndicators(database.db, planId), unitCatalogueOf(database.db)]);
  // A year as the as-of: every vintage known now, periods up to the base year — the earlier plan's final verdict.
  const asOf = parseAsOf(String(plan.baseYear));
  if (!asOf.ok) throw new Error(asOf.error);
  const offers: BaselineOffer[] = [];
  for (const before of earlier) {
    const evaluation = await evaluatePlan(database, before.id, { asOf: asOf.value, methods: [] });
    const judged = new Map(evaluation.indicators.map((ev) => [ev.indicator.code, ev]));
    for (const indicator of indicators) {
      const ev = judged.get(indicator.code);
      if (!ev) continue;
      const point = ev.series.find((p) => p.year === plan.baseYear) ?? null;
      const converted = point ? convertValue(point.value, ev.indicator.unit, indicator.unit, units) : null;
      const offered = point && converted?.ok ? { value: converted.value, year: point.year, observationId: point.observation?.id ?? null, derived: point.derivation !== null } : null;
      const comparison = offered ? compareBaseline(indicator.baseline, offered) : null;
      const target = ev.targets[ev.targets.length - 1]?.target ?? null;
      offers.push({
        indicatorCode: indicator.code,
        name: indicator.name,
        unit: indicator.unit,
        printed: indicator.baseline,
        from: {
          planId: before.id,
          planName: before.shortName ?? before.name,
          targetYear: target?.year ?? before.period.end,
          targetPrinted: target?.printed ?? null,
          standing: { code: ev.standing.code, label: ev.standing.label, phase: ev.standing.phase },
        },
        offered,
        agreement: comparison?.agreement ?? 'no_value',
        difference: comparison?.difference ?? null,
      });
    }
  }
  return offers;
}
