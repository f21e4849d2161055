/**
 * Evaluates a plan's indicators as of a year or a date: for each indicator of the indicator system, the series of
 * chosen figures (preference rule, derived shares), the baseline (the plan's own 基期值, else the base-year figure),
 * the latest value and its source, and every requested method's result with its workings.
 */
import type { Database } from '../../db/client';
import { listObservations } from '../../db/observations';
import { getPlan, listPlanIndicators } from '../../db/plans';
import { listRegions } from '../../db/regions';
import type { AsOf } from '../../domain/evaluation/asOf';
import { METHODS } from '../../domain/evaluation/methods';
import type { EvaluationResult, MethodId } from '../../domain/evaluation/result';
import type { Observation } from '../../domain/observation/observation';
import { annualSeries, withDerivedShares, type SeriesPoint } from '../../domain/observation/series';
import type { PlanIndicator } from '../../domain/plan/model';
import type { LocalizedText } from '../../domain/text';
import { parseUnit } from '../../domain/unit/parse';
import { NotFoundError } from '../plans';

export interface IndicatorEvaluation {
  indicator: PlanIndicator;
  baseline: { value: number; year: number; from: 'plan' | 'figure'; observation: Observation | null } | null;
  latest: SeriesPoint | null;
  series: SeriesPoint[];
  /** Years a share could not be derived, and why. */
  gaps: Array<{ year: number; reason: LocalizedText }>;
  results: Partial<Record<MethodId, EvaluationResult>>;
}

export interface PlanEvaluation {
  planId: string;
  asOf: AsOf;
  regionCode: string;
  methods: MethodId[];
  indicators: IndicatorEvaluation[];
}

export interface EvaluateOptions {
  asOf: AsOf;
  methods: readonly MethodId[];
  regionCode?: string;
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
  const indicators = await listPlanIndicators(database.db, planId);
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const system = indicators.filter((i) => i.system);
  const codes = new Set(system.flatMap((i) => [i.code, ...(i.share ? [i.share.numerator, i.share.denominator] : [])]));
  const figures = await listObservations(database.db, { indicatorCodes: [...codes], regionCodes: [...regionCodes] });
  const money = new Map(
    [...codes].map((code) => {
      const u = parseUnit(byCode.get(code)?.unit ?? '');
      return [code, u.ok && u.value.dimension.startsWith('currency')];
    }),
  );

  return regionCodes.map((regionCode) => {
    const figuresOf = group(figures.filter((f) => f.regionCode === regionCode));
    const seriesOf = (code: string): SeriesPoint[] =>
      annualSeries(figuresOf.get(code) ?? [], { publishedBy: opts.asOf.publishedBy, maxYear: opts.asOf.maxYear, priceBasis: money.get(code) ? 'current' : 'any' });
    return {
      planId,
      asOf: opts.asOf,
      regionCode,
      methods: [...opts.methods],
      indicators: system.map((indicator) => evaluateIndicator(indicator, plan.baseYear, regionCode === plan.regionCode, seriesOf, opts.methods)),
    };
  });
}

/**
 * One indicator: its series (with derived shares), baseline, latest value and method results. The plan's own
 * 基期值 is the baseline for the plan's region; for a district it comes from that district's base-year figure.
 */
function evaluateIndicator(
  indicator: PlanIndicator,
  planBaseYear: number,
  isPlanRegion: boolean,
  seriesOf: (code: string) => SeriesPoint[],
  methods: readonly MethodId[],
): IndicatorEvaluation {
  let series = seriesOf(indicator.code);
  let gaps: IndicatorEvaluation['gaps'] = [];
  if (indicator.share) {
    ({ points: series, gaps } = withDerivedShares(series, seriesOf(indicator.share.numerator), seriesOf(indicator.share.denominator)));
  }
  const latest = series.length > 0 ? (series[series.length - 1] ?? null) : null;
  const planBaseline = isPlanRegion ? indicator.baseline : null;
  const baseYear = planBaseline?.year ?? planBaseYear;
  const basePoint = series.find((p) => p.year === baseYear) ?? null;
  const baseline = planBaseline
    ? { value: planBaseline.value, year: planBaseline.year, from: 'plan' as const, observation: null }
    : basePoint
      ? { value: basePoint.value, year: basePoint.year, from: 'figure' as const, observation: basePoint.observation }
      : null;
  const input = {
    indicator: { code: indicator.code, unit: indicator.unit, direction: indicator.direction, isShare: indicator.share !== null },
    target: isPlanRegion ? indicator.target : null,
    growthTarget: isPlanRegion && indicator.growthTarget ? { ratePercent: indicator.growthTarget.ratePercent, fromYear: indicator.growthTarget.fromYear, toYear: indicator.growthTarget.toYear } : null,
    baseline: baseline ? { value: baseline.value, year: baseline.year } : null,
    latest: latest && (!baseline || latest.year > baseline.year) ? { value: latest.value, year: latest.year } : null,
  };
  const results: Partial<Record<MethodId, EvaluationResult>> = {};
  for (const m of methods) results[m] = METHODS[m](input);
  return { indicator, baseline, latest, series, gaps, results };
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
