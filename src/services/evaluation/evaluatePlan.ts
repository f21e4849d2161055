/**
 * Evaluates a plan's indicators as of a year or a date: for each indicator of the indicator system, the series of
 * chosen figures (preference rule, derived shares), the baseline (the plan's own 基期值, else the base-year figure),
 * the latest value and its source, and every requested method's result with its workings.
 */
import type { Database } from '../../db/client';
import { listObservations } from '../../db/observations';
import { getPlan, listCatalogue, listPlanIndicators, listPlanVersions, planVersionDocument } from '../../db/plans';
import { listAssessments } from '../../db/qualitative';
import { latestAssessment } from '../../domain/evaluation/qualitative';
import { planIndicatorFromDef } from '../../domain/plan/indicator';
import type { PlanIndicator } from '../../domain/plan/model';
import { versionInForce } from '../../domain/plan/versionInForce';
import type { Db } from '../../db/client';
import { listRegions } from '../../db/regions';
import type { AsOf } from '../../domain/evaluation/asOf';
import { evaluateIndicator, type IndicatorEvaluation } from '../../domain/evaluation/indicator';
import type { MethodId } from '../../domain/evaluation/result';
import type { Observation } from '../../domain/observation/observation';
import type { ApprovalState } from '../../domain/observation/approval';
import { annualSeries, type SeriesPoint } from '../../domain/observation/series';
import { isMoneyAmount } from '../../domain/unit/kind';
import { unitCatalogueOf } from '../units/unitCatalogue';
import { NotFoundError } from '../errors';
import { concurrently } from '../../db/concurrently';

export type { IndicatorEvaluation };

export interface PlanEvaluation {
  planId: string;
  /** Which figures were used: approved ones only (the default), or drafts and submitted ones too. */
  figures: 'approved' | 'including_drafts';
  asOf: AsOf;
  regionCode: string;
  methods: MethodId[];
  /** The plan version judged against: the one in force on the as-of date (a 中期调整 changes targets from its date). */
  version: { number: number; effectiveFrom: string | null; label: { zh: string; en: string } | null };
  indicators: IndicatorEvaluation[];
}

export interface EvaluateOptions {
  asOf: AsOf;
  methods: readonly MethodId[];
  regionCode?: string;
  /** Approval states of the figures to use; default approved only. The caller checks who may widen it. */
  states?: readonly ApprovalState[];
}

export async function evaluatePlan(database: Database, planId: string, opts: EvaluateOptions): Promise<PlanEvaluation> {
  const [one] = await evaluatePlanForRegions(database, planId, { ...opts, regionCodes: opts.regionCode ? [opts.regionCode] : null });
  if (!one) throw new Error('evaluation produced no result');
  return one;
}

/**
 * Evaluates the plan for several regions (null = the plan's own region) from one read of the plan and one of the
 * figures — the district view evaluates twelve regions at once.
 */
