import { describe, expect, it } from 'vitest';
import { MONTHLY_RULES, turningPoints } from './turningPoints';

/** A cycle of given length and amplitude, sampled monthly. */
const wave = (n: number, period: number, amplitude: number, phase = 0) => Array.from({ length: n }, (_, t) => 100 + amplitude * Math.sin((2 * Math.PI * (t + phase)) / period));

describe('Bry–Boschan turning points', () => {
  it('dates the peaks and troughs of a 36-month cycle where they are', () => {
    // sin peaks at t = 9, 45, 81 (a quarter period after 0) and troughs at 27, 63, 99.
    const tp = turningPoints(wave(108, 36, 5));
    expect(tp.map((p) => [p.kind, p.index])).toEqual([['peak', 9], ['trough', 27], ['peak', 45], ['trough', 63], ['peak', 81], ['trough', 99]]);
  });

  it('ignores a wiggle shorter than the minimum phase and cycle (5 and 15 months)', () => {
    // A 36-month cycle with a small 8-month ripple on it: the ripple makes extra local extrema, none of them a turn.
    const y = wave(108, 36, 5).map((v, t) => v + 0.8 * Math.sin((2 * Math.PI * t) / 8));
    const tp = turningPoints(y);
    const kinds = tp.map((p) => p.kind);
    for (let i = 1; i < kinds.length; i++) expect(kinds[i]).not.toBe(kinds[i - 1]);
    for (let i = 1; i < tp.length; i++) expect((tp[i]?.index ?? 0) - (tp[i - 1]?.index ?? 0)).toBeGreaterThanOrEqual(MONTHLY_RULES.minPhase);
    for (let i = 2; i < tp.length; i++) expect((tp[i]?.index ?? 0) - (tp[i - 2]?.index ?? 0)).toBeGreaterThanOrEqual(MONTHLY_RULES.minCycle);
    // The three main peaks are still found, each within two months of the cycle's.
    const peaks = tp.filter((p) => p.kind === 'peak').map((p) => p.index);
    expect(peaks).toHaveLength(3);
    [9, 45, 81].forEach((at, i) => expect(Math.abs((peaks[i] ?? -99) - at)).toBeLessThanOrEqual(2));
  });

  it('drops turns within six months of either end, and a first peak lower than the first value', () => {
    // Falls from 120 to 100 by month 4 (a trough too near the start), rises to 105 at 12 (a first peak below the
    // first value, 120: dropped), falls to 80 at 26 (the one turn), rises to 100 at 45.
    const y = Array.from({ length: 46 }, (_, t) => (t <= 4 ? 120 - 5 * t : t <= 12 ? 100 + ((t - 4) * 5) / 8 : t <= 26 ? 105 - ((t - 12) * 25) / 14 : 80 + ((t - 26) * 20) / 19));
    expect(turningPoints(y).map((p) => [p.kind, p.index])).toEqual([['trough', 26]]);
    expect(turningPoints([1, 2, 3, 2, 1])).toEqual([]);
  });

  it('skips missing values', () => {
    const y: Array<number | null> = wave(108, 36, 5);
    y[50] = null;
    expect(turningPoints(y).map((p) => p.index)).toEqual([9, 27, 45, 63, 81, 99]);
  });
});
