import { describe, expect, it } from 'vitest';
import { normalisePeriodText } from './normalise';

describe('normalisePeriodText', () => {
  it.each([
    ['２０２０Ｑ３', '2020Q3'],
    ['　2020年１至９月　', '2020年1~9月'],
    ['2021—2025年', '2021-2025年'],
    ['2021–2025', '2021-2025'],
    ['2021－2025', '2021-2025'],
    ['2020-01～09', '2020-01~09'],
    ['2020-01〜09', '2020-01~09'],
    ['2020 h1', '2020H1'],
    ['2020 年 1 - 9 月', '2020年1-9月'],
    ['2020-01-09', '2020-01-09'],
  ])('%j → %j', (text, expected) => {
    expect(normalisePeriodText(text)).toBe(expected);
  });
});
