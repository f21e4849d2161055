/**
 * 发布日历: when a figure whose publication date nobody wrote down can safely be taken as known. An evaluation "as
 * of" a date must never use a figure that could not have been known then, so an undated figure gets the LATEST date
 * the statistics calendar allows for its period and kind of publication (conservative), flagged as estimated.
 *
 * The calendar of Chinese statistics (国家统计局 and city bureaus' release practice):
 * - a year's figures: the bureau's first release of the annual economy (全年经济运行) comes in late January to
 *   February; the government work report (政府工作报告) in January–March; the city's statistical bulletin (统计公报)
 *   in March–May (Shenzhen: 2023-05-08 for 2022); the yearbook (统计年鉴) in the autumn–winter of the next year.
 *   Conservative dates: bureau release and work report → 31 March of the next year; bulletin, department releases,
 *   other government, press and third parties (which relay one of these) → 30 June of the next year; yearbook →
 *   31 December of the next year.
 * - months, quarters, halves and 1–N月: the bureau releases them within about three weeks of the period's end
 *   (quarterly GDP within a month). Conservative: the last day of the month after the period's end for official
 *   statistics; the last day of the second month after it for everyone else.
 * - a span of years (2021–2025): as a year, counted from the span's last year.
 *
 * These are the platform's documented conventions, configurable in one place (this table), not a published standard.
 */
import { monthRange, type Period } from '../period/period';
import type { SourceKind } from './terms';

/** For a year: the month of the next year by whose end the kind of publication has appeared. */
const ANNUAL_BY: Record<SourceKind, number> = {
  bureau: 3,
  work_report: 3,
  bureau_bulletin: 6,
  department: 6,
  government: 6,
  press: 6,
  third_party: 6,
  yearbook: 12,
};

/** For sub-annual periods: months after the period's last month by whose end the figure has appeared. */
const SUB_ANNUAL_LAG: Record<SourceKind, number> = {
  bureau: 1,
  bureau_bulletin: 1,
  yearbook: 12,
  work_report: 2,
  department: 2,
  government: 2,
  press: 2,
  third_party: 2,
};

/**
 * The latest date (ISO) by which a figure of this period and kind has been published in the ordinary course.
 *
 * @example
 * latestReleaseDate({ type: 'year', year: 2024 }, 'bureau_bulletin'); // '2025-06-30'
 * latestReleaseDate({ type: 'cumulative', year: 2025, endMonth: 9 }, 'bureau'); // '2025-10-31'
 */
export function latestReleaseDate(period: Period, kind: SourceKind): string {
  const { end } = monthRange(period);
  const annual = period.type === 'year' || period.type === 'span';
  const monthsAfter = annual ? ANNUAL_BY[kind] : SUB_ANNUAL_LAG[kind];
  // The last day of the month `monthsAfter` months after the period's last month.
  const index = end.year * 12 + (end.month - 1) + monthsAfter;
  return lastDayOfMonth(Math.floor(index / 12), (index % 12) + 1);
}

function lastDayOfMonth(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
