/**
 * Loads a plan file into the database, all or nothing. Loading the same file again changes nothing; loading an
 * edited file replaces the plan's definition in one transaction.
 */
import { catalogueConflicts } from '../domain/plan/catalogue';
import { planItems } from '../domain/plan/items';
import type { Database } from '../db/client';
import { catalogueByCodes, planByContentHash, replacePlan } from '../db/plans';
import { listRegions } from '../db/regions';
import { syncPlanTasks } from '../db/supervision/tasks';
import { readPlanFile } from './planFile';
import { DataFileError, fileHash } from './yamlFile';

export interface LoadPlanResult {
  planId: string;
  status: 'loaded' | 'unchanged';
  indicators: number;
  items: number;
}

export async function loadPlanFile({ db }: Database, file: string): Promise<LoadPlanResult> {
  // A file already loaded byte for byte is not parsed again: this keeps the warm start quick.
  const known = await planByContentHash(db, await fileHash(file));
  if (known) return { ...known, status: 'unchanged' };

  const regions = await listRegions(db);
  const { plan, hash } = await readPlanFile(file, new Set(regions.map((r) => r.code)));
  const items = planItems(plan, (code) => regions.find((r) => r.code === code)?.name ?? { zh: code, en: code });
  const counts = { planId: plan.id, indicators: plan.indicators.length, items: items.length };

  await db.transaction(async (tx) => {
    const conflicts = catalogueConflicts(plan.indicators, await catalogueByCodes(tx, plan.indicators.map((i) => i.code)));
    if (conflicts.length > 0) throw new DataFileError(file, conflicts.map((c) => ({ ...c, file, line: null })));
    await replacePlan(tx, plan, items, hash);
    // Every measure, project, base and park is a task to supervise (issue 16); existing tasks keep their records.
    await syncPlanTasks(tx, plan.id);
  });
  return { ...counts, status: 'loaded' };
}
