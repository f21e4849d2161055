/**
 * Evaluates one indicator of a plan from its annual series: derives unpublished shares, picks the baseline (the
 * plan's own 基期值 for the plan's region, else the base-year figure — see ./baseline.ts), and judges every target
 * year the plan states (milestones and its own target; levels, ranges, targets relative to the base year, cumulative
 * and qualitative ones — ./resolveTarget.ts, ./qualitative.ts), each in its phase: progress before its year has ended,
 * the verdict after. The indicator stands where its current target stands — the first whose year has not passed,
 * else its last — and a missed milestone makes its light at least yellow. Pure: the series come in through `seriesOf`.
 */
import type { AsOf } from './asOf';
import type { Observation } from '../observation/observation';
import { latestInYear, type InYearValue } from '../observation/inYear';
import { withDerivedShares, type SeriesPoint } from '../observation/series';
import type { PlanIndicator, Target } from '../plan/model';
import type { PlanTarget } from '../plan/targets';
import type { LocalizedText } from '../text';
import { chooseBaseline, type BaselineChoice } from './baseline';
import type { GrowthData, GrowthRequirement } from './growthStanding';
import { worse } from './lights';
import { METHODS } from './methods';
import { qualitativeStanding, type RecordedAssessment } from './qualitative';
import { resolveTarget } from './resolveTarget';
import type { EvaluationInput } from './input';
import type { EvaluationResult, MethodId } from './result';
import type { EvaluationSettings } from './settings';
import { phaseOf, standingOf, type Phase, type Standing } from './standing';

/** One target year of the indicator and where it stands. */
export interface TargetEvaluation {
  target: PlanTarget;
  phase: Phase;
  standing: Standing;
  /** How a relative or cumulative target was turned into what is compared. */
  note: LocalizedText | null;
  /**
   * What the values were compared with: the level of a level or range target, a relative target's level
   * (基期值 × (1 + p)), a cumulative target's amount (against the cumulative values); null for a qualitative target
   * or one that could not be resolved.
   */
  compared: Target | null;
}

export interface IndicatorEvaluation {
  indicator: PlanIndicator;
  /** The phase of the indicator's current target. */
  phase: Phase;
  baseline: BaselineChoice | null;
  /** The latest value the evaluation reads: the newest year up to the current target's year. */
  latest: SeriesPoint | null;
  /** Every chosen annual value up to the as-of year (the chart shows them all). */
  series: SeriesPoint[];
  /** Years a share could not be derived, and why. */
  gaps: Array<{ year: number; reason: LocalizedText }>;
  /** The progress methods, on the current target. */
  results: Partial<Record<MethodId, EvaluationResult>>;
  /** Every target year, milestones first; `current` is the index of the one the indicator stands by. */
  targets: TargetEvaluation[];
  current: number | null;
  /** Where the indicator stands: its current target's standing (a missed milestone: at least yellow). */
  standing: Standing;
  /** 年内监测: the newest 1–N月 / quarter / month figure after the latest annual one, with 同比. */
  inYear: InYearValue | null;
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
  /** The latest assessment of a qualitative target made by the as-of date, if any. */
  assessmentOf?(code: string, targetYear: number): RecordedAssessment | null;
  /** The indicator's figures of periods shorter than a year (1–N月, quarters, halves, months), for 年内监测. */
  subAnnualOf?(code: string): readonly Observation[];
}

export type SeriesOf = (code: string, priceBasis?: 'current' | 'comparable') => SeriesPoint[];

