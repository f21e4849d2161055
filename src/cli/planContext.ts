/**
 * What `plan validate` checks a file against: the bundled files (regions/, units/, catalogue/, plans/ — what a
 * fresh database holds), or with --database the database the settings name (DATABASE_URL, else the embedded one in
 * DATA_DIR), read without writing anything.
 */
import { existsSync } from 'node:fs';
import { openDatabase } from '../db/client';
import type { PlanCheckContext } from '../domain/plan/parse';
import { bundledPlanContext, databasePlanContext } from '../services/planContext';
import { readCommandSettings } from '../services/settings';

export async function planCheckContext(useDatabase: boolean): Promise<{ ctx: PlanCheckContext; against: string }> {
  const settings = readCommandSettings();
  if (!useDatabase) return { ctx: await bundledPlanContext(settings), against: 'the bundled files (regions/, units/, catalogue/, plans/)' };
  const target = settings.database;
  // Opening an embedded database that does not exist would create an empty one: say so instead.
  if (target.driver === 'pglite' && target.dataDir !== null && !existsSync(target.dataDir)) {
    throw new Error(`no embedded database at ${target.dataDir}: start the platform once (npm start), or set DATA_DIR or DATABASE_URL`);
  }
  const database = await openDatabase(target);
  try {
    const ctx = await databasePlanContext(database.db);
    return { ctx, against: target.driver === 'pglite' ? `the embedded database at ${target.dataDir ?? 'memory'}` : 'the PostgreSQL database of DATABASE_URL' };
  } catch (e) {
    if (/relation .* does not exist/.test(String((e as Error).message))) throw new Error('the database is not up to date: run plan-monitor db migrate first');
    throw e;
  } finally {
    await database.close();
  }
}
