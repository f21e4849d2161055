import type { SQL } from 'drizzle-orm';
import type { Db } from './client';

/**
 * Runs a raw SQL query and returns its rows. Both drivers answer `{ rows }`; the generic driver type does not say
 * so, hence the one cast here rather than at every caller.
 */
export async function queryRows<T extends Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
