/**
 * The enterprise import's SQL: figures checked in TypeScript are staged with COPY into a temporary table inside the
 * import's transaction, then checked against each other and against what is stored (duplicates, enterprises not in
 * the registry, cumulative values that fall), classified (new / revised / unchanged) and committed — all set-based,
 * so a million figures are hash joins, not a million lookups.
 */
import { sql } from 'drizzle-orm';
import type { DatabaseTarget, Db } from '../client';
import { copyInto, copyLine } from '../copy';
import { queryRows } from '../raw';
import { reportPeriodLabel } from '../../domain/enterprise/reportPeriod';
import type { BufferedFigure } from '../../domain/enterprise/figureBuffer';

/**
 * Memory for the import's sorts and hash joins on a PostgreSQL server, for this transaction only. With the default
 * (4 MB) the commit's sort of a million staged figures into key order and the joins against the registry ranges
 * spill to temporary files; imports run one at a time (lockImports), so one import's 256 MB is bounded. PGlite keeps
 * its default: its memory is the embedding process's.
 */
export const IMPORT_WORK_MEM = '256MB';

export async function sizeImportMemory(db: Db, driver: DatabaseTarget['driver']): Promise<void> {
  if (driver === 'postgres') await db.execute(sql.raw(`set local work_mem = '${IMPORT_WORK_MEM}'`));
}

export async function createFigureStaging(db: Db): Promise<void> {
  await db.execute(sql`create temporary table enterprise_staging (
    row integer not null, col integer not null, uscc text not null, item_code text not null, period_code text not null,
    period_start integer not null, period_end integer not null, value numeric not null
  ) on commit drop`);
}

/** A figure of the file as staged: the buffer's own shape (row and column of the file for the errors). */
export type StagedFigure = BufferedFigure;

const STAGING_COLUMNS = ['row', 'col', 'uscc', 'item_code', 'period_code', 'period_start', 'period_end', 'value'] as const;

export const figureStagingLine = (f: StagedFigure): string => copyLine([f.row, f.col, f.uscc, f.itemCode, f.periodCode, f.periodStart, f.periodEnd, String(f.value)]);

export async function stageFigureLines(db: Db, driver: DatabaseTarget['driver'], lines: string): Promise<void> {
  await copyInto(db, driver, 'enterprise_staging', STAGING_COLUMNS, lines);
}

/** A problem found in SQL, on a staged figure (its file row and the column its value came from). */
export interface StagedProblem {
  row: number;
  col: number;
  reason: string;
}

/**
 * The registry in force for each staged enterprise by month: from_m ≤ period_end < to_m (year*100+month; the
 * earliest version also covers every month before it). Made once per import, joined by the checks and the commit.
 */
export async function buildRegistryRanges(db: Db): Promise<void> {
  await db.execute(sql`create temporary table enterprise_ranges on commit drop as
    with v as (
      select distinct on (uscc, m) uscc, m, region_code, industry_code, above_designated_size
      from (select v.*, extract(year from v.valid_from)::int * 100 + extract(month from v.valid_from)::int as m
            from enterprise_versions v where v.uscc in (select distinct uscc from enterprise_staging)) x
      order by uscc, m, valid_from desc, id desc)
    select uscc, case when row_number() over w = 1 then 0 else m end as from_m, coalesce(lead(m) over w, 999999) as to_m,
      region_code, industry_code, above_designated_size
    from v window w as (partition by uscc order by m)`);
}

/** Figures of enterprises the registry does not know (after this file's own registry rows were applied). */
export async function figuresOfUnknownEnterprises(db: Db, limit: number): Promise<{ problems: StagedProblem[]; rows: number[] }> {
  const rows = await queryRows<{ row: number; col: number; uscc: string }>(
    db,
    sql`select s.row, s.col, s.uscc from enterprise_staging s where not exists (select 1 from enterprise_ranges r where r.uscc = s.uscc) order by s.row, s.col`,
  );
  return {
    rows: rows.map((r) => r.row),
    problems: rows.slice(0, limit).map((r) => ({ row: r.row, col: r.col, reason: `enterprise ${r.uscc} is not in the registry: import its 名录 row first, or give 单位名称, 行业代码, 区划代码 and 规模以上 in this file (名录库中无此企业)` })),
  };
}

