/**
 * Queries of the data-quality checks: stored figures in the lean form the rules read (an import's rows are built as
 * it reads the file: domain/quality/figure.ts stagedFigure), rows taken out of an import's staging, rule files and
 * calendars, acknowledgements, and what arrived per cell for completeness.
 */
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { ApprovalState } from '../domain/observation/approval';
import type { ObservationStatus, Precision, PriceBasis, SourceKind } from '../domain/observation/terms';
import { parsePeriod } from '../domain/period/parse';
import type { Period } from '../domain/period/period';
import { FIRST_HAND, type QualityFigure } from '../domain/quality/figure';
import type { ReceivedCell } from '../domain/quality/completeness';
import type { DatabaseTarget, Db } from './client';
import { copyDecimal, copyInteger, copyOutText, sqlLiteral } from './copy';
import { queryRows } from './raw';
import { qualityAcknowledgements, qualityRuleFiles, reportingCalendars, users } from './schema';

/**
 * Where each field of a lean row is in the COPY text (−1: not read). The full read is chosen for what PostgreSQL
 * formats fastest: the stored decimal as it is (Number() reads it to the nearest double) and the entry time as epoch
 * milliseconds (half the cost of a formatted timestamp, measured on PGlite). id, indicator, region, period, value
 * and price basis are always the first six.
 */
interface LeanLayout {
  select: string;
  fields: number;
  status: number;
  sourceKind: number;
  published: number;
  entered: number;
  state: number;
  corrects: number;
  precision: number;
  readAt: number;
  supersededBy: number;
}
// A figure re-described by a later record names it (figure_supersessions, issue 13): the preference rule passes it
// over while that record is in the pool, as choosePreferred does.
const ALL_COLUMNS: LeanLayout = {
  select: `id, indicator_code, region_code, period_code, value_std, price_basis, status, source_kind, published_date,
    (extract(epoch from entered_at) * 1000)::bigint, approval_state, corrects, precision, source_read_at, s.superseded_by`,
  fields: 15, status: 6, sourceKind: 7, published: 8, entered: 9, state: 10, corrects: 11, precision: 12, readAt: 13, supersededBy: 14,
};
/**
 * Only what places a figure in its cell and on its revision basis, and what takes it out of the pool (the figure it
 * corrects, the record that supersedes it): on PGlite every column costs, even a NULL one — 34,000 figures are
 * written out in about half the time of the full read.
 */
const CELL_COLUMNS: LeanLayout = {
  select: 'id, indicator_code, region_code, period_code, value_std, price_basis, published_date, corrects, s.superseded_by',
  fields: 9, status: -1, sourceKind: -1, published: 6, entered: -1, state: -1, corrects: 7, precision: -1, readAt: -1, supersededBy: 8,
};
const NO_TEXT = '\u0000';
const NO_ENTRY_TIME = '0'.padStart(15, '0');

/**
 * Figures from COPY text laid out as `layout` says, fed piece by piece as the text arrives (whole lines). The same
 * few codes, periods and dates repeat down a million rows: each distinct text is kept once (interned) and each
 * period parsed once, so the figures share them; a field equal to the same field of the row before is recognised
 * in place (no substring, no hash), and numbers are read from the characters.
 */
class LeanFigureReader {
  readonly figures: QualityFigure[] = [];
  /**
   * @param absentState the state of every row when the layout does not read it (a read of one state)
   */
  constructor(
    private readonly layout: LeanLayout,
    private readonly absentState: ApprovalState | '' = '',
  ) {
    this.lastRaw = Array.from({ length: layout.fields }, () => NO_TEXT);
    this.lastValue = Array.from({ length: layout.fields }, () => null);
    this.starts = new Int32Array(layout.fields);
    this.ends = new Int32Array(layout.fields);
  }
  private readonly texts = new Map<string, string>();
  private readonly periods = new Map<string, Period>();
  private readonly sources = new Map<string, { readAt: string }>();
  /** Per column: the raw text of the row before, and the (interned) value it was read as. */
  private readonly lastRaw: string[];
  private readonly lastValue: Array<string | null>;
  private lastPeriodCode = NO_TEXT;
  private lastPeriod: Period | null = null;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;

