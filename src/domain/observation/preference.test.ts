import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Observation } from './observation';
import { choosePreferred, comparePreference } from './preference';
import { SOURCE_KINDS, STATUSES } from './terms';

let nextId = 1;
function fig(over: Partial<Observation>): Observation {
  return {
    id: nextId++,
    indicatorCode: 'TERTIARY_VA',
    regionCode: '440300',
    periodCode: '2022',
    value: 19956.16,
    unit: '亿元',
    valueStd: 19956.16,
    priceBasis: 'current',
    status: 'final',
    sourceKind: 'press',
    source: { publication: 'x', publisher: null, link: null },
    quote: null,
    notes: null,
    publishedDate: '2023-01-29',
    publishedDateEstimated: false,
    enteredAt: '2026-11-27T00:00:00Z',
    origin: null,
    derivation: null,
    approval: null,
    ...over,
  };
}

describe('choosePreferred', () => {
  it('prefers the bulletin over the press, and says why', () => {
    const press = fig({ sourceKind: 'press', publishedDate: '2023-01-29', value: 19956.16 });
    const bulletin = fig({ sourceKind: 'bureau_bulletin', publishedDate: '2023-05-08', value: 19956.16 });
    const p = choosePreferred([press, bulletin]);
    expect(p.chosen).toBe(bulletin);
    expect(p.candidates.map((c) => [c.observation.id, c.rank, c.reason.en])).toEqual([
      [bulletin.id, 1, 'chosen: statistical bulletin, published 2023-05-08, final'],
      [press.id, 2, 'lower source kind (press report, below statistical bulletin)'],
    ]);
  });

  it('takes the newest vintage within a source (a revision supersedes), but only if published by the as-of date', () => {
    const initial = fig({ sourceKind: 'bureau_bulletin', status: 'preliminary', value: 30664.85, publishedDate: '2022-04-20' });
    const revised = fig({ sourceKind: 'bureau_bulletin', status: 'revised', value: 30920.0, publishedDate: '2025-03-01' });
    expect(choosePreferred([initial, revised]).chosen).toBe(revised);
    const asOf2024 = choosePreferred([initial, revised], '2024-12-31');
    expect(asOf2024.chosen).toBe(initial);
    expect(asOf2024.candidates.find((c) => c.observation === revised)).toMatchObject({ rank: null, reason: { en: 'published 2025-03-01, after the as-of date 2024-12-31: not counted' } });
  });

  it('is a total order: the choice does not depend on the order figures arrive in', () => {
    const arb = fc.uniqueArray(
      fc.record({
        sourceKind: fc.constantFrom(...SOURCE_KINDS),
        status: fc.constantFrom(...STATUSES),
        publishedDate: fc.constantFrom('2023-01-29', '2023-05-08', '2024-01-30'),
        id: fc.integer({ min: 1, max: 1_000_000 }),
      }),
      { minLength: 1, maxLength: 8, selector: (r: { id: number }) => r.id },
    );
    fc.assert(
      fc.property(arb, (records) => {
        const figures = records.map((r) => fig(r));
        const a = choosePreferred(figures).chosen;
        const b = choosePreferred([...figures].reverse()).chosen;
        expect(a?.id).toBe(b?.id);
        for (const f of figures) expect(comparePreference(a as Observation, f)).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('has nothing to choose from an empty list', () => {
    expect(choosePreferred([]).chosen).toBeNull();
  });
});

describe('a correction replaces the figure it corrects', () => {
  it('ranks the correction and excludes the corrected figure, saying why', () => {
    const original = fig({ id: 1, value: 100, valueStd: 100 });
    const correction = fig({ id: 2, value: 110, valueStd: 110, approval: { state: 'approved', version: 3, enteredBy: 'a', submittedBy: 'a', submittedAt: null, decidedBy: 'p', decidedAt: null, comment: null, corrects: 1 } });
    const p = choosePreferred([original, correction]);
    expect(p.chosen?.id).toBe(2);
    const excluded = p.candidates.find((c) => c.observation.id === 1);
    expect(excluded?.rank).toBeNull();
    expect(excluded?.reason.zh).toContain('已被更正');
  });
});