/**
 * Cumulative 1–N月 values of a non-decreasing item (enterprises/items.yaml) that fall against what is stored: a
 * staged value below a stored earlier month, or above a stored later month, of the same enterprise, item and year (a
 * staged value replaces the stored one of its own period). Falls within the file are found before (FileSeries).
 * Only series that have stored figures are sorted, so a file of new enterprises or a new year costs one lookup pass.
 */
export async function fallingAgainstStored(db: Db): Promise<StagedProblem[]> {
  const rows = await queryRows<{ row: number; col: number; code: string; value: string; otherCode: string; otherValue: string; later: boolean }>(
    db,
    sql`with items as (select code from enterprise_items where cumulative_non_decreasing),
      staged as (select s.* from enterprise_staging s where s.period_start % 100 = 1 and s.item_code in (select code from items)),
      series as (select distinct uscc, item_code, period_start from staged),
      stored as (
        select null::integer as row, null::integer as col, f.uscc, f.item_code, f.period_code, f.period_start, f.period_end, f.value
        from enterprise_figures f join series k on k.uscc = f.uscc and k.item_code = f.item_code and k.period_start = f.period_start
        where f.superseded_at is null and f.period_end between (select min(period_start) from series) and (select max(period_start) + 11 from series)
          and not exists (select 1 from staged s where s.uscc = f.uscc and s.item_code = f.item_code and s.period_start = f.period_start and s.period_end = f.period_end)),
      touched as (select distinct uscc, item_code, period_start from stored),
      merged as (
        select s.row, s.col, s.uscc, s.item_code, s.period_code, s.period_start, s.period_end, s.value from staged s
          join touched t on t.uscc = s.uscc and t.item_code = s.item_code and t.period_start = s.period_start
        union all select * from stored),
      paired as (
        select m.*, lag(row) over w as prev_row, lag(col) over w as prev_col, lag(period_code) over w as prev_code, lag(value) over w as prev_value
        from merged m window w as (partition by uscc, item_code, period_start order by period_end))
      select coalesce(row, prev_row) as row, coalesce(col, prev_col) as col,
        case when row is not null then period_code else prev_code end as code, case when row is not null then value else prev_value end::text as value,
        case when row is not null then prev_code else period_code end as "otherCode", case when row is not null then prev_value else value end::text as "otherValue",
        row is not null as later
      from paired where value < prev_value and ((row is not null and prev_row is null) or (row is null and prev_row is not null))
      order by 1, 2`,
  );
  return rows.map((r) => ({
    row: r.row,
    col: r.col,
    reason: r.later
      ? `${reportPeriodLabel(r.code)} ${r.value} is less than ${reportPeriodLabel(r.otherCode)} ${r.otherValue} stored: a cumulative 1–N月 value cannot fall (累计值不应减少)`
      : `${reportPeriodLabel(r.code)} ${r.value} is more than the later ${reportPeriodLabel(r.otherCode)} ${r.otherValue} stored: a cumulative 1–N月 value cannot fall (累计值不应减少)`,
  }));
}

/** Drops staged figures of rejected rows (every figure of a row goes when any cell of it is wrong). */
export async function dropStagedRows(db: Db, rows: readonly number[]): Promise<void> {
  if (rows.length === 0) return;
  await db.execute(sql`delete from enterprise_staging where row in (select value::int from json_array_elements_text(${JSON.stringify([...new Set(rows)])}::json))`);
}

export interface FigureCounts {
  new: number;
  revised: number;
  unchanged: number;
}

