import { describe, expect, it } from 'vitest';
import { checkPeriod, checkYear, monthNameEn, periodFromMonths, periodsOfYear } from './canonical';
import type { Period } from './period';

const ym = (year: number, month: number) => ({ year, month });

describe('periodFromMonths', () => {
  it.each<[number, number, Period]>([
    [1, 12, { type: 'year', year: 2020 }],
    [1, 6, { type: 'half', year: 2020, half: 1 }],
    [7, 12, { type: 'half', year: 2020, half: 2 }],
    [1, 3, { type: 'quarter', year: 2020, quarter: 1 }],
    [4, 6, { type: 'quarter', year: 2020, quarter: 2 }],
    [7, 9, { type: 'quarter', year: 2020, quarter: 3 }],
    [10, 12, { type: 'quarter', year: 2020, quarter: 4 }],
    [1, 1, { type: 'month', year: 2020, month: 1 }],
    [8, 8, { type: 'month', year: 2020, month: 8 }],
    [1, 2, { type: 'cumulative', year: 2020, endMonth: 2 }],
    [1, 9, { type: 'cumulative', year: 2020, endMonth: 9 }],
    [1, 11, { type: 'cumulative', year: 2020, endMonth: 11 }],
  ])('2020 months %i–%i are %j', (a, b, expected) => {
    expect(periodFromMonths(ym(2020, a), ym(2020, b))).toEqual({ ok: true, value: expected });
  });

  it('makes whole years across a new year a span', () => {
    expect(periodFromMonths(ym(2021, 1), ym(2025, 12))).toEqual({ ok: true, value: { type: 'span', startYear: 2021, endYear: 2025 } });
  });

  it.each<[[number, number], [number, number], string]>([
    [[2020, 4], [2020, 5], '4–5月 (Apr–May 2020) is not a period here: only a single month, a range from January (1–N月) or an exact quarter or half is (只支持单月、从1月起的累计期、完整的季度或半年)'],
    [[2020, 9], [2020, 3], 'it ends (2020-03) before it starts (2020-09) (结束早于开始)'],
    [[2020, 11], [2021, 2], '2020-11 to 2021-02 crosses a new year; only whole years (2021-2025) may span years (跨年的统计期只能是整年)'],
    [[2020, 13], [2020, 13], 'month 13 does not exist (月份应为1–12)'],
    [[2020, 0], [2020, 3], 'month 0 does not exist (月份应为1–12)'],
    [[1800, 1], [1800, 12], 'year 1800 is outside 1949–2100 (年份应在1949–2100之间)'],
    [[2101, 1], [2101, 12], 'year 2101 is outside 1949–2100 (年份应在1949–2100之间)'],
  ])('%j to %j is refused: %s', (s, e, message) => {
    expect(periodFromMonths(ym(...s), ym(...e))).toEqual({ ok: false, error: message });
  });
});

describe('checkYear', () => {
  it.each([
    [1949, true],
    [2100, true],
    [1948, false],
    [2020.5, false],
  ])('%d → ok %s', (year, expected) => {
    expect(checkYear(year).ok).toBe(expected);
  });

  it('says a fractional year is not a whole number', () => {
    expect(checkYear(2020.5)).toEqual({ ok: false, error: 'year 2020.5 is not a whole number (年份应为整数)' });
  });
});

describe('periodsOfYear', () => {
  it('lists the 27 periods of a year once each, sorted', () => {
    const all = periodsOfYear(2020);
    const count = (type: Period['type']) => all.filter((p) => p.type === type).length;
    expect([all.length, count('year'), count('half'), count('quarter'), count('month'), count('cumulative')]).toEqual([27, 1, 2, 4, 12, 8]);
    expect(new Set(all.map((p) => JSON.stringify(p))).size).toBe(27);
    expect(all[0]).toEqual({ type: 'month', year: 2020, month: 1 });
    expect(all.slice(-4)).toEqual([
      { type: 'year', year: 2020 },
      { type: 'half', year: 2020, half: 2 },
      { type: 'quarter', year: 2020, quarter: 4 },
      { type: 'month', year: 2020, month: 12 },
    ]);
  });
});

describe('checkPeriod', () => {
  it('accepts a canonical period', () => {
    expect(checkPeriod({ type: 'cumulative', year: 2020, endMonth: 9 }).ok).toBe(true);
  });

  it.each<[Period, string]>([
    [{ type: 'cumulative', year: 2020, endMonth: 6 }, '{"type":"cumulative","year":2020,"endMonth":6} is not canonical: write {"type":"half","year":2020,"half":1} (同一时段只有一种写法)'],
    [{ type: 'cumulative', year: 2020, endMonth: 12 }, '{"type":"cumulative","year":2020,"endMonth":12} is not canonical: write {"type":"year","year":2020} (同一时段只有一种写法)'],
    [{ type: 'span', startYear: 2021, endYear: 2021 }, '{"type":"span","startYear":2021,"endYear":2021} is not canonical: write {"type":"year","year":2021} (同一时段只有一种写法)'],
    [{ type: 'month', year: 2020, month: 13 }, 'month 13 does not exist (月份应为1–12)'],
    [{ type: 'span', startYear: 2025, endYear: 2021 }, 'it ends (2021-12) before it starts (2025-01) (结束早于开始)'],
  ])('refuses %j', (p, message) => {
    expect(checkPeriod(p)).toEqual({ ok: false, error: message });
  });
});

describe('monthNameEn', () => {
  it('names months in English', () => {
    expect([1, 9, 12].map(monthNameEn)).toEqual(['Jan', 'Sep', 'Dec']);
  });
});
