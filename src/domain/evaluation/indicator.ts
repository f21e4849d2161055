/**
 * Evaluates one indicator of a plan from its annual series: derives unpublished shares, picks the baseline (the
 * plan's own 基期值 for the plan's region; for a district, that district's base-year figure), takes the latest value,
 * and runs the requested methods. Pure: the series come in through `seriesOf`.
 */
import type { Observation } from '../observation/observation';
import { withDerivedShares, type SeriesPoint } from '../observation/series';
import type { PlanIndicator } from '../plan/model';
import type { LocalizedText } from '../text';
import { METHODS } from './methods';
import type { EvaluationResult, MethodId } from './result';

export interface IndicatorEvaluation {
  indicator: PlanIndicator;
  baseline: { value: number; year: number; from: 'plan' | 'figure'; observation: Observation | null } | null;
  latest: SeriesPoint | null;
  series: SeriesPoint[];
  /** Years a share could not be derived, and why. */
  gaps: Array<{ year: number; reason: LocalizedText }>;
  results: Partial<Record<MethodId, EvaluationResult>>;
}

export function evaluateIndicator(
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

