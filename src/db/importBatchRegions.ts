/** The regions an import batch wrote figures for: a reader scoped to regions may read the batch only inside them. */
import { sql } from 'drizzle-orm';
import type { Db } from './client';
import { queryRows } from './raw';

export async function importBatchRegions(db: Db, batchId: number): Promise<string[]> {
  const rows = await queryRows<{ region: string }>(db, sql`select distinct region_code as region from observations where import_batch_id = ${batchId}`);
  return rows.map((r) => r.region);
}
