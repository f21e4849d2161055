import { describe, expect, it } from 'vitest';
import { formatPeriod } from './format';
import { parsePeriod } from './parse';

/** The parsed period as its canonical code, or the error, so that tables stay one line per case. */
function code(text: string, defaultYear?: number): string {
  const r = parsePeriod(text, defaultYear === undefined ? {} : { defaultYear });
  return r.ok ? formatPeriod(r.value) : `error: ${r.error}`;
}

const FORMS =
  'use a year (2020, 2020年), a half (2020H1, 2020年上半年), a quarter (2020Q3, 2020年第三季度), a month (2020-08, 2020年8月), ' +
  'a cumulative range from January (2020-01~09, 2020年1-9月, 2020年前三季度) or a span of years (2021-2025, 十四五)';

describe('parsePeriod accepts', () => {
  it.each([
    // years
    ['2020', '2020'],
    ['2020年', '2020'],
    ['2020年度', '2020'],
    ['2020年全年', '2020'],
    [' 2020 ', '2020'],
    // halves
    ['2020H1', '2020H1'],
    ['2020H2', '2020H2'],
    ['2020h2', '2020H2'],
    ['2020年上半年', '2020H1'],
    ['2020年下半年', '2020H2'],
    ['2020上半年', '2020H1'],
    // quarters
    ['2020Q1', '2020Q1'],
    ['2020q4', '2020Q4'],
    ['2020年第一季度', '2020Q1'],
    ['2020年一季度', '2020Q1'],
    ['2020年第1季度', '2020Q1'],
    ['2020年第三季度', '2020Q3'],
    ['2020年四季度', '2020Q4'],
    ['2020年第二季', '2020Q2'],
    // months
    ['2020-08', '2020-08'],
    ['2020-8', '2020-08'],
    ['2020/08', '2020-08'],
    ['2020年8月', '2020-08'],
    ['2020年08月', '2020-08'],
    ['2020年8月份', '2020-08'],
    ['2020年12月', '2020-12'],
    // cumulative from January
    ['2020年1-9月', '2020-01~09'],
    ['2020年1~9月', '2020-01~09'],
    ['2020年1至9月', '2020-01~09'],
    ['2020年1月至9月', '2020-01~09'],
    ['2020年1–9月', '2020-01~09'],
    ['2020年1—9月', '2020-01~09'],
    ['2020年1～9月', '2020-01~09'],
    ['２０２０年１－９月', '2020-01~09'],
    ['2020-01~09', '2020-01~09'],
    ['2020-1~9', '2020-01~09'],
    ['2020-01～09', '2020-01~09'],
    ['2020-01~2020-09', '2020-01~09'],
    ['2020-01-2020-09', '2020-01~09'],
    ['2020年1月至2020年9月', '2020-01~09'],
    ['2020Q1-Q3', '2020-01~09'],
    ['2020Q1~2020Q3', '2020-01~09'],
    ['2020年前三季度', '2020-01~09'],
    ['2020年前3季度', '2020-01~09'],
    ['2020年一至三季度', '2020-01~09'],
    ['2020年第一季度至第三季度', '2020-01~09'],
    ['2020年1-2月', '2020-01~02'],
    ['2020年1-11月', '2020-01~11'],
    // ranges that are another kind of period
    ['2020年1-6月', '2020H1'],
    ['2020年1-3月', '2020Q1'],
    ['2020年1-12月', '2020'],
    ['2020年1-1月', '2020-01'],
    ['2020年1月', '2020-01'],
    ['2020年8-8月', '2020-08'],
    ['2020Q1-Q2', '2020H1'],
    ['2020Q1-Q4', '2020'],
    ['2020Q3-Q3', '2020Q3'],
    ['2020Q3-Q4', '2020H2'],
    ['2020年前两季度', '2020H1'],
    ['2020年前二季度', '2020H1'],
    ['2020年前四季度', '2020'],
    ['2020年4-6月', '2020Q2'],
    ['2020年7-9月', '2020Q3'],
    ['2020年10-12月', '2020Q4'],
    ['2020年7-12月', '2020H2'],
    ['2020-01~06', '2020H1'],
    ['2020-01~12', '2020'],
    // spans of years
    ['2021-2025', '2021-2025'],
    ['2021—2025年', '2021-2025'],
    ['2021–2025', '2021-2025'],
    ['2021~2025', '2021-2025'],
    ['2021至2025年', '2021-2025'],
    ['2021年至2025年', '2021-2025'],
    ['2020-01~2021-12', '2020-2021'],
    ['2020Q1-2021Q4', '2020-2021'],
    ['2021-2021', '2021'],
    ['十四五', '2021-2025'],
    ['“十四五”时期', '2021-2025'],
    ['"十四五"期间', '2021-2025'],
    ['十五五', '2026-2030'],
    ['十三五', '2016-2020'],
    ['十二五时期', '2011-2015'],
  ])('%j → %s', (text, expected) => {
    expect(code(text)).toBe(expected);
  });
});

