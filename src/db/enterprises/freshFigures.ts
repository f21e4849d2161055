/**
 * The SQL of a fresh enterprise import (figures of series nothing is stored in yet): the registry read once into
 * memory, one query saying whether anything is stored where the file writes, the reference rows locked, the rows
 * copied straight into enterprise_figures. No staging table: the checks were all made in Node.
 */
import { sql } from 'drizzle-orm';
import type { DatabaseTarget, Db } from '../client';
import { copyChunks, copyFields, copyOut } from '../copy';
import { queryRows } from '../raw';

/** Who an enterprise was from month `from` (year*100+month; 0 for its earliest version: it covers every month before). */
export interface RegistryRange {
  from: number;
  regionCode: string;
  industryCode: string;
  aboveDesignatedSize: boolean;
}

/**
 * The whole registry as ranges by enterprise (the last version recorded within a month stands for the month), in
 * month order: what buildRegistryRanges makes per import in SQL, read with one COPY (≈ 33,000 versions: 2 MB).
 */
export async function registryRanges(db: Db, driver: DatabaseTarget['driver']): Promise<Map<string, RegistryRange[]>> {
  const text = await copyOut(
    db,
    driver,
    `select uscc, m, region_code, industry_code, above_designated_size from (
       select distinct on (uscc, m) uscc, extract(year from valid_from)::int * 100 + extract(month from valid_from)::int as m,
         region_code, industry_code, above_designated_size
       from enterprise_versions order by uscc, m, valid_from desc, id desc) v order by uscc, m`,
  );
  const out = new Map<string, RegistryRange[]>();
  copyFields(text, (f) => {
    const [uscc, m, regionCode, industryCode, above] = f;
    if (!uscc || !m || !regionCode || !industryCode) return;
    let list = out.get(uscc);
    if (!list) out.set(uscc, (list = []));
    list.push({ from: list.length === 0 ? 0 : Number(m), regionCode, industryCode, aboveDesignatedSize: above === 't' });
  });
  return out;
}

/** The range in force for a figure ending in month `periodEnd` (ranges in month order, the first from 0). */
export function rangeInForce(ranges: readonly RegistryRange[], periodEnd: number): RegistryRange | undefined {
  let found = ranges[0];
  for (let i = 1; i < ranges.length; i++) {
    const r = ranges[i];
    if (!r || r.from > periodEnd) break;
    found = r;
  }
  return found;
}

/**
 * Whether any figure is stored for these enterprises with a period ending within [fromEnd, toEnd] (the years the file
 * writes, whole): one index probe per enterprise, none at all when those years hold nothing yet.
 */
export async function figuresStoredFor(db: Db, usccs: readonly string[], fromEnd: number, toEnd: number): Promise<boolean> {
  const any = await queryRows<{ any: boolean }>(db, sql`select exists (select 1 from enterprise_figures where period_end between ${fromEnd} and ${toEnd}) as any`);
  if (!any[0]?.any) return false;
  const rows = await queryRows<{ any: boolean }>(
    db,
    sql`select exists (select 1 from enterprise_figures f where f.uscc in (select value from json_array_elements_text(${JSON.stringify(usccs)}::json))
      and f.period_end between ${fromEnd} and ${toEnd}) as any`,
  );
  return rows[0]?.any === true;
}

/**
 * Locks FOR KEY SHARE the reference rows the figures will point at — what each foreign-key trigger would do, once
 * for the set — and checks that every one exists: with row triggers off (session_replication_role = replica) this is
 * the foreign-key check. Enterprises need no lock: a trigger forbids deleting them, and the ranges were read under
 * the import lock.
 */
export async function lockFreshReferences(db: Db, refs: { items: readonly string[]; regions: readonly string[]; industries: readonly string[] }): Promise<void> {
  for (const [table, codes] of [['enterprise_items', refs.items], ['regions', refs.regions], ['industries', refs.industries]] as const) {
    const rows = await queryRows<{ code: string }>(
      db,
      sql`select code from ${sql.raw(table)} where code in (select value from json_array_elements_text(${JSON.stringify(codes)}::json)) for key share`,
    );
    if (rows.length !== new Set(codes).size) {
      const found = new Set(rows.map((r) => r.code));
      throw new Error(`${table} lacks ${codes.filter((c) => !found.has(c)).join(', ')}: the figures would break its foreign key`);
    }
  }
}

export const FIGURE_COLUMNS = [
  'period_end', 'item_code', 'period_start', 'uscc', 'revision', 'region_code', 'period_code', 'value', 'industry_code', 'above_designated_size', 'import_batch_id',
] as const;

/** The year partitions a fresh import writes, made if missing; returns their names. */
export async function figurePartitions(db: Db, years: readonly number[]): Promise<string[]> {
  const names: string[] = [];
  for (const y of years) {
    const rows = await queryRows<{ name: string }>(db, sql`select enterprise_figures_partition(${y}) as name`);
    if (rows[0]) names.push(rows[0].name);
  }
  return names;
}

/** Streams finished figure rows (COPY text, FIGURE_COLUMNS) into enterprise_figures. */
export async function copyFigures(db: Db, driver: DatabaseTarget['driver'], chunks: Iterable<string>): Promise<void> {
  await copyChunks(db, driver, 'enterprise_figures', FIGURE_COLUMNS, chunks);
}

/** Fresh statistics for the partitions written (see commitFigures). */
export async function analyzePartitions(db: Db, names: readonly string[]): Promise<void> {
  for (const n of names) await db.execute(sql.raw(`analyze "${n.replace(/"/g, '')}"`));
}
