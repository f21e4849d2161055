/** Properties of STL (R's numbers are proven in test/stlReference.test.ts). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stl } from './stl';

const monthly = fc
  .record({
    level: fc.double({ min: -100, max: 1000, noNaN: true }),
    slope: fc.double({ min: -2, max: 2, noNaN: true }),
    amplitude: fc.double({ min: 0, max: 50, noNaN: true }),
    noise: fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 37, maxLength: 96 }),
  })
  .map(({ level, slope, amplitude, noise }) => noise.map((e, t) => level + slope * t + amplitude * Math.sin((2 * Math.PI * t) / 12) + e));

describe('STL', () => {
  it('adds up: seasonal + trend + remainder = the series', () => {
    fc.assert(
      fc.property(monthly, fc.constantFrom<number | 'periodic'>('periodic', 7, 13), fc.boolean(), (y, sWindow, robust) => {
        const d = stl(y, { period: 12, sWindow, robust });
        y.forEach((v, i) => expect(Math.abs((d.seasonal[i] ?? 0) + (d.trend[i] ?? 0) + (d.remainder[i] ?? 0) - v)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(v))));
      }),
      { numRuns: 30 },
    );
  });

  it('is linear in the series: STL(a·y + b) = a·STL(y) + b in the trend (non-robust)', () => {
    fc.assert(
      fc.property(monthly, fc.double({ min: 0.01, max: 100, noNaN: true }), fc.double({ min: -1000, max: 1000, noNaN: true }), (y, a, b) => {
        const d = stl(y, { period: 12, sWindow: 7 });
        const e = stl(y.map((v) => a * v + b), { period: 12, sWindow: 7 });
        const scale = Math.max(...y.map(Math.abs), 1);
        e.trend.forEach((t, i) => expect(Math.abs(t - (a * (d.trend[i] ?? 0) + b))).toBeLessThanOrEqual(1e-8 * (a * scale + Math.abs(b))));
        e.seasonal.forEach((s, i) => expect(Math.abs(s - a * (d.seasonal[i] ?? 0))).toBeLessThanOrEqual(1e-8 * (a * scale + Math.abs(b))));
      }),
      { numRuns: 30 },
    );
  });

  it('gives a periodic seasonal that repeats exactly, and a constant series no seasonal at all', () => {
    const y = Array.from({ length: 60 }, (_, t) => 100 + t + 10 * Math.cos((2 * Math.PI * t) / 12));
    const d = stl(y, { period: 12, sWindow: 'periodic' });
    for (let i = 12; i < 60; i++) expect(d.seasonal[i]).toBe(d.seasonal[i - 12]);
    const c = stl(Array<number>(48).fill(7), { period: 12, sWindow: 'periodic' });
    for (const s of c.seasonal) expect(Math.abs(s)).toBeLessThan(1e-12);
    for (const t of c.trend) expect(Math.abs(t - 7)).toBeLessThan(1e-12);
  });
});
