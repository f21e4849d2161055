/**
 * A file's checked figures held in Node, column by column (typed arrays, about 30 bytes a figure), so that a fresh
 * import can put them in the table's key order before one COPY: PostgreSQL's COPY into the indexed partition costs
 * about 1.7× as much CPU when the rows come in file order (one enterprise after another) as in primary-key order
 * (bench/RESULTS.md, 2026-12-04), and no order reached by sorting chunks of the file comes close.
 */

import { seriesProblems, type SeriesProblem } from './fileSeries';

/** A figure as read back from the buffer. */
export interface BufferedFigure {
  uscc: string;
  itemCode: string;
  periodCode: string;
  periodStart: number;
  periodEnd: number;
  value: number;
  row: number;
  col: number;
}

export interface FigureColumns {
  size: number;
  usccs: readonly string[];
  items: readonly string[];
  codes: readonly string[];
  uscc: Int32Array;
  item: Int32Array;
  code: Int32Array;
  start: Int32Array;
  end: Int32Array;
  value: Float64Array;
}

export class FigureBuffer {
  private n = 0;
  private readonly usccIds = new Map<string, number>();
  private readonly usccs: string[] = [];
  private readonly itemIds = new Map<string, number>();
  private readonly items: string[] = [];
  private readonly codeIds = new Map<string, number>();
  private readonly codes: string[] = [];
  // One typed array per field, all grown together (doubling): a figure is eight numbers written in place.
  private capacity = 1024;
  private usccCol = new Int32Array(1024);
  private itemCol = new Int32Array(1024);
  private codeCol = new Int32Array(1024);
  private startCol = new Int32Array(1024);
  private endCol = new Int32Array(1024);
  private rowCol = new Int32Array(1024);
  private colCol = new Int32Array(1024);
  private valueCol = new Float64Array(1024);

  private grow(): void {
    const c = this.capacity * 2;
    const int = (a: Int32Array) => {
      const b = new Int32Array(c);
      b.set(a);
      return b;
    };
    this.usccCol = int(this.usccCol);
    this.itemCol = int(this.itemCol);
    this.codeCol = int(this.codeCol);
    this.startCol = int(this.startCol);
    this.endCol = int(this.endCol);
    this.rowCol = int(this.rowCol);
    this.colCol = int(this.colCol);
    const v = new Float64Array(c);
    v.set(this.valueCol);
    this.valueCol = v;
    this.capacity = c;
  }

  get size(): number {
    return this.n;
  }

  /** The distinct enterprises of the buffered figures. */
  enterprises(): readonly string[] {
    return this.usccs;
  }

  /** The distinct item codes of the buffered figures. */
  itemCodes(): readonly string[] {
    return this.items;
  }

  add(f: BufferedFigure): void {
    if (this.n === this.capacity) this.grow();
    const i = this.n++;
    this.usccCol[i] = idOf(this.usccIds, this.usccs, f.uscc);
    this.itemCol[i] = idOf(this.itemIds, this.items, f.itemCode);
    this.codeCol[i] = idOf(this.codeIds, this.codes, f.periodCode);
    this.startCol[i] = f.periodStart;
    this.endCol[i] = f.periodEnd;
    this.rowCol[i] = f.row;
    this.colCol[i] = f.col;
    this.valueCol[i] = f.value;
  }

  /** Figure i (0 ≤ i < size), in file order. */
  at(i: number): BufferedFigure {
    return {
      uscc: this.usccs[this.usccCol[i] ?? 0] ?? '',
      itemCode: this.items[this.itemCol[i] ?? 0] ?? '',
      periodCode: this.codes[this.codeCol[i] ?? 0] ?? '',
      periodStart: this.startCol[i] ?? 0,
      periodEnd: this.endCol[i] ?? 0,
      value: this.valueCol[i] ?? 0,
      row: this.rowCol[i] ?? 0,
      col: this.colCol[i] ?? 0,
    };
  }

  /**
   * The columns themselves (figure i is uscc[i], item[i], … up to `size`; texts by id), for a caller that turns
   * every figure into text and should not build an object per figure on the way.
   */
  view(): FigureColumns {
    return {
      size: this.n, usccs: this.usccs, items: this.items, codes: this.codes,
      uscc: this.usccCol, item: this.itemCol, code: this.codeCol, start: this.startCol, end: this.endCol, value: this.valueCol,
    };
  }

  rowOf(i: number): number {
    return this.rowCol[i] ?? 0;
  }

  usccOf(i: number): string {
    return this.usccs[this.usccCol[i] ?? 0] ?? '';
  }

  /** The smallest and largest period_end (year*100+month); [0, 0] when empty. */
  periodEndRange(): [number, number] {
    let lo = Infinity;
    let hi = -Infinity;
    const end = this.endCol;
    for (let i = 0; i < this.n; i++) {
      const e = end[i] ?? 0;
      if (e < lo) lo = e;
      if (e > hi) hi = e;
    }
    return this.n === 0 ? [0, 0] : [lo, hi];
  }

