/**
 * The figures a rule compares against: for each cell (indicator, region, period) the one figure the preference
 * rule chooses among the pool (approved figures, and the rows of a file being imported), figures corrected by
 * another one, or re-described by a newer record of the pool, left out. Amounts at comparable prices are not cells: levels are compared at current prices.
 *
 * Indicator, region and period are interned to dense numbers when the cells are built, and a cell's key is
 * (indicator × regions + region) × periods + period: small integers, so that a check of a million figures reads a
 * flat table (a Map of those numbers when the table would be much larger than the pool), never a string key.
 * Each chosen figure has a slot (0, 1, …, in the order its cell first appeared); per-cell data of the rules
 * (the history's medians) is kept in arrays by slot.
 */
import { comparePreference } from '../observation/preference';
import { revisionBasis } from '../observation/revisionBasis';
import { formatPeriod } from '../period/format';
import { monthIndex, monthRange, type Period } from '../period/period';
import type { QualityFigure } from './figure';
import type { FigureList } from './figureList';

/** How a change of the indicator is measured: a ratio (amounts, counts) or a difference (rates and shares, in points). */
export type ChangeKind = 'ratio' | 'difference';

const PERIOD_TYPES = ['year', 'half', 'quarter', 'month', 'cumulative', 'span'] as const;
/** Kinds of period a series can be of (PERIOD_TYPES): a series id is base × SERIES_KINDS + kind. */
export const SERIES_KINDS = 8;
/** A flat table is used while it has at most this many entries, or four per figure of the pool. */
const DENSE_TABLE = 1 << 22;

export interface JanuaryLink {
  endMonth: number;
  periodCode: string;
}

export class Cells {
  private readonly indicatorIds = new Map<string, number>();
  private readonly regionIds = new Map<string, number>();
  private readonly periodIds = new Map<string, number>();
  private readonly regionCount: number;
  private readonly periodCount: number;
  /** Number of possible keys (indicators × regions × periods). */
  readonly keySpace: number;
  /** key → slot + 1 (0: empty), when the key space is small enough; else `slotMap`. */
  private readonly table: Int32Array | null;
  private readonly slotMap: Map<number, number> | null;
  /** The chosen figure and the key of each slot. */
  private readonly chosen: QualityFigure[] = [];
  private readonly slotKeys: number[] = [];
  /** Per period id: kind (PERIOD_TYPES index), last month as a month index, the same period a year before (id or −1). */
  private readonly periodKind: Int8Array;
  private readonly periodEnd: Int32Array;
  private readonly periodBefore: Int32Array;
  private readonly periodList: Period[] = [];
  private readonly periodCodes: string[] = [];
  /** Slots by base (indicator × regions + region), built when the history rule first asks (CSR: offsets, slots). */
  private baseOffsets: Int32Array | null = null;
  private baseSlots: Int32Array | null = null;
  /** Chains of cells from January, built when the cumulative rule first asks. */
  private januaryChains: Map<number, JanuaryLink[]> | null = null;
  private readonly shiftedMemo = new Map<string, string | null>();
  private readonly endIndex = new Map<string, number>();
  private readonly bases = new Map<string, string>();

  /**
   * @param excluded figures that are not cells (amounts at comparable prices)
   * @param denseLimit the largest key space held in a flat table (tests lower it to reach the Map)
   */
  constructor(
    pool: FigureList,
    readonly excluded: (f: QualityFigure) => boolean,
    denseLimit: number = Math.max(DENSE_TABLE, 4 * pool.length),
  ) {
    // As choosePreferred: a corrected figure counts no longer, nor one re-described by a record in the pool.
    const corrected = new Set<number>();
    const superseders = new Set<number>();
    for (const f of pool) {
      if (f.corrects !== null) corrected.add(f.corrects);
      if (f.supersededBy !== null) superseders.add(f.supersededBy);
    }
    const present = new Set<number>();
    if (superseders.size > 0) for (const f of pool) if (superseders.has(f.id)) present.add(f.id);
    // First pass: intern the parts of every figure that stands for a cell (the key's strides need the counts). The
    // figures are kept by position, not held: a file's rows (StagedRows) are built anew on each read, and only
    // the ones chosen for their cells need to stay.
    const standing = new Int32Array(pool.length);
    let standingCount = 0;
    const ids = new Int32Array(pool.length * 3);
    for (let position = 0; position < pool.length; position++) {
      const f = pool.at(position) as QualityFigure; // position < length
      if ((corrected.size > 0 && corrected.has(f.id)) || (f.supersededBy !== null && present.has(f.supersededBy)) || excluded(f)) continue;
      const at = standingCount * 3;
      standing[standingCount++] = position;
      ids[at] = intern(this.indicatorIds, f.indicatorCode);
      ids[at + 1] = intern(this.regionIds, f.regionCode);
      let p = this.periodIds.get(f.periodCode);
      if (p === undefined) {
        p = this.periodIds.size;
        this.periodIds.set(f.periodCode, p);
        this.periodList.push(f.period);
        this.periodCodes.push(f.periodCode);
      }
      ids[at + 2] = p;
    }
    this.regionCount = this.regionIds.size;
    this.periodCount = this.periodIds.size;
    this.keySpace = this.indicatorIds.size * this.regionCount * this.periodCount;
    const dense = this.keySpace <= denseLimit;
    this.table = dense ? new Int32Array(this.keySpace) : null;
    this.slotMap = dense ? null : new Map();

    const n = this.periodCount;
    this.periodKind = new Int8Array(n);
    this.periodEnd = new Int32Array(n);
    this.periodBefore = new Int32Array(n);
    for (let p = 0; p < n; p++) {
      const period = this.periodList[p] as Period; // p < periodCount = periodList.length
      this.periodKind[p] = PERIOD_TYPES.indexOf(period.type);
      this.periodEnd[p] = monthIndex(monthRange(period).end);
      const before = this.shifted(this.periodCodes[p] ?? '', period, -1);
      this.periodBefore[p] = before === null ? -1 : (this.periodIds.get(before) ?? -1);
    }

    // Second pass: one slot per cell, holding the figure the preference rule puts first.
    for (let j = 0; j < standingCount; j++) {
      const f = pool.at(standing[j] ?? 0) as QualityFigure; // a position read in the first pass
      const key = ((ids[j * 3] ?? 0) * this.regionCount + (ids[j * 3 + 1] ?? 0)) * n + (ids[j * 3 + 2] ?? 0);
      const slot = this.slotOfKey(key);
      if (slot < 0) {
        const s = this.chosen.length;
        this.chosen.push(f);
        this.slotKeys.push(key);
        if (this.table) this.table[key] = s + 1;
        else this.slotMap?.set(key, s);
      } else if (comparePreference(f, this.chosen[slot] as QualityFigure) < 0) this.chosen[slot] = f; // slot < chosen.length
    }
  }

