/**
 * Where the database's write-ahead log has got to: every committed write (and every rolled-back one) moves it
 * forward, reads never do. Two equal positions mean no data has changed in between — what a cache of computed
 * results keys on (services/cache/byDataVersion.ts).
 */
import { sql } from 'drizzle-orm';
import type { Db } from './client';
import { queryRows } from './raw';

export async function walPosition(db: Db): Promise<string> {
  const [row] = await queryRows<{ lsn: string }>(db, sql`select pg_current_wal_insert_lsn()::text as lsn`);
  if (!row) throw new Error('pg_current_wal_insert_lsn() returned no row');
  return row.lsn;
}
