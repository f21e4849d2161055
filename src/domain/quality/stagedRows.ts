/**
 * The rows of a file being imported, as the quality rules will see them, held in columns while the file is read:
 * a row costs about 50 bytes here, where a QualityFigure object costs about 180 — a million-row import held 223 MB
 * of those objects from its first row to its commit, and the heap V8 grew around them took the import's peak RSS
 * from under 500 MB to 1.2 GB. A row becomes a QualityFigure (as `stagedFigure` builds it: a test holds them equal)
 * only when a check reads it, and the check keeps only the ones its cells choose.
 *
 * @example
 * const rows = new StagedRows(); rows.push(7, draft); rows.at(0) // { id: -7, state: 'staged', … }
 */
import type { ObservationStatus, Precision, PriceBasis, SourceKind } from '../observation/terms';
import type { Period } from '../period/period';
import { FIRST_HAND, STAGED_ENTERED_AT, type QualityFigure, type StagedInput } from './figure';
import type { FigureList } from './figureList';

/** Distinct values numbered in the order they first come (a million rows name a few hundred). */
class Numbering<T> {
  private readonly ids = new Map<T, number>();
  readonly values: T[] = [];

  /** @param keep what is kept of a value first seen (a text cut from the file's would keep the whole piece alive) */
  constructor(private readonly keep: (value: T) => T = (value) => value) {}

  id(value: T): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      const kept = this.keep(value);
      id = this.values.length;
      this.ids.set(kept, id);
      this.values.push(kept);
    }
    return id;
  }

  /** The value numbered `id` (ids come from `id`, so one exists). */
  value(id: number): T {
    return this.values[id] as T;
  }

  /** A numbering of these values, in this order (as another numbering's `values` lists them). */
  static of<T>(values: readonly T[]): Numbering<T> {
    const n = new Numbering<T>();
    for (const v of values) n.id(v);
    return n;
  }
}

/** A text of its own: a copy, not a slice of the text it was cut from. */
const copy = (text: string): string => Array.from(text).join('');

/**
 * A StagedRows as plain data — typed arrays and arrays of values — for another thread (a structured clone keeps no
 * class). `StagedRows.fromColumns` builds the rows again.
 */
export interface StagedColumns {
  count: number;
  rows: Int32Array<ArrayBuffer>;
  values: Float64Array<ArrayBuffer>;
  codes: Int32Array<ArrayBuffer>;
  texts: string[];
  periods: Array<[string, Period]>;
  priceBases: Array<PriceBasis | null>;
  statuses: ObservationStatus[];
  sourceKinds: SourceKind[];
  precisions: Precision[];
  readAts: Array<string | null>;
}

/** Per row: indicator, region, period, published date, price basis, status, source kind, precision, read at. */
const CODE_COLUMNS = 9;
const INITIAL_CAPACITY = 1024;

export class StagedRows implements FigureList {
  private count = 0;
  private rows = new Int32Array(INITIAL_CAPACITY);
  private values = new Float64Array(INITIAL_CAPACITY);
  /** Per row, the number of each text and word in its Numbering. */
  private codes = new Int32Array(INITIAL_CAPACITY * CODE_COLUMNS);
  private texts = new Numbering<string>(copy);
  /** A period object per period code (the row checker shares them between rows already). */
  private periods = new Map<string, Period>();
  private priceBases = new Numbering<PriceBasis | null>();
  private statuses = new Numbering<ObservationStatus>();
  private sourceKinds = new Numbering<SourceKind>();
  private precisions = new Numbering<Precision>();
  private readAts = new Numbering<string | null>((t) => (t === null ? null : copy(t)));

  /** The rows as plain data, cut to their count (copies: the rows may still grow). */
  columns(): StagedColumns {
    return {
      count: this.count,
      rows: this.rows.slice(0, this.count),
      values: this.values.slice(0, this.count),
      codes: this.codes.slice(0, this.count * CODE_COLUMNS),
      texts: [...this.texts.values],
      periods: [...this.periods],
      priceBases: [...this.priceBases.values],
      statuses: [...this.statuses.values],
      sourceKinds: [...this.sourceKinds.values],
      precisions: [...this.precisions.values],
      readAts: [...this.readAts.values],
    };
  }

