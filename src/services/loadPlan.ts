/**
 * Loads a plan file into the database, all or nothing. Loading the same file again changes nothing; loading an
 * edited file replaces the plan's definition in one transaction. The file is checked inside that transaction
 * against the database's registry, units and indicator catalogue — the same check `plan validate` runs.
 *
 * Versions (规划版本): a file with the id of a loaded plan and a higher `version.number` is a mid-term adjustment
 * (中期调整): it becomes the plan in force, and the earlier version is kept (plan_versions) for evaluations as of
 * dates before it took effect. A file with a lower number than the one in force is recorded as that earlier version
 * and changes nothing else.
 */
import { planItems } from '../domain/plan/items';
import type { Database } from '../db/client';
import { syncPlanTasks } from '../db/supervision/tasks';
import { getPlan, planByContentHash, planVersionByContentHash, replacePlan, upsertPlanVersion } from '../db/plans';
import { upsertUnits } from '../db/units';
import { checkPlanFile } from './planFile';
import { databasePlanContext } from './planContext';
import { fileHash, readYamlFile } from './yamlFile';

export interface LoadPlanResult {
  planId: string;
  status: 'loaded' | 'unchanged' | 'earlier_version';
  indicators: number;
  items: number;
  version?: number;
}

export async function loadPlanFile({ db }: Database, file: string): Promise<LoadPlanResult> {
  // A file already loaded byte for byte is not parsed again: this keeps the warm start quick.
  const hash = await fileHash(file);
  const known = await planByContentHash(db, hash);
  if (known) return { ...known, status: 'unchanged' };
  const earlier = await planVersionByContentHash(db, hash);
  if (earlier) return { planId: earlier.planId, status: 'unchanged', indicators: 0, items: 0, version: earlier.version };

  const yaml = await readYamlFile(file);
  return db.transaction(async (tx) => {
    const ctx = await databasePlanContext(tx);
    const { plan, units } = checkPlanFile(yaml, ctx);
    const items = planItems(plan, (code) => ctx.regions.get(code)?.name ?? { zh: code, en: code });
    const counts = { planId: plan.id, indicators: plan.indicators.length, items: items.length, version: plan.version.number };
    const current = await getPlan(tx, plan.id);
    if (current && plan.version.number < current.version.number) {
      await upsertPlanVersion(tx, plan, hash);
      return { ...counts, status: 'earlier_version' as const };
    }
    // The plan's own units join the shared catalogue: its figures are read and converted with them.
    if (units.length > 0) await upsertUnits(tx, units, `plan:${plan.id}`);
    await replacePlan(tx, plan, items, hash);
    // After the plan row exists (the version references it).
    await upsertPlanVersion(tx, plan, hash);
    // Every measure, project, base and park is a task to supervise (issue 16); existing tasks keep their records.
    await syncPlanTasks(tx, plan.id);
    return { ...counts, status: 'loaded' as const };
  });
}
