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
import type { ObservationStatus, PriceBasis, SourceKind } from '../domain/observation/terms';
import type { Db } from './client';
import { numericToNumber } from './numeric';
import { queryRows } from './raw';
import { importBatches, indicators, observations, users } from './schema';

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
    source_kind text not null, source_publication text not null, source_publisher text, source_link text,
    quote text, notes text, published_date date not null, published_date_estimated boolean not null, origin text not null
  ) on commit drop`);
}

/**
 * Stages a batch with one statement and one parameter: the rows as a JSON array, expanded by
 * json_populate_recordset into the staging table's own column types. Same SQL on PGlite and on a server.
 */
export async function stageRows(db: Db, rows: readonly StagedRow[]): Promise<void> {
  if (rows.length === 0) return;
  const json = JSON.stringify(
    rows.map(({ row, fingerprint, origin, draft: d }) => {
      const { start, end } = monthRange(d.period);
      return {
        row, fingerprint, origin, indicator_code: d.indicatorCode, region_code: d.regionCode, period_code: d.periodCode,
        period_type: d.period.type, period_start: start.year * 100 + start.month, period_end: end.year * 100 + end.month,
        value: String(d.value), unit: d.unit, value_std: String(d.valueStd), price_basis: d.priceBasis, status: d.status,
        source_kind: d.sourceKind, source_publication: d.source.publication, source_publisher: d.source.publisher,
        source_link: d.source.link, quote: d.quote, notes: d.notes, published_date: d.publishedDate,
        published_date_estimated: d.publishedDateEstimated,
      };
    }),
  );
  await db.execute(sql`insert into import_staging select * from json_populate_recordset(null::import_staging, ${json}::json)`);
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
  const counts = await queryRows<{ kind: StagedClass; n: number }>(db, sql`select kind, count(*)::int as n from (${classified}) c group by kind`);
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

/** Writes the staged figures not yet stored; returns how many were added. */
export async function commitStaged(db: Db, batchId: number, approval: CommitApproval): Promise<number> {
  const decidedBy = approval.state === 'approved' ? approval.userId : null;
  const decidedAt = approval.state === 'approved' ? sql`now()` : sql`null::timestamptz`;
  const rows = await queryRows<{ n: number }>(
    db,
    sql`with added as (
      insert into ${observations} (indicator_code, region_code, period_code, period_type, period_start, period_end, value, unit, value_std,
        price_basis, status, source_kind, source_publication, source_publisher, source_link, quote, notes, published_date,
        published_date_estimated, import_batch_id, origin, fingerprint, approval_state, entered_by, decided_by, decided_at)
      select indicator_code, region_code, period_code, period_type, period_start, period_end, value, unit, value_std,
        price_basis, status, source_kind, source_publication, source_publisher, source_link, quote, notes, published_date,
        published_date_estimated, ${batchId}, origin, fingerprint, ${approval.state}, ${approval.userId}::integer, ${decidedBy}::integer, ${decidedAt}
      from import_staging
      -- In fingerprint order the unique index grows mostly at its right edge instead of at a million random places.
      order by fingerprint
      on conflict (fingerprint) do nothing returning 1)
    select count(*)::int as n from added`,
  );
  return rows[0]?.n ?? 0;
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
  ids?: readonly number[];
}

const enteredBy = alias(users, 'entered_by_user');
const submittedBy = alias(users, 'submitted_by_user');
const decidedBy = alias(users, 'decided_by_user');

export async function listObservations(db: Db, filter: ObservationFilter = {}): Promise<Observation[]> {
  const where: SQL[] = [];
  if (filter.states) where.push(inArray(observations.approvalState, [...filter.states]));
  if (filter.ids) where.push(inArray(observations.id, [...filter.ids]));
  if (filter.indicatorCodes) where.push(inArray(observations.indicatorCode, [...filter.indicatorCodes]));
  if (filter.regionCodes) where.push(inArray(observations.regionCode, [...filter.regionCodes]));
  if (filter.periodCodes) where.push(inArray(observations.periodCode, [...filter.periodCodes]));
  if (filter.from !== undefined) where.push(sql`${observations.periodStart} >= ${filter.from}`);
  if (filter.to !== undefined) where.push(sql`${observations.periodEnd} <= ${filter.to}`);
  const rows = await db
    .select({ o: observations, enteredBy: enteredBy.username, submittedBy: submittedBy.username, decidedBy: decidedBy.username })
    .from(observations)
    .leftJoin(enteredBy, eq(enteredBy.id, observations.enteredBy))
    .leftJoin(submittedBy, eq(submittedBy.id, observations.submittedBy))
    .leftJoin(decidedBy, eq(decidedBy.id, observations.decidedBy))
    .where(where.length > 0 ? and(...where) : undefined)
    .orderBy(asc(observations.indicatorCode), asc(observations.regionCode), asc(observations.periodEnd), asc(observations.periodStart), asc(observations.id));
  return rows.map(toObservation);
}

export async function getObservation(db: Db, id: number): Promise<Observation | null> {
  return (await listObservations(db, { ids: [id] }))[0] ?? null;
}

type Row = { o: typeof observations.$inferSelect; enteredBy: string | null; submittedBy: string | null; decidedBy: string | null };

function toObservation({ o: r, ...who }: Row): Observation {
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
    source: { publication: r.sourcePublication, publisher: r.sourcePublisher, link: r.sourceLink },
    quote: r.quote,
    notes: r.notes,
    publishedDate: r.publishedDate,
    publishedDateEstimated: r.publishedDateEstimated,
    enteredAt: r.enteredAt.toISOString(),
    origin: r.origin,
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
