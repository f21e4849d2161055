import { describe, expect, it } from 'vitest';
import { inferPrecision, parsePrecision } from './precision';

describe('precision of a figure', () => {
  it.each([
    [2600, '深圳文化产业增加值突破2600亿元', 'lower_bound'],
    [10000, '社会消费品零售总额超过1万亿元', 'lower_bound'],
    [10500, '社会消费品零售总额约1.05万亿元', 'rounded'],
    [5138, 'nearly 513.8 billion yuan', 'upper_bound'],
    [5137, 'over 513.7 billion yuan', 'lower_bound'],
    [10486.19, '全年社会消费品零售总额10486.19亿元，增长7.8%', 'exact'],
    // a bound word before another number of the sentence says nothing about this one
    [1996.11, '增加值为1996.11亿元，占GDP的比重超过7%', 'exact'],
  ] as const)('%s in "%s" → %s', (value, quote, expected) => {
    expect(inferPrecision(value, quote)).toBe(expected);
  });

  it('reads the precision cell in Chinese and English, and refuses a word it does not know', () => {
    expect(parsePrecision('下限')).toEqual({ ok: true, value: 'lower_bound' });
    expect(parsePrecision('约数')).toEqual({ ok: true, value: 'rounded' });
    expect(parsePrecision('exact')).toEqual({ ok: true, value: 'exact' });
    expect(parsePrecision('')).toEqual({ ok: true, value: null });
    expect(parsePrecision('大概')).toMatchObject({ ok: false });
  });
});
