/**
 * Results computed from the database (a plan's evaluation, its forecasts), kept until the data changes: each entry
 * carries the write-ahead log position read before it was computed (db/dataVersion.ts), and is used only while the
 * position is still the same — any write, import, approval or plan load moves it, so a cached figure is never
 * staler than the database. The key must hold everything else the result depends on (plan, as-of, region,
 * methods, the approval states the caller may see).
 *
 * Only on the embedded database: PGlite runs one statement at a time and never one inside another's transaction,
 * so everything committed before the position was read is visible to the computation that follows. On a
 * PostgreSQL server a commit can be logged a moment before other sessions see it, and other processes write too;
 * there every call computes afresh (the server's own caches serve it).
 */
import type { Database } from '../../db/client';
import { walPosition } from '../../db/dataVersion';

const MAX_ENTRIES = 64;

interface Entry {
  position: string;
  value: Promise<unknown>;
}

const caches = new WeakMap<Database, Map<string, Entry>>();

export async function byDataVersion<T>(database: Database, key: string, compute: () => Promise<T>): Promise<T> {
  if (database.driver !== 'pglite') return compute();
  let cache = caches.get(database);
  if (!cache) caches.set(database, (cache = new Map()));
  const position = await walPosition(database.db);
  const hit = cache.get(key);
  if (hit && hit.position === position) {
    // Most recently used last, so the oldest is dropped first.
    cache.delete(key);
    cache.set(key, hit);
    return hit.value as Promise<T>;
  }
  // The promise is kept at once, so requests arriving while it is computed share it; a failure is not kept.
  const value = compute();
  const entry = { position, value };
  cache.set(key, entry);
  value.catch(() => {
    if (cache.get(key) === entry) cache.delete(key);
  });
  while (cache.size > MAX_ENTRIES) {
    const oldest = cache.keys().next().value;
    if (oldest === undefined) break;
    cache.delete(oldest);
  }
  return value;
}
