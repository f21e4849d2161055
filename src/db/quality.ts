/**
 * Queries of the data-quality checks: figures in the lean form the rules read (stored ones, and the rows of an
 * import's staging table), rule files and calendars, acknowledgements, and what arrived per cell for completeness.
 */
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { ApprovalState } from '../domain/observation/approval';
import type { ObservationStatus, Precision, PriceBasis, SourceKind } from '../domain/observation/terms';
import { parsePeriod } from '../domain/period/parse';
import type { Period } from '../domain/period/period';
import { FIRST_HAND, type QualityFigure } from '../domain/quality/figure';
import type { ReceivedCell } from '../domain/quality/completeness';
import type { DatabaseTarget, Db } from './client';
import { copyFields, copyOut, sqlLiteral } from './copy';
import { queryRows } from './raw';
import { qualityAcknowledgements, qualityRuleFiles, reportingCalendars, users } from './schema';

/**
 * The columns the rules read, in this order (COPY text; see `readFigures`). Chosen for what PostgreSQL formats
 * fastest: the stored decimal as it is (Number() reads it to the nearest double) and the entry time as epoch
 * milliseconds (half the cost of a formatted timestamp, measured on PGlite).
 */
const LEAN_COLUMNS = `value_std, price_basis, status, source_kind, published_date, (extract(epoch from entered_at) * 1000)::bigint`;

/**
 * Figures from COPY text (id, indicator, region, period, then LEAN_COLUMNS, state, corrects, precision, read at,
 * superseded by). The same few codes,
 * periods and dates repeat down a million rows: each distinct text is kept once (interned) and each period parsed
 * once, so the figures share them.
 */
function readFigures(text: string): QualityFigure[] {
  const texts = new Map<string, string>();
  const periods = new Map<string, Period>();
  const sources = new Map<string, { readAt: string }>();
  const t = (s: string | null | undefined): string => {
    const v = s ?? '';
    const hit = texts.get(v);
    if (hit !== undefined) return hit;
    texts.set(v, v);
    return v;
  };
  const source = (readAt: string) => {
    let hit = sources.get(readAt);
    if (!hit) sources.set(readAt, (hit = { readAt }));
    return hit;
  };
  const out: QualityFigure[] = [];
  copyFields(text, (f) => {
    const periodCode = t(f[3]);
    let period = periods.get(periodCode);
    if (!period) {
      const p = parsePeriod(periodCode);
      // A stored period code is canonical; an unreadable one is no figure to check.
      if (!p.ok) return;
      periods.set(periodCode, (period = p.value));
    }
    out.push({
      id: Number(f[0]),
      indicatorCode: t(f[1]),
      regionCode: t(f[2]),
      periodCode,
      period,
      valueStd: Number(f[4]),
      priceBasis: f[5] === null ? null : (t(f[5]) as PriceBasis),
      status: t(f[6]) as ObservationStatus,
      sourceKind: t(f[7]) as SourceKind,
      publishedDate: t(f[8]),
      // Epoch milliseconds from the query: padded as enteredText writes them, without parsing (a million rows).
      enteredAt: t((f[9] ?? '0').padStart(15, '0')),
      state: t(f[10]) as ApprovalState | 'staged',
      corrects: f[11] === null || f[11] === undefined ? null : Number(f[11]),
      precision: t(f[12] ?? 'exact') as Precision,
      source: f[13] === null || f[13] === undefined ? FIRST_HAND : source(f[13]),
      supersededBy: f[14] === null || f[14] === undefined ? null : Number(f[14]),
    });
  });
  return out;
}

export interface LeanFilter {
  states: readonly ApprovalState[];
  indicatorCodes?: readonly string[] | undefined;
  regionCodes?: readonly string[] | undefined;
  /** Periods ending in or after this year. */
  fromYear?: number | undefined;
  /** Periods starting in or before this year. */
  toYear?: number | undefined;
}

const list = (values: readonly string[]) => (values.length === 0 ? '(null)' : `(${values.map(sqlLiteral).join(', ')})`);

/**
 * Stored figures in the lean form (value_std as a double: the nearest to the stored decimal, as Number() reads it),
 * read with COPY — a million figures as rows would take several times longer.
 */
export async function leanFigures(db: Db, driver: DatabaseTarget['driver'], f: LeanFilter): Promise<QualityFigure[]> {
  const where = [`approval_state in ${list(f.states)}`];
  if (f.indicatorCodes) where.push(`indicator_code in ${list(f.indicatorCodes)}`);
  if (f.regionCodes) where.push(`region_code in ${list(f.regionCodes)}`);
  if (f.fromYear !== undefined) where.push(`period_end >= ${Math.trunc(f.fromYear) * 100 + 1}`);
  if (f.toYear !== undefined) where.push(`period_start <= ${Math.trunc(f.toYear) * 100 + 12}`);
  // A figure re-described by a later record names it (figure_supersessions, issue 13): the preference rule passes
  // it over while that record is in the pool, as choosePreferred does.
  const query = `select id, indicator_code, region_code, period_code, ${LEAN_COLUMNS}, approval_state, corrects, precision, source_read_at, s.superseded_by
    from observations left join figure_supersessions s on s.superseded_id = observations.id where ${where.join(' and ')}`;
  // In a transaction of its own (a savepoint inside another): a server streams COPY over one connection.
  return readFigures(await db.transaction((tx) => copyOut(tx, driver, query)));
}

/** The rows of the import being staged (import_staging, inside the import's transaction), as figures with id −row. */
export async function stagedFigures(db: Db, driver: DatabaseTarget['driver']): Promise<QualityFigure[]> {
  const query = `select -row, indicator_code, region_code, period_code, value_std, price_basis, status, source_kind, published_date,
    (extract(epoch from now()) * 1000)::bigint, 'staged', null, precision, source_read_at, null from import_staging`;
  return readFigures(await copyOut(db, driver, query));
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
    sql`select concat_ws(':', (select count(*) from observations), (select max(id) from observations), (select sum(approval_version) from observations),
          (select max(id) from quality_acknowledgements), (select string_agg(content_hash, ',' order by name) from quality_rule_files)) as v`,
  );
  return row?.v ?? '';
}
