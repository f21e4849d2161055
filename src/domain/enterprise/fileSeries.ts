/**
 * A file's figures grouped by series (enterprise, item, year), to find within the file what no single row shows:
 * the same figure given twice (a duplicate row, or a conflicting repeat), and a cumulative 1–N月 value of a
 * non-decreasing item that falls below the month before. Compact: five numbers per figure in one array per series,
 * so a million figures fit in a few tens of MB. (Stored figures are checked against in SQL.)
 */

export interface SeriesProblem {
  kind: 'duplicate' | 'falling';
  row: number;
  col: number;
  reason: string;
}

/** year*100+month → how an enterprise report names a range from January (2024年1-9月, 2024年1月). */
export function monthsLabel(start: number, end: number): string {
  const y = Math.floor(end / 100);
  const m = end % 100;
  if (start === end) return `${y}年${m}月`;
  if (start % 100 === 1 && Math.floor(start / 100) === y) return `${y}年1-${m}月`;
  return `${Math.floor(start / 100)}年${start % 100}月-${y}年${m}月`;
}

const fmt = (v: number) => String(v);

export class FileSeries {
  private readonly series = new Map<string, { monotone: boolean; packed: number[] }>();

  add(uscc: string, itemCode: string, monotone: boolean, periodStart: number, periodEnd: number, value: number, row: number, col: number): void {
    const key = `${uscc}\u0000${itemCode}\u0000${Math.floor(periodEnd / 100)}`;
    let s = this.series.get(key);
    if (!s) this.series.set(key, (s = { monotone, packed: [] }));
    s.packed.push(periodStart, periodEnd, value, row, col);
  }

  /** Every duplicate or conflicting repeat (the first occurrence is kept) and every within-file fall. */
  problems(): SeriesProblem[] {
    const out: SeriesProblem[] = [];
    for (const { monotone, packed } of this.series.values()) seriesProblems(monotone, packed, out);
    return out.sort((a, b) => a.row - b.row || a.col - b.col);
  }
}

/**
 * The duplicates and within-file falls of one series (an enterprise's item in one year): `packed` holds five numbers
 * per figure (period start, period end, value, row, column); problems are appended to `out`.
 */
export function seriesProblems(monotone: boolean, packed: ArrayLike<number>, out: SeriesProblem[]): void {
  const n = packed.length / 5;
  const idx = Array.from({ length: n }, (_, i) => i * 5);
  const at = (i: number, k: number) => packed[i + k] ?? 0;
  // By period (end, then start), then file order (row, column): the first occurrence comes first. A file usually
  // lists an enterprise's months in order: then the series is sorted already, and checking that is cheaper.
  const before = (a: number, b: number) => at(a, 1) - at(b, 1) || at(a, 0) - at(b, 0) || at(a, 3) - at(b, 3) || at(a, 4) - at(b, 4);
  let sorted = true;
  for (let k = 1; k < n && sorted; k++) sorted = before((k - 1) * 5, k * 5) < 0;
  if (!sorted) idx.sort(before);
  let prevKept = -1;
  let prevCumulative = -1;
  for (const i of idx) {
    if (prevKept >= 0 && at(prevKept, 0) === at(i, 0) && at(prevKept, 1) === at(i, 1)) {
      out.push({
        kind: 'duplicate',
        row: at(i, 3),
        col: at(i, 4),
        reason:
          at(i, 2) === at(prevKept, 2)
            ? `duplicate of row ${at(prevKept, 3)}: the same figure twice in one file (重复行)`
            : `conflicts with row ${at(prevKept, 3)}: the same enterprise, item and period with another value (${fmt(at(i, 2))} here, ${fmt(at(prevKept, 2))} there)`,
      });
      continue;
    }
    prevKept = i;
    if (!monotone || at(i, 0) % 100 !== 1) continue;
    if (prevCumulative >= 0 && at(i, 2) < at(prevCumulative, 2)) {
      out.push({
        kind: 'falling',
        row: at(i, 3),
        col: at(i, 4),
        reason: `${monthsLabel(at(i, 0), at(i, 1))} ${fmt(at(i, 2))} is less than ${monthsLabel(at(prevCumulative, 0), at(prevCumulative, 1))} ${fmt(at(prevCumulative, 2))} in this file: a cumulative 1–N月 value cannot fall (累计值不应减少)`,
      });
      continue;
    }
    prevCumulative = i;
  }
}
