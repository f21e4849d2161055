/** Queries on region boundaries (GeoJSON geometries, one per region). */
import { inArray, sql } from 'drizzle-orm';
import type { Db } from './client';
import { regionBoundaries } from './schema';

export interface BoundaryRow {
  regionCode: string;
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
  properties: Record<string, unknown>;
  source: string;
}

/** Writes boundaries; a region's earlier boundary is replaced (a boundary file is reference data, re-issued whole). */
export async function upsertBoundaries(db: Db, rows: readonly BoundaryRow[]): Promise<void> {
  for (const r of rows) {
    await db
      .insert(regionBoundaries)
      .values({ ...r, loadedAt: new Date() })
      .onConflictDoUpdate({ target: regionBoundaries.regionCode, set: { geometry: sql`excluded.geometry`, properties: sql`excluded.properties`, source: sql`excluded.source`, loadedAt: sql`excluded.loaded_at` } });
  }
}

export async function boundariesOf(db: Db, codes: readonly string[]): Promise<BoundaryRow[]> {
  if (codes.length === 0) return [];
  const rows = await db
    .select({ regionCode: regionBoundaries.regionCode, geometry: regionBoundaries.geometry, properties: regionBoundaries.properties, source: regionBoundaries.source })
    .from(regionBoundaries)
    .where(inArray(regionBoundaries.regionCode, [...codes]));
  return rows;
}

/** The codes of regions that have a boundary (a few thousand at most: a country's districts). */
export async function regionsWithBoundaries(db: Db): Promise<string[]> {
  const rows = await db.select({ code: regionBoundaries.regionCode }).from(regionBoundaries);
  return rows.map((r) => r.code);
}
