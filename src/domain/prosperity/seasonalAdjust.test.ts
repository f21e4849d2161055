import { describe, expect, it } from 'vitest';
import { seasonallyAdjust } from './seasonalAdjust';
import { SPRING_FESTIVAL } from '../period/springFestival';
import { combineJanuaryFebruary } from './springFestival';

describe('春节 handled by combining January and February, then STL', () => {
  it('gives both months their mean, year by year', () => {
    expect(combineJanuaryFebruary([10, 6, 9, 12, 11, 20, 30], [12, 1, 2, 3, 12, 1, 2])).toEqual([10, 7.5, 7.5, 12, 11, 25, 25]);
    // A January without its February keeps its value.
    expect(combineJanuaryFebruary([5, 7], [12, 1])).toEqual([5, 7]);
  });

  it('removes a moving-holiday dip that an STL of the raw months leaves in the adjusted series', () => {
    // Ten years of a flat index of 50 with a fixed pattern, minus 6 points in the month holding 春节.
    const months: number[] = [];
    const y: number[] = [];
    for (let year = 2014; year < 2024; year++) {
      const festivalMonth = Number(SPRING_FESTIVAL[year]?.slice(5, 7));
      for (let m = 1; m <= 12; m++) {
        months.push(m);
        y.push(50 + 2 * Math.cos((2 * Math.PI * m) / 12) - (m === festivalMonth ? 6 : 0));
      }
    }
    const spread = (v: Array<number | null>) => {
      const jf = v.filter((_, i) => months[i] === 1 || months[i] === 2) as number[];
      return Math.max(...jf) - Math.min(...jf);
    };
    const combined = seasonallyAdjust(y, months, { period: 12, sWindow: 'periodic', springFestival: true });
    const raw = seasonallyAdjust(y, months, { period: 12, sWindow: 'periodic', springFestival: false });
    expect(combined.adjusted).toBe(true);
    // Without the combination the adjusted January–February values swing by about the holiday's 6 points;
    // with it the swing is what is left of the yearly pattern between the two months.
    expect(spread(raw.values)).toBeGreaterThan(5);
    expect(spread(combined.values)).toBeLessThan(1.5);
  });

  it('leaves a short or gappy series unadjusted and says why', () => {
    expect(seasonallyAdjust([1, 2, 3], [1, 2, 3], { period: 12, sWindow: 7, springFestival: true })).toMatchObject({ adjusted: false, reason: expect.stringMatching(/more than two cycles/) });
    expect(seasonallyAdjust([1, null, 3], [1, 2, 3], { period: 12, sWindow: 7, springFestival: true })).toMatchObject({ adjusted: false, reason: expect.stringMatching(/gap/) });
    // Missing values at the ends stay missing around an adjusted middle.
    const y = [null, ...Array.from({ length: 36 }, (_, t) => 50 + Math.sin(t)), null];
    const r = seasonallyAdjust(y, y.map((_, i) => (i % 12) + 1), { period: 12, sWindow: 'periodic', springFestival: false });
    expect(r.adjusted).toBe(true);
    expect([r.values[0], r.values[37]]).toEqual([null, null]);
    expect(r.values.slice(1, 37).every((v) => typeof v === 'number')).toBe(true);
  });
});
