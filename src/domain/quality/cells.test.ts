/**
 * The cells' flat lookup table (and its Map fallback) against a plain reference: a Map keyed by the cell's text,
 * holding the figure the preference rule ranks first among those that stand (not corrected, not re-described by a
 * record present, not excluded) — on random pools.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparePreference } from '../observation/preference';
import { SOURCE_KINDS } from '../observation/terms';
import { parsePeriod } from '../period/parse';
import { monthRange } from '../period/period';
import { Cells } from './cells';
import type { QualityFigure } from './figure';

const INDICATORS = ['GDP', 'RETAIL', 'SHARE'];
const REGIONS = ['440300', '440303', '440304'];
const PERIODS = ['2021', '2022', '2022Q1', '2022Q2', '2023Q1', '2022-03', '2023-03', '2022H1', '2023H1', '2022-01~05', '2022-01~09', '2023-01~05', '2021-2025'];

const figureArb = fc.record({
  indicator: fc.constantFrom(...INDICATORS),
  region: fc.constantFrom(...REGIONS),
  period: fc.constantFrom(...PERIODS),
  value: fc.integer({ min: -10, max: 1000 }),
  sourceKind: fc.constantFrom(...SOURCE_KINDS),
  published: fc.constantFrom('2023-02-01', '2024-02-01'),
  entered: fc.integer({ min: 0, max: 3 }),
  comparable: fc.boolean(),
  corrects: fc.option(fc.integer({ min: 1, max: 40 }), { freq: 5 }),
  supersededBy: fc.option(fc.integer({ min: 1, max: 40 }), { freq: 5 }),
});

type Spec = typeof figureArb extends fc.Arbitrary<infer T> ? T : never;

function pool(specs: readonly Spec[]): QualityFigure[] {
  return specs.map((s, i) => {
    const p = parsePeriod(s.period);
    if (!p.ok) throw new Error(p.error);
    return {
      id: i + 1, indicatorCode: s.indicator, regionCode: s.region, periodCode: s.period, period: p.value, valueStd: s.value,
      priceBasis: s.comparable ? 'comparable' : 'current', status: 'final', sourceKind: s.sourceKind, precision: 'exact', source: { readAt: null },
      publishedDate: s.published, enteredAt: String(s.entered).padStart(15, '0'), corrects: s.corrects, supersededBy: s.supersededBy, state: 'approved',
    };
  });
}

/** The plain way: every figure that stands, by its cell's text, the preferred one kept. */
function reference(figures: readonly QualityFigure[], excluded: (f: QualityFigure) => boolean): Map<string, QualityFigure> {
  const corrected = new Set(figures.flatMap((f) => (f.corrects === null ? [] : [f.corrects])));
  const ids = new Set(figures.map((f) => f.id));
  const map = new Map<string, QualityFigure>();
  for (const f of figures) {
    if (corrected.has(f.id) || (f.supersededBy !== null && ids.has(f.supersededBy)) || excluded(f)) continue;
    const k = `${f.indicatorCode}|${f.regionCode}|${f.periodCode}`;
    const held = map.get(k);
    if (!held || comparePreference(f, held) < 0) map.set(k, f);
  }
  return map;
}

const excludeComparableGdp = (f: QualityFigure) => f.priceBasis === 'comparable' && f.indicatorCode === 'GDP';

describe('cells: the flat table against a Map keyed by text', () => {
  for (const [name, denseLimit] of [['flat table', undefined], ['Map fallback', -1]] as const) {
    it(`${name}: every lookup, key, year-before key and January chain agree with the reference (property)`, () => {
      fc.assert(
        fc.property(fc.array(figureArb, { maxLength: 40 }), (specs) => {
          const figures = pool(specs);
          const cells = new Cells(figures, excludeComparableGdp, denseLimit);
          const ref = reference(figures, excludeComparableGdp);
          expect(cells.slotCount).toBe(ref.size);
          expect(cells.denseKeys).toBe(denseLimit === undefined);
          for (const i of [...INDICATORS, 'NONE']) {
            for (const r of [...REGIONS, '000000']) {
              for (const p of [...PERIODS, '2030']) {
                const want = ref.get(`${i}|${r}|${p}`);
                expect(cells.get(i, r, p)).toBe(want);
                const key = cells.keyOf(i, r, p);
                expect(cells.atKey(key)).toBe(want);
                if (want) {
                  const slot = cells.slotOfKey(key);
                  expect(cells.atSlot(slot)).toBe(want);
                  expect(cells.keyOfSlot(slot)).toBe(key);
                  // The cell a year before, by numbers, is the one the period's text a year before names.
                  const before = cells.yearBefore(want);
                  expect(cells.atKey(cells.keyBefore(key))).toBe(before === null ? undefined : ref.get(`${i}|${r}|${before}`));
                  expect(cells.slotsOfBase(cells.baseOfKey(key))).toContain(slot);
                }
              }
              for (const year of [2021, 2022, 2023]) {
                const chain = [...ref.values()]
                  .filter((f) => f.indicatorCode === i && f.regionCode === r && monthRange(f.period).start.month === 1 && monthRange(f.period).start.year === year && monthRange(f.period).end.year === year)
                  .map((f) => monthRange(f.period).end.month)
                  .sort((a, b) => a - b);
                expect(cells.januaryChain(i, r, year).map((c) => c.endMonth)).toEqual(chain);
              }
            }
          }
          // The slots of every base together are every slot once.
          const all = new Set<number>();
          for (let s = 0; s < cells.slotCount; s++) all.add(cells.baseOfKey(cells.keyOfSlot(s)));
          expect([...all].reduce((n, b) => n + cells.slotsOfBase(b).length, 0)).toBe(cells.slotCount);
        }),
        { numRuns: 150 },
      );
    });
  }
});
