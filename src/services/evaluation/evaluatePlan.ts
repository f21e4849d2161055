/**
 * Evaluates a plan's indicators as of a year or a date: for each indicator of the indicator system, the series of
 * chosen figures (preference rule, derived shares), the baseline (the plan's own 基期值, else the base-year figure),
 * the latest value and its source, and every requested method's result with its workings.
 */
import type { Database } from '../../db/client';
import { listObservations } from '../../db/observations';
import { getPlan, listPlanIndicators } from '../../db/plans';
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

export async function evaluatePlan(
  database: Database,
  planId: string,
  opts: { asOf: AsOf; methods: readonly MethodId[]; regionCode?: string },
): Promise<PlanEvaluation> {
  const plan = await getPlan(database.db, planId);
  if (!plan) throw new NotFoundError(`no plan with id "${planId}"`);
  const regionCode = opts.regionCode ?? plan.regionCode;
  const indicators = await listPlanIndicators(database.db, planId);
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const system = indicators.filter((i) => i.system);
  const codes = new Set(system.flatMap((i) => [i.code, ...(i.share ? [i.share.numerator, i.share.denominator] : [])]));
  const figures = await listObservations(database.db, { indicatorCodes: [...codes], regionCodes: [regionCode] });
  const figuresOf = group(figures);

  const seriesOf = (code: string): SeriesPoint[] => {
    const unit = byCode.get(code)?.unit ?? '';
    const money = (() => {
      const u = parseUnit(unit);
      return u.ok && u.value.dimension.startsWith('currency');
    })();
    return annualSeries(figuresOf.get(code) ?? [], { publishedBy: opts.asOf.publishedBy, maxYear: opts.asOf.maxYear, priceBasis: money ? 'current' : 'any' });
  };

  return {
    planId,
    asOf: opts.asOf,
    regionCode,
    methods: [...opts.methods],
    indicators: system.map((indicator) => {
      let series = seriesOf(indicator.code);
      let gaps: IndicatorEvaluation['gaps'] = [];
      if (indicator.share) {
        ({ points: series, gaps } = withDerivedShares(series, seriesOf(indicator.share.numerator), seriesOf(indicator.share.denominator)));
      }
      const latest = series.length > 0 ? (series[series.length - 1] ?? null) : null;
      const baseYear = indicator.baseline?.year ?? plan.baseYear;
      const basePoint = series.find((p) => p.year === baseYear) ?? null;
      const baseline = indicator.baseline
        ? { value: indicator.baseline.value, year: indicator.baseline.year, from: 'plan' as const, observation: null }
        : basePoint
          ? { value: basePoint.value, year: basePoint.year, from: 'figure' as const, observation: basePoint.observation }
          : null;
      const input = {
        indicator: { code: indicator.code, unit: indicator.unit, direction: indicator.direction, isShare: indicator.share !== null },
        target: indicator.target,
        baseline: baseline ? { value: baseline.value, year: baseline.year } : null,
        latest: latest && (!baseline || latest.year > baseline.year) ? { value: latest.value, year: latest.year } : null,
      };
      const results: Partial<Record<MethodId, EvaluationResult>> = {};
      for (const m of opts.methods) results[m] = METHODS[m](input);
      return { indicator, baseline, latest, series, gaps, results };
    }),
  };
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
