/**
 * Nelder–Mead simplex minimisation (Nelder & Mead 1965, with the standard coefficients reflection 1, expansion 2,
 * contraction ½, shrink ½ — the method R's optim() uses by default and forecast::ets uses to fit its models).
 *
 * The automatic ETS search calls this a few hundred thousand times per M3 run, so the vertices live in typed arrays
 * that are reused (trial points are swapped into the simplex instead of copied) and the objective receives a
 * Float64Array it must not keep: no allocation per iteration, which was a third of the search's time in GC.
 */
export function nelderMead(
  f: (x: Float64Array) => number,
  start: ArrayLike<number>,
  steps: ArrayLike<number>,
  maxIter = 2000,
  tol = 1e-10,
): { x: number[]; value: number } {
  const search = simplexSearch(f, start, steps);
  search.run(maxIter, tol);
  return search.best();
}

/**
 * A Nelder–Mead search that can be run in stages: run(maxIter, tol) iterates until the simplex's values agree to
 * the relative tolerance `tol` or `maxIter` iterations in all have been made, and can be called again with a
 * smaller tolerance to continue. Because the iterations are deterministic, a run to a loose tolerance followed by
 * one to a tight tolerance ends exactly where a single run to the tight tolerance ends — which lets the automatic
 * ETS search screen its candidate models cheaply and finish only the promising ones (domain/forecast/etsAuto.ts).
 */
export interface SimplexSearch {
  /** Iterations made so far. */
  readonly iterations: number;
  run(maxIter: number, tol: number): void;
  best(): { x: number[]; value: number };
}

export function simplexSearch(f: (x: Float64Array) => number, start: ArrayLike<number>, steps: ArrayLike<number>): SimplexSearch {
  const n = start.length;
  const xs: Float64Array[] = [];
  const vs = new Float64Array(n + 1);
  for (let i = 0; i <= n; i++) {
    const x = Float64Array.from(start);
    if (i > 0) x[i - 1] = (x[i - 1] ?? 0) + (steps[i - 1] ?? 0.1);
    xs.push(x);
    vs[i] = f(x);
  }
  // order[0] is the best vertex, order[n] the worst; a stable insertion sort keeps ties in their previous order,
  // as the array sort of the first version did.
  const order = Array.from({ length: n + 1 }, (_, i) => i);
  const sortOrder = () => {
    for (let i = 1; i <= n; i++) {
      const k = order[i] ?? 0;
      const v = vs[k] ?? 0;
      let j = i - 1;
      while (j >= 0 && (vs[order[j] ?? 0] ?? 0) > v) {
        order[j + 1] = order[j] ?? 0;
        j--;
      }
      order[j + 1] = k;
    }
  };
  const centroid: Float64Array = new Float64Array(n);
  let trial: Float64Array = new Float64Array(n);
  let spare: Float64Array = new Float64Array(n);
  const along = (t: number, worst: Float64Array, out: Float64Array) => {
    for (let j = 0; j < n; j++) {
      const c = centroid[j] ?? 0;
      out[j] = c + t * ((worst[j] ?? 0) - c);
    }
  };
  let iterations = 0;
  const run = (maxIter: number, tol: number) => {
    for (; iterations < maxIter; iterations++) {
      sortOrder();
      const ib = order[0] ?? 0;
      const iw = order[n] ?? 0;
      const bestV = vs[ib] ?? 0;
      const worstV = vs[iw] ?? 0;
      const secondV = vs[order[n - 1] ?? 0] ?? 0;
      if (Math.abs(worstV - bestV) <= tol * (Math.abs(bestV) + tol)) break;
      centroid.fill(0);
      for (let i = 0; i < n; i++) {
        const xi = xs[order[i] ?? 0] ?? centroid;
        for (let j = 0; j < n; j++) centroid[j] = (centroid[j] ?? 0) + (xi[j] ?? 0) / n;
      }
      const worst = xs[iw] ?? centroid;
      along(-1, worst, trial);
      const vr = f(trial);
      if (vr < bestV) {
        along(-2, worst, spare);
        const ve = f(spare);
        // The better trial point takes the worst vertex's place; the worst's buffer becomes scratch.
        if (ve < vr) {
          xs[iw] = spare;
          spare = worst;
          vs[iw] = ve;
        } else {
          xs[iw] = trial;
          trial = worst;
          vs[iw] = vr;
        }
      } else if (vr < secondV) {
        xs[iw] = trial;
        trial = worst;
        vs[iw] = vr;
      } else {
        along(vr < worstV ? -0.5 : 0.5, worst, spare);
        const vc = f(spare);
        if (vc < Math.min(vr, worstV)) {
          xs[iw] = spare;
          spare = worst;
          vs[iw] = vc;
        } else {
          const best = xs[ib] ?? centroid;
          for (let r = 1; r <= n; r++) {
            const k = order[r] ?? 0;
            const x = xs[k] ?? centroid;
            for (let j = 0; j < n; j++) x[j] = (best[j] ?? 0) + 0.5 * ((x[j] ?? 0) - (best[j] ?? 0));
            vs[k] = f(x);
          }
        }
      }
    }
  };
  return {
    get iterations() {
      return iterations;
    },
    run,
    best() {
      sortOrder();
      const top = order[0] ?? 0;
      return { x: Array.from(xs[top] ?? start), value: vs[top] ?? Number.NaN };
    },
  };
}
