/**
 * Where figures compete for a cell, against the plain way (cells counted by their text), and why a check may read
 * the others without the preference rule's keys: on random pools, blanking those keys — as db/quality.ts's 'cells'
 * read leaves them — on every stored figure outside a crowded cell changes no cell's chosen figure.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRECISIONS, SOURCE_KINDS, STATUSES } from '../observation/terms';
import { parsePeriod } from '../period/parse';
import { Cells } from './cells';
import { crowdedIds } from './crowded';
import { FIRST_HAND, type QualityFigure } from './figure';

const PERIODS = ['2021', '2022', '2022Q1', '2022-03', '2022-01~09'];
const specArb = fc.record({
  indicator: fc.constantFrom('GDP', 'RETAIL', 'SHARE'),
  region: fc.constantFrom('440300', '440303', '440304', '440305'),
  period: fc.constantFrom(...PERIODS),
  status: fc.constantFrom(...STATUSES),
  sourceKind: fc.constantFrom(...SOURCE_KINDS),
  precision: fc.constantFrom(...PRECISIONS),
  readAt: fc.option(fc.constant('a mirror')),
  published: fc.constantFrom('2023-02-01', '2024-02-01'),
  entered: fc.integer({ min: 1, max: 3 }),
});
type Spec = typeof specArb extends fc.Arbitrary<infer T> ? T : never;

const figure = (s: Spec, id: number, state: QualityFigure['state']): QualityFigure => {
  const p = parsePeriod(s.period);
  if (!p.ok) throw new Error(p.error);
  return {
    id, indicatorCode: s.indicator, regionCode: s.region, periodCode: s.period, period: p.value, valueStd: id, priceBasis: 'current',
    status: s.status, sourceKind: s.sourceKind, precision: s.precision, source: s.readAt === null ? FIRST_HAND : { readAt: s.readAt },
    publishedDate: s.published, enteredAt: String(s.entered).padStart(15, '0'), corrects: null, supersededBy: null, state,
  };
};

/** The plain way: count every figure per cell text; the stored ones in cells counted twice or more. */
function reference(stored: readonly QualityFigure[], others: readonly QualityFigure[]): number[] {
  const text = (f: QualityFigure) => `${f.indicatorCode}|${f.regionCode}|${f.periodCode}`;
  const count = new Map<string, number>();
  for (const f of [...stored, ...others]) count.set(text(f), (count.get(text(f)) ?? 0) + 1);
  return stored.filter((f) => (count.get(text(f)) ?? 0) > 1).map((f) => f.id);
}

/** A stored figure as the 'cells' read gives it: the preference rule's keys unread. */
const blank = (f: QualityFigure): QualityFigure => ({ ...f, status: '' as QualityFigure['status'], sourceKind: '' as QualityFigure['sourceKind'], precision: 'exact', source: FIRST_HAND, enteredAt: '0'.padStart(15, '0') });

const poolArb = fc.record({ stored: fc.array(specArb, { maxLength: 40 }), checked: fc.array(specArb, { maxLength: 12 }) });

describe('crowdedIds', () => {
  for (const [name, denseLimit] of [['flat table', undefined], ['Map fallback', -1]] as const) {
    it(`${name}: the stored figures of every cell two or more figures claim, as counting by text finds them (property)`, () => {
      fc.assert(
        fc.property(poolArb, ({ stored, checked }) => {
          const s = stored.map((x, i) => figure(x, i + 1, 'approved'));
          const o = checked.map((x, i) => figure(x, -(i + 1), 'staged'));
          expect([...crowdedIds(s, [o], denseLimit)].sort((a, b) => a - b)).toEqual(reference(s, o));
        }),
        { numRuns: 300 },
      );
    });
  }

  it('a check that blanks the preference keys outside crowded cells chooses the same figure in every cell (property)', () => {
    fc.assert(
      fc.property(poolArb, ({ stored, checked }) => {
        const s = stored.map((x, i) => figure(x, i + 1, 'approved'));
        const o = checked.map((x, i) => figure(x, -(i + 1), 'staged'));
        const crowded = new Set(crowdedIds(s, [o]));
        const read = s.map((f) => (crowded.has(f.id) ? f : blank(f)));
        const full = new Cells([...s, ...o], () => false);
        const lean = new Cells([...read, ...o], () => false);
        expect(lean.slotCount).toBe(full.slotCount);
        for (let slot = 0; slot < full.slotCount; slot++) expect(lean.atSlot(slot)?.id).toBe(full.atSlot(slot)?.id);
      }),
      { numRuns: 300 },
    );
  });

  it('counts a cell once whatever the number of figures in it: three stored figures of one cell are three ids', () => {
    const spec: Spec = { indicator: 'GDP', region: '440300', period: '2022', status: 'final', sourceKind: 'bureau_bulletin', precision: 'exact', readAt: null, published: '2023-02-01', entered: 1 };
    const s = [1, 2, 3].map((id) => figure(spec, id, 'approved'));
    const alone = figure({ ...spec, period: '2021' }, 4, 'approved');
    expect(crowdedIds([...s, alone], []).sort()).toEqual([1, 2, 3]);
    expect(crowdedIds([alone], [[figure({ ...spec, period: '2021' }, -7, 'staged')]])).toEqual([4]);
  });
});
