import { describe, expect, it } from 'vitest';
import { comparePeriods, isCumulative, monthIndex, monthRange, periodsEqual, type Period } from './period';

const y2020: Period = { type: 'year', year: 2020 };
const h1: Period = { type: 'half', year: 2020, half: 1 };
const h2: Period = { type: 'half', year: 2020, half: 2 };
const q3: Period = { type: 'quarter', year: 2020, quarter: 3 };
const aug: Period = { type: 'month', year: 2020, month: 8 };
const jan2sep: Period = { type: 'cumulative', year: 2020, endMonth: 9 };
const plan14: Period = { type: 'span', startYear: 2021, endYear: 2025 };

describe('monthRange', () => {
  it.each<[Period, string]>([
    [y2020, '2020-1..2020-12'],
    [h1, '2020-1..2020-6'],
    [h2, '2020-7..2020-12'],
    [{ type: 'quarter', year: 2020, quarter: 1 }, '2020-1..2020-3'],
    [q3, '2020-7..2020-9'],
    [{ type: 'quarter', year: 2020, quarter: 4 }, '2020-10..2020-12'],
    [aug, '2020-8..2020-8'],
    [jan2sep, '2020-1..2020-9'],
    [plan14, '2021-1..2025-12'],
  ])('%j covers %s', (p, expected) => {
    const r = monthRange(p);
    expect(`${r.start.year}-${r.start.month}..${r.end.year}-${r.end.month}`).toBe(expected);
  });
});

describe('monthIndex', () => {
  it('counts months across a new year', () => {
    expect(monthIndex({ year: 2020, month: 2 }) - monthIndex({ year: 2019, month: 12 })).toBe(2);
  });
});

describe('comparePeriods', () => {
  it('sorts by the last month, then the first: the order in which figures become known', () => {
    const sorted = [plan14, y2020, q3, aug, h2, jan2sep, h1].sort(comparePeriods);
    expect(sorted).toEqual([h1, aug, jan2sep, q3, y2020, h2, plan14]);
  });
});

describe('periodsEqual', () => {
  it.each<[Period, Period, boolean]>([
    [h1, { type: 'half', year: 2020, half: 1 }, true],
    [h1, h2, false],
    [y2020, { type: 'year', year: 2021 }, false],
    [q3, jan2sep, false],
    [plan14, { type: 'span', startYear: 2021, endYear: 2025 }, true],
  ])('%j = %j is %s', (a, b, expected) => {
    expect(periodsEqual(a, b)).toBe(expected);
  });
});

describe('isCumulative', () => {
  it.each<[Period, boolean]>([
    [jan2sep, true],
    [h1, false],
    [{ type: 'quarter', year: 2020, quarter: 1 }, false],
    [{ type: 'month', year: 2020, month: 1 }, false],
    [y2020, false],
    [plan14, false],
  ])('%j → %s (only the cumulative type, even for periods that start in January)', (p, expected) => {
    expect(isCumulative(p)).toBe(expected);
  });
});
