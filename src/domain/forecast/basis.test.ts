/** One revision basis for a forecast (issue 17): the stretch after the last census break. */
import { describe, expect, it } from 'vitest';
import type { Observation } from '../observation/observation';
import { latestBasisStretch, pointBasis } from './basis';

const figure = (publishedDate: string) => ({ publishedDate }) as Observation;
const point = (year: number, publishedDate: string | null) => ({ year, observation: publishedDate ? figure(publishedDate) : null, derivation: null });

describe('latestBasisStretch', () => {
  it('keeps the figures after the last break and says which were left out', () => {
    // 服务业增加值: 2017–2018 published before the 4th census revision (2019-12), 2020–2023 after it.
    const s = latestBasisStretch([point(2017, '2018-01-01'), point(2018, '2019-01-01'), point(2020, '2021-01-01'), point(2021, '2022-01-29'), point(2023, '2024-01-30')]);
    expect(s.points.map((p) => p.year)).toEqual([2020, 2021, 2023]);
    expect(s.leftOut.map((p) => p.year)).toEqual([2017, 2018]);
    expect(s.basis?.id).toBe('census4');
  });

  it('keeps everything on one basis, and treats an undated point as its neighbours’ basis', () => {
    const s = latestBasisStretch([point(2020, '2021-01-01'), point(2021, null), point(2022, '2023-05-08')]);
    expect(s.points.map((p) => p.year)).toEqual([2020, 2021, 2022]);
    expect(s.leftOut).toEqual([]);
  });

  it('dates a derived share by its numerator', () => {
    const derived = { observation: null, derivation: { numerator: figure('2025-03-01'), denominator: figure('2025-03-01'), basis: { zh: '', en: '' } } };
    expect(pointBasis(derived)?.id).toBe('census5');
    expect(latestBasisStretch([]).points).toEqual([]);
  });
});
