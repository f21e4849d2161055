/**
 * The enterprise figures' table as the migrations make it, on both databases: declaratively partitioned by period
 * (one partition per year, made on demand, pruned by queries of one period), and shaped for Citus — every unique
 * index holds the distribution column (region_code) and the partition key (period_end), and every foreign key points
 * at a table small enough to be a reference table. (Citus itself is not packaged for this machine; see docs/SCALE.md.)
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client';
import { queryRows } from '../src/db/raw';
import { drivers } from './support/databases';

describe.each(drivers)('enterprise figures schema on $name', ({ open }) => {
  let database: Database;
  beforeAll(async () => {
    database = await open();
    await database.migrate();
  });
  afterAll(async () => database.close());

  it('is partitioned by range of period_end, one partition per year made on demand', async () => {
    const [kind] = await queryRows<{ strategy: string; key: string }>(
      database.db,
      sql`select p.partstrat as strategy, pg_get_partkeydef(p.partrelid) as key from pg_partitioned_table p where p.partrelid = 'enterprise_figures'::regclass`,
    );
    expect(kind).toEqual({ strategy: 'r', key: 'RANGE (period_end)' });
    await database.db.execute(sql`select enterprise_figures_partition(2024), enterprise_figures_partition(2025), enterprise_figures_partition(2024)`);
    const parts = await queryRows<{ name: string; bound: string }>(
      database.db,
      sql`select c.relname as name, pg_get_expr(c.relpartbound, c.oid) as bound from pg_inherits i join pg_class c on c.oid = i.inhrelid
        where i.inhparent = 'enterprise_figures'::regclass order by 1`,
    );
    expect(parts).toEqual([
      { name: 'enterprise_figures_2024', bound: 'FOR VALUES FROM (202401) TO (202501)' },
      { name: 'enterprise_figures_2025', bound: 'FOR VALUES FROM (202501) TO (202601)' },
    ]);
    const plan = (await queryRows<{ 'QUERY PLAN': string }>(database.db, sql`explain select sum(value) from enterprise_figures where period_end = 202509 and item_code = 'REVENUE' and period_start = 202501`)).map((r) => r['QUERY PLAN']).join('\n');
    expect(plan).toContain('enterprise_figures_2025');
    expect(plan).not.toContain('enterprise_figures_2024');
  });

  it('keeps region_code (Citus distribution column) and period_end in every unique index, and points foreign keys at small tables', async () => {
    const unique = await queryRows<{ name: string; columns: string[] }>(
      database.db,
      sql`select i.relname as name, array(select a.attname::text from unnest(x.indkey) k join pg_attribute a on a.attrelid = x.indrelid and a.attnum = k) as columns
        from pg_index x join pg_class i on i.oid = x.indexrelid where x.indrelid = 'enterprise_figures'::regclass and x.indisunique`,
    );
    expect(unique.length).toBeGreaterThan(0);
    for (const u of unique) expect(u.columns, u.name).toEqual(expect.arrayContaining(['region_code', 'period_end']));
    const targets = await queryRows<{ target: string }>(database.db, sql`select distinct confrelid::regclass::text as target from pg_constraint where conrelid = 'enterprise_figures'::regclass and contype = 'f' order by 1`);
    expect(targets.map((t) => t.target)).toEqual(['enterprise_import_batches', 'enterprise_items', 'enterprises', 'industries', 'regions']);
  });
});
