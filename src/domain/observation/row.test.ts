import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Field } from './fields';
import { err, ok } from '../result';
import { FIXTURE_CATALOGUE } from '../unit/fixtures';
import { checkRow, createRowChecker, type RawRow, type RowContext } from './row';

const ctx: RowContext = {
  indicators: new Map([
    ['GDP', { unit: '亿元', isShare: false }],
    ['FIN_SHARE_GDP', { unit: '%', isShare: true }],
    ['POP', { unit: '万人', isShare: false }],
  ]),
  units: FIXTURE_CATALOGUE,
  region: (text) => {
    const code = ({ '440300': '440300', 深圳市: '440300', 南山区: '440305', '440305': '440305' } as Record<string, string>)[text.trim()];
    return code ? ok(code) : err(`unknown region "${text.trim()}" (not in the region registry)`);
  },
};

// Texts as files carry them: good ones, near misses and rubbish, so rows both pass and fail in every cell.
const texts: Record<Field, string[]> = {
  indicator: ['GDP', 'FIN_SHARE_GDP', 'POP', 'gdp', '', 'UNKNOWN'],
  indicatorName: ['', '地区生产总值', '预计数', '修订后'],
  region: ['440300', '深圳市', ' 南山区 ', '火星', ''],
  period: ['2020', '2020年1-9月', '前三季度', '2021Q3', '2020H1', '2020-08', 'unspecified', '', '2020.08', '十四五'],
  value: ['17190.4', '1,234.5', '-3', '1e308', '约2600', '—', '', '0', '55.5', '1e-7'],
  unit: ['亿元', '万元', '万亿元', '%', '个百分点', '万人', '人', '亿美元', '', '亿吨'],
  priceBasis: ['', '现价', '可比价(presumed)', '美元价', 'unspecified'],
  status: ['', '最终', '初步核算', 'maybe'],
  sourceKind: ['', '统计公报', 'press', '外星'],
  source: ['深圳统计年鉴', '2021年深圳市国民经济和社会发展统计公报 (2022-04-28)', '', '南方日报 2019-01-01', '市政府工作报告'],
  publisher: ['', '深圳市统计局', '市政府'],
  publishedDate: ['', '2022-04-28', '2021年5月8日', '2023-02-30', '2019-01-01', 'soon'],
  link: ['', 'https://example.org/x'],
  readAt: ['', 'mirror example.org/a (2023-06-01)'],
  precision: ['', '精确', '下限', 'upper_bound', '大概'],
  quote: ['', '原文', '增加值突破2600亿元', '约55.5%'],
  notes: ['', '初步', 'revised'],
};

const row: fc.Arbitrary<RawRow> = fc.record(
  Object.fromEntries(Object.entries(texts).map(([f, values]) => [f, fc.constantFrom(...values)])) as Record<Field, fc.Arbitrary<string>>,
  { requiredKeys: [] },
);

describe('the import row checker', () => {
  it('says exactly what checkRow says, row after row, though it reads each distinct text once', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 60 }), (rows) => {
        const check = createRowChecker(ctx);
        for (const r of rows) expect(check(r)).toEqual(checkRow(r, ctx));
      }),
      { numRuns: 300 },
    );
  });

  it('remembers a text: the second row with the same period gets the same reading', () => {
    const check = createRowChecker(ctx);
    const base: RawRow = { indicator: 'GDP', region: '深圳市', period: '2020年1-9月', value: '100', unit: '亿元', source: 'x' };
    const a = check(base);
    const b = check({ ...base, value: '200' });
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) {
      expect(b.draft.periodCode).toBe(a.draft.periodCode);
      expect(b.draft.value).toBe(200);
      expect(b.draft.valueStd).toBe(200);
    }
  });
});