  /** The rows `columns()` gave (in another thread, after a structured clone). */
  static fromColumns(c: StagedColumns): StagedRows {
    const rows = new StagedRows();
    rows.count = c.count;
    rows.rows = c.rows.length > 0 ? c.rows : new Int32Array(INITIAL_CAPACITY);
    rows.values = c.values.length > 0 ? c.values : new Float64Array(INITIAL_CAPACITY);
    rows.codes = c.codes.length > 0 ? c.codes : new Int32Array(INITIAL_CAPACITY * CODE_COLUMNS);
    rows.texts = Numbering.of(c.texts);
    rows.periods = new Map(c.periods);
    rows.priceBases = Numbering.of(c.priceBases);
    rows.statuses = Numbering.of(c.statuses);
    rows.sourceKinds = Numbering.of(c.sourceKinds);
    rows.precisions = Numbering.of(c.precisions);
    rows.readAts = Numbering.of(c.readAts);
    return rows;
  }

  get length(): number {
    return this.count;
  }

  /** Adds a checked row: its row number in the file, and what the rules read of the row checker's draft. */
  push(row: number, d: StagedInput): void {
    if (this.count === this.rows.length) this.grow();
    const i = this.count++;
    this.rows[i] = row;
    this.values[i] = d.valueStd;
    if (!this.periods.has(d.periodCode)) this.periods.set(d.periodCode, d.period);
    const c = i * CODE_COLUMNS;
    this.codes[c] = this.texts.id(d.indicatorCode);
    this.codes[c + 1] = this.texts.id(d.regionCode);
    this.codes[c + 2] = this.texts.id(d.periodCode);
    this.codes[c + 3] = this.texts.id(d.publishedDate);
    this.codes[c + 4] = this.priceBases.id(d.priceBasis);
    this.codes[c + 5] = this.statuses.id(d.status);
    this.codes[c + 6] = this.sourceKinds.id(d.sourceKind);
    this.codes[c + 7] = this.precisions.id(d.precision);
    this.codes[c + 8] = this.readAts.id(d.source.readAt);
  }

  /** The row at a position as the rules read it: a new object on every call (compare figures by id, not identity). */
  at(index: number): QualityFigure | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) return undefined;
    return this.build(index);
  }

  *[Symbol.iterator](): Iterator<QualityFigure> {
    for (let i = 0; i < this.count; i++) yield this.build(i);
  }

  /** The rows whose figure ids (−row) are not in `ids`, in the same order. */
  without(ids: ReadonlySet<number>): StagedRows {
    if (ids.size === 0) return this;
    const kept = new StagedRows();
    for (let i = 0; i < this.count; i++) {
      const row = this.rows[i] ?? 0;
      if (!ids.has(-row)) kept.push(row, this.build(i)); // a figure holds all a row's input
    }
    return kept;
  }

  /** What `stagedFigure` makes of the row at a position, built from the columns directly (a check builds rows many times). */
  private build(index: number): QualityFigure {
    const c = index * CODE_COLUMNS;
    const codes = this.codes;
    const texts = this.texts.values;
    const periodCode = texts[codes[c + 2] ?? 0] ?? '';
    const readAt = this.readAts.value(codes[c + 8] ?? 0);
    return {
      id: -(this.rows[index] ?? 0),
      indicatorCode: texts[codes[c] ?? 0] ?? '',
      regionCode: texts[codes[c + 1] ?? 0] ?? '',
      periodCode,
      period: this.periods.get(periodCode) as Period, // every period code pushed has its period
      valueStd: this.values[index] ?? Number.NaN,
      priceBasis: this.priceBases.value(codes[c + 4] ?? 0),
      status: this.statuses.value(codes[c + 5] ?? 0),
      sourceKind: this.sourceKinds.value(codes[c + 6] ?? 0),
      precision: this.precisions.value(codes[c + 7] ?? 0),
      source: readAt === null ? FIRST_HAND : { readAt },
      publishedDate: texts[codes[c + 3] ?? 0] ?? '',
      enteredAt: STAGED_ENTERED_AT,
      corrects: null,
      supersededBy: null,
      state: 'staged',
    };
  }

  private grow(): void {
    const capacity = this.rows.length * 2;
    const rows = new Int32Array(capacity);
    rows.set(this.rows);
    this.rows = rows;
    const values = new Float64Array(capacity);
    values.set(this.values);
    this.values = values;
    const codes = new Int32Array(capacity * CODE_COLUMNS);
    codes.set(this.codes);
    this.codes = codes;
  }
}
