/**
 * An amount of money: a flow that adds up over time (value added, sales, trade) and is compared at current prices.
 * Its dimension is a currency (`currency:CNY`, `currency:USD`, and per-person amounts). Rates, shares, counts and
 * physical quantities are not, and an unknown unit is not either.
 *
 * @example
 * isMoneyAmount('亿元', units) // true
 * isMoneyAmount('万吨', units) // false
 */
import type { UnitCatalogue } from './catalogue';

export function isMoneyAmount(unit: string, units: UnitCatalogue): boolean {
  const u = units.parse(unit);
  return u.ok && u.value.dimension.startsWith('currency');
}
