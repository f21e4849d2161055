/**
 * The indicator table of a report (主要指标完成情况): one row per indicator of the plan's indicator system, every
 * number taken from the one plan assessment (evaluation, forecasts and lights), so the table and the drafted text
 * cannot disagree. Pure: turns an assessment into rows; formatting for people is in `cells.ts`.
 */
import type { InYearReading } from '../domain/report/inYear';
import type { Light } from '../domain/evaluation/lights';
import type { Target } from '../domain/plan/model';
import type { PlanTarget, TargetKind } from '../domain/plan/targets';
import type { IndicatorEvaluation } from '../services/evaluation/evaluatePlan';
import type { PlanLight } from '../services/forecast/forecastPlan';
import type { LocalizedText } from '../domain/text';
import type { ForecastsByIndicator, ReportForecast } from './forecasts';

export interface IndicatorRow {
  code: string;
  number: number | null;
  name: LocalizedText;
  unit: string;
  attribute: 'expected' | 'binding';
  baseline: { value: number; year: number; fromData: boolean } | null;
  /** The latest value read; after the target year, the target year's value only (null while it is missing). */
  latest: { value: number; year: number } | null;
  /** The newest value known, whatever its year (after the target year: what there is while y_T is missing). */
  lastKnown: { value: number; year: number } | null;
  /**
   * 目标值: the target the row stands by (the current one: a milestone before its year has passed, else the plan's
   * own), as printed, with the value it is compared with — a relative target's level, a cumulative target's amount,
   * none for a qualitative one. `band` is the band of a 左右 or range target.
   */
  target: { value: number | null; year: number; printed: string | null; comparator: string | null; band: [number, number] | null; kind: TargetKind } | null;
  /** 年均增长x% as printed, for an indicator whose target is an average growth rate. */
  growthTarget: string | null;
  /** progress before the target year has ended; final (the verdict) after. */
  phase: 'progress' | 'final';
  /** In progress, 完成进度 A = (y_t − y0)/(y* − y0) of 序时进度; after, 完成率 y_T / y*. Null when none. */
  completion: number | null;
  /** The indicator's one light (status and forecast, by domain/evaluation/lights.ts). */
  light: Light;
  /** The standing's status code: a verdict after the target year, a progress status before. */
  status: string;
  statusLabel: LocalizedText;
  /** The standing in one sentence, with its numbers (the verdict: 完成x%，差y). */
  sentence: LocalizedText;
  /** For a grey light: which figure is missing and how to supply it. */
  missing: LocalizedText | null;
  /** The verdict on a milestone (2028年达到…) already judged and missed, said beside the progress to the plan's own target. */
  missedMilestone?: LocalizedText | null;
  /** After the target year: y* − y_T in the indicator's unit. */
  gap: number | null;
  /** The forecast, or null: "预测暂缺" (none after the target year). */
  forecast: ReportForecast | null;
  /** 年内监测: the newest in-year figure after the latest annual one, with its 同比 (null when none; never after the target year). */
  inYear: InYearReading | null;
  /** The figures behind the row (year, value, source) for the Excel sheet and the chart. */
  series: Array<{ year: number; value: number; source: string | null; publishedDate: string | null; derived: boolean }>;
}

export function indicatorRows(indicators: readonly IndicatorEvaluation[], forecasts: ForecastsByIndicator, lights: readonly PlanLight[]): IndicatorRow[] {
  const lightOf = new Map(lights.map((x) => [x.indicatorCode, x.light]));
  return indicators.map((e) => {
    const tp = e.results.time_proportional;
    const a = tp?.workings.intermediate.A;
    const s = e.standing;
    const final = s.phase === 'final';
    const current = e.current !== null ? e.targets[e.current] : undefined;
    // Outside the plan's region no target is judged (current is null); the row still names the plan's own target.
    const own = e.indicator.target;
    const target = current ? rowTarget(current) : own ? rowTarget({ target: { kind: own.range ? 'range' : 'level', printed: own.printed ?? '', year: own.year }, compared: own }) : null;
    // After the target year the row shows the target year's value: the verdict's (for a cumulative target, the
    // cumulative amount), or — for an average-growth target, which has no level verdict — the year's own figure.
    const targetYear = current?.target.year ?? e.indicator.growthTarget?.toYear ?? null;
    const finalLatest = s.verdict ? (s.verdict.value !== null ? { value: s.verdict.value, year: s.verdict.targetYear } : null) : e.latest && e.latest.year === targetYear ? { value: e.latest.value, year: e.latest.year } : null;
    return {
      code: e.indicator.code,
      number: e.indicator.number,
      name: e.indicator.name,
      unit: e.indicator.unit,
      attribute: e.indicator.attribute,
      baseline: e.baseline ? { value: e.baseline.value, year: e.baseline.year, fromData: e.baseline.from !== 'plan' } : null,
      latest: final ? finalLatest : e.latest ? { value: e.latest.value, year: e.latest.year } : null,
      lastKnown: e.latest ? { value: e.latest.value, year: e.latest.year } : null,
      target,
      growthTarget: e.indicator.growthTarget?.printed ?? null,
      phase: s.phase,
      completion: final ? (s.verdict?.completionRate ?? null) : typeof a === 'number' && Number.isFinite(a) ? a : null,
      light: lightOf.get(e.indicator.code) ?? s.light,
      status: s.code,
      statusLabel: s.label,
      sentence: s.sentence,
      missing: s.missing,
      missedMilestone: e.targets.find((t, i) => e.current !== null && i < e.current && t.target.milestone && t.phase === 'final' && t.standing.light === 'red')?.standing.sentence ?? null,
      gap: final ? (s.verdict?.gap ?? null) : null,
      forecast: final ? null : (forecasts?.get(e.indicator.code) ?? null),
      inYear: !final && e.inYear ? { periodCode: e.inYear.periodCode, value: e.inYear.value, change: e.inYear.change, changeKind: e.inYear.changeKind } : null,
      series: e.series.map((p) => ({
        year: p.year,
        value: p.value,
        source: p.observation?.source.publication ?? null,
        publishedDate: p.observation?.publishedDate ?? null,
        derived: p.derivation !== null,
      })),
    };
  });
}

/** The row's target from one of the indicator's targets and what it was compared with. */
function rowTarget(t: { target: Pick<PlanTarget, 'kind' | 'printed' | 'year'>; compared: Target | null }): NonNullable<IndicatorRow['target']> {
  const c = t.compared;
  return {
    value: c?.value ?? null,
    year: t.target.year,
    printed: t.target.printed || (c?.printed ?? null),
    comparator: c?.comparator ?? null,
    band: c && c.comparator === 'about' && c.tolerance !== null ? [c.value - c.tolerance, c.value + c.tolerance] : null,
    kind: t.target.kind,
  };
}

/** The counts a report states: by light, and by status (progress) or verdict (final). */
export interface StatusCounts {
  total: number;
  lights: Record<Light, number>;
  /** How many rows have each status code (completed_early, behind, exceeded, not_completed, pending …). */
  byStatus: Record<string, number>;
}

export function statusCounts(rows: readonly IndicatorRow[]): StatusCounts {
  const lights: Record<Light, number> = { green: 0, yellow: 0, red: 0, grey: 0 };
  const byStatus: Record<string, number> = {};
  for (const r of rows) {
    lights[r.light] += 1;
    byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
  }
  return { total: rows.length, lights, byStatus };
}
