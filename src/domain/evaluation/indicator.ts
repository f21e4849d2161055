/**
 * Evaluates one indicator of a plan from its annual series: derives unpublished shares, picks the baseline (the
 * plan's own 基期值 for the plan's region, else the base-year figure — see ./baseline.ts), reads the values up to the
 * target year (never later: after the target year the verdict is on the target year's value), runs the requested
 * progress methods, and gives the indicator's standing (./standing.ts): progress before the target year has ended,
 * the final verdict after. Pure: the series come in through `seriesOf`.
 */
import type { AsOf } from './asOf';
import type { Observation } from '../observation/observation';
import { withDerivedShares, type SeriesPoint } from '../observation/series';
import type { PlanIndicator } from '../plan/model';
import type { LocalizedText } from '../text';
import { chooseBaseline, type BaselineChoice } from './baseline';
import type { GrowthData, GrowthRequirement } from './growthStanding';
import { METHODS } from './methods';
import type { EvaluationResult, MethodId } from './result';
import type { EvaluationSettings } from './settings';
import { phaseOf, standingOf, type Phase, type Standing } from './standing';

export interface IndicatorEvaluation {
  indicator: PlanIndicator;
  phase: Phase;
  baseline: BaselineChoice | null;
  /** The latest value the evaluation reads: the newest year up to the target year. */
  latest: SeriesPoint | null;
  /** Every chosen annual value up to the as-of year (the chart shows them all). */
  series: SeriesPoint[];
  /** Years a share could not be derived, and why. */
  gaps: Array<{ year: number; reason: LocalizedText }>;
  results: Partial<Record<MethodId, EvaluationResult>>;
  standing: Standing;
}

export interface IndicatorContext {
  baseYear: number;
  /** Targets and the printed baseline apply only in the plan's own region. */
  isPlanRegion: boolean;
  asOf: AsOf;
  settings: EvaluationSettings;
  /** The catalogue's growth-rate indicator of a code (RETAIL → RETAIL_GROWTH), if any. */
  growthIndicatorOf(code: string): string | null;
  /** An indicator's name (for sentences about a share's numerator and denominator). */
  nameOf(code: string): LocalizedText;
}

export type SeriesOf = (code: string, priceBasis?: 'current' | 'comparable') => SeriesPoint[];

export function evaluateIndicator(indicator: PlanIndicator, ctx: IndicatorContext, seriesOf: SeriesOf, methods: readonly MethodId[]): IndicatorEvaluation {
  let series = seriesOf(indicator.code);
  let gaps: IndicatorEvaluation['gaps'] = [];
  if (indicator.share) {
    ({ points: series, gaps } = withDerivedShares(series, seriesOf(indicator.share.numerator), seriesOf(indicator.share.denominator)));
  }
  const target = ctx.isPlanRegion ? indicator.target : null;
  const growth: GrowthRequirement | null = ctx.isPlanRegion ? indicator.growthTarget : null;
  const T = target?.year ?? growth?.toYear ?? null;
  const phase: Phase = T === null ? 'progress' : phaseOf(T, ctx.asOf);
  const upToTarget = T === null ? series : series.filter((p) => p.year <= T);
  const latest = upToTarget[upToTarget.length - 1] ?? null;

  const growthCode = ctx.growthIndicatorOf(indicator.code);
  const nominalGrowth = growthCode ? yearMap(seriesOf(growthCode, 'current')) : new Map<number, { value: number; observation: Observation | null }>();
  const baseline = chooseBaseline({
    printed: ctx.isPlanRegion ? indicator.baseline : null,
    baseYear: indicator.baseline?.year ?? ctx.baseYear,
    unit: indicator.unit,
    series,
    nominalGrowth,
  });

  const input = {
    indicator: { code: indicator.code, unit: indicator.unit, direction: indicator.direction, isShare: indicator.share !== null },
    target,
    // A real (可比价) growth target is never turned into a current-price level target: it is judged on real growth.
    growthTarget: growth && growth.basis === 'nominal' ? { ratePercent: growth.ratePercent, fromYear: growth.fromYear, toYear: growth.toYear } : null,
    baseline: baseline ? { value: baseline.value, year: baseline.year } : null,
    latest: latest && (!baseline || latest.year > baseline.year) ? { value: latest.value, year: latest.year } : null,
  };
  const results: Partial<Record<MethodId, EvaluationResult>> = {};
  for (const m of methods) results[m] = METHODS[m](input);
  const primary = results.time_proportional ?? METHODS.time_proportional(input);

  const growthData: GrowthData | null = !growth
    ? null
    : growth.basis === 'real'
      ? { basis: 'real', rates: valueMap(growthCode ? seriesOf(growthCode, 'comparable') : []) }
      : { basis: 'nominal', levels: withBaseline(valueMap(series), baseline) };
  const standing = standingOf({
    name: indicator.name,
    unit: indicator.unit,
    direction: indicator.direction,
    target,
    growth,
    phase,
    baseYear: indicator.baseline?.year ?? ctx.baseYear,
    baseline,
    points: upToTarget.map((p) => ({ year: p.year, value: p.value, precision: p.observation?.precision ?? 'exact' })),
    growthData,
    primary,
    settings: ctx.settings,
    shareParts: indicator.share ? { numerator: ctx.nameOf(indicator.share.numerator), denominator: ctx.nameOf(indicator.share.denominator) } : null,
  });
  return { indicator, phase, baseline, latest, series, gaps, results, standing };
}

function yearMap(points: readonly SeriesPoint[]): Map<number, { value: number; observation: Observation | null }> {
  return new Map(points.map((p) => [p.year, { value: p.value, observation: p.observation }]));
}

function valueMap(points: readonly SeriesPoint[]): Map<number, number> {
  return new Map(points.map((p) => [p.year, p.value]));
}

/** The levels with the baseline's year filled from the baseline when the series lacks it (a printed 基期值). */
function withBaseline(levels: Map<number, number>, baseline: BaselineChoice | null): Map<number, number> {
  if (baseline && !levels.has(baseline.year)) levels.set(baseline.year, baseline.value);
  return levels;
}
