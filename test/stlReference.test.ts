/**
 * Our STL (src/domain/prosperity/stl.ts) against R's stats::stl() on R's own datasets (nottem, co2, ldeaths,
 * USAccDeaths, AirPassengers, UKgas), periodic and smoothed seasonals, both degrees, robust and not, custom spans,
 * jumps and iteration counts. Fixtures: test/fixtures/r/make-stl-fixtures.R (rerun by the last test here).
 *
 * Tolerance: every trend value within 1e-6 relative of R's; seasonal and remainder values (which cross zero, where a
 * relative difference means nothing) within 1e-6 of the largest |value| of that component.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stl, type StlOptions } from '../src/domain/prosperity/stl';
import { fixture } from './support/paths';
import { stlOptionsFromR } from './support/stlOptions';

interface RCase {
  y: number[];
  period: number;
  options: Record<string, number | string | boolean>;
  seasonal: number[];
  trend: number[];
  remainder: number[];
  weights: number[];
  win: { s: number; t: number; l: number };
  deg: { s: number; t: number; l: number };
  jump: { s: number; t: number; l: number };
}
const reference = JSON.parse(readFileSync(fixture('r', 'stl-reference.json'), 'utf8')) as { r: string; cases: Record<string, RCase> };

const options = (c: RCase): StlOptions => stlOptionsFromR(c.period, c.options);

const maxAbs = (v: readonly number[]) => Math.max(...v.map(Math.abs));

describe(`STL against R's stl() (${reference.r})`, () => {
  const worst = { trend: 0, seasonal: 0, remainder: 0 };
  it.each(Object.entries(reference.cases))('%s', (_, c) => {
    const ours = stl(c.y, options(c));
    expect({ s: ours.used.sWindow, t: ours.used.tWindow, l: ours.used.lWindow }).toEqual(c.win);
    expect({ s: ours.used.sJump, t: ours.used.tJump, l: ours.used.lJump }).toEqual(c.jump);
    c.trend.forEach((r, i) => {
      const rel = Math.abs((ours.trend[i] ?? Number.NaN) - r) / Math.abs(r);
      worst.trend = Math.max(worst.trend, rel);
      expect(rel, `trend[${i}]`).toBeLessThanOrEqual(1e-6);
    });
    for (const k of ['seasonal', 'remainder'] as const) {
      const scale = maxAbs(c[k]);
      c[k].forEach((r, i) => {
        const rel = Math.abs((ours[k][i] ?? Number.NaN) - r) / scale;
        worst[k] = Math.max(worst[k], rel);
        expect(rel, `${k}[${i}]`).toBeLessThanOrEqual(1e-6);
      });
    }
    c.weights.forEach((r, i) => expect(Math.abs((ours.weights[i] ?? Number.NaN) - r), `weights[${i}]`).toBeLessThanOrEqual(1e-6));
  });

  it('reports the largest differences seen', () => {
    console.info(`STL vs R, largest relative difference: trend ${worst.trend.toExponential(2)}, seasonal ${worst.seasonal.toExponential(2)}, remainder ${worst.remainder.toExponential(2)}`);
    expect(Math.max(worst.trend, worst.seasonal, worst.remainder)).toBeLessThanOrEqual(1e-6);
  });

  it('refuses a series shorter than two cycles, as R does', () => {
    expect(() => stl([1, 2, 3, 4, 5, 6, 7, 8], { period: 4, sWindow: 7 })).toThrow(/more than two full cycles/);
  });

  it('the fixtures are what R computes today (the R script rerun, compared to the committed file)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pm-stl-'));
    try {
      const out = path.join(dir, 'stl.json');
      execFileSync('Rscript', [fixture('r', 'make-stl-fixtures.R'), out], { stdio: 'pipe', timeout: 120_000 });
      const fresh = JSON.parse(readFileSync(out, 'utf8')) as typeof reference;
      expect(Object.keys(fresh.cases)).toEqual(Object.keys(reference.cases));
      for (const [name, c] of Object.entries(reference.cases)) {
        const f = fresh.cases[name];
        expect(f?.y, name).toEqual(c.y);
        for (const k of ['seasonal', 'trend', 'remainder'] as const) {
          f?.[k].forEach((v, i) => expect(Math.abs(v - (c[k][i] ?? Number.NaN)), `${name} ${k}[${i}]`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(v))));
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);
});
