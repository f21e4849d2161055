import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_UNITS as UNITS } from './fixtures';
import { formatValue, NOT_AVAILABLE } from './format';
import { registerUnitLabels } from './labels';

// What the services do with every catalogue they read: a unit text then reads in English by its catalogue entry.
beforeAll(() => registerUnitLabels(UNITS));

describe('formatValue', () => {
  it.each([
    [17190.4, '亿元', '17190.4亿元', '1,719.04 billion yuan'],
    [1.71904, '万亿元', '1.71904万亿元', '1.71904 trillion yuan'],
    [16.0, '%', '16%', '16%'],
    [6.5, '％', '6.5%', '6.5%'],
    [0.4, '个百分点', '0.4个百分点', '0.4 percentage points'],
    [-0.4, 'pp', '-0.4个百分点', '-0.4 percentage points'],
    [1500, '亿美元', '1500亿美元', '150 billion US dollars'],
    [791.7, '万人', '791.7万人', '7.917 million persons'],
    [22, '万元/人', '22万元/人', '22 (10,000 yuan per person)'],
    [1200, '家', '1200家', '1,200 establishments'],
    [35, '微克/立方米', '35微克/立方米', '35 μg/m³'],
    [0, '亿元', '0亿元', '0 billion yuan'],
    [1e21, '元', '1000000000000000000000元', '1,000,000,000,000,000,000,000 yuan'],
    [1.5e-7, '万亿元', '0.00000015万亿元', '0.00000015 trillion yuan'],
    [3000, '万标箱', '3000万标箱', '3,000 (10,000 TEU)'],
    [0.35, '吨/万元', '0.35吨/万元', '0.35 tonnes per 10,000 yuan'],
  ])('%d %s → zh %s, en %s', (value, unit, zh, en) => {
    expect(formatValue(value, unit, 'zh')).toBe(zh);
    expect(formatValue(value, unit, 'en')).toBe(en);
  });

  it('takes a Unit object as well as a text', () => {
    const percent = UNITS.find((u) => u.code === '%');
    if (!percent) throw new Error('table lost %');
    expect(formatValue(16, percent, 'zh')).toBe('16%');
  });

  it('says a missing value is missing, in each language', () => {
    expect(formatValue(null, '亿元', 'zh')).toBe('数据暂缺');
    expect(formatValue(null, '亿元', 'en')).toBe('not available');
    expect(formatValue(Number.NaN, '%', 'zh')).toBe('数据暂缺');
    expect(formatValue(Number.POSITIVE_INFINITY, '%', 'en')).toBe('not available');
  });

  it('shows an unknown unit as written, without converting or dropping it', () => {
    expect(formatValue(3, ' 亿立方 ', 'zh')).toBe('3亿立方');
    expect(formatValue(3000, '亿立方', 'en')).toBe('3,000 亿立方');
    expect(formatValue(3000, '', 'en')).toBe('3,000');
  });

  it('never renders null as "0" or "", for any unit or language', () => {
    const unit = fc.oneof(fc.constantFrom(...UNITS), fc.constantFrom(...UNITS.map((u) => u.code)), fc.string());
    fc.assert(
      fc.property(unit, fc.constantFrom('zh' as const, 'en' as const), (u, lang) => {
        const text = formatValue(null, u, lang);
        expect(text).toBe(NOT_AVAILABLE[lang]);
        expect(text).not.toBe('');
        expect(text).not.toMatch(/^0/);
      }),
    );
  });

  it('never uses exponent notation and keeps every digit of the value', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(...UNITS), (x, u) => {
        const zh = formatValue(x, u, 'zh');
        expect(zh).not.toMatch(/e/i);
        expect(Number(zh.slice(0, zh.length - u.code.length))).toBe(x === 0 ? 0 : x);
      }),
    );
  });
});
