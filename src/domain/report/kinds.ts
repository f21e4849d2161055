/**
 * The three reports a planning office delivers on a plan: 年度监测报告 (annual monitoring), 中期评估报告 (mid-term
 * evaluation) and 总结评估报告 (final evaluation). They share one structure (the official section order) and differ in
 * title, framing and the default as-of year.
 */
import type { LocalizedText } from '../text';

export const REPORT_KINDS = ['annual', 'midterm', 'final'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_TITLES: Record<ReportKind, LocalizedText> = {
  annual: { zh: '年度监测报告', en: 'Annual Monitoring Report' },
  midterm: { zh: '中期评估报告', en: 'Mid-term Evaluation Report' },
  final: { zh: '总结评估报告', en: 'Final Evaluation Report' },
};

export const REPORT_FORMATS = ['docx', 'pdf', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function isReportKind(s: string): s is ReportKind {
  return (REPORT_KINDS as readonly string[]).includes(s);
}

/**
 * The as-of year a report is usually written for when none is given: the plan's last year for the final
 * evaluation, its third year (2023 for 2021–2025) for the mid-term one, the year before the plan's end for the
 * annual report of a plan still running — capped at last year, since a year's figures come out the next year.
 *
 * @example defaultAsOfYear('midterm', { start: 2021, end: 2025 }, 2026) // 2023
 */
export function defaultAsOfYear(kind: ReportKind, period: { start: number; end: number }, currentYear: number): number {
  if (kind === 'final') return period.end;
  if (kind === 'midterm') return period.start + Math.floor((period.end - period.start) / 2);
  return Math.max(period.start, Math.min(period.end, currentYear - 1));
}
