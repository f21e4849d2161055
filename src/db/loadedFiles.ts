/** Which reference data files have been applied, by content hash. */
import { eq } from 'drizzle-orm';
import type { Db } from './client';
import { loadedFiles } from './schema';

export async function loadedFileHash(db: Db, name: string): Promise<string | null> {
  const rows = await db.select({ hash: loadedFiles.contentHash }).from(loadedFiles).where(eq(loadedFiles.name, name));
  return rows[0]?.hash ?? null;
}

export async function recordLoadedFile(db: Db, name: string, contentHash: string): Promise<void> {
  const row = { name, contentHash, loadedAt: new Date() };
  await db.insert(loadedFiles).values(row).onConflictDoUpdate({ target: loadedFiles.name, set: row });
}
