import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { partialSort } from './partialSort';

describe('Singleton partial sort', () => {
  it('puts every requested rank in its sorted place when the ranks increase', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 300 }), fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), (values, picks) => {
        const n = values.length;
        const ranks = [...new Set(picks.map((p) => (p % n) + 1))].sort((a, b) => a - b);
        const a = Float64Array.from(values);
        partialSort(a, ranks);
        const sorted = [...values].sort((x, y) => x - y);
        for (const r of ranks) expect(a[r - 1]).toBe(sorted[r - 1]);
        // Nothing is lost or invented: the same multiset of values.
        expect([...a].sort((x, y) => x - y)).toEqual(sorted);
      }),
    );
  });

  it("misses a rank when asked for decreasing ranks, as STL's robustness step asks (R's median of 1…12 shuffled is 5, not 6.5)", () => {
    // STL asks for ranks (n/2 + 1, n/2) = (7, 6). Sorted, positions 6 and 7 hold 6 and 7: the median is 6.5.
    const a = Float64Array.from([5, 6, 1, 2, 10, 11, 3, 8, 4, 7, 9, 12]);
    partialSort(a, [7, 6]);
    expect([a[5], a[6]]).toEqual([3, 7]);
    // …so R's stl() scales its robustness weights by 6 × (3 + 7) / 2 = 30 here instead of 6 × 6.5 = 39.
    expect(((a[5] ?? 0) + (a[6] ?? 0)) / 2).toBe(5);
  });
});
