import { describe, expect, it } from 'vitest';
import { fittingSeries } from './indicator';

describe('the series a forecast is fitted on', () => {
  it('fills a gap of up to two years geometrically and stops at a longer one', () => {
    const s = fittingSeries([
      { year: 2010, value: 1 },
      { year: 2013, value: 50 }, // 2014–2016 missing: three years, too long a gap
      { year: 2017, value: 100 },
      { year: 2019, value: 121 },
      { year: 2020, value: 130 },
    ]);
    expect(s.observed.map((p) => p.year)).toEqual([2017, 2019, 2020]);
    expect(s.interpolated).toEqual([2018]);
    expect(s.values[1]).toBeCloseTo(110, 10); // √(100·121)
    expect(s.values).toHaveLength(4);
  });
  it('interpolates linearly when a neighbour is not positive', () => {
    expect(fittingSeries([{ year: 2020, value: -2 }, { year: 2022, value: 4 }]).values).toEqual([-2, 1, 4]);
  });
});
