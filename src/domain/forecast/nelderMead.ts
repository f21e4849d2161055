/**
 * Nelder–Mead simplex minimisation (Nelder & Mead 1965, with the standard coefficients reflection 1, expansion 2,
 * contraction ½, shrink ½ — the method R's optim() uses by default and forecast::ets uses to fit its models).
 */
export function nelderMead(f: (x: number[]) => number, start: readonly number[], steps: readonly number[], maxIter = 2000, tol = 1e-10): { x: number[]; value: number } {
  const n = start.length;
  let simplex: Array<{ x: number[]; v: number }> = [{ x: [...start], v: f([...start]) }];
  for (let i = 0; i < n; i++) {
    const x = [...start];
    x[i] = (x[i] ?? 0) + (steps[i] ?? 0.1);
    simplex.push({ x, v: f(x) });
  }
  for (let iter = 0; iter < maxIter; iter++) {
    simplex.sort((a, b) => a.v - b.v);
    const best = simplex[0];
    const worst = simplex[n];
    const second = simplex[n - 1];
    if (!best || !worst || !second) break;
    if (Math.abs(worst.v - best.v) <= tol * (Math.abs(best.v) + tol)) break;
    const centroid = Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j] = (centroid[j] ?? 0) + (simplex[i]?.x[j] ?? 0) / n;
    const along = (t: number) => centroid.map((c, j) => c + t * ((worst.x[j] ?? 0) - c));
    const xr = along(-1);
    const vr = f(xr);
    if (vr < best.v) {
      const xe = along(-2);
      const ve = f(xe);
      simplex[n] = ve < vr ? { x: xe, v: ve } : { x: xr, v: vr };
    } else if (vr < second.v) {
      simplex[n] = { x: xr, v: vr };
    } else {
      const xc = vr < worst.v ? along(-0.5) : along(0.5);
      const vc = f(xc);
      if (vc < Math.min(vr, worst.v)) simplex[n] = { x: xc, v: vc };
      else {
        simplex = simplex.map((p, i) => {
          if (i === 0) return p;
          const x = p.x.map((v, j) => (best.x[j] ?? 0) + 0.5 * (v - (best.x[j] ?? 0)));
          return { x, v: f(x) };
        });
      }
    }
  }
  simplex.sort((a, b) => a.v - b.v);
  const top = simplex[0] ?? { x: [...start], v: f([...start]) };
  return { x: top.x, value: top.v };
}
