/**
 * Results computed from the database (a plan's evaluation, its forecasts), kept until the data changes: each entry
 * carries the data version read before it was computed (db/dataVersion.ts), and is used only while the version is
 * still the same — any committed write, import, approval or plan load, by this process or another on the same
 * database, moves it, so a cached figure is never staler than the database. The same on both drivers. The key must
 * hold everything else the result depends on (plan, as-of, region, methods, the approval states the caller may see).
 */
import type { Database } from '../../db/client';
import { dataVersion } from '../../db/dataVersion';

const MAX_ENTRIES = 64;

interface Entry {
  version: string;
  value: Promise<unknown>;
}

const caches = new WeakMap<Database, Map<string, Entry>>();

export async function byDataVersion<T>(database: Database, key: string, compute: () => Promise<T>): Promise<T> {
  let cache = caches.get(database);
  if (!cache) caches.set(database, (cache = new Map()));
  const version = await dataVersion(database.db);
  const hit = cache.get(key);
  if (hit && hit.version === version) {
    // Most recently used last, so the oldest is dropped first.
    cache.delete(key);
    cache.set(key, hit);
    return hit.value as Promise<T>;
  }
  // The promise is kept at once, so requests arriving while it is computed share it; a failure is not kept.
  const value = compute();
  const entry = { version, value };
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

/** The database's data version now (db/dataVersion.ts): what a layer above keys its own kept answers on. */
export const dataVersionOf = (database: Database): Promise<string> => dataVersion(database.db);
