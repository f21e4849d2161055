/**
 * Where the preference rule has work: the cells (indicator, region, period) that more than one figure claims. A check
 * reads the stored figures it reaches without the rule's keys and then, only for these cells, with them
 * (db/quality.ts LeanColumns).
 */
import { intern } from './cells';
import type { QualityFigure } from './figure';
import type { FigureList } from './figureList';

/**
 * The ids of the stored figures whose cell something else competes for: another stored figure, or one of `others`
 * (the figures checked, a file's rows). Only there does the preference rule rank figures. This runs over every
 * figure a check reads, so cells are numbered as Cells (domain/quality/cells.ts) numbers them — indicator, region
 * and period interned to small numbers — and marked in a flat table (a Map of 40,000 cells took 20 ms).
 */
export function crowdedIds(stored: readonly QualityFigure[], others: readonly FigureList[], denseLimit?: number): number[] {
  const indicators = new Map<string, number>();
  const regions = new Map<string, number>();
  const periods = new Map<string, number>();
  const lists: FigureList[] = [...others, stored];
  const parts = lists.map((list) => {
    const p = new Int32Array(list.length * 3);
    let i = 0;
    for (const f of list) {
      p[3 * i] = intern(indicators, f.indicatorCode);
      p[3 * i + 1] = intern(regions, f.regionCode);
      p[3 * i + 2] = intern(periods, f.periodCode);
      i++;
    }
    return p;
  });
  const keySpace = indicators.size * regions.size * periods.size;
  const figures = lists.reduce((n, l) => n + l.length, 0);
  // Per cell: 0 nothing yet, CHECKED, REPORTED, or 1 + the index of its one stored figure so far.
  const CHECKED = -1;
  const REPORTED = -2;
  // A flat table while the key space is not far beyond the figures (tests lower the limit to reach the Map).
  const table = keySpace <= (denseLimit ?? Math.max(1 << 22, 4 * figures)) ? new Int32Array(keySpace) : null;
  const map = table ? null : new Map<number, number>();
  const get = (k: number) => (table ? (table[k] ?? 0) : (map?.get(k) ?? 0));
  const set = (k: number, v: number) => (table ? (table[k] = v) : map?.set(k, v));
  const keyAt = (p: Int32Array, i: number) => ((p[3 * i] ?? 0) * regions.size + (p[3 * i + 1] ?? 0)) * periods.size + (p[3 * i + 2] ?? 0);
  for (let l = 0; l < others.length; l++) {
    const p = parts[l] ?? new Int32Array(0);
    for (let i = 0; i < p.length / 3; i++) set(keyAt(p, i), CHECKED);
  }
  const crowded: number[] = [];
  const p = parts[parts.length - 1] ?? new Int32Array(0);
  for (let i = 0; i < stored.length; i++) {
    const k = keyAt(p, i);
    const first = get(k);
    if (first === 0) set(k, i + 1);
    else {
      // The cell's first stored figure was alone when it was seen: it is crowded too.
      if (first > 0) crowded.push((stored[first - 1] as QualityFigure).id); // first − 1 < i
      if (first !== CHECKED) set(k, REPORTED);
      crowded.push((stored[i] as QualityFigure).id); // i < length
    }
  }
  return crowded;
}
