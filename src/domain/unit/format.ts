/**
 * Showing a value with its unit to people. Chinese follows the style of official bulletins: the number as
 * published, no thousands separators, unit attached (17190.4亿元, 16%, 0.4个百分点). English groups thousands and
 * names the unit in words. A missing value is said to be missing: never "0", never blank, because a reader takes
 * 0 as a measurement.
 */
import type { Language, LocalizedText } from '../text';
import { groupThousands, plainDecimal, shiftDecimal } from './decimal';
import { unitLabels } from './labels';
import type { Unit } from './units';

/** What a missing value reads as. */
export const NOT_AVAILABLE: LocalizedText = { zh: '数据暂缺', en: 'not available' };

/** The text of a unit for each language (a unit text through the registered labels, see ./labels.ts). */
function labelsOf(unit: Unit | string): { zh: string; en: string } {
  return typeof unit === 'string' ? unitLabels(unit) : { zh: unit.code, en: unit.enShort };
}

/** English placement: % sticks to the number; a scale starting with a digit ('100 million yuan') goes in
 * parentheses so it does not read as part of the number; words follow after a space. */
function english(number: string, label: string): string {
  if (label === '') return number;
  if (label === '%') return `${number}%`;
  return /^\d/.test(label) ? `${number} (${label})` : `${number} ${label}`;
}

/**
 * A value with its unit, for people. The number is the shortest decimal of the value (16.0 → 16) and never in
 * exponent notation. null (and NaN or ±Infinity, which are no measurement either) reads as "数据暂缺" / "not available".
 *
 * @example
 * formatValue(17190.4, '亿元', 'zh')  // '17190.4亿元'
 * formatValue(17190.4, '亿元', 'en')  // '1,719.04 billion yuan'
 * formatValue(0.4, '个百分点', 'en')   // '0.4 percentage points'
 * formatValue(null, '%', 'zh')         // '数据暂缺'
 */
export function formatValue(value: number | null, unit: Unit | string, lang: Language): string {
  if (value === null || !Number.isFinite(value)) return NOT_AVAILABLE[lang];
  const labels = labelsOf(unit);
  if (lang === 'zh') return `${plainDecimal(value)}${labels.zh}`;
  const scale = EN_SCALES[labels.zh];
  if (scale) return `${groupThousands(plainDecimal(shiftDecimal(value, scale.places)))} ${scale.label}`;
  return english(groupThousands(plainDecimal(value)), labels.en);
}

/**
 * Chinese counts in 亿 and 万 read in English as billions and millions (issue 15: "2,500 billion yuan", never
 * "25,000 (100 million yuan)"). The decimal point moves exactly (shiftDecimal), so no digit is invented or lost.
 */
export const EN_SCALES: Readonly<Record<string, { places: number; label: string }>> = {
  亿元: { places: -1, label: 'billion yuan' },
  亿美元: { places: -1, label: 'billion US dollars' },
  万人: { places: -2, label: 'million persons' },
};
