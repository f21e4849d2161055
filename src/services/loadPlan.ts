/**
 * Loads a plan file into the database, all or nothing. Loading the same file again changes nothing; loading an
 * edited file replaces the plan's definition in one transaction. The file is checked inside that transaction
 * against the database's registry, units and indicator catalogue — the same check `plan validate` runs.
 */
import { planItems } from '../domain/plan/items';
import type { Database } from '../db/client';
import { planByContentHash, replacePlan } from '../db/plans';
import { upsertUnits } from '../db/units';
import { checkPlanFile } from './planFile';
import { databasePlanContext } from './planContext';
import { fileHash, readYamlFile } from './yamlFile';

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

  const yaml = await readYamlFile(file);
  return db.transaction(async (tx) => {
    const ctx = await databasePlanContext(tx);
    const { plan, units, hash } = checkPlanFile(yaml, ctx);
    const items = planItems(plan, (code) => ctx.regions.get(code)?.name ?? { zh: code, en: code });
    // The plan's own units join the shared catalogue: its figures are read and converted with them.
    if (units.length > 0) await upsertUnits(tx, units, `plan:${plan.id}`);
    await replacePlan(tx, plan, items, hash);
    return { planId: plan.id, status: 'loaded' as const, indicators: plan.indicators.length, items: items.length };
  });
}
