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
  for (let iter = 0; iter < maxIter; iter++) {
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
  sortOrder();
  const top = order[0] ?? 0;
  return { x: Array.from(xs[top] ?? start), value: vs[top] ?? Number.NaN };
}
