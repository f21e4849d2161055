/**
 * The bundled unit catalogue (measurement-units/units.yaml): it reads, every dimension has its base unit, the domain tests'
 * fixture agrees with it unit for unit, and conversion between any two units of one dimension round-trips exactly
 * enough — the property the constant table had, now over the data.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertValue } from '../src/domain/unit/convert';
import { FIXTURE_UNITS } from '../src/domain/unit/fixtures';
import { bundledUnits } from '../src/services/units/bundledUnits';

const catalogue = await bundledUnits();
const units = catalogue.units;

describe('the bundled unit catalogue', () => {
  it('holds the units of the 14th plan and the logistics units of a 15th plan', () => {
    for (const s of ['亿元', '万亿元', '%', '个百分点', '万人', '亿美元', '家', '微克/立方米', '万标箱', '万吨', '亿件', '吨/万元']) expect(catalogue.parse(s).ok, s).toBe(true);
  });

  it('gives each dimension a base unit (factor 1), the unit its factors are relative to', () => {
    for (const d of new Set(units.map((u) => u.dimension))) expect(units.some((u) => u.dimension === d && u.factor === '1'), d).toBe(true);
  });

  it('agrees with the fixture the domain tests use, unit for unit', () => {
    for (const f of FIXTURE_UNITS) expect(units.find((u) => u.code === f.code), f.code).toEqual(f);
  });

  it('round-trips within a relative error of 1e-12 for every pair of one dimension', () => {
    const pairs = units.flatMap((a) => units.filter((b) => b.dimension === a.dimension).map((b) => [a, b] as const));
    const reasonable = fc.double({ min: -1e12, max: 1e12, noNaN: true }).filter((x) => x === 0 || Math.abs(x) >= 1e-100);
    fc.assert(
      fc.property(fc.constantFrom(...pairs), reasonable, ([a, b], x) => {
        const there = convertValue(x, a, b);
        if (!there.ok) throw new Error(there.error);
        const back = convertValue(there.value, b, a);
        if (!back.ok) throw new Error(back.error);
        expect(Math.abs(back.value - x)).toBeLessThanOrEqual(1e-12 * Math.abs(x));
      }),
    );
  });
});
