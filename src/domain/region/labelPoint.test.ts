import { describe, expect, it } from 'vitest';
import { labelPoint } from './labelPoint';

describe('where a region’s name goes on the map', () => {
  it('puts it inside a C-shaped region, where the centre of its bounding box is outside', () => {
    // A "C": the square 0–10 with the notch 3–10 × 3–7 cut out of its right side. The bounding-box centre (5, 5)
    // lies in the notch, outside the region; the widest part of the shape is the left bar, x 0–3.
    const c = [[[0, 0], [10, 0], [10, 3], [3, 3], [3, 7], [10, 7], [10, 10], [0, 10], [0, 0]]];
    const p = labelPoint({ type: 'Polygon', coordinates: c });
    expect(p).not.toBeNull();
    const [x, y] = p ?? [0, 0];
    const inNotch = x > 3 && y > 3 && y < 7;
    expect(inNotch).toBe(false);
    expect(x).toBeGreaterThan(0);
    expect(x).toBeLessThan(10);
  });
  it('labels a region of several parts on its largest part, and gives nothing for a point', () => {
    const small = [[[20, 20], [21, 20], [21, 21], [20, 21], [20, 20]]];
    const big = [[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]]];
    const [x, y] = labelPoint({ type: 'MultiPolygon', coordinates: [small, big] }) ?? [NaN, NaN];
    // The square 0–4's pole of inaccessibility is its centre (2, 2), to the precision asked (4 / 1000).
    expect(x).toBeCloseTo(2, 2);
    expect(y).toBeCloseTo(2, 2);
    expect(labelPoint({ type: 'Point', coordinates: [1, 2] })).toBeNull();
  });
});
