import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createUnitCatalogue } from './catalogue';
import { canConvert, convertValue } from './convert';
import { FIXTURE_CATALOGUE as units, FIXTURE_UNITS as UNITS } from './fixtures';

/** The converted number, or the error message. */
function converted(value: number, from: string, to: string): number | string {
  const r = convertValue(value, from, to, units);
  return r.ok ? r.value : `error: ${r.error}`;
}

/** Every ordered pair of units of one dimension, including a unit with itself. */
const sameDimensionPairs = UNITS.flatMap((a) => UNITS.filter((b) => b.dimension === a.dimension).map((b) => [a, b] as const));

/** A finite value in |x| ≤ 1e15, away from the subnormal range where doubles lose digits. */
const reasonable = fc.double({ min: -1e15, max: 1e15, noNaN: true }).filter((x) => x === 0 || Math.abs(x) >= 1e-200);

describe('convertValue', () => {
  it.each([
    [2.5, '万亿元', '亿元', 25000],
    [1.25, '万亿元', '亿元', 12500],
    [17190.4, '亿元', '万亿元', 1.71904],
    [17190.4, '亿元', '万元', 171904000],
    [17190.4, '亿元', '元', 1719040000000],
    [1500, '亿美元', '万美元', 15000000],
    [1500, '亿美元', '美元', 150000000000],
    [791.7, '万人', '人', 7917000],
    [7917000, '人', '万人', 791.7],
    [22, '万元/人', '元/人', 220000],
    [0.3, '万元/人', '元/人', 3000],
    [16, '%', '%', 16],
    [0.4, '个百分点', '百分点', 0.4],
    [120, '家', '个', 120],
    [35, '微克/立方米', 'μg/m³', 35],
    [-3.3, '亿元', '万元', -33000],
    [0, '万亿元', '元', 0],
    // the logistics units of a 15th plan
    [3000, '万标箱', '万TEU', 3000],
    [1.2, '亿件', '亿件', 1.2],
    [5820.5, '万吨', '吨', 58205000],
    [58205000, '吨', '万吨', 5820.5],
    // factors that are not powers of ten apart: 1 吨/万元 = 1000 kg / 10000 yuan = 0.1 kg/yuan
    [1.5, '吨/万元', '千克/元', 0.15],
    [0.15, '千克/元', '吨/万元', 1.5],
    [0.3, '吨/万元', '公斤/元', 0.03],
  ])('%d %s → %s is exactly %d', (value, from, to, expected) => {
    expect(converted(value, from, to)).toBe(expected);
  });

  it('takes Unit objects as well as texts', () => {
    const yi = UNITS.find((u) => u.code === '亿元');
    const wanYi = UNITS.find((u) => u.code === '万亿元');
    if (!yi || !wanYi) throw new Error('table lost 亿元 or 万亿元');
    expect(convertValue(2.5, wanYi, yi)).toEqual({ ok: true, value: 25000 });
    expect(convertValue(2.5, wanYi, '亿元', units)).toEqual({ ok: true, value: 25000 });
    // a text needs a catalogue to be read in
    expect(convertValue(2.5, wanYi, '亿元')).toEqual({ ok: false, error: 'unknown unit "亿元" (no unit catalogue given)' });
  });

  it.each([
    [1, '亿美元', '亿元', 'cannot convert 亿美元 to 亿元: different kinds of unit (currency:USD vs currency:CNY); an exchange rate is not a unit conversion'],
    [1, '万元', '万美元', 'cannot convert 万元 to 万美元: different kinds of unit (currency:CNY vs currency:USD); an exchange rate is not a unit conversion'],
    [
      16,
      '%',
      '个百分点',
      'cannot convert % to 个百分点: different kinds of unit (percent vs percentage_point); a level in % and a change in percentage points are different quantities',
    ],
    [0.4, 'pp', '%', 'cannot convert 个百分点 to %: different kinds of unit (percentage_point vs percent); a level in % and a change in percentage points are different quantities'],
    [16, '%', '亿元', 'cannot convert % to 亿元: different kinds of unit (percent vs currency:CNY)'],
    [22, '万元/人', '亿元', 'cannot convert 万元/人 to 亿元: different kinds of unit (currency:CNY/person vs currency:CNY)'],
    [791.7, '万人', '家', 'cannot convert 万人 to 家: different kinds of unit (persons vs count)'],
    [3000, '万标箱', '万吨', 'cannot convert 万标箱 to 万吨: different kinds of unit (containers vs mass)'],
    [1.5, '吨/万元', '万吨', 'cannot convert 吨/万元 to 万吨: different kinds of unit (mass/currency:CNY vs mass)'],
  ])('refuses %d %s → %s', (value, from, to, message) => {
    expect(converted(value, from, to)).toBe(`error: ${message}`);
  });

  it('refuses an unknown or empty unit with the parse error, on either side', () => {
    expect(converted(1, '亿吨', '万吨')).toMatch(/^error: unknown unit "亿吨" \(known units: /);
    expect(converted(1, '亿元', '亿吨')).toMatch(/^error: unknown unit "亿吨" \(known units: /);
    expect(converted(1, '', '亿元')).toMatch(/^error: missing unit: the unit text is empty/);
  });

  it('refuses values that are not finite, or whose result leaves the range of doubles', () => {
    expect(converted(Number.NaN, '亿元', '万元')).toBe('error: cannot convert NaN 亿元: the value is not a finite number');
    expect(converted(Number.POSITIVE_INFINITY, '亿元', '亿元')).toMatch(/not a finite number/);
    expect(converted(1e305, '万亿元', '元')).toBe('error: cannot convert 1e+305 万亿元 to 元: the result is out of the range of numbers');
    expect(converted(5e-324, '元', '万亿元')).toMatch(/out of the range of numbers/);
  });

  it('round-trips within a relative error of 1e-12 for every pair of one dimension', () => {
    fc.assert(
      fc.property(fc.constantFrom(...sameDimensionPairs), reasonable, ([a, b], x) => {
        const there = convertValue(x, a, b);
        if (!there.ok) throw new Error(there.error);
        const back = convertValue(there.value, b, a);
        if (!back.ok) throw new Error(back.error);
        expect(Math.abs(back.value - x)).toBeLessThanOrEqual(1e-12 * Math.abs(x));
      }),
    );
  });

  it('agrees with value × from.factor / to.factor up to float rounding', () => {
    fc.assert(
      fc.property(fc.constantFrom(...sameDimensionPairs), reasonable, ([a, b], x) => {
        const r = convertValue(x, a, b);
        expect(r.ok).toBe(true);
        const expected = (x * Number(a.factor)) / Number(b.factor);
        if (r.ok) expect(Math.abs(r.value - expected)).toBeLessThanOrEqual(1e-15 * Math.abs(expected));
      }),
    );
  });

  it('is exact for decimals of up to 6 places: 亿元 → 万元 and back equal the shifted decimal string', () => {
    const decimal = fc.record({
      negative: fc.boolean(),
      whole: fc.integer({ min: 0, max: 999_999_999 }).map(String),
      fraction: fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 6 }),
    });
    fc.assert(
      fc.property(decimal, ({ negative, whole, fraction }) => {
        const sign = negative ? '-' : '';
        const value = Number(`${sign}${whole}.${fraction || '0'}`);
        // 亿元 → 万元: the decimal point moves 4 places right
        const padded = fraction.padEnd(4, '0');
        const right = Number(`${sign}${whole}${padded.slice(0, 4)}.${padded.slice(4) || '0'}`);
        expect(converted(value, '亿元', '万元')).toBe(right);
        // 万元 → 亿元: 4 places left
        const digits = whole.padStart(5, '0');
        const left = Number(`${sign}${digits.slice(0, -4)}.${digits.slice(-4)}${fraction}`);
        expect(converted(value, '万元', '亿元')).toBe(left);
      }),
    );
  });

  it('never returns NaN or Infinity for finite input in range, whatever the units', () => {
    fc.assert(
      fc.property(fc.constantFrom(...UNITS), fc.constantFrom(...UNITS), reasonable, (a, b, x) => {
        const r = convertValue(x, a, b);
        expect(r.ok).toBe(a.dimension === b.dimension);
        if (r.ok) expect(Number.isFinite(r.value)).toBe(true);
      }),
    );
  });
});

