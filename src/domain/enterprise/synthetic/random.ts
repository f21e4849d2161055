/**
 * A seeded random source for the synthetic generator (mulberry32, as domain/forecast/random.ts): the same seed
 * gives the same enterprises and figures on every machine, so demos, tests and benchmarks are reproducible.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  /** One of the choices, with probability proportional to its weight. */
  pick<T>(choices: ReadonlyArray<readonly [T, number]>): T;
}

export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    normal() {
      const u = Math.max(next(), 1e-300);
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick<T>(choices: ReadonlyArray<readonly [T, number]>): T {
      const total = choices.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [c, w] of choices) {
        r -= w;
        if (r < 0) return c;
      }
      const last = choices[choices.length - 1];
      if (!last) throw new Error('pick from no choices');
      return last[0];
    },
  };
}
