/**
 * Loads a plan file into the database, all or nothing. Loading the same file again changes nothing; loading an
 * edited file replaces the plan's definition in one transaction.
 *
 * Versions (规划版本): a file with the id of a loaded plan and a higher `version.number` is a mid-term adjustment
 * (中期调整): it becomes the plan in force, and the earlier version is kept (plan_versions) for evaluations as of
 * dates before it took effect. A file with a lower number than the one in force is recorded as that earlier version
 * and changes nothing else.
 */
import { catalogueConflicts } from '../domain/plan/catalogue';
import { planItems } from '../domain/plan/items';
import type { Database } from '../db/client';
import { catalogueByCodes, getPlan, planByContentHash, planVersionByContentHash, replacePlan, upsertPlanVersion } from '../db/plans';
import { listRegions } from '../db/regions';
import { readPlanFile } from './planFile';
import { DataFileError, fileHash } from './yamlFile';

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

  const regions = await listRegions(db);
  const { plan } = await readPlanFile(file, new Set(regions.map((r) => r.code)));
  const items = planItems(plan, (code) => regions.find((r) => r.code === code)?.name ?? { zh: code, en: code });
  const counts = { planId: plan.id, indicators: plan.indicators.length, items: items.length, version: plan.version.number };

  const status = await db.transaction(async (tx) => {
    const conflicts = catalogueConflicts(plan.indicators, await catalogueByCodes(tx, plan.indicators.map((i) => i.code)));
    if (conflicts.length > 0) throw new DataFileError(file, conflicts.map((c) => ({ ...c, file, line: null })));
    const current = await getPlan(tx, plan.id);
    await upsertPlanVersion(tx, plan, hash);
    if (current && plan.version.number < current.version.number) return 'earlier_version' as const;
    await replacePlan(tx, plan, items, hash);
    return 'loaded' as const;
  });
  return { ...counts, status };
}
