/**
 * How an enterprise report names its period: a span from January is 1–N月 however the platform files it (1–3月 is
 * the first quarter, 1–12月 the year), because that is how the 一套表 forms and their errors read.
 */
import { parsePeriod } from '../period/parse';
import { periodLabel } from '../period/format';
import { monthRange } from '../period/period';

/**
 * @example
 * reportPeriodLabel('2023Q1')     // '2023年1-3月'
 * reportPeriodLabel('2023-01')    // '2023年1月'
 * reportPeriodLabel('2023-01~09') // '2023年1-9月'
 */
export function reportPeriodLabel(code: string): string {
  const p = parsePeriod(code);
  if (!p.ok) return code;
  const { start, end } = monthRange(p.value);
  if (start.month !== 1 || start.year !== end.year) return periodLabel(p.value, 'zh');
  return end.month === 1 ? `${end.year}年1月` : `${end.year}年1-${end.month}月`;
}
