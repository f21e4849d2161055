import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIDENTIALITY, primaryReason, withheldCells, type CellStats } from './confidentiality';

const cell = (count: number, total = count, max = 1): CellStats => ({ count, total, max });

describe('confidentiality of published survey cells', () => {
  it('withholds fewer than 3 respondents and a weight held 85%+ by one enterprise; never an empty cell', () => {
    expect(primaryReason(cell(2), DEFAULT_CONFIDENTIALITY)).toBe('count');
    expect(primaryReason(cell(3), DEFAULT_CONFIDENTIALITY)).toBeNull();
    expect(primaryReason(cell(10, 1000, 851), DEFAULT_CONFIDENTIALITY)).toBe('dominance');
    expect(primaryReason(cell(10, 1000, 850), DEFAULT_CONFIDENTIALITY)).toBeNull();
    expect(primaryReason(cell(0), DEFAULT_CONFIDENTIALITY)).toBeNull();
    expect(primaryReason(cell(4), { minRespondents: 5, dominancePercent: 85 })).toBe('count');
  });

  it('withholds a second part where one withheld part could be computed back from the total', () => {
    // All = 30 respondents: I 2 (withheld), J 12, L 16. DI_I = (30·DI_all − 12·DI_J − 16·DI_L) / 2 — so J goes too.
    const cells = new Map([['all', cell(30)], ['industry:I', cell(2)], ['industry:J', cell(12)], ['industry:L', cell(16)]]);
    const out = withheldCells(cells, [{ total: 'all', parts: ['industry:I', 'industry:J', 'industry:L'] }], DEFAULT_CONFIDENTIALITY);
    expect(Object.fromEntries(out)).toEqual({ 'industry:I': 'count', 'industry:J': 'complementary' });
  });

  it('withholds the total when it has one non-empty part, and leaves a relation with two withheld parts alone', () => {
    const one = new Map([['all', cell(2)], ['size:large', cell(2)], ['size:small', cell(0)]]);
    expect(Object.fromEntries(withheldCells(one, [{ total: 'all', parts: ['size:large', 'size:small'] }], DEFAULT_CONFIDENTIALITY))).toEqual({ all: 'count', 'size:large': 'count' });
    const two = new Map([['all', cell(20)], ['a', cell(1)], ['b', cell(2)], ['c', cell(17)]]);
    expect(Object.fromEntries(withheldCells(two, [{ total: 'all', parts: ['a', 'b', 'c'] }], DEFAULT_CONFIDENTIALITY))).toEqual({ a: 'count', b: 'count' });
  });
});
