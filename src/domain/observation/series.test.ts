import { describe, expect, it } from 'vitest';
import type { Observation } from './observation';
import { annualSeries, withDerivedShares } from './series';

let id = 1;
const fig = (o: Partial<Observation>): Observation => ({
  id: id++, indicatorCode: 'X', regionCode: '440300', periodCode: '2022', value: 0, unit: '亿元', valueStd: 0, priceBasis: 'current',
  status: 'final', sourceKind: 'bureau_bulletin', source: { publication: 's', publisher: null, link: null, readAt: null }, precision: 'exact', quote: null, notes: null,
  publishedDate: '2023-05-08', publishedDateEstimated: false, enteredAt: '2026-01-01T00:00:00Z', origin: null, supersededBy: null, derivation: null, approval: null, ...o,
});

describe('annualSeries', () => {
  it('keeps annual figures only, at current prices, up to the cut-off year and publication date', () => {
    const figures = [
      fig({ periodCode: '2021', valueStd: 19299.67, publishedDate: '2022-04-20' }),
      fig({ periodCode: '2022', valueStd: 19956.16 }),
      fig({ periodCode: '2022Q1-Q3' as string, valueStd: 14000 }),
      fig({ periodCode: '2022', valueStd: 5.0, priceBasis: 'comparable' }),
      fig({ periodCode: '2023', valueStd: 21566.38, publishedDate: '2024-04-30' }),
    ];
    const series = annualSeries(figures, { publishedBy: '2023-12-31', maxYear: 2023, priceBasis: 'current' });
    expect(series.map((p) => [p.year, p.value])).toEqual([[2021, 19299.67], [2022, 19956.16]]);
  });
});

describe('withDerivedShares', () => {
  const point = (year: number, value: number, publishedDate: string) => ({
    year, value, observation: fig({ periodCode: String(year), valueStd: value, publishedDate }), candidates: [], derivation: null,
  });

  it('derives a share from numerator and denominator of the same revision basis, never across a census revision', () => {
    // 2022: 金融业增加值 5137.98 / GDP 32387.68, both from the 2023 bulletin → 15.8639…%.
    // 2023: numerator published after the 5th census revision, denominator before → no share.
    const num = [point(2022, 5137.98, '2023-05-08'), point(2023, 5500, '2025-03-01')];
    const den = [point(2022, 32387.68, '2023-05-08'), point(2023, 34606.4, '2024-04-30')];
    const { points, gaps } = withDerivedShares([], num, den);
    expect(points).toHaveLength(1);
    expect(points[0]?.value).toBeCloseTo((5137.98 / 32387.68) * 100, 10);
    expect(points[0]?.derivation?.basis.zh).toBe('第四次经济普查后口径');
    expect(gaps).toEqual([{ year: 2023, reason: expect.objectContaining({ zh: '分子（第五次经济普查后口径）与分母（第四次经济普查后口径）口径不同，不计算占比' }) }]);
  });

  it('never replaces a published share', () => {
    const published = [point(2022, 15.9, '2023-05-08')];
    const { points } = withDerivedShares(published, [point(2022, 5137.98, '2023-05-08')], [point(2022, 32387.68, '2023-05-08')]);
    expect(points).toEqual(published);
  });
});
