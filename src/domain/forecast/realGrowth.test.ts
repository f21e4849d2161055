/** Real levels chained from growth rates, and their forecast read in real terms (issue 17). */
import { describe, expect, it } from 'vitest';
import { chainRealLevels, forecastRealLevels } from './realGrowth';
import { randomWalkDriftForecast } from './randomWalkDrift';

// Shenzhen GDP: real growth 2017–2023 as published (可比价), the 2020 level at current prices 27670.24亿元.
const RATES = [
  { year: 2017, ratePercent: 8.8 },
  { year: 2018, ratePercent: 7.6 },
  { year: 2019, ratePercent: 6.7 },
  { year: 2020, ratePercent: 3.1 },
  { year: 2021, ratePercent: 6.7 },
  { year: 2022, ratePercent: 3.3 },
  { year: 2023, ratePercent: 6.0 },
];

describe('chainRealLevels', () => {
  it('chains forward and back from the anchor level, at the anchor year’s prices (hand calculation)', () => {
    const r = chainRealLevels(RATES, { year: 2020, value: 27670.24 });
    if (!r.ok) throw new Error(r.error.en);
    expect(r.value.priceYear).toBe(2020);
    expect(r.value.points.map((p) => p.year)).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023]);
    const at = (y: number) => r.value.points.find((p) => p.year === y)?.value ?? Number.NaN;
    expect(at(2021)).toBeCloseTo(27670.24 * 1.067, 6); // 29524.15
    expect(at(2023)).toBeCloseTo(27670.24 * 1.067 * 1.033 * 1.06, 6); // 32329.36
    expect(at(2019)).toBeCloseTo(27670.24 / 1.031, 6); // 26838.25
    expect(at(2016)).toBeCloseTo(27670.24 / 1.031 / 1.067 / 1.076 / 1.088, 6);
  });

  it('stops at the first missing rate: current-price levels cannot bridge it', () => {
    const r = chainRealLevels([{ year: 2017, ratePercent: 8.4 }, { year: 2018, ratePercent: 6.4 }, { year: 2020, ratePercent: 3.9 }, { year: 2022, ratePercent: 2.4 }], { year: 2020, value: 17190.44 });
    expect(r.ok && r.value.points.map((p) => p.year)).toEqual([2019, 2020]);
  });

  it('refuses a non-positive level and a rate of −100% or below', () => {
    expect(chainRealLevels(RATES, { year: 2020, value: 0 }).ok).toBe(false);
    expect(chainRealLevels([{ year: 2021, ratePercent: -100 }], { year: 2020, value: 1 }).ok).toBe(false);
  });
});

describe('forecastRealLevels', () => {
  it('forecasts the real levels and reports the average real growth they imply', () => {
    const chained = chainRealLevels(RATES, { year: 2020, value: 27670.24 });
    if (!chained.ok) throw new Error(chained.error.en);
    const f = forecastRealLevels(chained.value, (y, h) => randomWalkDriftForecast(y, h), 2025, 4);
    if (!f.ok) throw new Error(f.error.en);
    expect(f.value.basis.zh).toBe('按2020年价格计算（可比价）');
    expect(f.value.path.map((p) => p.year)).toEqual([2024, 2025]);
    // Drift: the mean yearly change of the chained levels, (L2023 − L2016)/7, added on.
    const pts = chained.value.points;
    const c = ((pts.at(-1)?.value ?? 0) - (pts[0]?.value ?? 0)) / 7;
    const last = pts.at(-1)?.value ?? 0;
    expect(f.value.path[1]?.point).toBeCloseTo(last + 2 * c, 6);
    expect(f.value.growth[1]?.point).toBeCloseTo((Math.sqrt((last + 2 * c) / last) - 1) * 100, 8);
    const g = f.value.growth[1];
    expect(g && g.lo95 < g.lo80 && g.lo80 < g.point && g.point < g.hi80 && g.hi80 < g.hi95).toBe(true);
  });

  it('says when the real series is too short', () => {
    const r = forecastRealLevels({ priceYear: 2020, points: [{ year: 2019, value: 1 }, { year: 2020, value: 2 }] }, (y, h) => randomWalkDriftForecast(y, h), 2025, 4);
    expect(!r.ok && r.error.en).toMatch(/real series has 2 annual values/);
  });
});
