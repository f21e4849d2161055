/**
 * How a target and a gap read in sentences: the plan's own printed words ("突破2.5万亿元", "16%左右", "控制在13%以内"),
 * never doubled when the printed text already carries its wording, and gaps of shares in percentage points.
 */
import type { Target } from '../plan/model';
import type { LocalizedText } from '../text';
import { formatValue } from '../unit/format';
import { num, readable } from './format';

/** The target as the plan prints it, in Chinese quotation marks: “突破2.5万亿元”, “16%左右”. */
export function targetPhrase(target: Target, unit: string): LocalizedText {
  const w = targetWords(target, unit);
  return { zh: `“${w.zh}”`, en: `“${w.en}”` };
}

/** The target in the plan's own words, unquoted (a page's target line): 突破2.5万亿元, 16%左右, at least 25,000 …. */
export function targetWords(target: Target, unit: string): LocalizedText {
  const printed = target.printed ?? formatValue(target.value, unit, 'zh');
  // The wording may wrap the value ("控制在…以内"), follow it ("以内", "左右") or lead it ("突破", "达"); each part is
  // added only where the printed text lacks it, so nothing is said twice.
  const [lead, trail] = target.range ? [target.wording ?? '', ''] : wordingParts(target.wording ?? '', target.comparator);
  let zh = printed.trim();
  const has = (word: string) => zh.replace(/\s+/g, '').includes(word);
  if (lead && !has(lead)) zh = `${lead}${zh}`;
  if (trail && !has(trail)) zh = `${zh}${trail}`;
  const v = formatValue(target.value, unit, 'en');
  const tol = target.tolerance ?? 0;
  // A range (5%—6%) is held as its middle ± half its width; in English it reads as the range it is, not "about 5.5%".
  const en = target.range
    ? `${formatValue(target.value - tol, unit, 'en')}–${formatValue(target.value + tol, unit, 'en')}`
    : target.comparator === 'at_least' ? `at least ${v}` : target.comparator === 'at_most' ? `at most ${v}` : `about ${v}`;
  return { zh, en };
}

const TRAILING = ['以内', '左右', '以上', '以下'];

/** What marks the place of the value in a wording: 控制在…以内, 控制在……以内, 控制在...以内, 控制在——以内, 控制在 以内. */
const PLACEHOLDER = /[…⋯]+|\.{2,}|[—–~～]+|\s+|[xX×＿_]+/;

function wordingParts(wording: string, comparator: Target['comparator']): [string, string] {
  const parts = wording.split(PLACEHOLDER).map((p) => p.trim()).filter((p) => p !== '');
  let lead = '';
  let trail = '';
  if (parts.length >= 2) [lead = '', trail = ''] = [parts[0], parts[parts.length - 1]];
  else if (TRAILING.includes(parts[0] ?? '')) trail = parts[0] ?? '';
  else lead = parts[0] ?? '';
  if (comparator === 'about' && !trail) trail = '左右';
  if (lead === '控制在' && !trail) trail = '以内';
  return [lead, trail];
}

/** A distance in the indicator's unit: 1000亿元, 0.3个百分点 (a share's difference is in percentage points). */
export function amount(x: number, unit: string): LocalizedText {
  if (unit === '%') return { zh: `${num(x, 2)}个百分点`, en: `${num(x, 2)} percentage points` };
  return { zh: formatValue(Number(num(x, 4)), unit, 'zh'), en: formatValue(Number(num(x, 4)), unit, 'en') };
}

/** A value as sentences print it: at most two decimals (a derived share is not printed to 15 digits), three significant digits below 1. */
export function shown(x: number, unit: string): LocalizedText {
  const v = readable(x);
  return { zh: formatValue(v, unit, 'zh'), en: formatValue(v, unit, 'en') };
}

/** A ratio as a percentage with one decimal, as evaluation reports print completion: 96.0%. */
export function percent1(x: number): string {
  return `${(Math.round(x * 1000) / 10).toFixed(1)}%`;
}
