/** Queries on the region registry. */
import { asc, sql } from 'drizzle-orm';
import type { Region, RegionKind, RegionLevel } from '../domain/region/region';
import type { Db } from './client';
import { regions } from './schema';

/**
 * Writes the registry: new regions are added, known ones updated in place (a region's record is reference data,
 * not a figure; its history is carried by validFrom/validTo and predecessors). Parents first, so that the
 * self-reference always resolves.
 */
export async function upsertRegions(db: Db, list: readonly Region[]): Promise<void> {
  const ordered = [...list].sort((a, b) => Number(a.parentCode !== null) - Number(b.parentCode !== null));
  for (const r of ordered) {
    const row = {
      code: r.code,
      nameZh: r.name.zh,
      nameEn: r.name.en,
      level: r.level,
      kind: r.kind,
      parentCode: r.parentCode,
      validFrom: r.validFrom,
      validTo: r.validTo,
      predecessors: r.predecessors,
      note: r.note,
    };
    await db.insert(regions).values(row).onConflictDoUpdate({ target: regions.code, set: { ...row, code: sql`excluded.code` } });
  }
}

export async function listRegions(db: Db): Promise<Region[]> {
  const rows = await db.select().from(regions).orderBy(asc(regions.level), asc(regions.code));
  return rows.map((r) => ({
    code: r.code,
    name: { zh: r.nameZh, en: r.nameEn },
    level: r.level as RegionLevel,
    kind: r.kind as RegionKind,
    parentCode: r.parentCode,
    validFrom: r.validFrom,
    validTo: r.validTo,
    predecessors: r.predecessors,
    note: r.note,
  }));
}
