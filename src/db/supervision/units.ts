/** Queries on units (市直部门 and districts) and their members. */
import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import type { Unit } from '../../domain/supervision/model';
import type { UnitKind } from '../../domain/supervision/terms';
import type { Db } from '../client';
import { unitMembers, units } from '../schema';

const toUnit = (r: typeof units.$inferSelect): Unit => ({ id: r.id, code: r.code, name: { zh: r.nameZh, en: r.nameEn }, kind: r.kind as UnitKind, regionCode: r.regionCode, email: r.email });

/** Adds units or updates their names (the registry is reference data); the id of a known code never changes. */
export async function upsertUnits(db: Db, list: ReadonlyArray<Omit<Unit, 'id'>>): Promise<void> {
  for (const u of list) {
    const row = { code: u.code, nameZh: u.name.zh, nameEn: u.name.en, kind: u.kind, regionCode: u.regionCode, email: u.email };
    await db.insert(units).values(row).onConflictDoUpdate({ target: units.code, set: { nameZh: row.nameZh, nameEn: row.nameEn, kind: row.kind, regionCode: row.regionCode, email: row.email } });
  }
}

export async function insertUnit(db: Db, u: Omit<Unit, 'id'>): Promise<Unit> {
  const rows = await db.insert(units).values({ code: u.code, nameZh: u.name.zh, nameEn: u.name.en, kind: u.kind, regionCode: u.regionCode, email: u.email }).returning();
  const row = rows[0];
  if (!row) throw new Error('unit was not created');
  return toUnit(row);
}

/** A page of units by id (after = the last id of the previous page). */
export async function listUnits(db: Db, page: { limit: number; after?: number | undefined }): Promise<Unit[]> {
  const rows = await db.select().from(units).where(page.after === undefined ? undefined : gt(units.id, page.after)).orderBy(asc(units.id)).limit(page.limit);
  return rows.map(toUnit);
}

/** Every unit (a few hundred at most in a city): for name look-ups in imports and presenters. */
export async function allUnits(db: Db): Promise<Unit[]> {
  return (await db.select().from(units).orderBy(asc(units.id))).map(toUnit);
}

export async function unitById(db: Db, id: number): Promise<Unit | null> {
  const rows = await db.select().from(units).where(eq(units.id, id));
  return rows[0] ? toUnit(rows[0]) : null;
}

/** The units a user acts for. */
export async function unitIdsOfUser(db: Db, userId: number): Promise<number[]> {
  const rows = await db.select({ id: unitMembers.unitId }).from(unitMembers).where(eq(unitMembers.userId, userId));
  return rows.map((r) => r.id);
}

export async function addMember(db: Db, unitId: number, userId: number): Promise<boolean> {
  const rows = await db.insert(unitMembers).values({ unitId, userId }).onConflictDoNothing().returning();
  return rows.length > 0;
}

export async function membersOf(db: Db, unitIds: readonly number[]): Promise<Array<{ unitId: number; userId: number }>> {
  if (unitIds.length === 0) return [];
  return db.select().from(unitMembers).where(and(inArray(unitMembers.unitId, [...unitIds])));
}
