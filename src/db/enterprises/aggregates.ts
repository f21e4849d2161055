/**
 * The aggregates' reads: class × region cells of one item and period (current revisions only), and the 可比口径 sums
 * of the enterprises reporting in both that period and the same period a year earlier. One index range scan of one
 * partition each (the primary key leads with period and item).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { BaseCell, ComparableBase } from '../../domain/enterprise/cube';
import type { Db } from '../client';
import { queryRows } from '../raw';

export interface CellQuery {
  itemCode: string;
  periodStart: number;
  periodEnd: number;
  /** 规模以上 enterprises only (the flag as it stood for the period). */
  aboveDesignatedSize: boolean;
}

const filter = (alias: SQL, q: CellQuery): SQL =>
  sql`${alias}.period_end = ${q.periodEnd} and ${alias}.item_code = ${q.itemCode} and ${alias}.period_start = ${q.periodStart} and ${alias}.superseded_at is null
    ${q.aboveDesignatedSize ? sql`and ${alias}.above_designated_size` : sql``}`;

export async function baseCells(db: Db, q: CellQuery): Promise<BaseCell[]> {
  const rows = await queryRows<{ industryCode: string; regionCode: string; total: number; count: number; max: number; absTotal: number }>(
    db,
    sql`select f.industry_code as "industryCode", f.region_code as "regionCode", sum(f.value)::float8 as total, count(*)::int as count,
        max(abs(f.value))::float8 as max, sum(abs(f.value))::float8 as "absTotal"
      from enterprise_figures f where ${filter(sql`f`, q)} group by f.industry_code, f.region_code`,
  );
  return rows;
}

/** 可比口径: each current cell's enterprises that also reported the item for `previous` (wherever they were then). */
export async function comparableCells(db: Db, q: CellQuery, previous: { periodStart: number; periodEnd: number }): Promise<ComparableBase[]> {
  return queryRows<ComparableBase & Record<string, unknown>>(
    db,
    sql`select c.industry_code as "industryCode", c.region_code as "regionCode", sum(c.value)::float8 as current, sum(p.value)::float8 as previous,
        count(*)::int as count, max(abs(c.value))::float8 as "maxCurrent", max(abs(p.value))::float8 as "maxPrevious",
        sum(abs(c.value))::float8 as "absCurrent", sum(abs(p.value))::float8 as "absPrevious"
      from enterprise_figures c join enterprise_figures p on p.uscc = c.uscc
        and p.period_end = ${previous.periodEnd} and p.item_code = ${q.itemCode} and p.period_start = ${previous.periodStart} and p.superseded_at is null
      where ${filter(sql`c`, q)}
      group by c.industry_code, c.region_code`,
  );
}

/** Whether the enterprises behind an item and period include synthetic ones (the result is then labelled so). */
export async function syntheticShare(db: Db, q: CellQuery): Promise<{ synthetic: number; total: number }> {
  const rows = await queryRows<{ synthetic: number; total: number }>(
    db,
    sql`select count(*) filter (where e.synthetic)::int as synthetic, count(*)::int as total
      from enterprise_figures f join enterprises e on e.uscc = f.uscc where ${filter(sql`f`, q)}`,
  );
  return rows[0] ?? { synthetic: 0, total: 0 };
}

/**
 * The periods that have figures of an item, newest first, as (start, end) months. A loose index scan: one index
 * probe per distinct period end and start (a few hundred), not a read of millions of rows.
 */
export async function periodsWithFigures(db: Db, itemCode: string): Promise<Array<{ periodStart: number; periodEnd: number }>> {
  return queryRows(
    db,
    sql`with recursive ends(e) as (
        select max(period_end) from enterprise_figures
        union all
        select (select max(period_end) from enterprise_figures where period_end < ends.e) from ends where ends.e is not null)
      select s.st as "periodStart", ends.e as "periodEnd" from ends cross join lateral (
        with recursive starts(st) as (
          select min(period_start) from enterprise_figures where period_end = ends.e and item_code = ${itemCode}
          union all
          select (select min(period_start) from enterprise_figures where period_end = ends.e and item_code = ${itemCode} and period_start > starts.st)
          from starts where starts.st is not null)
        select st from starts where st is not null) s
      where ends.e is not null
      order by ends.e desc, s.st`,
  );
}

/** The vintage of figures computed from an item and period: the day the newest import holding them was committed. */
export async function figuresVintage(db: Db, q: CellQuery): Promise<string | null> {
  const rows = await queryRows<{ at: string | null }>(
    db,
    sql`select max(b.created_at)::date::text as at from enterprise_import_batches b
      where b.id in (select distinct f.import_batch_id from enterprise_figures f where ${filter(sql`f`, q)})`,
  );
  return rows[0]?.at ?? null;
}
