/** The automatic forecast's interval calibration (issue 5): half-widths scaled per step, the point untouched. */
import { describe, expect, it } from 'vitest';
import { calibrate, calibrationKeyOf, CALIBRATION, frequencyOf } from './calibration';
import type { ModelForecast } from './model';

const raw: ModelForecast = { ok: true, model: 'm', point: [100, 110, 120], lo80: [90, 95, 100], hi80: [110, 130, 150], lo95: [80, 85, 90], hi95: [120, 140, 160] };

describe('calibrate', () => {
  it('multiplies each side’s half-width by the factor of its step and keeps the point', () => {
    const f = calibrate(raw, 'yearly', { yearly: { f80: [1, 2], f95: [1.5, 3] } });
    expect(f.point).toEqual(raw.point);
    expect(f.lo80).toEqual([90, 80, 80]); // step 3 uses the last factor, 2
    expect(f.hi80).toEqual([110, 150, 180]);
    expect(f.lo95).toEqual([70, 35, 30]);
    expect(f.hi95).toEqual([130, 200, 240]);
  });

  it('keeps the 95% interval at least as wide as the 80% one', () => {
    const f = calibrate(raw, 'yearly', { yearly: { f80: [3], f95: [1] } });
    f.point.forEach((_, j) => {
      expect(f.lo95[j]).toBeLessThanOrEqual(f.lo80[j] ?? Number.NaN);
      expect(f.hi95[j]).toBeGreaterThanOrEqual(f.hi80[j] ?? Number.NaN);
    });
  });

  it('has non-decreasing factors, 95% above 80%, for every frequency (so intervals still widen with the horizon)', () => {
    for (const t of Object.values(CALIBRATION)) {
      for (const fs of [t.f80, t.f95]) fs.forEach((v, j) => j > 0 && expect(v).toBeGreaterThanOrEqual(fs[j - 1] ?? Number.POSITIVE_INFINITY));
      t.f80.forEach((v, j) => expect(t.f95[j]).toBeGreaterThanOrEqual(v));
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

  it('has a heavier tail than the normal law: the 95% factor above the 80% one at every step of every table', () => {
    // Equal factors would keep the members' normal 95/80 width ratio (1.53); measured outcomes fall outside the
    // 95% interval more often than that, so its factor is larger.
    for (const [key, t] of Object.entries(CALIBRATION)) t.f80.forEach((v, j) => expect(t.f95[j], `${key} step ${j + 1}`).toBeGreaterThan(v));
  });
});
