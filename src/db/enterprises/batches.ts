/** Enterprise import batches: recorded when an import commits, with its report. */
import { eq, max } from 'drizzle-orm';
import type { Db } from '../client';
import { enterpriseImportBatches } from '../schema';

export async function insertEnterpriseBatch(db: Db, b: { fileName: string; fileHash: string; format: string }): Promise<number> {
  const rows = await db
    .insert(enterpriseImportBatches)
    .values({ ...b, rowsTotal: 0, figuresAdded: 0, versionsAdded: 0, rowsRejected: 0, report: {} })
    .returning({ id: enterpriseImportBatches.id });
  const id = rows[0]?.id;
  if (id === undefined) throw new Error('enterprise import batch was not recorded');
  return id;
}

export async function setEnterpriseBatchResult(
  db: Db,
  id: number,
  r: { rowsTotal: number; figuresAdded: number; versionsAdded: number; rowsRejected: number; report: unknown },
): Promise<void> {
  await db.update(enterpriseImportBatches).set(r).where(eq(enterpriseImportBatches.id, id));
}

/**
 * The enterprise data's version: the newest committed import. The registry and the figures change only through
 * imports, each of which records its batch in the same transaction, so an unchanged number means unchanged data.
 */
export async function enterpriseDataVersion(db: Db): Promise<number> {
  const rows = await db.select({ id: max(enterpriseImportBatches.id) }).from(enterpriseImportBatches);
  return rows[0]?.id ?? 0;
}