  /** The slot of a key, −1 when its cell is empty. */
  slotOfKey(key: number): number {
    if (key < 0) return -1;
    if (this.table) return (this.table[key] ?? 0) - 1;
    return this.slotMap?.get(key) ?? -1;
  }

  /** Whether keys index a flat table (then per-key marks can be an array of `keySpace` entries). */
  get denseKeys(): boolean {
    return this.table !== null;
  }

  /** How many cells have a chosen figure (slots 0 … count − 1). */
  get slotCount(): number {
    return this.chosen.length;
  }

  /** The chosen figure of a slot. */
  atSlot(slot: number): QualityFigure | undefined {
    return this.chosen[slot];
  }

  /** The key of a slot's cell. */
  keyOfSlot(slot: number): number {
    return this.slotKeys[slot] ?? -1;
  }

  /** The cell key, or −1 when no figure of the pool names one of its parts (the cell is then empty). */
  keyOf(indicator: string, region: string, periodCode: string): number {
    const i = this.indicatorIds.get(indicator);
    if (i === undefined) return -1;
    const r = this.regionIds.get(region);
    if (r === undefined) return -1;
    const p = this.periodIds.get(periodCode);
    if (p === undefined) return -1;
    return (i * this.regionCount + r) * this.periodCount + p;
  }

  /** The chosen figure of a cell. */
  get(indicator: string, region: string, periodCode: string): QualityFigure | undefined {
    const slot = this.slotOfKey(this.keyOf(indicator, region, periodCode));
    return slot < 0 ? undefined : this.chosen[slot];
  }

  /** Every chosen figure (one per cell). */
  chosenFigures(): IterableIterator<QualityFigure> {
    return this.chosen.values();
  }

  /** The chosen figure of a cell key. */
  atKey(key: number): QualityFigure | undefined {
    const slot = this.slotOfKey(key);
    return slot < 0 ? undefined : this.chosen[slot];
  }

  /** The base (indicator and region) of a key; series ids are base × SERIES_KINDS + kind of period. */
  baseOfKey(key: number): number {
    return Math.floor(key / this.periodCount);
  }

  /** The series of a cell key (indicator, region, kind of period). */
  seriesOfKey(key: number): number {
    const base = Math.floor(key / this.periodCount);
    return base * SERIES_KINDS + (this.periodKind[key - base * this.periodCount] ?? 0);
  }

  /** The last month (month index) of a cell key's period. */
  endOfKey(key: number): number {
    return this.periodEnd[key % this.periodCount] ?? 0;
  }

  /** The key of the same cell a year before, −1 when no figure of the pool names that period. */
  keyBefore(key: number): number {
    const p = key % this.periodCount;
    const before = this.periodBefore[p] ?? -1;
    return before < 0 ? -1 : key - p + before;
  }

  /** The slots of a base's cells (every kind of period), in slot order. */
  slotsOfBase(base: number): Int32Array {
    if (!this.baseOffsets || !this.baseSlots) this.indexBases();
    const offsets = this.baseOffsets as Int32Array; // built just above
    const slots = this.baseSlots as Int32Array;
    if (base < 0 || base + 1 >= offsets.length) return new Int32Array(0);
    return slots.subarray(offsets[base] ?? 0, offsets[base + 1] ?? 0);
  }

