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
