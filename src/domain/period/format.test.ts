import { describe, expect, it } from 'vitest';
import { formatPeriod, periodLabel } from './format';
import type { Period } from './period';

describe('formatPeriod and periodLabel', () => {
  it.each<[Period, string, string, string]>([
    [{ type: 'year', year: 2020 }, '2020', '2020年', '2020'],
    [{ type: 'half', year: 2020, half: 1 }, '2020H1', '2020年上半年', 'H1 2020'],
    [{ type: 'half', year: 2020, half: 2 }, '2020H2', '2020年下半年', 'H2 2020'],
    [{ type: 'quarter', year: 2020, quarter: 1 }, '2020Q1', '2020年第一季度', 'Q1 2020'],
    [{ type: 'quarter', year: 2020, quarter: 3 }, '2020Q3', '2020年第三季度', 'Q3 2020'],
    [{ type: 'quarter', year: 2020, quarter: 4 }, '2020Q4', '2020年第四季度', 'Q4 2020'],
    [{ type: 'month', year: 2020, month: 8 }, '2020-08', '2020年8月', 'Aug 2020'],
    [{ type: 'month', year: 2020, month: 12 }, '2020-12', '2020年12月', 'Dec 2020'],
    [{ type: 'cumulative', year: 2020, endMonth: 2 }, '2020-01~02', '2020年1-2月', 'Jan–Feb 2020'],
    [{ type: 'cumulative', year: 2020, endMonth: 9 }, '2020-01~09', '2020年1-9月', 'Jan–Sep 2020'],
    [{ type: 'cumulative', year: 2020, endMonth: 11 }, '2020-01~11', '2020年1-11月', 'Jan–Nov 2020'],
    [{ type: 'span', startYear: 2021, endYear: 2025 }, '2021-2025', '2021—2025年', '2021–2025'],
  ])('%j → %s | %s | %s', (p, code, zh, en) => {
    expect(formatPeriod(p)).toBe(code);
    expect(periodLabel(p, 'zh')).toBe(zh);
    expect(periodLabel(p, 'en')).toBe(en);
  });
});
