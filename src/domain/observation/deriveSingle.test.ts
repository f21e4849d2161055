import { describe, expect, it } from 'vitest';
import { deriveSinglePeriods } from './deriveSingle';
import type { Observation } from './observation';

let id = 1;
const fig = (periodCode: string, valueStd: number, o: Partial<Observation> = {}): Observation => ({
  id: id++, indicatorCode: 'RETAIL', regionCode: '440300', periodCode, value: valueStd, unit: '亿元', valueStd, priceBasis: 'current',
  status: 'final', sourceKind: 'government', source: { publication: 's', publisher: null, link: null, readAt: null }, precision: 'exact', quote: null, notes: null,
  publishedDate: '2020-10-20', publishedDateEstimated: false, enteredAt: '2026-01-01T00:00:00Z', origin: null, supersededBy: null, derivation: null, approval: null, ...o,
});

describe('deriveSinglePeriods', () => {
  it('takes September from 1–9月 minus 1–8月 (社会消费品零售总额 2020: 6044 − 5240 = 804)', () => {
    const d = deriveSinglePeriods([fig('2020-01~09', 6044), fig('2020-01~08', 5240)]);
    expect(d.map((x) => [x.periodCode, x.value])).toEqual([['2020-09', 804]]);
    expect(d[0]?.rule.zh).toBe('由累计数推算：2020-01~09（6044）减 2020-01~08（5240）');
  });

  it('takes the third quarter from 前三季度 minus 上半年 (GDP 2023: 24468.25 − 16297.6 = 8170.65)', () => {
    const d = deriveSinglePeriods([fig('2023H1', 16297.6, { publishedDate: '2023-07-27' }), fig('2023-01~09', 24468.25, { publishedDate: '2023-11-01' })]);
    expect(d.map((x) => [x.periodCode, x.value])).toEqual([['2023Q3', 8170.65]]);
  });

  it('pairs only neighbours of the same year, and never across a census revision', () => {
    const d = deriveSinglePeriods([
      fig('2021-01~06', 4485, { publishedDate: '2021-07-20' }),
      fig('2021-01~08', 6149, { publishedDate: '2021-09-20' }), // 1–8月 − 1–6月 = Jul–Aug: not one period, so nothing
      fig('2024-01~09', 7900, { publishedDate: '2025-02-01' }),
      fig('2024H1', 5000, { publishedDate: '2024-07-20' }), // published before the 5th census revision, the other after
    ]);
    expect(d).toEqual([]);
  });
});
