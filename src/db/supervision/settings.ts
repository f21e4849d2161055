/** The plan owner's supervision settings (填报周期, the light rule's days); defaults until the owner sets them. */
import { eq } from 'drizzle-orm';
import { DEFAULT_RULES } from '../../domain/supervision/light';
import type { SupervisionSettings } from '../../domain/supervision/model';
import type { Cycle } from '../../domain/supervision/terms';
import type { Db } from '../client';
import { supervisionSettings } from '../schema';

export async function getSettings(db: Db, planId: string): Promise<SupervisionSettings> {
  const rows = await db.select().from(supervisionSettings).where(eq(supervisionSettings.planId, planId));
  const r = rows[0];
  if (!r) return { planId, ...DEFAULT_RULES };
  return { planId, cycle: r.cycle as Cycle, dueDays: r.dueDays, warnDays: r.warnDays, behindTolerance: r.behindPoints / 100 };
}

export async function putSettings(db: Db, s: SupervisionSettings, userId: number | null): Promise<void> {
  const row = { planId: s.planId, cycle: s.cycle, dueDays: s.dueDays, warnDays: s.warnDays, behindPoints: Math.round(s.behindTolerance * 100), updatedAt: new Date(), updatedBy: userId };
  await db.insert(supervisionSettings).values(row).onConflictDoUpdate({ target: supervisionSettings.planId, set: row });
}