describe('parsePeriod takes the default year for year-less forms', () => {
  it.each([
    ['上半年', '2023H1'],
    ['下半年', '2023H2'],
    ['一季度', '2023Q1'],
    ['第三季度', '2023Q3'],
    ['前三季度', '2023-01~09'],
    ['前两季度', '2023H1'],
    ['8月', '2023-08'],
    ['1-9月', '2023-01~09'],
    ['1-6月', '2023H1'],
    ['一至三季度', '2023-01~09'],
  ])('%j with default 2023 → %s', (text, expected) => {
    expect(code(text, 2023)).toBe(expected);
  });

  it('prefers a written year to the default', () => {
    expect(code('2020年前三季度', 2023)).toBe('2020-01~09');
  });

  it('checks the default year too', () => {
    expect(code('上半年', 1800)).toBe('error: invalid period "上半年": year 1800 is outside 1949–2100 (年份应在1949–2100之间)');
  });
});

describe('parsePeriod reads every period of the Shenzhen observations 2014–2023', () => {
  // The distinct values of the `period` column of shenzhen-observations-2014-2023.csv.
  it.each([
    ['2004', '2004'],
    ['2014', '2014'],
    ['2015', '2015'],
    ['2016', '2016'],
    ['2016Q1', '2016Q1'],
    ['2016Q1-Q3', '2016-01~09'],
    ['2017', '2017'],
    ['2018', '2018'],
    ['2019', '2019'],
    ['2019-01~06', '2019H1'],
    ['2019H1', '2019H1'],
    ['2020', '2020'],
    ['2020-01~08', '2020-01~08'],
    ['2020-01~09', '2020-01~09'],
    ['2020-08', '2020-08'],
    ['2020H1', '2020H1'],
    ['2020Q1', '2020Q1'],
    ['2020Q1-Q3', '2020-01~09'],
    ['2021', '2021'],
    ['2021-01~05', '2021-01~05'],
    ['2021-01~06', '2021H1'],
    ['2021-01~08', '2021-01~08'],
    ['2021Q1-Q3', '2021-01~09'],
    ['2022', '2022'],
    ['2022-01~09', '2022-01~09'],
    ['2022-01~10', '2022-01~10'],
    ['2022-10', '2022-10'],
    ['2022H1', '2022H1'],
    ['2022Q1', '2022Q1'],
    ['2022Q1-Q3', '2022-01~09'],
    ['2023', '2023'],
    ['2023-01~02', '2023-01~02'],
    ['2023-01~09', '2023-01~09'],
    ['2023H1', '2023H1'],
    ['2023Q1-Q3', '2023-01~09'],
  ])('%j → %s', (text, expected) => {
    expect(code(text)).toBe(expected);
  });

  it('and refuses its "unspecified" period', () => {
    expect(code('unspecified (as of 2022-05 FAQ)')).toBe(`error: unrecognised period "unspecified (as of 2022-05 FAQ)" (无法识别的统计期): ${FORMS}`);
  });
});

