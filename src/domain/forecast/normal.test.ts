import { describe, expect, it } from 'vitest';
import { normalCdf } from './normal';

describe('normalCdf', () => {
  it('matches R pnorm to 1e-7', () => {
    // R: pnorm(c(-3, -1.959964, -1, 0, 0.5, 1.281552, 2.5)) = 0.001349898 0.025 0.1586553 0.5 0.6914625 0.9 0.9937903
    const cases: Array<[number, number]> = [[-3, 0.001349898], [-1.959964, 0.025], [-1, 0.1586553], [0, 0.5], [0.5, 0.6914625], [1.281552, 0.9], [2.5, 0.9937903]];
    for (const [x, p] of cases) expect(Math.abs(normalCdf(x) - p)).toBeLessThan(2e-7);
  });
  it('is 0 and 1 at the infinities and NaN for NaN', () => {
    expect(normalCdf(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(normalCdf(Number.POSITIVE_INFINITY)).toBe(1);
    expect(normalCdf(Number.NaN)).toBeNaN();
  });
});