/** How the staged figures relate to the stored ones: not there (new), there with another value (revised), the same. */
export async function classifyFigures(db: Db): Promise<FigureCounts> {
  const rows = await queryRows<{ new: number; revised: number; unchanged: number }>(
    db,
    sql`select count(*) filter (where f.uscc is null)::int as new, count(*) filter (where f.value <> s.value)::int as revised,
        count(*) filter (where f.value = s.value)::int as unchanged
      from enterprise_staging s left join enterprise_figures f on f.period_end = s.period_end and f.item_code = s.item_code
        and f.period_start = s.period_start and f.uscc = s.uscc and f.superseded_at is null`,
  );
  return rows[0] ?? { new: 0, revised: 0, unchanged: 0 };
}

/**
 * Commits the staged figures: the year partitions they need, the stored figures they revise marked superseded
 * (never changed otherwise), and the new rows (revision + 1 over what they replace) with the enterprise's region,
 * industry and 规模以上 flag in force for their period. Inserted in primary-key order, so the index grows at its edge.
 */
export async function commitFigures(db: Db, batchId: number, storedOverlap: boolean): Promise<number> {
  const partitions = await queryRows<{ name: string }>(db, sql`select enterprise_figures_partition(y) as name from (select distinct period_end / 100 as y from enterprise_staging) x`);
  // A file of figures none of which is stored yet (classification said so) needs no supersession and no look-ups.
  if (storedOverlap) {
    await db.execute(sql`update enterprise_figures f set superseded_at = now() from enterprise_staging s
      where f.period_end = s.period_end and f.item_code = s.item_code and f.period_start = s.period_start and f.uscc = s.uscc
        and f.superseded_at is null and f.value <> s.value`);
  }
  const previous = storedOverlap
    ? sql`left join enterprise_figures p on p.period_end = s.period_end and p.item_code = s.item_code and p.period_start = s.period_start and p.uscc = s.uscc
        and p.superseded_at = now()
      where not exists (select 1 from enterprise_figures u where u.period_end = s.period_end and u.item_code = s.item_code
        and u.period_start = s.period_start and u.uscc = s.uscc and u.superseded_at is null)`
    : sql`left join (select null::smallint as revision) p on false`;
  const added = await queryRows<{ n: number }>(
    db,
    sql`with added as (
      insert into enterprise_figures (period_end, item_code, period_start, uscc, revision, region_code, period_code, value, industry_code, above_designated_size, import_batch_id)
      select s.period_end, s.item_code, s.period_start, s.uscc, coalesce(p.revision, 0) + 1, r.region_code, s.period_code, s.value, r.industry_code, r.above_designated_size, ${batchId}
      from enterprise_staging s
      join enterprise_ranges r on r.uscc = s.uscc and s.period_end >= r.from_m and s.period_end < r.to_m
      ${previous}
      order by s.period_end, s.item_code, s.period_start, s.uscc
      returning 1)
    select count(*)::int as n from added`,
  );
  // Fresh statistics for the partitions written: a bulk load leaves the planner guessing (it took a join of two
  // periods for a nested loop over 100,000 × 100,000 rows) until autovacuum comes round.
  for (const p of partitions) await db.execute(sql.raw(`analyze "${p.name.replace(/"/g, '')}"`));
  return added[0]?.n ?? 0;
}

/**
 * Locks FOR KEY SHARE the reference rows the staged figures will point at (items, and the regions and industries of
 * their registry versions), the lock each foreign-key trigger would take, so none can go while the import runs with
 * row triggers off. Enterprises need none: a trigger forbids deleting them.
 */
export async function lockFigureReferences(db: Db): Promise<void> {
  await db.execute(sql`select 1 from enterprise_items where code in (select distinct item_code from enterprise_staging) for key share`);
  await db.execute(sql`select 1 from regions where code in (select distinct region_code from enterprise_ranges) for key share`);
  await db.execute(sql`select 1 from industries where code in (select distinct industry_code from enterprise_ranges) for key share`);
}