export function evaluateIndicator(indicator: PlanIndicator, ctx: IndicatorContext, seriesOf: SeriesOf, methods: readonly MethodId[]): IndicatorEvaluation {
  let series = seriesOf(indicator.code);
  let gaps: IndicatorEvaluation['gaps'] = [];
  if (indicator.share) {
    ({ points: series, gaps } = withDerivedShares(series, seriesOf(indicator.share.numerator), seriesOf(indicator.share.denominator)));
  }
  // 年内监测: the newest in-year figure after the latest annual one. For an indicator reported monthly or quarterly
  // whose values are rates or shares (not flows, whose 1–N月 sum is only part of the year), it stands in for a year
  // whose annual figure is missing, marked as such.
  const lastAnnual = series[series.length - 1]?.year ?? null;
  const inYear = ctx.subAnnualOf
    ? latestInYear(ctx.subAnnualOf(indicator.code), { publishedBy: ctx.asOf.publishedBy, maxYear: ctx.asOf.maxYear, afterYear: lastAnnual, points: indicator.unit === '%' })
    : null;
  if (inYear && indicator.frequency !== 'annual' && indicator.unit === '%') {
    series = [...series, { year: inYear.year, value: inYear.value, observation: inYear.observation, candidates: [], derivation: null, standIn: inYear.periodCode }];
  }
  const targets = ctx.isPlanRegion ? indicator.targets : [];
  const growth: GrowthRequirement | null = ctx.isPlanRegion ? indicator.growthTarget : null;
  const growthCode = ctx.growthIndicatorOf(indicator.code);
  const nominalGrowth = growthCode ? yearMap(seriesOf(growthCode, 'current')) : new Map<number, { value: number; observation: Observation | null }>();
  const baseYear = indicator.baseline?.year ?? ctx.baseYear;
  const baseline = chooseBaseline({ printed: ctx.isPlanRegion ? indicator.baseline : null, baseYear, unit: indicator.unit, series, nominalGrowth });
  const growthData: GrowthData | null = !growth
    ? null
    : growth.basis === 'real'
      ? { basis: 'real', rates: valueMap(growthCode ? seriesOf(growthCode, 'comparable') : []) }
      : { basis: 'nominal', levels: withBaseline(valueMap(series), baseline) };
  const shareParts = indicator.share ? { numerator: ctx.nameOf(indicator.share.numerator), denominator: ctx.nameOf(indicator.share.denominator) } : null;

  /** Judges one target year (or, with no target at all, the growth requirement alone). */
  const judge = (t: PlanTarget | null, isLast: boolean) => {
    const year = t?.year ?? growth?.toYear ?? null;
    const phase: Phase = year === null ? 'progress' : phaseOf(year, ctx.asOf);
    const upTo = year === null ? series : series.filter((p) => p.year <= year);
    const latestPoint = upTo[upTo.length - 1] ?? null;
    const withGrowth = isLast ? growth : null;
    const common = { unit: indicator.unit, direction: indicator.direction, growth: withGrowth, phase, baseYear, growthData, settings: ctx.settings, shareParts };
    if (t?.kind === 'qualitative') {
      return { phase, input: null, standing: qualitativeStanding(t, ctx.assessmentOf?.(indicator.code, t.year) ?? null, phase, indicator.name), note: null, compared: null, latest: latestPoint };
    }
    const resolved = t
      ? resolveTarget(t, { name: indicator.name, unit: indicator.unit, direction: indicator.direction, points: upTo.map((p) => ({ year: p.year, value: p.value })), baseline: baseline ? { value: baseline.value, year: baseline.year } : null })
      : null;
    if (resolved && !resolved.ok) {
      const m = resolved.missing;
      const standing: Standing = { phase, code: 'insufficient_data', label: { zh: '数据不足，无法评估', en: 'Insufficient data' }, light: 'grey', sentence: { zh: `${m.zh}。`, en: `${m.en}.` }, missing: m, verdict: null, growth: null };
      return { phase, input: null, standing, note: null, compared: null, latest: latestPoint };
    }
    const target = resolved?.target ?? null;
    const points = resolved ? resolved.points : upTo.map((p) => ({ year: p.year, value: p.value }));
    const base = resolved ? resolved.baseline : baseline ? { value: baseline.value, year: baseline.year } : null;
    const last = points[points.length - 1] ?? null;
    const input: EvaluationInput = {
      indicator: { code: indicator.code, unit: indicator.unit, direction: indicator.direction, isShare: indicator.share !== null },
      target,
      // A real (可比价) growth target is never turned into a current-price level target: it is judged on real growth.
      growthTarget: withGrowth && withGrowth.basis === 'nominal' ? { ratePercent: withGrowth.ratePercent, fromYear: withGrowth.fromYear, toYear: withGrowth.toYear } : null,
      baseline: base,
      latest: last && (!base || last.year > base.year) ? { value: last.value, year: last.year } : null,
    };
    const precisionOf = new Map(upTo.map((p) => [p.year, p.observation?.precision ?? 'exact' as const]));
    const standInOf = new Map(upTo.flatMap((p) => (p.standIn ? [[p.year, p.standIn] as const] : [])));
    const standing = standingOf({
      ...common,
      name: resolved?.name ?? indicator.name,
      target,
      // A relative or cumulative target's own baseline is part of its conversion note, not the printed 基期值's.
      baseline: t && (t.kind === 'relative' || t.kind === 'cumulative') ? null : baseline,
      points: points.map((p) =>
        t?.kind === 'cumulative'
          ? { year: p.year, value: p.value, precision: 'exact' as const }
          : { year: p.year, value: p.value, precision: precisionOf.get(p.year) ?? 'exact', standIn: standInOf.get(p.year) ?? null },
      ),
      primary: METHODS.time_proportional(input),
    });
    const note = resolved?.note ?? null;
    const withNote = note ? { ...standing, sentence: { zh: `${standing.sentence.zh}（${note.zh}）`, en: `${standing.sentence.en} (${note.en})` } } : standing;
    return { phase, input, standing: withNote, note, compared: target, latest: latestPoint };
  };

  const judged = targets.length > 0 ? targets.map((t, i) => ({ t, ...judge(t, i === targets.length - 1) })) : [{ t: null, ...judge(null, true) }];
  const firstOpen = judged.findIndex((j) => j.phase === 'progress');
  const currentIndex = firstOpen >= 0 ? firstOpen : judged.length - 1;
  const cur = judged[currentIndex] ?? judged[judged.length - 1];
  // judged always has at least one entry (a target, or the growth requirement alone).
  const current = cur as (typeof judged)[number];
  const results: Partial<Record<MethodId, EvaluationResult>> = {};
  if (current.input) for (const m of methods) results[m] = METHODS[m](current.input);

  // A milestone already judged and missed keeps the indicator's light at least yellow.
  const missedMilestone = judged.slice(0, currentIndex).find((j) => j.t?.milestone && j.phase === 'final' && j.standing.light === 'red');
  const standing: Standing = missedMilestone
    ? {
        ...current.standing,
        light: worse(current.standing.light, 'yellow'),
        sentence: {
          zh: `${current.standing.sentence.zh}${missedMilestone.t?.year}年阶段目标“${missedMilestone.t?.printed}”未完成。`,
          en: `${current.standing.sentence.en} The ${missedMilestone.t?.year} milestone “${missedMilestone.t?.printed}” was missed.`,
        },
      }
    : current.standing;
  return {
    indicator,
    phase: current.phase,
    baseline,
    latest: current.latest,
    series,
    gaps,
    results,
    targets: judged.flatMap((j) => (j.t ? [{ target: j.t, phase: j.phase, standing: j.standing, note: j.note, compared: j.compared }] : [])),
    current: targets.length > 0 ? currentIndex : null,
    standing,
    inYear,
  };
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
