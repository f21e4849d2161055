import { describe, expect, it } from 'vitest';
import { copyFields, copyLine, sqlLiteral } from './copy';

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
