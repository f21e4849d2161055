/**
 * Queries on figures (observations). Imports go through a temporary staging table inside the import's
 * transaction: rows are checked in TypeScript, staged in batches, classified and committed in SQL.
 */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ApprovalState } from '../domain/observation/approval';
import type { Observation } from '../domain/observation/observation';
import type { ObservationDraft } from '../domain/observation/row';
import { monthRange } from '../domain/period/period';
import type { ObservationStatus, Precision, PriceBasis, SourceKind } from '../domain/observation/terms';
import type { DatabaseTarget, Db } from './client';
import { copyChunks, copyLine } from './copy';
import { numericToNumber } from './numeric';
import { queryRows } from './raw';
import { figureSupersessions, importBatches, indicators, observations, regions, users } from './schema';

/** A checked figure on its way in: the draft, its row in the file, its fingerprint and where it came from. */
export interface StagedRow {
  row: number;
  fingerprint: string;
  origin: string;
  draft: ObservationDraft;
}

/**
 * Imports are serialised (one at a time, whole transactions): classification and the report then describe exactly
 * what the commit adds. The lock is PostgreSQL's own, held until the transaction ends; on PGlite it is uncontended.
 */
export async function lockImports(db: Db): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext('plan-monitor:import'))`);
}

export async function createStaging(db: Db): Promise<void> {
  await db.execute(sql`create temporary table import_staging (
    row integer not null, fingerprint text not null, indicator_code text not null, region_code text not null,
    period_code text not null, period_type text not null, period_start integer not null, period_end integer not null,
    value numeric not null, unit text not null, value_std numeric not null, price_basis text, status text not null,
    source_kind text not null, source_publication text not null, source_publisher text, source_link text, source_read_at text, precision text not null,
    quote text, notes text, published_date date not null, published_date_estimated boolean not null, origin text not null
  ) on commit drop`);
}

const STAGING_COLUMNS = [
  'row', 'fingerprint', 'indicator_code', 'region_code', 'period_code', 'period_type', 'period_start', 'period_end', 'value', 'unit',
  'value_std', 'price_basis', 'status', 'source_kind', 'source_publication', 'source_publisher', 'source_link', 'source_read_at', 'precision', 'quote', 'notes',
  'published_date', 'published_date_estimated', 'origin',
] as const;

/** A staged row as one line of COPY text, in the order of STAGING_COLUMNS. */
export function stagingLine({ row, fingerprint, origin, draft: d }: StagedRow): string {
  const { start, end } = monthRange(d.period);
  return copyLine([
    row, fingerprint, d.indicatorCode, d.regionCode, d.periodCode, d.period.type, start.year * 100 + start.month, end.year * 100 + end.month,
    String(d.value), d.unit, String(d.valueStd), d.priceBasis, d.status, d.sourceKind, d.source.publication, d.source.publisher,
    d.source.link, d.source.readAt, d.precision, d.quote, d.notes, d.publishedDate, d.publishedDateEstimated, origin,
  ]);
}

/**
 * Stages the batches of rows (lines made by `stagingLine`) `batches` yields: on a server one streamed COPY, on
 * PGlite a COPY per batch — the same text, read by the same COPY code, so both drivers stage identical rows.
 */
export async function stageBatches(db: Db, driver: DatabaseTarget['driver'], batches: AsyncIterable<string | Uint8Array<ArrayBuffer>>): Promise<void> {
  await copyChunks(db, driver, 'import_staging', STAGING_COLUMNS, batches);
}

/**
 * Removes from staging the rows that repeat an earlier row exactly (the same figure twice in one file) and
 * returns them with the row they repeat, so they are reported as rejected and not counted as changes.
 */
export async function removeStagedDuplicates(db: Db): Promise<Array<{ row: number; firstRow: number }>> {
  return queryRows(
    db,
    sql`with firsts as (select fingerprint, min(row) as first_row from import_staging group by fingerprint having count(*) > 1)
      delete from import_staging s using firsts f where s.fingerprint = f.fingerprint and s.row <> f.first_row
      returning s.row, f.first_row as "firstRow"`,
  );
}

export type StagedClass = 'new' | 'revision' | 'unchanged';

/**
 * Classifies staged rows: unchanged (the same figure is stored), revision (another figure exists for the same
 * indicator, region and period — stored, or earlier in this file — and this one is added beside it as another
 * vintage or source; the preference rule decides which evaluation uses), new. Read-only and set-based (joins and
 * a window), so PostgreSQL can hash-join a million rows instead of probing row by row.
 */
export async function classifyStaged(db: Db, limit: number): Promise<{ counts: Record<StagedClass, number>; samples: Array<{ row: number; kind: StagedClass; existing: string | null }> }> {
  const classified = sql`select s.row, s.indicator_code, s.region_code, s.period_code, s.fingerprint, case
      when exists (select 1 from ${observations} o where o.fingerprint = s.fingerprint) then 'unchanged'
      when row_number() over (partition by s.indicator_code, s.region_code, s.period_code order by s.row) > 1
        or exists (select 1 from ${observations} o where o.indicator_code = s.indicator_code and o.region_code = s.region_code and o.period_code = s.period_code)
        then 'revision'
      else 'new' end as kind
    from import_staging s`;
  // The counts without classifying row by row: a row is unchanged when its figure is stored; otherwise it is new
  // when it is the first row of a series (indicator, region, period) that nothing stored belongs to, and a
  // revision else. An unchanged row's series is stored (the fingerprint covers the series), so "new" is exactly
  // one row per staged series not yet stored. Two hash lookups instead of a sort of every row.
  const totals = await queryRows<{ total: number; unchanged: number; new: number }>(
    db,
    sql`select (select count(*)::int from import_staging) as total,
      (select count(*)::int from import_staging s where exists (select 1 from ${observations} o where o.fingerprint = s.fingerprint)) as unchanged,
      (select count(*)::int from (select distinct indicator_code, region_code, period_code, period_start, period_end from import_staging) g
        where not exists (select 1 from ${observations} o where o.indicator_code = g.indicator_code and o.region_code = g.region_code
          and o.period_start = g.period_start and o.period_end = g.period_end and o.period_code = g.period_code)) as new`,
  );
  const t = totals[0] ?? { total: 0, unchanged: 0, new: 0 };
  const counts = [
    { kind: 'unchanged' as const, n: t.unchanged },
    { kind: 'new' as const, n: t.new },
    { kind: 'revision' as const, n: t.total - t.unchanged - t.new },
  ];
  // The report lists the first rows only; a row's kind depends on earlier rows alone, so classifying just those
  // rows gives the same answer as classifying the whole file.
  const samples = await queryRows<{ row: number; kind: StagedClass; existing: string | null }>(
    db,
    sql`select c.row, c.kind,
      (select string_agg(o.value::text || ' ' || o.unit, '; ' order by o.published_date) from ${observations} o
        where o.indicator_code = c.indicator_code and o.region_code = c.region_code and o.period_code = c.period_code and o.fingerprint <> c.fingerprint) as existing
    from (select * from (${classified} where s.row <= (select max(row) from (select row from import_staging order by row limit ${limit}) f)) k) c
    order by c.row`,
  );
  const all: Record<StagedClass, number> = { new: 0, revision: 0, unchanged: 0 };
  for (const c of counts) all[c.kind] = c.n;
  return { counts: all, samples };
}

/** How committed figures enter the approval flow: approved at once (the system, or an approver who asked), or as drafts. */
export interface CommitApproval {
  state: Extract<ApprovalState, 'draft' | 'approved'>;
  /** The signed-in writer; null for the system. */
  userId: number | null;
}

/**
 * Writes the staged figures not yet stored; returns how many were added.
 *
 * The foreign keys of `observations` are checked by a trigger per row: three lookups and row locks for each
 * figure, which measured more than half the time of committing a million figures. The same guarantee is given
 * here set-based, once per import: every indicator and region the staged figures name (`refs`) is locked FOR KEY SHARE (the
 * lock each trigger would take, held to the end of the transaction, so none can be deleted or renamed under us)
 * and any that is missing fails the import, as a trigger would. Then, where the database lets this session
 * (superuser, or GRANT SET ON PARAMETER session_replication_role), the insert runs with row triggers off; elsewhere
 * the triggers check again, slower, with the same outcome. Unique, check and not-null constraints always apply.
 */
export async function commitStaged(db: Db, batchId: number, refs: References, approval: CommitApproval): Promise<number> {
  await lockReferencedRows(db, refs);
  const withoutRowTriggers = await tryWithoutRowTriggers(db);
  const decidedBy = approval.state === 'approved' ? approval.userId : null;
  const decidedAt = approval.state === 'approved' ? sql`now()` : sql`null::timestamptz`;
  const rows = await queryRows<{ n: number }>(
    db,
    sql`with added as (
      insert into ${observations} (indicator_code, region_code, period_code, period_type, period_start, period_end, value, unit, value_std,
        price_basis, status, source_kind, source_publication, source_publisher, source_link, source_read_at, precision, quote, notes, published_date,
        published_date_estimated, import_batch_id, origin, fingerprint, approval_state, entered_by, decided_by, decided_at)
      select indicator_code, region_code, period_code, period_type, period_start, period_end, value, unit, value_std,
        price_basis, status, source_kind, source_publication, source_publisher, source_link, source_read_at, precision, quote, notes, published_date,
        published_date_estimated, ${batchId}, origin, fingerprint, ${approval.state}, ${approval.userId}::integer, ${decidedBy}::integer, ${decidedAt}
      from import_staging
      -- In fingerprint order the unique index grows mostly at its right edge instead of at a million random places.
      order by fingerprint
      on conflict (fingerprint) do nothing returning 1)
    select count(*)::int as n from added`,
  );
  // Triggers back on for the rest of the transaction (the audit record). Not in a finally: after a failed insert
  // the transaction can run nothing more, and its rollback undoes the setting anyway.
  if (withoutRowTriggers) await db.execute(sql`set local session_replication_role = origin`);
  return rows[0]?.n ?? 0;
}

/** Codes the staged figures refer to, for the foreign-key check of commitStaged. */
export interface References {
  indicators: Iterable<string>;
  regions: Iterable<string>;
}

/** Locks the indicators and regions named; throws if one is missing (what a foreign-key trigger would do). */
async function lockReferencedRows(db: Db, refs: References): Promise<void> {
  const missing = await queryRows<{ what: string; code: string }>(
    db,
    sql`with ind as (select value as code from json_array_elements_text(${JSON.stringify([...refs.indicators])}::json)),
        reg as (select value as code from json_array_elements_text(${JSON.stringify([...refs.regions])}::json)),
        locked_ind as (select i.code from ${indicators} i where i.code in (select code from ind) for key share),
        locked_reg as (select r.code from ${regions} r where r.code in (select code from reg) for key share)
      select 'indicator' as what, code from ind where code not in (select code from locked_ind)
      union all
      select 'region', code from reg where code not in (select code from locked_reg)`,
  );
  if (missing.length > 0) {
    throw new Error(`the import refers to ${missing.map((m) => `${m.what} ${m.code}`).join(', ')}, which no longer exist${missing.length === 1 ? 's' : ''}: nothing was imported`);
  }
}

/** Turns row triggers off for the rest of the transaction if this session may; says whether it did. */
export async function tryWithoutRowTriggers(db: Db): Promise<boolean> {
  try {
    // In a savepoint: a refusal (no privilege) must not abort the import's transaction.
    await db.transaction(async (sp) => {
      await sp.execute(sql`set local session_replication_role = replica`);
    });
    return true;
  } catch {
    return false;
  }
}

/** Turns row triggers back on for the rest of the transaction, after tryWithoutRowTriggers. */
export async function restoreRowTriggers(db: Db): Promise<void> {
  await db.execute(sql`set local session_replication_role = origin`);
}

export async function insertImportBatch(
  db: Db,
  batch: { fileName: string; fileHash: string; format: string; rowsTotal: number; rowsAdded: number; rowsUnchanged: number; rowsRejected: number; report: unknown },
): Promise<number> {
  const rows = await db.insert(importBatches).values(batch).returning({ id: importBatches.id });
  const id = rows[0]?.id;
  if (id === undefined) throw new Error('import batch was not recorded');
  return id;
}

export async function setImportBatchResult(db: Db, id: number, rowsAdded: number, report: unknown): Promise<void> {
  await db.update(importBatches).set({ rowsAdded, report }).where(eq(importBatches.id, id));
}

export async function getImportBatch(db: Db, id: number): Promise<(typeof importBatches.$inferSelect) | null> {
  const rows = await db.select().from(importBatches).where(eq(importBatches.id, id));
  return rows[0] ?? null;
}

/** The indicator catalogue as import needs it: unit, and whether the indicator is a share. */
export async function indicatorUnits(db: Db): Promise<Map<string, { unit: string; isShare: boolean }>> {
  const rows = await db.select({ code: indicators.code, unit: indicators.unit, num: indicators.numeratorCode }).from(indicators);
  return new Map(rows.map((r) => [r.code, { unit: r.unit, isShare: r.num !== null }]));
}

export interface ObservationFilter {
  indicatorCodes?: readonly string[];
  regionCodes?: readonly string[];
  /** Inclusive bounds as year*100+month. */
  from?: number;
  to?: number;
  periodCodes?: readonly string[];
  /** Approval states to include; absent = every state. The public and evaluations ask for approved figures only. */
  states?: readonly ApprovalState[];
  /** Figures not yet approved only in these regions (a reporter reads its own regions' drafts); absent = anywhere. */
  draftRegions?: readonly string[];
  ids?: readonly number[];
}

const enteredBy = alias(users, 'entered_by_user');
const submittedBy = alias(users, 'submitted_by_user');
const decidedBy = alias(users, 'decided_by_user');

export async function listObservations(db: Db, filter: ObservationFilter = {}): Promise<Observation[]> {
  const where = observationConditions(filter);
  const rows = await db
    .select({ o: observations, enteredBy: enteredBy.username, submittedBy: submittedBy.username, decidedBy: decidedBy.username, supersededBy: figureSupersessions.supersededBy })
    .from(observations)
    .leftJoin(figureSupersessions, eq(figureSupersessions.supersededId, observations.id))
    .leftJoin(enteredBy, eq(enteredBy.id, observations.enteredBy))
    .leftJoin(submittedBy, eq(submittedBy.id, observations.submittedBy))
    .leftJoin(decidedBy, eq(decidedBy.id, observations.decidedBy))
    .where(where.length > 0 ? and(...where) : undefined)
    .orderBy(asc(observations.indicatorCode), asc(observations.regionCode), asc(observations.periodEnd), asc(observations.periodStart), asc(observations.id));
  return rows.map(toObservation);
}

/** The conditions of a filter, for this query and for others over the same figures (db/observationsPage.ts). */
export function observationConditions(filter: ObservationFilter): SQL[] {
  const where: SQL[] = [];
  if (filter.states) where.push(inArray(observations.approvalState, [...filter.states]));
  if (filter.draftRegions) where.push(draftScope(filter.draftRegions));
  if (filter.ids) where.push(inArray(observations.id, [...filter.ids]));
  if (filter.indicatorCodes) where.push(inArray(observations.indicatorCode, [...filter.indicatorCodes]));
  if (filter.regionCodes) where.push(inArray(observations.regionCode, [...filter.regionCodes]));
  if (filter.periodCodes) where.push(inArray(observations.periodCode, [...filter.periodCodes]));
  if (filter.from !== undefined) where.push(sql`${observations.periodStart} >= ${filter.from}`);
  if (filter.to !== undefined) where.push(sql`${observations.periodEnd} <= ${filter.to}`);
  return where;
}

/** Approved figures anywhere; others only in `regions`. */
export function draftScope(regions: readonly string[]): SQL {
  return regions.length === 0
    ? sql`${observations.approvalState} = 'approved'`
    : sql`(${observations.approvalState} = 'approved' or ${inArray(observations.regionCode, [...regions])})`;
}

export async function getObservation(db: Db, id: number): Promise<Observation | null> {
  return (await listObservations(db, { ids: [id] }))[0] ?? null;
}

type Row = { o: typeof observations.$inferSelect; enteredBy: string | null; submittedBy: string | null; decidedBy: string | null; supersededBy: number | null };

function toObservation({ o: r, supersededBy, ...who }: Row): Observation {
  return {
    id: r.id,
    indicatorCode: r.indicatorCode,
    regionCode: r.regionCode,
    periodCode: r.periodCode,
    // NOT NULL columns: a null here would mean a broken row, which numericToNumber reports as NaN rather than 0.
    value: numericToNumber(r.value) ?? Number.NaN,
    unit: r.unit,
    valueStd: numericToNumber(r.valueStd) ?? Number.NaN,
    priceBasis: r.priceBasis as PriceBasis | null,
    status: r.status as ObservationStatus,
    sourceKind: r.sourceKind as SourceKind,
    source: { publication: r.sourcePublication, publisher: r.sourcePublisher, link: r.sourceLink, readAt: r.sourceReadAt },
    precision: r.precision as Precision,
    quote: r.quote,
    notes: r.notes,
    publishedDate: r.publishedDate,
    publishedDateEstimated: r.publishedDateEstimated,
    enteredAt: r.enteredAt.toISOString(),
    origin: r.origin,
    supersededBy,
    derivation: null,
    approval: {
      state: r.approvalState as ApprovalState,
      version: r.approvalVersion,
      enteredBy: who.enteredBy,
      submittedBy: who.submittedBy,
      submittedAt: r.submittedAt?.toISOString() ?? null,
      decidedBy: who.decidedBy,
      decidedAt: r.decidedAt?.toISOString() ?? null,
      comment: r.decisionComment,
      corrects: r.corrects,
    },
  };
}

/**
 * After a bundled data file is imported again in a new edition (its rows re-described: publication split from where
 * it was read, precision, dates), each record of an earlier edition whose row (file and line) now holds the same
 * cell and value under a new fingerprint is superseded by the new record — recorded, never updated (the table is
 * append-only). Returns how many records were superseded.
 */
export async function supersedeRedescribed(db: Db, batchId: number): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    db,
    sql`with linked as (
      insert into ${figureSupersessions} (superseded_id, superseded_by, reason)
      select distinct on (old.id) old.id, new.id, 'redescribed by a new edition of the same file'
      from ${observations} new
      join ${observations} old on old.origin = new.origin and old.import_batch_id <> new.import_batch_id
        and old.indicator_code = new.indicator_code and old.region_code = new.region_code
        and old.period_code = new.period_code and old.value_std = new.value_std and old.fingerprint <> new.fingerprint
      where new.import_batch_id = ${batchId}
        and not exists (select 1 from ${figureSupersessions} s where s.superseded_id = old.id)
      order by old.id, new.id
      on conflict do nothing returning 1)
    select count(*)::int as n from linked`,
  );
  return rows[0]?.n ?? 0;
}
