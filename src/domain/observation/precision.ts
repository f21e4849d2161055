/**
 * 数据精度 of a figure: what the precision cell says, or — for files without that column — what the quoted sentence
 * says right before the figure ("突破2600亿元" is a lower bound, "近5138亿元" an upper bound, "约1.05万亿元" rounded).
 * The quote is read only where it prints this very figure (the same significant digits, whatever the unit: 1.05万亿
 * and 10500亿 are one figure), so a bound word before another number of the sentence changes nothing. A figure
 * whose quote says nothing is exact.
 */
import { err, ok, type Result } from '../result';
import type { Precision } from './terms';

const WORDS: Record<string, Precision> = {
  exact: 'exact', 精确: 'exact', 精确值: 'exact', 准确: 'exact',
  rounded: 'rounded', 约数: 'rounded', 约: 'rounded', 近似: 'rounded', 概数: 'rounded', approximate: 'rounded',
  lower_bound: 'lower_bound', 下限: 'lower_bound', 下限值: 'lower_bound', 'lower bound': 'lower_bound', 超过: 'lower_bound', 突破: 'lower_bound', 不低于: 'lower_bound',
  upper_bound: 'upper_bound', 上限: 'upper_bound', 上限值: 'upper_bound', 'upper bound': 'upper_bound', 近: 'upper_bound', 不到: 'upper_bound', 不超过: 'upper_bound',
};

/** @example parsePrecision('下限') // ok('lower_bound'); parsePrecision('') // ok(null) */
export function parsePrecision(raw: string): Result<Precision | null> {
  const text = raw.trim().toLowerCase();
  if (text === '') return ok(null);
  const hit = WORDS[text];
  return hit ? ok(hit) : err(`unknown precision "${raw}" (expected one of: 精确, 约数, 下限, 上限 — or exact, rounded, lower_bound, upper_bound)`);
}

// A word that qualifies the number right after it (spaces allowed between).
const LOWER = '突破|超过|逾|超|不低于|不少于|over|more than|exceed(?:ed|ing)?|above';
const UPPER = '近|接近|将近|不到|不足|不超过|nearly|almost|close to|under|below';
const ROUND = '约|大约|约为|about|approximately|around|roughly';
const NUMBER = '(\\d+(?:[.,]\\d+)*)';
const pattern = new RegExp(`(?:(${LOWER})|(${UPPER})|(${ROUND}))\\s*${NUMBER}`, 'gi');

/** The significant digits of a number: 2600 → "26", 1.05 → "105", 10500 → "105", 0.0513 → "513". */
function digits(n: string): string {
  return n.replace(/[.,]/g, '').replace(/^0+/, '').replace(/0+$/, '');
}

/**
 * @example
 * inferPrecision(2600, '文化产业增加值突破2600亿元') // 'lower_bound'
 * inferPrecision(10500, '社会消费品零售总额约1.05万亿元') // 'rounded'
 * inferPrecision(5138, 'nearly 513.8 billion yuan') // 'upper_bound'
 * inferPrecision(7.9, '占GDP的比重超过7%，增加值1996.11亿元') // 'exact' (the bound is on another number)
 */
export function inferPrecision(value: number, quote: string): Precision {
  const own = digits(String(Math.abs(value)));
  if (own === '') return 'exact';
  for (const m of quote.matchAll(pattern)) {
    const printed = m[4] ?? '';
    if (digits(printed) !== own) continue;
    if (m[1]) return 'lower_bound';
    if (m[2]) return 'upper_bound';
    if (m[3]) return 'rounded';
  }
  return 'exact';
}
