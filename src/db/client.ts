/**
 * Opens the database: embedded PGlite (a folder on disk, or memory for tests) or a PostgreSQL server.
 * Both speak the same SQL and run the same migrations (drizzle/), so nothing above this file knows which one it has.
 */
import { fileURLToPath } from 'node:url';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { lockFolder, type FolderLock } from './folderLock';
import { initialiseFolder } from './initialiseFolder';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseTarget = { driver: 'pglite'; dataDir: string | null } | { driver: 'postgres'; url: string };

/** What a process opening an embedded folder says it is, for the message another opener gets (db/folderLock.ts). */
export interface OpenOptions {
  command?: string;
}

export interface Database {
  db: Db;
  driver: DatabaseTarget['driver'];
  /** Applies any migration not yet applied. Safe to call on every start. */
  migrate(): Promise<void>;
  /**
   * Runs `fn` while holding a PostgreSQL advisory lock, so that two processes starting against the same server
   * migrate and load one after the other. PGlite belongs to one process: nothing to wait for.
   */
  exclusively<T>(name: string, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** The embedded folder's lock, held until close (none in memory or on a server). */
  folderLock?: FolderLock;
}

const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** How this process was started, as a person would type it (`plan-monitor import figures.csv`). */
const commandLine = () => `plan-monitor ${process.argv.slice(2).join(' ')}`.trim();

export async function openDatabase(target: DatabaseTarget, opts: OpenOptions = {}): Promise<Database> {
  // Each driver is loaded only when chosen: the embedded start does not pay for node-postgres, nor a server for WASM.
  if (target.driver === 'pglite') {
    // One process per folder: taken before PGlite touches it, released after PGlite has closed it.
    const folderLock = target.dataDir === null ? undefined : lockFolder(target.dataDir, opts.command ?? commandLine());
    try {
      const [{ PGlite }, { drizzle: drizzlePglite }, { migrate: migratePglite }] = await Promise.all([
        import('@electric-sql/pglite'),
        import('drizzle-orm/pglite'),
        import('drizzle-orm/pglite/migrator'),
      ]);
      if (target.dataDir !== null) await initialiseFolder(target.dataDir);
      const client = target.dataDir === null ? await PGlite.create() : await PGlite.create(target.dataDir);
      const db = drizzlePglite(client, { schema });
      return {
        db,
        driver: 'pglite',
        migrate: () => migratePglite(db, { migrationsFolder }),
        exclusively: (_name, fn) => fn(),
        async close() {
          try {
            await client.close();
          } finally {
            folderLock?.release();
          }
        },
        ...(folderLock ? { folderLock } : {}),
      };
    } catch (e) {
      folderLock?.release();
      throw e;
    }
  }
  const [{ default: pg }, { drizzle: drizzlePg }, { migrate: migratePg }] = await Promise.all([
    import('pg'),
    import('drizzle-orm/node-postgres'),
    import('drizzle-orm/node-postgres/migrator'),
  ]);
  const pool = new pg.Pool({ connectionString: target.url, max: 10 });
  // An idle connection closed by the server (restart, failover, admin) must not bring the process down; the pool
  // drops it and opens a new one on the next query.
  pool.on('error', (e) => console.error(`database connection lost: ${e.message}`));
  // Fail at open, with the server's own message, rather than on the first query.
  const probe = await pool.connect();
  probe.release();
  const db = drizzlePg(pool, { schema });
  return {
    db,
    driver: 'postgres',
    migrate: () => migratePg(db, { migrationsFolder }),
    async exclusively(name, fn) {
      // A session-level lock lives on one connection: hold that connection for the whole of `fn`.
      const holder = await pool.connect();
      try {
        await holder.query('select pg_advisory_lock(hashtext($1))', [name]);
        try {
          return await fn();
        } finally {
          await holder.query('select pg_advisory_unlock(hashtext($1))', [name]);
        }
      } finally {
        holder.release();
      }
    },
    close: () => pool.end(),
  };
}
