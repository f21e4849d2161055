/** Queries on the units loaded into this database (the bundled catalogue is read from its files). */
import { asc, sql } from 'drizzle-orm';
import type { Unit } from '../domain/unit/units';
import type { Db } from './client';
import { measurementUnits as units } from './schema';

export async function listLoadedUnits(db: Db): Promise<Unit[]> {
  const rows = await db.select().from(units).orderBy(asc(units.loadedAt), asc(units.code));
  return rows.map((r) => ({
    code: r.code,
    name: { zh: r.nameZh, en: r.nameEn },
    enShort: r.enShort,
    dimension: r.dimension,
    // NUMERIC arrives as a decimal text: exactly the factor as loaded (never a float).
    factor: r.factor,
    aliases: r.aliases,
  }));
}

/**
 * Adds units, or updates the names and aliases of ones loaded before (callers have refused any change of
 * dimension or factor).
 */
export async function upsertUnits(db: Db, list: readonly Unit[], source: string): Promise<void> {
  for (const u of list) {
    // clock_timestamp(), not the client's clock: microseconds that advance between two inserts of one call, so the
    // catalogue lists units in the order they were loaded (two in the same millisecond fell back to the collation).
    const row = { code: u.code, nameZh: u.name.zh, nameEn: u.name.en, enShort: u.enShort, dimension: u.dimension, factor: u.factor, aliases: [...u.aliases], source, loadedAt: sql`clock_timestamp()` };
    await db
      .insert(units)
      .values(row)
      .onConflictDoUpdate({ target: units.code, set: { nameZh: row.nameZh, nameEn: row.nameEn, enShort: row.enShort, aliases: row.aliases, source: sql`excluded.source`, loadedAt: row.loadedAt } });
  }
}
