import { describe, expect, it } from 'vitest';
import { formatDate, formatPercent, formatPeriod, formatPoints, formatValue } from './format';

describe('numbers the Chinese way', () => {
  it('turns 亿元 into 万亿元 from 10000亿, keeps smaller amounts as published', () => {
    expect(formatValue(21566.38, '亿元', 'zh')).toBe('2.16万亿元');
    expect(formatValue(25000, '亿元', 'zh')).toBe('2.5万亿元');
    expect(formatValue(9876.5, '亿元', 'zh')).toBe('9876.5亿元');
    expect(formatValue(21566.38, '亿元', 'en')).toBe('2.16 trillion yuan');
    expect(formatValue(9876.5, '亿元', 'en')).toBe('987.65 billion yuan');
    expect(formatValue(25000, '亿元', 'en')).toBe('2.5 trillion yuan');
  });
  it('writes shares with %, changes of shares in 个百分点, missing as missing', () => {
    expect(formatValue(76.3, '%', 'zh')).toBe('76.3%');
    expect(formatPoints(0.2, 'zh')).toBe('+0.2个百分点');
    expect(formatPoints(-1.25, 'en')).toBe('-1.25 percentage points');
    expect(formatValue(null, '%', 'zh')).toBe('数据暂缺');
    expect(formatValue(0, '%', 'zh')).toBe('0%');
    expect(formatPercent(0.56033, 'zh')).toBe('56%');
  });
  it('keeps three significant digits below 1 (0.282, not 0.28), two decimals from 1 up', () => {
    expect(formatValue(0.282, '吨标准煤/万元', 'zh')).toBe('0.282吨标准煤/万元');
    expect(formatValue(0.0781, '千克/元', 'zh')).toBe('0.0781千克/元');
    expect(formatValue(0.5, '%', 'zh')).toBe('0.5%');
    expect(formatValue(15.8609, '%', 'zh')).toBe('15.86%');
  });
  it('says dates and periods in Chinese', () => {
    expect(formatDate('2024-01-30', 'zh')).toBe('2024年1月30日');
    expect(formatDate('2026-11-27T14:13:42.295Z', 'en')).toBe('27 Nov 2026');
    expect(formatPeriod('2023', 'zh')).toBe('2023年');
    expect(formatPeriod('2022-01~09', 'zh')).toBe('2022年1—9月');
    expect(formatPeriod('2020H1', 'zh')).toBe('2020年上半年');
    expect(formatPeriod('2016Q1', 'zh')).toBe('2016年第一季度');
  });
});
