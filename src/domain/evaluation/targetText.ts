/**
 * How a target and a gap read in sentences: the plan's own printed words ("突破2.5万亿元", "16%左右", "控制在13%以内"),
 * never doubled when the printed text already carries its wording, and gaps of shares in percentage points.
 */
import type { Target } from '../plan/model';
import type { LocalizedText } from '../text';
import { formatValue } from '../unit/format';
import { num } from './format';

/** The target as the plan prints it, in Chinese quotation marks: “突破2.5万亿元”, “16%左右”. */
export function targetPhrase(target: Target, unit: string): LocalizedText {
  const printed = target.printed ?? formatValue(target.value, unit, 'zh');
  const wording = target.wording && !printed.includes(target.wording) ? target.wording : '';
  const zhCore = target.comparator === 'about' && !printed.includes('左右') ? `${printed}左右` : printed;
  // "以内" belongs after the value: 控制在13%以内.
  const zh = wording === '以内' ? `${zhCore}以内` : wording === '控制在' && !zhCore.includes('以内') ? `控制在${zhCore}以内` : `${wording}${zhCore}`;
  const v = formatValue(target.value, unit, 'en');
  const en = target.comparator === 'at_least' ? `at least ${v}` : target.comparator === 'at_most' ? `at most ${v}` : `about ${v}`;
  return { zh: `“${zh}”`, en: `“${en}”` };
}

/** A distance in the indicator's unit: 1000亿元, 0.3个百分点 (a share's difference is in percentage points). */
export function amount(x: number, unit: string): LocalizedText {
  if (unit === '%') return { zh: `${num(x, 2)}个百分点`, en: `${num(x, 2)} percentage points` };
  return { zh: formatValue(Number(num(x, 4)), unit, 'zh'), en: formatValue(Number(num(x, 4)), unit, 'en') };
}

/** A value as sentences print it: at most two decimals (a derived share is not printed to 15 digits). */
export function shown(x: number, unit: string): LocalizedText {
  const v = Number(num(x, 2));
  return { zh: formatValue(v, unit, 'zh'), en: formatValue(v, unit, 'en') };
}

/** A ratio as a percentage with one decimal, as evaluation reports print completion: 96.0%. */
export function percent1(x: number): string {
  return `${(Math.round(x * 1000) / 10).toFixed(1)}%`;
}
