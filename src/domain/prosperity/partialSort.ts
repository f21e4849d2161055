/**
 * Singleton's partial quicksort (R. C. Singleton, "Algorithm 347: an efficient algorithm for sorting with minimal
 * storage", Communications of the ACM 12(3), 1969), in the variant that sorts only far enough to put the values of
 * some ranks in place — the routine the original STL code (netlib, and R's stl) uses to find the median absolute
 * residual for its robustness weights.
 *
 * Why we keep it rather than sort: the routine assumes the requested ranks are in increasing order, and STL asks for
 * the two middle ranks of an even count as (n/2 + 1, n/2), decreasing. Then one of the two positions is sometimes not
 * yet in its sorted place when the routine stops, and R's "median" is another value (it happens for about one series
 * in eight of length 240). To give R's numbers (the tests prove STL against R to 1e-6) robust STL reproduces that
 * exactly; `stl(…, { exactMedian: true })` uses the true median instead.
 *
 * Positions and ranks are 1-based in the comments, as in the paper.
 */

/**
 * Partially sorts `a` in place so that (when `ranks` increase) a[r − 1] holds the r-th smallest value for every r in
 * `ranks`.
 */
export function partialSort(a: Float64Array, ranks: readonly number[]): void {
  const n = a.length;
  if (n < 2 || ranks.length === 0) return;
  const get = (p: number) => a[p - 1] ?? 0;
  const set = (p: number, v: number) => {
    a[p - 1] = v;
  };
  const rank = (q: number) => ranks[q - 1] ?? 0;
  /** Segments still to look at: positions lo..hi and the requested ranks rlo..rhi (indices into `ranks`) they hold. */
  const stack: Array<{ lo: number; hi: number; rlo: number; rhi: number }> = [];
  let lo = 1;
  let hi = n;
  let rlo = 1;
  let rhi = ranks.length;

  /** The next segment from the stack that still holds a requested rank; false when none is left. */
  const pop = (): boolean => {
    for (;;) {
      const s = stack.pop();
      if (!s) return false;
      ({ lo, hi, rlo, rhi } = s);
      if (rlo <= rhi) return true;
    }
  };

  let large = lo < hi;
  if (!large && !pop()) return;
  for (;;) {
    // A short segment away from the left end is finished by straight insertion (the value before it bounds it
    // from below: every value left of a split is no larger than every value right of it).
    if (!large && lo !== 1) {
      for (let i = lo; i < hi; i++) {
        const t = get(i + 1);
        if (get(i) > t) {
          let k = i;
          do {
            set(k + 1, get(k));
            k--;
          } while (t < get(k));
          set(k + 1, t);
        }
      }
      if (!pop()) return;
      large = hi - lo > 10;
      continue;
    }
    if (lo >= hi) {
      if (!pop()) return;
      large = hi - lo > 10;
      continue;
    }
    // Split around the median of the first, middle and last values (ordered in place).
    const mid = Math.floor((lo + hi) / 2);
    let t = get(mid);
    if (get(lo) > t) {
      set(mid, get(lo));
      set(lo, t);
      t = get(mid);
    }
    if (get(hi) < t) {
      set(mid, get(hi));
      set(hi, t);
      t = get(mid);
      if (get(lo) > t) {
        set(mid, get(lo));
        set(lo, t);
        t = get(mid);
      }
    }
    let k = lo;
    let l = hi;
    for (;;) {
      l--;
      if (get(l) <= t) {
        const tt = get(l);
        do k++;
        while (get(k) < t);
        if (k > l) break;
        set(l, get(k));
        set(k, tt);
      }
    }
    // Go on with the shorter side and keep the longer one, each with the requested ranks it holds — found by
    // walking the rank list from the near end, which is where the routine relies on the ranks being increasing.
    const saved = { rlo, rhi };
    if (l - lo <= hi - k) {
      const pushed = { lo: k, hi, rlo: saved.rlo, rhi: saved.rhi };
      stack.push(pushed);
      hi = l;
      while (rlo <= rhi && rank(rhi) > hi) rhi--;
      if (rlo > rhi) {
        if (!pop()) return;
      } else pushed.rlo = rhi + 1;
    } else {
      const pushed = { lo, hi: l, rlo: saved.rlo, rhi: saved.rhi };
      stack.push(pushed);
      lo = k;
      while (rlo <= rhi && rank(rlo) < lo) rlo++;
      if (rlo > rhi) {
        if (!pop()) return;
      } else pushed.rhi = rlo - 1;
    }
    large = hi - lo > 10;
  }
}