  /** Counting sort of the slots by base: one pass to count, one to place. */
  private indexBases(): void {
    const baseCount = this.indicatorIds.size * this.regionCount;
    const offsets = new Int32Array(baseCount + 1);
    const n = this.chosen.length;
    const baseOf = new Int32Array(n);
    for (let s = 0; s < n; s++) {
      const b = Math.floor((this.slotKeys[s] ?? 0) / this.periodCount);
      baseOf[s] = b;
      offsets[b + 1] = (offsets[b + 1] ?? 0) + 1;
    }
    for (let b = 0; b < baseCount; b++) offsets[b + 1] = (offsets[b + 1] ?? 0) + (offsets[b] ?? 0);
    const next = offsets.slice(0, baseCount);
    const slots = new Int32Array(n);
    for (let s = 0; s < n; s++) {
      const b = baseOf[s] ?? 0;
      slots[next[b] ?? 0] = s;
      next[b] = (next[b] ?? 0) + 1;
    }
    this.baseOffsets = offsets;
    this.baseSlots = slots;
  }

  /** End months of the cells from January of one year (ascending), e.g. [3, 6, 9, 12] for Q1, H1, 1–9月, the year. */
  januaryChain(indicator: string, region: string, year: number): readonly JanuaryLink[] {
    const i = this.indicatorIds.get(indicator);
    const r = this.regionIds.get(region);
    if (i === undefined || r === undefined) return [];
    const chains = this.januaryChains ?? this.indexJanuaryChains();
    return chains.get((i * this.regionCount + r) * (MAX_CHAIN_YEAR + 1) + year) ?? [];
  }

  private indexJanuaryChains(): Map<number, JanuaryLink[]> {
    const chains = new Map<number, JanuaryLink[]>();
    // Per period: the year it runs from January within (−1 when it does not) and its last month.
    const fromJanuary = new Int32Array(this.periodCount).fill(-1);
    const endMonth = new Int8Array(this.periodCount);
    for (let p = 0; p < this.periodCount; p++) {
      const { start, end } = monthRange(this.periodList[p] as Period); // p < periodCount = periodList.length
      if (start.month === 1 && start.year === end.year) fromJanuary[p] = start.year;
      endMonth[p] = end.month;
    }
    for (let s = 0; s < this.chosen.length; s++) {
      const key = this.slotKeys[s] ?? 0;
      const p = key % this.periodCount;
      const year = fromJanuary[p] ?? -1;
      if (year < 0) continue;
      const k = (key - p) / this.periodCount * (MAX_CHAIN_YEAR + 1) + year;
      const link = { endMonth: endMonth[p] ?? 0, periodCode: this.periodCodes[p] ?? '' };
      const list = chains.get(k);
      if (list) list.push(link);
      else chains.set(k, [link]);
    }
    for (const list of chains.values()) list.sort((a, b) => a.endMonth - b.endMonth);
    this.januaryChains = chains;
    return chains;
  }

  /** The same period a year earlier (2023Q3 → 2022Q3); null for a span of years. */
  yearBefore(f: Pick<QualityFigure, 'period' | 'periodCode'>): string | null {
    return this.shifted(f.periodCode, f.period, -1);
  }

  /** The same period a year later. */
  yearAfter(f: Pick<QualityFigure, 'period' | 'periodCode'>): string | null {
    return this.shifted(`+${f.periodCode}`, f.period, 1);
  }

  private shifted(memoKey: string, p: Period, by: number): string | null {
    let code = this.shiftedMemo.get(memoKey);
    if (code === undefined) {
      code = p.type === 'span' ? null : formatPeriod({ ...p, year: p.year + by });
      this.shiftedMemo.set(memoKey, code);
    }
    return code;
  }

  /** The period's last month as a month index (for ordering a series and windows of history). */
  endOf(f: Pick<QualityFigure, 'period' | 'periodCode'>): number {
    const p = this.periodIds.get(f.periodCode);
    if (p !== undefined) return this.periodEnd[p] ?? 0;
    let n = this.endIndex.get(f.periodCode);
    if (n === undefined) this.endIndex.set(f.periodCode, (n = monthIndex(monthRange(f.period).end)));
    return n;
  }

  /** The revision basis (census vintage) a figure stands on; figures of different bases are never compared. */
  basis(f: Pick<QualityFigure, 'publishedDate'>): string {
    let b = this.bases.get(f.publishedDate);
    if (b === undefined) this.bases.set(f.publishedDate, (b = revisionBasis(f.publishedDate).id));
    return b;
  }
}

/** Years a January chain is keyed by (periods are of years up to MAX_YEAR, well below). */
const MAX_CHAIN_YEAR = 9999;

/** The number of `text` in `ids`, the next one when it is new. */
export function intern(ids: Map<string, number>, text: string): number {
  let n = ids.get(text);
  if (n === undefined) ids.set(text, (n = ids.size));
  return n;
}
