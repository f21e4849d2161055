/**
 * Units of measure (计量单位) as official statistics and the plan write them. Each unit belongs to a dimension
 * (the kind of quantity) and is a power-of-ten multiple of that dimension's base unit, because Chinese statistics
 * scale by 万 (10^4), 亿 (10^8) and 万亿 (10^12). Only units of the same dimension convert into each other.
 */
import type { LocalizedText } from '../text';

/**
 * The kind of quantity a unit measures. Two units convert only when their dimensions are equal.
 *
 * - `percent` is a level or a rate (a share of 16%, a growth rate of 6%); `percentage_point` is the difference of
 *   two percents. They are separate because a change of 0.4 个百分点 is not 0.4% of anything.
 * - `count` covers 个, 家 and 项: they are all counts of things, and the classifier only follows the noun (家 for
 *   firms, 项 for projects, 个 for almost anything). A statistics bureau may write 个 where the plan writes 家, which
 *   is a difference of wording, not of kind; the indicator itself says what is counted.
 * - `persons` stays apart from `count`: people are published in 人/万人 and a headcount must never be matched against
 *   a number of firms or projects.
 * - Currencies carry their code: converting 亿美元 to 亿元 needs an exchange rate, which is data, not a unit rule.
 */
export type Dimension =
  | 'currency:CNY'
  | 'currency:USD'
  | 'currency:CNY/person'
  | 'percent'
  | 'percentage_point'
  | 'count'
  | 'persons'
  | 'concentration:ug/m3';

export interface Unit {
  /** The Chinese symbol as written in the plan and in statistical bulletins, e.g. '亿元'. */
  code: string;
  name: LocalizedText;
  /** What follows a number in English text, e.g. '100 million yuan'. */
  enShort: string;
  dimension: Dimension;
  /** Power of ten relative to the dimension's base unit: 亿元 → 8. Kept as an integer so conversions stay exact. */
  exponent: number;
  /** 10 ** exponent: the size of this unit in base units (元 = 1, 亿元 = 1e8). */
  factor: number;
  /** Other ways the same unit is written (variants and obvious ASCII forms), matched after normalisation. */
  aliases: readonly string[];
}

type UnitSpec = Omit<Unit, 'factor' | 'aliases'> & { aliases?: readonly string[] };

/** Derives `factor` from `exponent`, so the two can never disagree. */
function unit(spec: UnitSpec): Unit {
  return { ...spec, factor: 10 ** spec.exponent, aliases: spec.aliases ?? [] };
}

/**
 * Every unit the platform knows, in display order (by dimension, then by size).
 *
 * @example
 * UNITS.find((u) => u.code === '亿元')?.factor // 1e8
 */
export const UNITS: readonly Unit[] = [
  unit({ code: '元', name: { zh: '元', en: 'yuan (CNY)' }, enShort: 'yuan', dimension: 'currency:CNY', exponent: 0, aliases: ['cny', 'rmb', 'yuan'] }),
  unit({ code: '万元', name: { zh: '万元', en: '10,000 yuan (CNY)' }, enShort: '10,000 yuan', dimension: 'currency:CNY', exponent: 4 }),
  unit({ code: '亿元', name: { zh: '亿元', en: '100 million yuan (CNY)' }, enShort: '100 million yuan', dimension: 'currency:CNY', exponent: 8 }),
  unit({ code: '万亿元', name: { zh: '万亿元', en: 'trillion yuan (CNY)' }, enShort: 'trillion yuan', dimension: 'currency:CNY', exponent: 12 }),
  unit({ code: '美元', name: { zh: '美元', en: 'US dollars (USD)' }, enShort: 'US dollars', dimension: 'currency:USD', exponent: 0, aliases: ['usd', 'us$'] }),
  unit({ code: '万美元', name: { zh: '万美元', en: '10,000 US dollars (USD)' }, enShort: '10,000 US dollars', dimension: 'currency:USD', exponent: 4 }),
  unit({ code: '亿美元', name: { zh: '亿美元', en: '100 million US dollars (USD)' }, enShort: '100 million US dollars', dimension: 'currency:USD', exponent: 8 }),
  unit({ code: '元/人', name: { zh: '元/人', en: 'yuan per person' }, enShort: 'yuan per person', dimension: 'currency:CNY/person', exponent: 0 }),
  unit({ code: '万元/人', name: { zh: '万元/人', en: '10,000 yuan per person' }, enShort: '10,000 yuan per person', dimension: 'currency:CNY/person', exponent: 4 }),
  unit({ code: '%', name: { zh: '百分比', en: 'percent' }, enShort: '%', dimension: 'percent', exponent: 0, aliases: ['percent'] }),
  unit({
    code: '个百分点',
    name: { zh: '个百分点', en: 'percentage points' },
    enShort: 'percentage points',
    dimension: 'percentage_point',
    exponent: 0,
    aliases: ['百分点', 'pp', 'p.p.', 'percentage point', 'percentage points'],
  }),
  unit({ code: '个', name: { zh: '个', en: 'number (个)' }, enShort: 'units', dimension: 'count', exponent: 0 }),
  unit({ code: '家', name: { zh: '家', en: 'number of establishments (家)' }, enShort: 'establishments', dimension: 'count', exponent: 0 }),
  unit({ code: '项', name: { zh: '项', en: 'number of items (项)' }, enShort: 'items', dimension: 'count', exponent: 0 }),
  unit({ code: '人', name: { zh: '人', en: 'persons' }, enShort: 'persons', dimension: 'persons', exponent: 0, aliases: ['persons'] }),
  unit({ code: '万人', name: { zh: '万人', en: '10,000 persons' }, enShort: '10,000 persons', dimension: 'persons', exponent: 4 }),
  unit({
    code: '微克/立方米',
    name: { zh: '微克/立方米', en: 'micrograms per cubic metre' },
    enShort: 'μg/m³',
    dimension: 'concentration:ug/m3',
    exponent: 0,
    aliases: ['μg/m3', 'ug/m3'],
  }),
];