  push(text: string): void {
    const fields = this.layout.fields;
    const starts = this.starts;
    const ends = this.ends;
    let start = 0;
    while (start < text.length) {
      const lineEnd = text.indexOf('\n', start);
      const stop = lineEnd < 0 ? text.length : lineEnd;
      let from = start;
      let complete = true;
      for (let c = 0; c < fields - 1; c++) {
        const to = text.indexOf('\t', from);
        if (to < 0 || to > stop) {
          complete = false;
          break;
        }
        starts[c] = from;
        ends[c] = to;
        from = to + 1;
      }
      starts[fields - 1] = from;
      ends[fields - 1] = stop;
      if (complete) this.row(text);
      start = stop + 1;
    }
  }

  /** The field's text (interned), null for \N. */
  private field(c: number, text: string, from: number, to: number): string | null {
    if (c < 0) return null;
    const prev = this.lastRaw[c] ?? NO_TEXT;
    if (prev.length === to - from && text.startsWith(prev, from)) return this.lastValue[c] ?? null;
    const raw = text.slice(from, to);
    let value: string | null;
    if (raw === '\\N') value = null;
    else {
      const plain = raw.includes('\\') ? raw.replace(/\\(.)/g, (_m, ch: string) => UNESCAPES[ch] ?? ch) : raw;
      const hit = this.texts.get(plain);
      if (hit === undefined) this.texts.set(plain, plain);
      value = hit ?? plain;
    }
    this.lastRaw[c] = raw;
    this.lastValue[c] = value;
    return value;
  }

  private row(text: string): void {
    const b = this.starts;
    const e = this.ends;
    const periodCode = this.field(3, text, b[3] ?? 0, e[3] ?? 0) ?? '';
    let period = periodCode === this.lastPeriodCode ? this.lastPeriod : this.periods.get(periodCode);
    if (!period) {
      const p = parsePeriod(periodCode);
      // A stored period code is canonical; an unreadable one is no figure to check.
      if (!p.ok) return;
      this.periods.set(periodCode, (period = p.value));
    }
    this.lastPeriodCode = periodCode;
    this.lastPeriod = period;
    const L = this.layout;
    const readAt = this.at(L.readAt, text);
    this.figures.push({
      id: copyInteger(text, b[0] ?? 0, e[0] ?? 0) ?? 0,
      indicatorCode: this.at(1, text) ?? '',
      regionCode: this.at(2, text) ?? '',
      periodCode,
      period,
      valueStd: copyDecimal(text, b[4] ?? 0, e[4] ?? 0),
      priceBasis: this.at(5, text) as PriceBasis | null,
      status: (this.at(L.status, text) ?? '') as ObservationStatus,
      sourceKind: (this.at(L.sourceKind, text) ?? '') as SourceKind,
      publishedDate: this.at(L.published, text) ?? '',
      enteredAt: this.enteredAt(text),
      state: (this.at(L.state, text) ?? this.absentState) as ApprovalState | 'staged',
      corrects: this.integer(L.corrects, text),
      precision: (this.at(L.precision, text) ?? 'exact') as Precision,
      source: readAt === null ? FIRST_HAND : this.source(readAt),
      supersededBy: this.integer(L.supersededBy, text),
    });
  }

  /** Field `c` of the current row as text (interned), null for \N or a field the layout does not read. */
  private at(c: number, text: string): string | null {
    return this.field(c, text, this.starts[c] ?? 0, this.ends[c] ?? 0);
  }

  private integer(c: number, text: string): number | null {
    return c < 0 ? null : copyInteger(text, this.starts[c] ?? 0, this.ends[c] ?? 0);
  }

  /** Epoch milliseconds from the query: padded as enteredText writes them, without parsing (a million rows). */
  private enteredAt(text: string): string {
    const c = this.layout.entered;
    if (c < 0) return NO_ENTRY_TIME;
    const from = this.starts[c] ?? 0;
    const to = this.ends[c] ?? 0;
    const last = this.lastRaw[c] ?? NO_TEXT;
    if (last.length === to - from && text.startsWith(last, from)) return this.lastValue[c] ?? NO_ENTRY_TIME;
    const raw = text.slice(from, to);
    const value = raw === '\\N' ? NO_ENTRY_TIME : raw.padStart(15, '0');
    this.lastRaw[c] = raw;
    this.lastValue[c] = value;
    return value;
  }