describe('converting between factors that are not powers of ten', () => {
  // A hand-made catalogue: 1 mile = 1.609344 km exactly (international mile), 1 里 = 0.5 km, 1 third = 1/3 is not a decimal
  const lengths = createUnitCatalogue([
    { code: 'km', name: { zh: '公里', en: 'km' }, enShort: 'km', dimension: 'length', factor: '1000', aliases: [] },
    { code: 'mile', name: { zh: '英里', en: 'mile' }, enShort: 'miles', dimension: 'length', factor: '1609.344', aliases: [] },
    { code: '里', name: { zh: '里', en: 'li' }, enShort: 'li', dimension: 'length', factor: '500', aliases: [] },
    { code: '3m', name: { zh: '三米', en: 'three metres' }, enShort: '3 m', dimension: 'length', factor: '3', aliases: [] },
  ]);
  const c = (v: number, from: string, to: string) => {
    const r = convertValue(v, from, to, lengths);
    return r.ok ? r.value : r.error;
  };

  it('multiplies exactly and rounds once', () => {
    expect(c(10, 'mile', 'km')).toBe(16.09344);
    expect(c(0.1, 'mile', 'km')).toBe(0.1609344);
    expect(c(3, '里', 'km')).toBe(1.5);
    expect(c(1.5, 'km', '里')).toBe(3);
    // 1 km = 1000/3 of 3m: the nearest double to 333.333…
    expect(c(1, 'km', '3m')).toBe(1000 / 3);
    expect(c(2, '3m', 'km')).toBe(0.006);
  });

  it('agrees with the correctly rounded quotient for any value (checked against a 60-digit BigInt division)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 6 }), (mantissa, places) => {
        const x = Number(`${mantissa}e-${places}`);
        const r = convertValue(x, 'km', '3m', lengths);
        // x km in units of 3 m = x × 1000 / 3 = mantissa × 1000 / (3 × 10^places)
        const q = (BigInt(mantissa) * 1000n * 10n ** 60n) / (3n * 10n ** BigInt(places));
        expect(r).toEqual({ ok: true, value: Number(`${q}e-60`) + 0 });
      }),
    );
  });
});

describe('canConvert', () => {
  it.each([
    ['万亿元', '亿元', true],
    ['万人', '人', true],
    ['项', '家', true],
    ['％', '%', true],
    ['亿美元', '亿元', false],
    ['%', '个百分点', false],
    ['%', '亿元', false],
    ['人', '个', false],
    ['亿吨', '亿吨', false],
    ['', '', false],
  ])('%s → %s: %s', (from, to, expected) => {
    expect(canConvert(from, to, units)).toBe(expected);
  });
});
