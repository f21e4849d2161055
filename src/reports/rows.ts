/**
 * The indicator table of a report (主要指标完成情况): one row per indicator of the plan's indicator system, every
 * number taken from the one plan evaluation (and the forecasts), so the table and the drafted text cannot disagree.
 * Pure: turns an evaluation into rows; formatting for people is in `cells.ts`.
 */
import type { IndicatorEvaluation } from '../services/evaluation/evaluatePlan';
import type { LocalizedText } from '../domain/text';
import type { ForecastsByIndicator, ReportForecast } from './forecasts';

/** 序时进度 status, or insufficient data — the one status a report states per indicator. */
export type RowStatus = 'completed' | 'ahead' | 'on_schedule' | 'behind' | 'insufficient_data';

export interface IndicatorRow {
  code: string;
  number: number | null;
  name: LocalizedText;
  unit: string;
  attribute: 'expected' | 'binding';
  baseline: { value: number; year: number } | null;
  latest: { value: number; year: number } | null;
  /** 目标值; `band` is the 左右 band for an `about` target. */
  target: { value: number; year: number; printed: string | null; comparator: string; band: [number, number] | null } | null;
  /** 年均增长x% as printed, for an indicator whose target is an average growth rate. */
  growthTarget: string | null;
  /** 完成进度 A = (y_t − y0)/(y* − y0) from the 序时进度 workings; null when it cannot be computed. */
  completion: number | null;
  status: RowStatus;
  statusLabel: LocalizedText;
  /** Why the indicator cannot be evaluated, when it cannot. */
  reason: LocalizedText | null;
  /** The forecast, or null: "预测暂缺". */
  forecast: ReportForecast | null;
  /** The figures behind the row (year, value, source) for the Excel sheet and the chart. */
  series: Array<{ year: number; value: number; source: string | null; publishedDate: string | null; derived: boolean }>;
}

export function indicatorRows(indicators: readonly IndicatorEvaluation[], forecasts: ForecastsByIndicator): IndicatorRow[] {
  return indicators.map((e) => {
    const tp = e.results.time_proportional;
    const status: RowStatus = tp ? (tp.status as RowStatus) : 'insufficient_data';
    const a = tp?.workings.intermediate.A;
    const target = e.indicator.target;
    return {
      code: e.indicator.code,
      number: e.indicator.number,
      name: e.indicator.name,
      unit: e.indicator.unit,
      attribute: e.indicator.attribute,
      baseline: e.baseline ? { value: e.baseline.value, year: e.baseline.year } : null,
      latest: e.latest ? { value: e.latest.value, year: e.latest.year } : null,
      target: target
        ? {
            value: target.value,
            year: target.year,
            printed: target.printed,
            comparator: target.comparator,
            band: target.comparator === 'about' && target.tolerance !== null ? [target.value - target.tolerance, target.value + target.tolerance] : null,
          }
        : null,
      growthTarget: e.indicator.growthTarget?.printed ?? null,
      // A is meaningful only while the indicator is progressing; a completed indicator reads as 100% or more.
      completion: typeof a === 'number' && Number.isFinite(a) ? a : null,
      status,
      statusLabel: tp?.label ?? { zh: '数据不足，无法评估', en: 'Insufficient data' },
      reason: tp && 'reason' in tp ? tp.reason : null,
      forecast: forecasts?.get(e.indicator.code) ?? null,
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

export interface StatusCounts {
  total: number;
  /** 达到序时进度: completed + ahead + on schedule. */
  onTrack: number;
  completed: number;
  ahead: number;
  onSchedule: number;
  behind: number;
  insufficient: number;
}

export function statusCounts(rows: readonly IndicatorRow[]): StatusCounts {
  const n = (s: RowStatus) => rows.filter((r) => r.status === s).length;
  const completed = n('completed');
  const ahead = n('ahead');
  const onSchedule = n('on_schedule');
  return { total: rows.length, onTrack: completed + ahead + onSchedule, completed, ahead, onSchedule, behind: n('behind'), insufficient: n('insufficient_data') };
}
