/**
 * The data version (drizzle/0015_data_changes.sql, src/db/dataVersion.ts) on both drivers: it moves when a
 * transaction that changed a watched table commits — also an import with row triggers off — and at no other time
 * (reads, a rollback, a sign-in's session row, compaction); on a server it moves exactly at the commit, and two
 * writers do not wait for each other on it. Every table is watched except the four written by sign-ins and reads.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client';
import { compactDataChanges, dataVersion, figureVersion } from '../src/db/dataVersion';
import { queryRows } from '../src/db/raw';
import { drivers } from './support/databases';

const UNWATCHED = ['api_tokens', 'audit_log', 'data_changes', 'login_failures', 'sessions'];

/** A fresh, migrated database for the describe block that calls it, and its data version. */
function migrated(open: () => Promise<Database>) {
  const at: { database?: Database } = {};
  beforeAll(async () => {
    at.database = await open();
    await at.database.migrate();
  }, 120_000);
  afterAll(async () => {
    await at.database?.close();
  });
  const db = () => {
    if (!at.database) throw new Error('the database is opened in beforeAll');
    return at.database;
  };
  return { db, version: async () => BigInt(await dataVersion(db().db)) };
}

describe.each(drivers)('the data version on $name', ({ open }) => {
  const { db, version } = migrated(open);
  const addUnit = (code: string) => db().db.execute(sql`insert into units (code, name_zh, name_en, kind) values (${code}, ${code}, ${code}, 'department')`);

  it('watches every table but the audit log, sessions, sign-in failures, API tokens and itself', async () => {
    const tables = await queryRows<{ table: string; watched: boolean; always: boolean }>(
      db().db,
      sql`select c.relname as table,
                 exists (select 1 from pg_trigger t where t.tgrelid = c.oid and t.tgname = 'data_changed') as watched,
                 exists (select 1 from pg_trigger t where t.tgrelid = c.oid and t.tgname = 'data_changed' and t.tgenabled = 'A') as always
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition order by 1`,
    );
    expect(tables.length).toBeGreaterThan(40);
    const unwatched = tables.filter((t) => !t.watched).map((t) => t.table);
    expect(unwatched).toEqual(UNWATCHED);
    // ALWAYS: an import that turns row triggers off (session_replication_role = replica) still moves the version.
    expect(tables.filter((t) => t.watched && !t.always)).toEqual([]);
  });

  it('moves by one per writing transaction, not for reads, a rollback or an unwatched table', async () => {
    const v0 = await version();
    await db().db.execute(sql`select count(*) from observations`);
    expect(await version()).toBe(v0);
    await addUnit('dv-1');
    expect(await version()).toBe(v0 + 1n);
    // Three statements in one transaction: one step.
    await db().db.transaction(async (tx) => {
      await tx.execute(sql`insert into units (code, name_zh, name_en, kind) values ('dv-2', 'dv-2', 'dv-2', 'department')`);
      await tx.execute(sql`update units set name_zh = 'dv-2b' where code = 'dv-2'`);
      await tx.execute(sql`delete from units where code = 'dv-1'`);
    });
    expect(await version()).toBe(v0 + 2n);
    await expect(
      db().db.transaction(async (tx) => {
        await tx.execute(sql`insert into units (code, name_zh, name_en, kind) values ('dv-3', 'dv-3', 'dv-3', 'department')`);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await version()).toBe(v0 + 2n);
    await db().db.execute(sql`insert into login_failures (username, client_address) values ('dv', '127.0.0.1')`);
    expect(await version()).toBe(v0 + 2n);
  });

  it('moves when row triggers are off for an import (session_replication_role = replica)', async () => {
    const v0 = await version();
    const allowed = await db().db
      .transaction(async (tx) => {
        await tx.execute(sql`set local session_replication_role = replica`);
        await tx.execute(sql`insert into units (code, name_zh, name_en, kind) values ('dv-replica', 'dv-replica', 'dv-replica', 'department')`);
      })
      .then(() => true)
      // A role without the right to set it cannot import that way either; nothing to check then.
      .catch(() => false);
    expect(await version()).toBe(allowed ? v0 + 1n : v0);
  });

  it('keeps its value through compaction, however many rows it folds', async () => {
    for (let i = 0; i < 5; i++) await addUnit(`dv-c${i}`);
    const before = await version();
    await compactDataChanges(db().db);
    const [rows] = await queryRows<{ n: number }>(db().db, sql`select count(*)::int as n from data_changes`);
    expect(rows?.n).toBe(1);
    expect(await version()).toBe(before);
    await compactDataChanges(db().db);
    expect(await version()).toBe(before);
    await addUnit('dv-after');
    expect(await version()).toBe(before + 1n);
  });

  // A statement trigger fires for a statement that touches no row too: `where false` writes nothing and still counts.
  const touchFigures = (db: { execute: Database['db']['execute'] }) => db.execute(sql`update observations set value_std = value_std where false`);
  const figures = async () => BigInt((await figureVersion(db().db)) ?? Number.NaN);

  it('has a figure version that moves only with the figures and their supersessions', async () => {
    const f0 = await figures();
    const v0 = await version();
    await addUnit('fv-unit');
    // Any data moves the data version; only figures move the figure version.
    expect([await version(), await figures()]).toEqual([v0 + 1n, f0]);
    await db().db.transaction(async (tx) => {
      await touchFigures(tx);
      await tx.execute(sql`insert into units (code, name_zh, name_en, kind) values ('fv-2', 'fv-2', 'fv-2', 'department')`);
      await touchFigures(tx);
    });
    expect([await version(), await figures()]).toEqual([v0 + 2n, f0 + 1n]);
    await db().db.execute(sql`delete from figure_supersessions where false`);
    expect([await version(), await figures()]).toEqual([v0 + 3n, f0 + 2n]);
    await expect(
      db().db.transaction(async (tx) => {
        await touchFigures(tx);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect([await version(), await figures()]).toEqual([v0 + 3n, f0 + 2n]);
    await compactDataChanges(db().db);
    expect([await version(), await figures()]).toEqual([v0 + 3n, f0 + 2n]);
    const triggers = await queryRows<{ table: string; always: boolean }>(
      db().db,
      sql`select c.relname as table, t.tgenabled = 'A' as always from pg_trigger t join pg_class c on c.oid = t.tgrelid where t.tgname = 'figures_changed' order by 1`,
    );
    expect(triggers).toEqual([{ table: 'figure_supersessions', always: true }, { table: 'observations', always: true }]);
  });

  it('has no figure version to keep a read under inside a transaction that changed figures', async () => {
    const seen: Array<string | null> = [];
    await db().db.transaction(async (tx) => {
      await tx.execute(sql`insert into units (code, name_zh, name_en, kind) values ('fv-3', 'fv-3', 'fv-3', 'department')`);
      seen.push(await figureVersion(tx));
      await touchFigures(tx);
      seen.push(await figureVersion(tx));
    });
    // Before its own figure change the transaction reads the committed version; after it, none: a rollback
    // could bring the number back with other figures behind it.
    expect(seen[0]).toMatch(/^\d+$/);
    expect(seen[1]).toBeNull();
    expect(await figureVersion(db().db)).toBe(String(BigInt(seen[0] ?? 'NaN') + 1n));
  });
});

// A server runs transactions side by side (PGlite runs one at a time): only there can one commit while another is open.
describe.each(drivers.filter((d) => d.name === 'postgres'))('the data version between sessions on $name', ({ open }) => {
  const { db, version } = migrated(open);

  it('moves exactly when a writer commits, and writers do not wait for each other on it', async () => {
    const v0 = await version();
    let insideA = 0n;
    await db().db.transaction(async (a) => {
      await a.execute(sql`insert into units (code, name_zh, name_en, kind) values ('dv-a', 'dv-a', 'dv-a', 'department')`);
      // A second writer on another connection commits while A is open: not blocked by A's version row.
      await db().db.transaction(async (b) => {
        await b.execute(sql`insert into units (code, name_zh, name_en, kind) values ('dv-b', 'dv-b', 'dv-b', 'department')`);
      });
      // Others see B's commit, not A's uncommitted change.
      insideA = await version();
    });
    expect(insideA).toBe(v0 + 1n);
    expect(await version()).toBe(v0 + 2n);
  });
});