  private source(readAt: string): { readAt: string } {
    let hit = this.sources.get(readAt);
    if (!hit) this.sources.set(readAt, (hit = { readAt }));
    return hit;
  }
}

const UNESCAPES: Record<string, string> = { '\\': '\\', t: '\t', n: '\n', r: '\r', b: '\b', f: '\f', v: '\v' };

export interface LeanFilter {
  states: readonly ApprovalState[];
  indicatorCodes?: readonly string[] | undefined;
  regionCodes?: readonly string[] | undefined;
  /** Periods ending in or after this year. */
  fromYear?: number | undefined;
  /** Periods starting in or before this year. */
  toYear?: number | undefined;
  /** These figures only. */
  ids?: readonly number[] | undefined;
}

/**
 * What a lean read fills: every column ('all'), or ('cells') what places each figure in its cell — id, cell, value,
 * price basis, published date (the revision basis), the figure it corrects and the record that supersedes it —
 * leaving the preference rule's keys unread (status and source kind empty, precision exact, no entry time, first
 * hand). A 'cells' figure may stand only where nothing else competes for its cell (the rule never ranks it):
 * check.ts reads the full columns of every crowded cell.
 */
export type LeanColumns = 'all' | 'cells';

const list = (values: readonly string[]) => (values.length === 0 ? '(null)' : `(${values.map(sqlLiteral).join(', ')})`);

/**
 * Stored figures in the lean form (value_std as a double: the nearest to the stored decimal, as Number() reads it),
 * read with COPY — a million figures as rows would take several times longer.
 */
export async function leanFigures(db: Db, driver: DatabaseTarget['driver'], f: LeanFilter, columns: LeanColumns = 'all'): Promise<QualityFigure[]> {
  const where = [`approval_state in ${list(f.states)}`];
  if (f.indicatorCodes) where.push(`indicator_code in ${list(f.indicatorCodes)}`);
  if (f.regionCodes) where.push(`region_code in ${list(f.regionCodes)}`);
  if (f.fromYear !== undefined) where.push(`period_end >= ${Math.trunc(f.fromYear) * 100 + 1}`);
  if (f.toYear !== undefined) where.push(`period_start <= ${Math.trunc(f.toYear) * 100 + 12}`);
  if (f.ids) where.push(f.ids.length === 0 ? 'false' : `id in (${f.ids.map((id) => Math.trunc(id)).join(', ')})`);
  const layout = columns === 'cells' ? CELL_COLUMNS : ALL_COLUMNS;
  const oneState = f.states.length === 1 ? f.states[0] : undefined;
  if (layout.state < 0 && oneState === undefined) throw new Error("a 'cells' read is of one approval state: it does not read the state");
  const query = `select ${layout.select} from observations left join figure_supersessions s on s.superseded_id = observations.id where ${where.join(' and ')}`;
  // In a transaction of its own (a savepoint inside another): a server streams COPY over one connection. The rows
  // are read as they arrive, while the server formats the rest.
  const reader = new LeanFigureReader(layout, oneState ?? '');
  await db.transaction((tx) => copyOutText(tx, driver, query, (lines) => reader.push(lines)));
  return reader.figures;
}

/** Takes rows out of the import (they are reported as rejected instead). */
export async function unstageRows(db: Db, rows: readonly number[]): Promise<void> {
  if (rows.length === 0) return;
  await db.execute(sql`delete from import_staging where row in (select json_array_elements_text(${JSON.stringify(rows.map(String))}::json)::int)`);
}

// ── Rule files and calendars ─────────────────────────────────────────────────────────────────────────────

export interface StoredDocument {
  name: string;
  planId: string | null;
  document: unknown;
  contentHash: string;
}

/** Replaces every rule file with the given set (files removed from the folder go too). */
export async function replaceRuleFiles(db: Db, files: readonly StoredDocument[]): Promise<void> {
  await db.delete(qualityRuleFiles);
  if (files.length > 0) await db.insert(qualityRuleFiles).values(files.map((f) => ({ name: f.name, planId: f.planId, document: f.document, contentHash: f.contentHash })));
}

