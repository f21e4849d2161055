/**
 * Both database drivers for the same tests: embedded PGlite (in memory) and a real PostgreSQL server given by
 * TEST_DATABASE_URL (scripts/test.sh starts one). Each call makes a fresh, empty database.
 * Under CI a missing server is an error, never a skip.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/client';

export const serverUrl = process.env.TEST_DATABASE_URL;
if (!serverUrl && process.env.CI) {
  throw new Error('TEST_DATABASE_URL is not set: under CI the PostgreSQL tests must run (use `npm test`, which starts a server)');
}

export interface DriverCase {
  name: 'pglite' | 'postgres';
  open(): Promise<Database>;
}

async function freshPostgres(url: string): Promise<Database> {
  const name = `pm_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openDatabase({ driver: 'postgres', url: u.toString() });
  return {
    ...database,
    async close() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

export const drivers: DriverCase[] = [
  { name: 'pglite', open: () => openDatabase({ driver: 'pglite', dataDir: null }) },
  ...(serverUrl ? [{ name: 'postgres' as const, open: () => freshPostgres(serverUrl) }] : []),
];

/**
 * A fresh database on the test server, owned by a new role that is not a superuser — it may not switch row triggers
 * off (session_replication_role), so an import takes its foreign-key-trigger path. `use` gets it opened (not yet
 * migrated); the database and the role are dropped afterwards.
 */
export async function withUnprivilegedDatabase<T>(url: string, prefix: string, use: (database: Database) => Promise<T>): Promise<T> {
  const suffix = randomBytes(5).toString('hex');
  const dbName = `pm_test_${prefix}_${suffix}`;
  const role = `pm_test_${prefix}_role_${suffix}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create database ${dbName}`);
    await admin.query(`create role ${role} login password 'x'`);
    await admin.query(`alter database ${dbName} owner to ${role}`);
    const asRole = new URL(url);
    asRole.pathname = `/${dbName}`;
    asRole.username = role;
    asRole.password = 'x';
    const database = await openDatabase({ driver: 'postgres', url: asRole.toString() });
    try {
      return await use(database);
    } finally {
      await database.close();
    }
  } finally {
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.query(`drop role if exists ${role}`);
    await admin.end();
  }
}