export async function evaluatePlanForRegions(
  database: Database,
  planId: string,
  opts: Omit<EvaluateOptions, 'regionCode'> & { regionCodes: readonly string[] | null },
): Promise<PlanEvaluation[]> {
  const plan = await getPlan(database.db, planId);
  if (!plan) throw new NotFoundError(`no plan with id "${planId}"`);
  const regionCodes = opts.regionCodes ?? [plan.regionCode];
  const known = new Set((await listRegions(database.db)).map((r) => r.code));
  const unknown = regionCodes.filter((c) => !known.has(c));
  if (unknown.length > 0) throw new NotFoundError(`no region ${unknown.join(', ')}`);
  const [{ indicators, version }, catalogue, assessments] = await Promise.all([
    indicatorsInForce(database.db, planId, plan, opts.asOf.publishedBy),
    listCatalogue(database.db),
    listAssessments(database.db, planId),
  ]);
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const system = indicators.filter((i) => i.system);
  // The growth-rate indicator of each level (RETAIL_GROWTH of RETAIL): for a baseline derived from the next year's
  // level and nominal growth, and for real 年均增长 targets.
  const growthOf = new Map(catalogue.flatMap((c) => (c.growthOf ? [[c.growthOf, c.code] as const] : [])));
  const growthIndicatorOf = (code: string) => growthOf.get(code) ?? null;
  const names = new Map([...catalogue.map((c) => [c.code, c.name] as const), ...indicators.map((i) => [i.code, i.name] as const)]);
  const nameOf = (code: string) => names.get(code) ?? { zh: code, en: code };
  const codes = new Set(system.flatMap((i) => [i.code, ...(i.share ? [i.share.numerator, i.share.denominator] : [])]));
  for (const code of [...codes]) {
    const g = growthOf.get(code);
    if (g) codes.add(g);
  }
  const states = opts.states ?? ['approved'];
  const figures = await listObservations(database.db, { indicatorCodes: [...codes], regionCodes: [...regionCodes], states });
  const basis = states.some((s) => s !== 'approved') ? 'including_drafts' : 'approved';
  const units = await unitCatalogueOf(database.db);
  const money = new Map([...codes].map((code) => [code, isMoneyAmount(byCode.get(code)?.unit ?? '', units)]));

  return regionCodes.map((regionCode) => {
    const figuresOf = group(figures.filter((f) => f.regionCode === regionCode));
    const seriesOf = (code: string, priceBasis?: 'current' | 'comparable'): SeriesPoint[] =>
      annualSeries(figuresOf.get(code) ?? [], { publishedBy: opts.asOf.publishedBy, maxYear: opts.asOf.maxYear, priceBasis: priceBasis ?? (money.get(code) ? 'current' : 'any') });
    const ctx = {
      baseYear: plan.baseYear, isPlanRegion: regionCode === plan.regionCode, asOf: opts.asOf, settings: plan.evaluation, growthIndicatorOf, nameOf,
      assessmentOf: (code: string, targetYear: number) =>
        latestAssessment(assessments.filter((a) => a.indicatorCode === code && a.targetYear === targetYear), opts.asOf.publishedBy),
      // 年内监测: 1–N月, quarters and months of the same figures (annualSeries keeps the years).
      subAnnualOf: (code: string) => figuresOf.get(code) ?? [],
    };
    return {
      planId,
      figures: basis,
      asOf: opts.asOf,
      regionCode,
      methods: [...opts.methods],
      version,
      indicators: system.map((indicator) => evaluateIndicator(indicator, ctx, seriesOf, opts.methods)),
    };
  });
}

/**
 * The indicators of the plan version in force on the as-of date: today's (stored row by row) unless a later
 * adjustment took effect after that date, when the earlier version's stored file is read the same way.
 */
async function indicatorsInForce(db: Db, planId: string, plan: { baseYear: number; version: PlanEvaluation['version'] }, asOfDate: string | null): Promise<{ indicators: PlanIndicator[]; version: PlanEvaluation['version'] }> {
  const [versions, current] = await concurrently(db, [() => listPlanVersions(db, planId), () => listPlanIndicators(db, planId)]);
  const chosen = versionInForce(versions, asOfDate);
  const document = chosen && chosen.number !== plan.version.number ? await planVersionDocument(db, planId, chosen.number) : null;
  if (!chosen || !document) return { indicators: current, version: plan.version };
  // A share's parts may be stated in the catalogue rather than the file: the stored indicators carry them.
  const catalogueShares = new Map(current.flatMap((i) => (i.share ? [[i.code, i.share] as const] : [])));
  const indicators = document.indicators.map((def) => {
    const i = planIndicatorFromDef(def, document.baseYear);
    return i.share ? i : { ...i, share: catalogueShares.get(i.code) ?? null };
  });
  return { indicators, version: { number: chosen.number, effectiveFrom: chosen.effectiveFrom, label: chosen.label } };
}

function group(figures: readonly Observation[]): Map<string, Observation[]> {
  const map = new Map<string, Observation[]>();
  for (const f of figures) {
    const list = map.get(f.indicatorCode) ?? [];
    list.push(f);
    map.set(f.indicatorCode, list);
  }
  return map;
}
