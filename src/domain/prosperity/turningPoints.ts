/**
 * Turning points (峰 peaks and 谷 troughs) of a composite index by the dating rules of Bry and Boschan ("Cyclical
 * Analysis of Time Series: Selected Procedures and Computer Programs", NBER 1971), in the form Harding and Pagan's
 * BBQ applies them to a series that is already smoothed (our composite index is built from seasonally adjusted
 * components):
 *
 * 1. a candidate peak (trough) is a value higher (lower) than every other within `window` periods on each side
 *    (5 months for monthly data, 2 for quarterly);
 * 2. peaks and troughs must alternate: of two peaks in a row the higher stays, of two troughs the lower;
 * 3. no turn within `endExclusion` periods of either end (6 months), and a first (last) peak lower than the series'
 *    first (last) value — or a first (last) trough higher — is dropped;
 * 4. a phase (peak to trough or trough to peak) lasts at least `minPhase` periods (5 months), a full cycle (peak to
 *    peak, trough to trough) at least `minCycle` (15 months): where a phase is too short, the pair of turns with
 *    the smaller swing is removed, and alternation restored; repeated until every rule holds.
 *
 * Bry–Boschan's earlier stages (a Spencer curve and a short moving average to locate the turns on the raw series
 * before refining them) are not done: the index is smooth already.
 */

export type TurnKind = 'peak' | 'trough';

export interface TurningPoint {
  index: number;
  kind: TurnKind;
  value: number;
}

export interface DatingRules {
  window: number;
  minPhase: number;
  minCycle: number;
  endExclusion: number;
}

/** Bry–Boschan's monthly rules. */
export const MONTHLY_RULES: DatingRules = { window: 5, minPhase: 5, minCycle: 15, endExclusion: 6 };
/** The quarterly equivalents (Harding–Pagan): window 2, phase 2, cycle 5, ends 2. */
export const QUARTERLY_RULES: DatingRules = { window: 2, minPhase: 2, minCycle: 5, endExclusion: 2 };

/**
 * The turning points of a series (nulls are skipped over: they are neither turns nor neighbours).
 *
 * @example
 * turningPoints(series, MONTHLY_RULES) // [{ index: 14, kind: 'peak', value: 103.2 }, { index: 29, kind: 'trough', … }]
 */
export function turningPoints(values: ReadonlyArray<number | null>, rules: DatingRules = MONTHLY_RULES): TurningPoint[] {
  const pts = values.flatMap((v, i) => (v === null || v === undefined ? [] : [{ i, v }]));
  const n = pts.length;
  let turns: TurningPoint[] = [];
  for (let k = 0; k < n; k++) {
    const here = pts[k];
    if (!here) continue;
    let peak = true;
    let trough = true;
    for (let j = Math.max(0, k - rules.window); j <= Math.min(n - 1, k + rules.window); j++) {
      if (j === k) continue;
      const v = pts[j]?.v ?? here.v;
      if (v >= here.v) peak = false;
      if (v <= here.v) trough = false;
    }
    if (peak) turns.push({ index: here.i, kind: 'peak', value: here.v });
    else if (trough) turns.push({ index: here.i, kind: 'trough', value: here.v });
  }
  turns = alternate(turns);
  const first = pts[0];
  const last = pts[n - 1];
  const position = new Map(pts.map((p, k) => [p.i, k]));
  const pos = (t: TurningPoint) => position.get(t.index) ?? 0;
  for (;;) {
    const before = turns.length;
    turns = turns.filter((t) => pos(t) >= rules.endExclusion && pos(t) <= n - 1 - rules.endExclusion);
    turns = alternate(turns);
    const head = turns[0];
    if (head && first && (head.kind === 'peak' ? head.value < first.v : head.value > first.v)) turns.shift();
    const tail = turns[turns.length - 1];
    if (tail && last && (tail.kind === 'peak' ? tail.value < last.v : tail.value > last.v)) turns.pop();
    turns = enforceDurations(turns, pos, rules);
    if (turns.length === before) return turns;
  }
}

/** Keeps the higher of two peaks in a row and the lower of two troughs (the earlier on a tie). */
function alternate(turns: readonly TurningPoint[]): TurningPoint[] {
  const out: TurningPoint[] = [];
  for (const t of turns) {
    const prev = out[out.length - 1];
    if (prev && prev.kind === t.kind) {
      const better = t.kind === 'peak' ? t.value > prev.value : t.value < prev.value;
      if (better) out[out.length - 1] = t;
    } else out.push(t);
  }
  return out;
}

/** Removes the smallest-swing pair of turns around a phase or cycle that is too short, until none is. */
function enforceDurations(input: readonly TurningPoint[], pos: (t: TurningPoint) => number, rules: DatingRules): TurningPoint[] {
  let turns = [...input];
  for (;;) {
    let worst: { at: number; swing: number } | null = null;
    for (let k = 0; k + 1 < turns.length; k++) {
      const a = turns[k];
      const b = turns[k + 1];
      if (!a || !b) continue;
      const phaseShort = pos(b) - pos(a) < rules.minPhase;
      const c = turns[k + 2];
      const cycleShort = c !== undefined && pos(c) - pos(a) < rules.minCycle;
      if (!phaseShort && !cycleShort) continue;
      // The pair to drop: this phase's two turns, or (for a short cycle) the middle pair with the smaller swing.
      const candidates = phaseShort ? [k] : [k, k + 1];
      for (const at of candidates) {
        const x = turns[at];
        const y = turns[at + 1];
        if (!x || !y) continue;
        const swing = Math.abs(x.value - y.value);
        if (!worst || swing < worst.swing) worst = { at, swing };
      }
    }
    if (!worst) return turns;
    turns.splice(worst.at, 2);
    turns = alternate(turns);
  }
}
