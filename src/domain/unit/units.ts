/**
 * Units of measure (计量单位) as official statistics and plans write them. Units are data: the platform ships a
 * catalogue (measurement-units/*.yaml), an operator extends it with a file and a plan with its own `units` section; the domain
 * receives the catalogue (./catalogue.ts) and never holds a table of its own.
 *
 * Each unit belongs to a dimension (the kind of quantity) and is a decimal multiple of that dimension's base unit:
 * Chinese statistics scale by 万 (10^4), 亿 (10^8) and 万亿 (10^12), and a few units scale otherwise (1 吨/万元 is
 * 0.1 千克/元). Only units of the same dimension convert into each other.
 *
 * Dimensions are names, not code. The ones the bundled catalogue uses, and why they are apart:
 * - `percent` is a level or a rate (a share of 16%, a growth rate of 6%); `percentage_point` is the difference of
 *   two percents. They are separate because a change of 0.4 个百分点 is not 0.4% of anything.
 * - `count` covers 个, 家 and 项: the classifier only follows the noun; the indicator itself says what is counted.
 *   `persons` stays apart: a headcount must never be matched against a number of firms or projects, and
 *   `person_visits` (人次) apart from both: one person may visit many times.
 * - Currencies carry their code (`currency:CNY`, `currency:USD`): converting 亿美元 to 亿元 needs an exchange rate,
 *   which is data, not a unit rule. A dimension that starts with `currency:` is money (see ./kind.ts).
 */
import type { LocalizedText } from '../text';

/** The kind of quantity a unit measures, e.g. 'currency:CNY', 'percent', 'mass', 'containers'. */
export type Dimension = string;

export interface Unit {
  /** The symbol as written in the plan and in statistical bulletins, e.g. '亿元'; the key of the catalogue. */
  code: string;
  name: LocalizedText;
  /** What follows a number in English text, e.g. '100 million yuan'. */
  enShort: string;
  dimension: Dimension;
  /**
   * The size of this unit in the dimension's base unit, as an exact decimal text (元 = '1', 亿元 = '100000000',
   * 吨/万元 = '0.1' of 千克/元): a text, so that 0.1 stays 0.1 and conversions stay exact.
   */
  factor: string;
  /** Other ways the same unit is written (variants and obvious ASCII forms), matched after normalisation. */
  aliases: readonly string[];
}