describe('parsePeriod refuses, naming the input and the reason', () => {
  it.each([
    ['unspecified (2023?)', `unrecognised period "unspecified (2023?)" (无法识别的统计期): ${FORMS}`],
    ['', `empty period (统计期为空): ${FORMS}`],
    ['   ', `empty period (统计期为空): ${FORMS}`],
    ['2020年13月', 'invalid period "2020年13月": month 13 does not exist (月份应为1–12)'],
    ['2020-00', 'invalid period "2020-00": month 0 does not exist (月份应为1–12)'],
    ['2020Q5', 'invalid period "2020Q5": quarter 5 does not exist (季度应为1–4)'],
    ['2020年第五季度', 'invalid period "2020年第五季度": quarter 5 does not exist (季度应为1–4)'],
    ['2020Q1-Q5', 'invalid period "2020Q1-Q5": quarter 5 does not exist (季度应为1–4)'],
    ['2020H3', 'invalid period "2020H3": half 3 does not exist (半年应为1或2)'],
    ['前三季度', 'invalid period "前三季度": 前三季度 needs a year: write 2020年前三季度, or give a default year (缺少年份)'],
    ['上半年', 'invalid period "上半年": 上半年 needs a year: write 2020年上半年, or give a default year (缺少年份)'],
    ['2020.08', 'invalid period "2020.08": dotted dates read like decimals (is 2020.1 January or October?): write 2020-08 or 2020年8月 (请勿用小数点表示月份)'],
    ['2020.1-9', 'invalid period "2020.1-9": dotted dates read like decimals (is 2020.1 January or October?): write 2020-08 or 2020年8月 (请勿用小数点表示月份)'],
    ['1800', 'invalid period "1800": year 1800 is outside 1949–2100 (年份应在1949–2100之间)'],
    ['2101年', 'invalid period "2101年": year 2101 is outside 1949–2100 (年份应在1949–2100之间)'],
    ['2020年9-3月', 'invalid period "2020年9-3月": it ends (2020-03) before it starts (2020-09) (结束早于开始)'],
    ['2020Q3-Q1', 'invalid period "2020Q3-Q1": it ends (2020-03) before it starts (2020-07) (结束早于开始)'],
    ['2025-2021', 'invalid period "2025-2021": it ends (2021-12) before it starts (2025-01) (结束早于开始)'],
    [
      '2020年4-5月',
      'invalid period "2020年4-5月": 4–5月 (Apr–May 2020) is not a period here: only a single month, a range from January (1–N月) or an exact quarter or half is (只支持单月、从1月起的累计期、完整的季度或半年)',
    ],
    [
      '2020年二至三季度',
      'invalid period "2020年二至三季度": 4–9月 (Apr–Sep 2020) is not a period here: only a single month, a range from January (1–N月) or an exact quarter or half is (只支持单月、从1月起的累计期、完整的季度或半年)',
    ],
    ['2020-11~2021-02', 'invalid period "2020-11~2021-02": 2020-11 to 2021-02 crosses a new year; only whole years (2021-2025) may span years (跨年的统计期只能是整年)'],
    ['2020年前一季度', 'invalid period "2020年前一季度": 前一季度 reads as "the previous quarter": write 2020年第一季度 or 2020Q1 (前一季度有歧义)'],
    [
      '十六五',
      'invalid period "十六五": no Five-Year Plan called 十六五 is known here (known: 十一五 2006–2010, 十二五 2011–2015, 十三五 2016–2020, 十四五 2021–2025, 十五五 2026–2030) (未知的五年规划)',
    ],
    // A date, not a range: 2020-01~09 needs the tilde.
    ['2020-01-09', `unrecognised period "2020-01-09" (无法识别的统计期): ${FORMS}`],
    // English labels are for display only.
    ['Q3 2020', `unrecognised period "Q3 2020" (无法识别的统计期): ${FORMS}`],
    ['20201', `unrecognised period "20201" (无法识别的统计期): ${FORMS}`],
  ])('%j', (text, message) => {
    expect(parsePeriod(text)).toEqual({ ok: false, error: message });
  });
});
