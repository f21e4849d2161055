import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copyDecimal, copyFields, copyInteger, copyLine, sqlLiteral } from './copy';

describe('COPY text', () => {
  it('reads back what copyLine writes: nulls, tabs, newlines and backslashes in cells, empty cells', () => {
    const rows = [['1', 'GDP', null, ''], ['a\tb', 'c\nd', 'e\\f', 'x']];
    const text = rows.map((r) => copyLine(r)).join('');
    const read: Array<Array<string | null>> = [];
    copyFields(text, (f) => read.push([...f]));
    expect(read).toEqual(rows);
  });
  it('quotes a literal by doubling its quotes', () => {
    expect(sqlLiteral("O'Brien")).toBe("'O''Brien'");
  });
});

describe('numbers read in place from COPY text', () => {
  // Numeric text as PostgreSQL writes it: an optional minus, digits, optionally a point and more digits.
  const decimalText = fc
    .tuple(fc.boolean(), fc.stringMatching(/^[0-9]{1,20}$/), fc.option(fc.stringMatching(/^[0-9]{0,25}$/)))
    .map(([neg, int, frac]) => `${neg ? '-' : ''}${int}${frac === null ? '' : `.${frac}`}`);
  it('copyDecimal equals Number() of the field, bit for bit (property)', () => {
    fc.assert(
      fc.property(decimalText, fc.string({ maxLength: 3 }), (d, before) => {
        const text = `${before}\t${d}\n`;
        const from = before.length + 1;
        return Object.is(copyDecimal(text, from, from + d.length), Number(d));
      }),
      { numRuns: 5000 },
    );
  });
  it('copyDecimal: NaN, exponents and odd text go through Number(); \\N reads as 0', () => {
    for (const d of ['NaN', '1e5', '-', '.', '1.2.3', '']) expect(Object.is(copyDecimal(d, 0, d.length), Number(d))).toBe(true);
    expect(copyDecimal('\\N', 0, 2)).toBe(0);
  });
  it('copyInteger reads ids, negative row numbers and \\N (property)', () => {
    fc.assert(fc.property(fc.integer({ min: -1e9, max: Number.MAX_SAFE_INTEGER }), (n) => copyInteger(`a\t${n}\t`, 2, 2 + String(n).length) === n));
    expect(copyInteger('\\N', 0, 2)).toBeNull();
  });
});
