import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupThousands, plainDecimal, shiftDecimal } from './decimal';

describe('shiftDecimal', () => {
  it.each([
    [2.5, 4, 25000],
    [1.25, 4, 12500],
    [17190.4, -4, 1.71904],
    [791.7, 4, 7917000],
    [0.1, 1, 1],
    [1e21, 4, 1e25],
    [1.5e-7, 8, 15],
    [-3.3, 4, -33000],
    [42, 0, 42],
  ])('%d × 10^%d = %d exactly', (value, places, expected) => {
    expect(shiftDecimal(value, places)).toBe(expected);
  });

  it('beats plain multiplication where it matters', () => {
    expect(17190.4 * 1e-4).not.toBe(1.71904);
    expect(shiftDecimal(17190.4, -4)).toBe(1.71904);
  });

  it('keeps zero, its sign and non-finite values as they are', () => {
    expect(Object.is(shiftDecimal(-0, 4), -0)).toBe(true);
    expect(shiftDecimal(Number.NaN, 4)).toBeNaN();
    expect(shiftDecimal(Number.POSITIVE_INFINITY, -4)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('plainDecimal', () => {
  it.each([
    [17190.4, '17190.4'],
    [16, '16'],
    [1e21, '1000000000000000000000'],
    [1.5e21, '1500000000000000000000'],
    [1.5e-7, '0.00000015'],
    [-2.5e-7, '-0.00000025'],
    [1.2345e22, '12345000000000000000000'],
    [-0, '0'],
  ])('%d → %s', (value, text) => {
    expect(plainDecimal(value)).toBe(text);
  });

  it('always reads back as the same number and never uses exponent notation', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const text = plainDecimal(x);
        expect(text).not.toMatch(/e/i);
        expect(Number(text)).toBe(x === 0 ? 0 : x);
      }),
    );
  });
});

describe('groupThousands', () => {
  it.each([
    ['17190.4', '17,190.4'],
    ['-1234567', '-1,234,567'],
    ['123', '123'],
    ['0.00001234', '0.00001234'],
    ['1000.0001', '1,000.0001'],
  ])('%s → %s', (text, grouped) => {
    expect(groupThousands(text)).toBe(grouped);
  });
});