export async function listRuleFiles(db: Db): Promise<StoredDocument[]> {
  const rows = await db.select().from(qualityRuleFiles).orderBy(asc(qualityRuleFiles.name));
  return rows.map((r) => ({ name: r.name, planId: r.planId, document: r.document, contentHash: r.contentHash }));
}

export async function replaceCalendars(db: Db, files: ReadonlyArray<StoredDocument & { planId: string }>): Promise<void> {
  await db.delete(reportingCalendars);
  if (files.length > 0) await db.insert(reportingCalendars).values(files.map((f) => ({ planId: f.planId, name: f.name, document: f.document, contentHash: f.contentHash })));
}

export async function getCalendar(db: Db, planId: string): Promise<StoredDocument | null> {
  const rows = await db.select().from(reportingCalendars).where(eq(reportingCalendars.planId, planId));
  const r = rows[0];
  return r ? { name: r.name, planId: r.planId, document: r.document, contentHash: r.contentHash } : null;
}

// ── Acknowledgements ─────────────────────────────────────────────────────────────────────────────────────

export interface Acknowledgement {
  observationId: number;
  ruleId: string;
  violationKey: string;
  comment: string;
  userId: number | null;
}

export async function insertAcknowledgements(db: Db, list: readonly Acknowledgement[]): Promise<void> {
  if (list.length > 0) await db.insert(qualityAcknowledgements).values([...list]);
}

/** The first acknowledgement of each violation key asked for (all keys when none are given). */
export async function acknowledgementsOf(db: Db, keys?: readonly string[]): Promise<Map<string, { by: string | null; at: string; comment: string }>> {
  if (keys && keys.length === 0) return new Map();
  const rows = await db
    .select({ key: qualityAcknowledgements.violationKey, comment: qualityAcknowledgements.comment, at: qualityAcknowledgements.at, by: users.username })
    .from(qualityAcknowledgements)
    .leftJoin(users, eq(users.id, qualityAcknowledgements.userId))
    .where(keys ? inArray(qualityAcknowledgements.violationKey, [...keys]) : undefined)
    .orderBy(asc(qualityAcknowledgements.id));
  const map = new Map<string, { by: string | null; at: string; comment: string }>();
  for (const r of rows) if (!map.has(r.key)) map.set(r.key, { by: r.by, at: r.at.toISOString(), comment: r.comment });
  return map;
}

// ── Completeness and versions ────────────────────────────────────────────────────────────────────────────

/**
 * Per cell of the given indicators: when a figure first arrived (a person's: submitted, or approved at once; the
 * system's own loads: the date the figure was published) and when one was first approved. Drafts and rejected
 * figures have not been reported.
 */
export async function receivedCells(db: Db, indicatorCodes: readonly string[]): Promise<ReceivedCell[]> {
  return queryRows<ReceivedCell & Record<string, unknown>>(
    db,
    sql`select indicator_code as "indicatorCode", region_code as "regionCode", period_code as "periodCode",
          min(case when entered_by is null then published_date else coalesce(submitted_at, decided_at, entered_at)::date end)::text as "receivedOn",
          min(case when approval_state = 'approved' then case when entered_by is null then published_date else coalesce(decided_at, entered_at)::date end end)::text as "approvedOn",
          bool_or(entered_by is null and published_date_estimated) as "estimated"
        from observations
        where approval_state in ('submitted', 'approved') and indicator_code in (select json_array_elements_text(${JSON.stringify(indicatorCodes)}::json))
        group by indicator_code, region_code, period_code`,
  );
}

/**
 * Moves whenever anything a whole-database check reads changes: figures (added, edited, moved through approval —
 * each bumps its version), acknowledgements, rule files. Figures are never deleted, so count, newest id and the
 * sum of versions together change on every write.
 */
export async function qualityDataVersion(db: Db): Promise<string> {
  const [row] = await queryRows<{ v: string }>(
    db,
    // The figures' three in one pass over the table (two separate aggregates scanned it twice).
    sql`select concat_ws(':', o.n, o.newest, o.versions,
          (select max(id) from quality_acknowledgements), (select string_agg(content_hash, ',' order by name) from quality_rule_files)) as v
        from (select count(*) as n, max(id) as newest, sum(approval_version) as versions from observations) o`,
  );
  return row?.v ?? '';
}
