/** The automatic forecast's interval calibration (issue 5): half-widths scaled per step, the point untouched. */
import { describe, expect, it } from 'vitest';
import { calibrate, calibrationKeyOf, CALIBRATION, frequencyOf } from './calibration';
import type { ModelForecast } from './model';

const raw: ModelForecast = { ok: true, model: 'm', point: [100, 110, 120], lo80: [90, 95, 100], hi80: [110, 130, 150], lo95: [80, 85, 90], hi95: [120, 140, 160] };

describe('calibrate', () => {
  it('multiplies each side’s half-width by the factor of its step and keeps the point', () => {
    const f = calibrate(raw, 'yearly', [], 1, { yearly: { f80: [1, 2], f95: [1.5, 3] } });
    expect(f.point).toEqual(raw.point);
    expect(f.lo80).toEqual([90, 80, 80]); // step 3 uses the last factor, 2
    expect(f.hi80).toEqual([110, 150, 180]);
    expect(f.lo95).toEqual([70, 35, 30]);
    expect(f.hi95).toEqual([130, 200, 240]);
  });

  it('keeps the 95% interval at least as wide as the 80% one', () => {
    const f = calibrate(raw, 'yearly', [], 1, { yearly: { f80: [3], f95: [1] } });
    f.point.forEach((_, j) => {
      expect(f.lo95[j]).toBeLessThanOrEqual(f.lo80[j] ?? Number.NaN);
      expect(f.hi95[j]).toBeGreaterThanOrEqual(f.hi80[j] ?? Number.NaN);
    });
  });

  it('can widen the 80% interval by the series’ own mean absolute change × √step instead of the model’s width', () => {
    // y changes by 2, 1, 4: mean absolute change 7/3. Step j's 80% half-width on both sides: f80_j · 7/3 · √j.
    const y = [10, 12, 11, 15];
    const f = calibrate(raw, 'yearly', y, 1, { yearly: { f80: [1, 2], f95: [1.5, 3], scale80: 'meanAbsoluteChange' } });
    const half = [1 * (7 / 3) * 1, 2 * (7 / 3) * Math.SQRT2, 2 * (7 / 3) * Math.sqrt(3)];
    f.point.forEach((p, j) => {
      expect(f.hi80[j]).toBeCloseTo(p + (half[j] ?? 0), 12);
      expect(f.lo80[j]).toBeCloseTo(p - (half[j] ?? 0), 12);
    });
    // The 95% interval keeps the model's widths times its factors (step 1: 20 · 1.5 = 30 below and above).
    expect([f.lo95[0], f.hi95[0]]).toEqual([70, 130]);
    // A series that never moved has no such scale: its 80% interval is the raw one.
    const flat = calibrate(raw, 'yearly', [5, 5, 5], 1, { yearly: { f80: [9], f95: [9], scale80: 'meanAbsoluteChange' } });
    expect([flat.lo80, flat.hi80]).toEqual([raw.lo80, raw.hi80]);
  });

  it('has non-decreasing factors, 95% above 80% on the same scale, for every frequency (so intervals still widen with the horizon)', () => {
    for (const t of Object.values(CALIBRATION)) {
      for (const fs of [t.f80, t.f95]) fs.forEach((v, j) => j > 0 && expect(v).toBeGreaterThanOrEqual(fs[j - 1] ?? Number.POSITIVE_INFINITY));
      if ((t.scale80 ?? 'model') === 'model') t.f80.forEach((v, j) => expect(t.f95[j]).toBeGreaterThanOrEqual(v));
    }
  });

  it('picks the table by periods per year, and by the short-annual rule when there is one', () => {
    expect([1, 2, 4, 6, 12, 24].map(frequencyOf)).toEqual(['yearly', 'yearly', 'quarterly', 'quarterly', 'monthly', 'monthly']);
    const rule = (r: string) => ({ method: { rule: r, reason: { zh: '', en: '' }, members: [] } });
    expect(calibrationKeyOf(rule('short_steady_trend'), 1)).toBe('yearly_short_trend');
    expect(calibrationKeyOf(rule('short_median'), 1)).toBe('yearly_short_median');
    expect(calibrationKeyOf(rule('median'), 4)).toBe('quarterly');
    expect(calibrationKeyOf({}, 12)).toBe('monthly');
  });

  it('has a heavier tail than the normal law: the 95% factor above the 80% one at every step of every table on one scale', () => {
    // Equal factors would keep the members' normal 95/80 width ratio (1.53); measured outcomes fall outside the
    // 95% interval more often than that, so its factor is larger. (A table whose 80% factors multiply the mean
    // absolute change has factors of another unit: not comparable.)
    const oneScale = Object.entries(CALIBRATION).filter(([, t]) => (t.scale80 ?? 'model') === 'model');
    expect(oneScale.map(([k]) => k)).toEqual(['quarterly', 'monthly', 'yearly_short_trend']);
    for (const [key, t] of oneScale) t.f80.forEach((v, j) => expect(t.f95[j], `${key} step ${j + 1}`).toBeGreaterThan(v));
  });
});
