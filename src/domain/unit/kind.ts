/**
 * An amount of money: a flow that adds up over time (value added, sales, trade) and is compared at current prices.
 * Rates, shares and counts are not, and an unknown unit is not either.
 *
 * @example
 * isMoneyAmount('亿元') // true
 * isMoneyAmount('%')    // false
 */
import { parseUnit } from './parse';

export function isMoneyAmount(unit: string): boolean {
  const u = parseUnit(unit);
  return u.ok && u.value.dimension.startsWith('currency');
}
