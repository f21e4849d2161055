/**
 * Converting a value between units of the same dimension (亿元 ↔ 万亿元, 万人 ↔ 人, 吨/万元 ↔ 千克/元). Units of
 * different dimensions never convert: a figure in 亿美元 compared with a target in 亿元 needs an exchange rate, and a
 * change in 个百分点 is not a level in %; treating either as a unit conversion would silently report a wrong number.
 */
import { err, ok, type Result } from '../result';
import type { UnitCatalogue } from './catalogue';
import { scaleDecimal } from './decimal';
import type { Unit } from './units';

/** A Unit as is, or a unit text read in the catalogue (an unknown text is the parse error). */
function resolve(unit: Unit | string, units: UnitCatalogue | undefined): Result<Unit> {
  if (typeof unit !== 'string') return ok(unit);
  return units ? units.parse(unit) : err(`unknown unit "${unit.trim()}" (no unit catalogue given)`);
}

const money = (u: Unit) => u.dimension.startsWith('currency:') && !u.dimension.includes('/');

/** The confusions that actually happen get their explanation in the error; other mismatches speak for themselves. */
function reason(a: Unit, b: Unit): string {
  const kinds = new Set([a.dimension, b.dimension]);
  if (money(a) && money(b)) return '; an exchange rate is not a unit conversion';
  if (kinds.has('percent') && kinds.has('percentage_point')) return '; a level in % and a change in percentage points are different quantities';
  return '';
}

/** Both units resolved and of one dimension, or the reason why not. */
function compatible(from: Unit | string, to: Unit | string, units: UnitCatalogue | undefined): Result<{ from: Unit; to: Unit }> {
  const a = resolve(from, units);
  if (!a.ok) return a;
  const b = resolve(to, units);
  if (!b.ok) return b;
  if (a.value.dimension !== b.value.dimension) {
    return err(`cannot convert ${a.value.code} to ${b.value.code}: different kinds of unit (${a.value.dimension} vs ${b.value.dimension})${reason(a.value, b.value)}`);
  }
  return ok({ from: a.value, to: b.value });
}

/**
 * `value` in unit `from`, expressed in unit `to`; unit texts are read in `units`. The result is computed on the
 * decimals (see scaleDecimal): between units a power of ten apart the decimal point moves, so exact decimal
 * conversions stay exact; other factors (0.1, 1.609344) multiply exactly and round once.
 *
 * @example
 * convertValue(2.5, '万亿元', '亿元', units)  // ok(25000)
 * convertValue(16, '%', '个百分点', units)     // err('cannot convert % to 个百分点: different kinds of unit (percent vs percentage_point)…')
 */
export function convertValue(value: number, from: Unit | string, to: Unit | string, units?: UnitCatalogue): Result<number> {
  const pair = compatible(from, to, units);
  if (!pair.ok) return pair;
  if (!Number.isFinite(value)) return err(`cannot convert ${value} ${pair.value.from.code}: the value is not a finite number`);
  const result = scaleDecimal(value, pair.value.from.factor, pair.value.to.factor);
  // Out of double range either way: report it rather than return Infinity or a zero that was not measured.
  if (!Number.isFinite(result) || (result === 0 && value !== 0)) {
    return err(`cannot convert ${value} ${pair.value.from.code} to ${pair.value.to.code}: the result is out of the range of numbers`);
  }
  return ok(result);
}

/**
 * Whether both units are known and of the same dimension, so convertValue succeeds for any ordinary value.
 *
 * @example
 * canConvert('万人', '人', units)     // true
 * canConvert('亿美元', '亿元', units) // false
 */
export function canConvert(from: Unit | string, to: Unit | string, units?: UnitCatalogue): boolean {
  return compatible(from, to, units).ok;
}
