import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRECISIONS, PRICE_BASES, SOURCE_KINDS, STATUSES } from '../observation/terms';
import { parsePeriod } from '../period/parse';
import { stagedFigure, type StagedInput } from './figure';
import { joinFigures } from './figureList';
import { StagedRows } from './stagedRows';

const periodOf = (code: string) => {
  const p = parsePeriod(code);
  if (!p.ok) throw new Error(`${code} is a period`);
  return p.value;
};
const PERIODS = ['2023', '2024', '2024Q3', '2024-07'];

const input = fc.record({
  indicatorCode: fc.constantFrom('GDP', 'TERTIARY_VA', 'MODERN_SERVICES_VA_LONG_CODE'),
  regionCode: fc.constantFrom('440300', '440304', '440300-DP'),
  periodCode: fc.constantFrom(...PERIODS),
  valueStd: fc.double({ noNaN: true }),
  priceBasis: fc.constantFrom(null, ...PRICE_BASES),
  status: fc.constantFrom(...STATUSES),
  sourceKind: fc.constantFrom(...SOURCE_KINDS),
  precision: fc.constantFrom(...PRECISIONS),
  readAt: fc.option(fc.string(), { nil: null }),
  publishedDate: fc.constantFrom('2024-03-01', '2025-02-28'),
}).map(({ readAt, ...rest }): StagedInput => ({ ...rest, period: periodOf(rest.periodCode), source: { readAt } }));

describe('StagedRows', () => {
  it('gives back each row as stagedFigure builds it from the row checker’s draft, by position and in order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 2, max: 2_000_000 }), input), { maxLength: 3000 }), (rows) => {
        const staged = new StagedRows();
        for (const [row, d] of rows) staged.push(row, d);
        expect(staged.length).toBe(rows.length);
        const expected = rows.map(([row, d]) => stagedFigure(row, d));
        rows.forEach((_, i) => expect(staged.at(i)).toEqual(expected[i]));
        expect([...staged]).toEqual(expected);
        expect(staged.at(rows.length)).toBeUndefined();
        expect(staged.at(-1)).toBeUndefined();
      }),
      { numRuns: 40 },
    );
  });

  it('crosses to another thread as plain columns (a structured clone) and gives back the same rows, which can still grow', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 2, max: 2_000_000 }), input), { maxLength: 2000 }), input, (rows, extra) => {
        const staged = new StagedRows();
        for (const [row, d] of rows) staged.push(row, d);
        const moved = StagedRows.fromColumns(structuredClone(staged.columns()));
        expect(moved.length).toBe(rows.length);
        expect([...moved]).toEqual([...staged]);
        moved.push(1, extra);
        expect(moved.at(rows.length)).toEqual(stagedFigure(1, extra));
        expect(staged.length).toBe(rows.length);
      }),
      { numRuns: 30 },
    );
  });

  it('leaves out the rows named by figure id (−row), keeping the order of the others', () => {
    const staged = new StagedRows();
    const d = (periodCode: string): StagedInput => ({ indicatorCode: 'GDP', regionCode: '440300', periodCode, period: periodOf(periodCode), valueStd: 1, priceBasis: 'current', status: 'final', sourceKind: 'bureau_bulletin', precision: 'exact', source: { readAt: null }, publishedDate: '2025-03-01' });
    staged.push(2, d('2023'));
    staged.push(3, d('2024'));
    staged.push(5, d('2024Q3'));
    expect([...staged.without(new Set([-3]))].map((f) => [f.id, f.periodCode])).toEqual([[-2, '2023'], [-5, '2024Q3']]);
    expect(staged.without(new Set())).toBe(staged);
  });
});

describe('joinFigures', () => {
  it('reads the first list, then the second, by position and in order', () => {
    const a = new StagedRows();
    const one: StagedInput = { indicatorCode: 'GDP', regionCode: '440300', periodCode: '2024', period: periodOf('2024'), valueStd: 1, priceBasis: 'current', status: 'final', sourceKind: 'bureau_bulletin', precision: 'exact', source: { readAt: null }, publishedDate: '2025-03-01' };
    a.push(2, one);
    a.push(3, { ...one, valueStd: 2 });
    const stored = [{ ...stagedFigure(9, one), id: 41, state: 'approved' as const }];
    const both = joinFigures(stored, a);
    expect(both.length).toBe(3);
    expect(both.at(0)).toBe(stored[0]);
    expect(both.at(2)?.valueStd).toBe(2);
    expect([...both].map((f) => f.id)).toEqual([41, -2, -3]);
    expect(joinFigures(stored, [])).toBe(stored);
  });
});