  /**
   * What FileSeries finds (duplicates, conflicting repeats, 1–N月 values that fall within the file), found from the
   * columns: the same series (enterprise, item, year), the same checks and messages, without a second copy of every
   * figure. `monotone(itemCode)`: whether the item's 1–N月 values may not fall.
   */
  seriesProblems(monotone: (itemCode: string) => boolean): SeriesProblem[] {
    const { n } = this;
    const uscc = this.usccCol;
    const item = this.itemCol;
    const end = this.endCol;
    const nItems = Math.max(1, this.items.length);
    const ids = new Map<number, number>();
    const seriesOf = new Int32Array(n);
    const sizes: number[] = [];
    for (let i = 0; i < n; i++) {
      const key = ((uscc[i] ?? 0) * nItems + (item[i] ?? 0)) * 10_000 + Math.floor((end[i] ?? 0) / 100);
      let id = ids.get(key);
      if (id === undefined) {
        id = sizes.length;
        ids.set(key, id);
        sizes.push(0);
      }
      seriesOf[i] = id;
      sizes[id] = (sizes[id] ?? 0) + 1;
    }
    // Each series' figures together, in file order (a counting sort).
    const from = new Int32Array(sizes.length + 1);
    for (let s = 0; s < sizes.length; s++) from[s + 1] = (from[s] ?? 0) + (sizes[s] ?? 0);
    const fill = from.slice(0, sizes.length);
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const s = seriesOf[i] ?? 0;
      order[fill[s] ?? 0] = i;
      fill[s] = (fill[s] ?? 0) + 1;
    }
    const monotoneOf = this.items.map((code) => monotone(code));
    const out: SeriesProblem[] = [];
    const packed: number[] = [];
    for (let s = 0; s < sizes.length; s++) {
      const a = from[s] ?? 0;
      const b = from[s + 1] ?? 0;
      // A series of one figure has neither a repeat nor a fall.
      if (b - a < 2) continue;
      packed.length = 0;
      for (let k = a; k < b; k++) {
        const i = order[k] ?? 0;
        packed.push(this.startCol[i] ?? 0, end[i] ?? 0, this.valueCol[i] ?? 0, this.rowCol[i] ?? 0, this.colCol[i] ?? 0);
      }
      seriesProblems(monotoneOf[item[order[a] ?? 0] ?? 0] ?? false, packed, out);
    }
    return out.sort((x, y) => x.row - y.row || x.col - y.col);
  }

  /**
   * The figures `keep` accepts, in the order of enterprise_figures' primary key (period_end, item_code,
   * period_start, uscc): grouped by (end, item, start) — a few dozen groups — then by enterprise within each group.
   * Texts are compared by UTF-16 code unit; for USCCs (digits and capitals) that is the database's order too, and
   * close to it for item codes, which is all the index needs.
   */
  keyOrder(keep: (i: number) => boolean): Int32Array {
    const end = this.endCol;
    const start = this.startCol;
    const item = this.itemCol;
    const uscc = this.usccCol;
    // Groups: one per (end, item, start).
    const groupOf = new Map<number, number>();
    const nItems = Math.max(1, this.items.length);
    const groups: Array<{ end: number; item: string; start: number; count: number }> = [];
    const figureGroup = new Int32Array(this.n).fill(-1);
    for (let i = 0; i < this.n; i++) {
      if (!keep(i)) continue;
      // A number, not a text: no string made per figure (months are < 10^6; exact below 2^53 for < 9,000 items).
      const key = ((end[i] ?? 0) * nItems + (item[i] ?? 0)) * 1_000_000 + (start[i] ?? 0);
      let g = groupOf.get(key);
      if (g === undefined) {
        g = groups.length;
        groupOf.set(key, g);
        groups.push({ end: end[i] ?? 0, item: this.items[item[i] ?? 0] ?? '', start: start[i] ?? 0, count: 0 });
      }
      figureGroup[i] = g;
      const group = groups[g];
      if (group) group.count++;
    }
    const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const groupRank = groups.map((_, g) => g).sort((a, b) => {
      const x = groups[a];
      const y = groups[b];
      if (!x || !y) return 0;
      return x.end - y.end || cmp(x.item, y.item) || x.start - y.start;
    });
    // Counting sort into groups (file order within each), then each group by enterprise.
    const offset = new Int32Array(groups.length + 1);
    let total = 0;
    for (const g of groupRank) {
      offset[g] = total;
      total += groups[g]?.count ?? 0;
    }
    const fill = offset.slice();
    const order = new Int32Array(total);
    for (let i = 0; i < this.n; i++) {
      const g = figureGroup[i] ?? -1;
      if (g < 0) continue;
      order[fill[g] ?? 0] = i;
      fill[g] = (fill[g] ?? 0) + 1;
    }
    const usccRank = new Int32Array(this.usccs.length);
    this.usccs
      .map((u, id) => ({ u, id }))
      .sort((a, b) => cmp(a.u, b.u))
      .forEach(({ id }, rank) => (usccRank[id] = rank));
    for (const g of groupRank) {
      const from = offset[g] ?? 0;
      const size = groups[g]?.count ?? 0;
      if (size < 2) continue;
      // rank × size + position: one numeric sort of a Float64Array, no comparator (exact below 2^53).
      const keys = new Float64Array(size);
      for (let j = 0; j < size; j++) keys[j] = (usccRank[uscc[order[from + j] ?? 0] ?? 0] ?? 0) * size + j;
      keys.sort();
      const members = order.slice(from, from + size);
      for (let j = 0; j < size; j++) order[from + j] = members[(keys[j] ?? 0) % size] ?? 0;
    }
    return order;
  }
}

function idOf(ids: Map<string, number>, list: string[], text: string): number {
  let id = ids.get(text);
  if (id === undefined) {
    id = list.length;
    ids.set(text, id);
    list.push(text);
  }
  return id;
}
