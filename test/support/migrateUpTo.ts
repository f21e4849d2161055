/**
 * Brings a fresh database to the schema of an earlier release: the migrations up to and including one (by its tag,
 * `0015_data_changes`), applied by drizzle's own migrator from a copy of drizzle/ whose journal ends there. A test
 * then writes data in that release's shape and runs `database.migrate()`, as an upgrade does.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { Database } from '../../src/db/client';
import type * as schema from '../../src/db/schema';
import { root } from './paths';

interface Journal {
  entries: Array<{ idx: number; tag: string }>;
}

export async function migrateUpTo(database: Database, lastTag: string): Promise<void> {
  const source = path.join(root, 'drizzle');
  const journal = JSON.parse(readFileSync(path.join(source, 'meta', '_journal.json'), 'utf8')) as Journal;
  const last = journal.entries.findIndex((e) => e.tag === lastTag);
  if (last < 0) throw new Error(`no migration ${lastTag} in drizzle/`);
  const dir = mkdtempSync(path.join(tmpdir(), 'pm-migrations-'));
  try {
    mkdirSync(path.join(dir, 'meta'));
    const entries = journal.entries.slice(0, last + 1);
    writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
    for (const e of entries) copyFileSync(path.join(source, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
    // The driver's migrator wants its own database type; both are the PgDatabase that `database.db` is.
    if (database.driver === 'pglite') {
      const { migrate } = await import('drizzle-orm/pglite/migrator');
      await migrate(database.db as unknown as PgliteDatabase<typeof schema>, { migrationsFolder: dir });
    } else {
      const { migrate } = await import('drizzle-orm/node-postgres/migrator');
      await migrate(database.db as unknown as NodePgDatabase<typeof schema>, { migrationsFolder: dir });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
