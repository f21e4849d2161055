import { describe, expect, it } from 'vitest';
import { inYearSentence } from './inYear';

describe('the in-year reading in a report', () => {
  it('says a level’s 同比 in percent, with the period as published', () => {
    // 18000 against 16949.15 a year earlier: 18000 / 16949.15 − 1 = 6.2% (rounded to one decimal).
    expect(inYearSentence({ periodCode: '2026-01~09', value: 18000, change: 6.2, changeKind: 'percent' }, '亿元', 'zh')).toBe('年内最新：2026年1-9月为18000亿元，同比增长6.2%。');
    expect(inYearSentence({ periodCode: '2026-01~09', value: 18000, change: 6.2, changeKind: 'percent' }, '亿元', 'en')).toBe('In-year: 1,800 billion yuan in Jan–Sep 2026, up 6.2% year on year.');
    expect(inYearSentence({ periodCode: '2026Q1', value: 900, change: -3.04, changeKind: 'percent' }, '亿元', 'zh')).toBe('年内最新：2026年第一季度为900亿元，同比下降3.0%。');
  });
  it('says a share’s 同比 in percentage points, and a missing comparison as missing', () => {
    expect(inYearSentence({ periodCode: '2026H1', value: 15.9, change: 0.4, changeKind: 'points' }, '%', 'zh')).toBe('年内最新：2026年上半年为15.9%，同比提高0.4个百分点。');
    expect(inYearSentence({ periodCode: '2026-03', value: 12, change: null, changeKind: 'percent' }, '亿元', 'zh')).toBe('年内最新：2026年3月为12亿元（上年同期数据暂缺）。');
  });
});
