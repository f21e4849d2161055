import { describe, expect, it } from 'vitest';
import { deriveByDifference } from './derive';
import { formatPeriod } from './format';
import { parsePeriod } from './parse';
import type { Period } from './period';

function period(text: string): Period {
  const r = parsePeriod(text);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

const derive = (later: string, earlier: string): string => {
  const r = deriveByDifference(period(later), period(earlier));
  return r.ok ? formatPeriod(r.value) : `error: ${r.error}`;
};

describe('deriveByDifference', () => {
  it.each([
    ['2020-01~09', '2020H1', '2020Q3'],
    ['2020-01~08', '2020-01~07', '2020-08'],
    ['2020', '2020-01~09', '2020Q4'],
    ['2020', '2020H1', '2020H2'],
    ['2020H1', '2020Q1', '2020Q2'],
    ['2020Q1', '2020-01~02', '2020-03'],
    ['2020-01~02', '2020-01', '2020-02'],
    ['2020', '2020-01~11', '2020-12'],
  ])('%s minus %s is %s', (later, earlier, expected) => {
    expect(derive(later, earlier)).toBe(expected);
  });

  it.each([
    [
      '2020-01~05',
      '2020Q1',
      'cannot derive 2020-01~05 minus 2020Q1: the remainder 4–5月 (Apr–May 2020) is not a period here: only a single month, a range from January (1–N月) or an exact quarter or half is (只支持单月、从1月起的累计期、完整的季度或半年)',
    ],
    ['2020', '2019H1', 'cannot derive 2020 minus 2019H1: they are in different years (两者须为同一年)'],
    ['2020', '2020Q3', 'cannot derive 2020 minus 2020Q3: 2020Q3 is not a range from January within one year (两者都须为当年从1月起的累计期)'],
    ['2020H2', '2020Q3', 'cannot derive 2020H2 minus 2020Q3: 2020H2 is not a range from January within one year (两者都须为当年从1月起的累计期)'],
    ['2021-2025', '2021', 'cannot derive 2021-2025 minus 2021: 2021-2025 is not a range from January within one year (两者都须为当年从1月起的累计期)'],
    ['2020H1', '2020-01~09', 'cannot derive 2020H1 minus 2020-01~09: 2020-01~09 does not end before 2020H1 (被减期须先结束)'],
    ['2020H1', '2020H1', 'cannot derive 2020H1 minus 2020H1: 2020H1 does not end before 2020H1 (被减期须先结束)'],
  ])('%s minus %s is refused', (later, earlier, message) => {
    expect(derive(later, earlier)).toBe(`error: ${message}`);
  });
});
