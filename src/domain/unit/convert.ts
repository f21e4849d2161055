/**
 * Converting a value between units of the same dimension (亿元 ↔ 万亿元, 万人 ↔ 人). Units of different dimensions
 * never convert: a figure in 亿美元 compared with a target in 亿元 needs an exchange rate, and a change in 个百分点
 * is not a level in %; treating either as a unit conversion would silently report a wrong number.
 */
import { err, ok, type Result } from '../result';
import { shiftDecimal } from './decimal';
import { parseUnit } from './parse';
import type { Unit } from './units';

/** A Unit as is, or a unit text parsed (an unknown text is the parse error). */
function resolve(unit: Unit | string): Result<Unit> {
  return typeof unit === 'string' ? parseUnit(unit) : ok(unit);
}

/** The confusions that actually happen get their explanation in the error; other mismatches speak for themselves. */
function reason(a: Unit, b: Unit): string {
  const kinds = new Set([a.dimension, b.dimension]);
  const money = (u: Unit) => u.dimension === 'currency:CNY' || u.dimension === 'currency:USD';
  if (money(a) && money(b)) return '; an exchange rate is not a unit conversion';
  if (kinds.has('percent') && kinds.has('percentage_point')) return '; a level in % and a change in percentage points are different quantities';
  return '';
}

/** Both units resolved and of one dimension, or the reason why not. */
function compatible(from: Unit | string, to: Unit | string): Result<{ from: Unit; to: Unit }> {
  const a = resolve(from);
  if (!a.ok) return a;
  const b = resolve(to);
  if (!b.ok) return b;
  if (a.value.dimension !== b.value.dimension) {
    return err(`cannot convert ${a.value.code} to ${b.value.code}: different kinds of unit (${a.value.dimension} vs ${b.value.dimension})${reason(a.value, b.value)}`);
  }
  return ok({ from: a.value, to: b.value });
}

/**
 * `value` in unit `from`, expressed in unit `to`. Since units of one dimension differ by powers of ten, the result
 * is computed by moving the decimal point (see shiftDecimal), so exact decimal conversions stay exact.
 *
 * @example
 * convertValue(2.5, '万亿元', '亿元')  // ok(25000)
 * convertValue(16, '%', '个百分点')     // err('cannot convert % to 个百分点: different kinds of unit (percent vs percentage_point)')
 */
export function convertValue(value: number, from: Unit | string, to: Unit | string): Result<number> {
  const units = compatible(from, to);
  if (!units.ok) return units;
  if (!Number.isFinite(value)) return err(`cannot convert ${value} ${units.value.from.code}: the value is not a finite number`);
  const result = shiftDecimal(value, units.value.from.exponent - units.value.to.exponent);
  // Out of double range either way: report it rather than return Infinity or a zero that was not measured.
  if (!Number.isFinite(result) || (result === 0 && value !== 0)) {
    return err(`cannot convert ${value} ${units.value.from.code} to ${units.value.to.code}: the result is out of the range of numbers`);
  }
  return ok(result);
}

/**
 * Whether both units are known and of the same dimension, so convertValue succeeds for any ordinary value.
 *
 * @example
 * canConvert('万人', '人')     // true
 * canConvert('亿美元', '亿元') // false
 */
export function canConvert(from: Unit | string, to: Unit | string): boolean {
  return compatible(from, to).ok;
}
