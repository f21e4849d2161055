/** Read use cases for plans; they answer NotFound rather than null so routes stay thin. */
import type { Database } from '../db/client';
import { getPlan, listPlanIndicators, listPlanItems, listPlans } from '../db/plans';
import { listRegions } from '../db/regions';
import type { PlanItem } from '../domain/plan/items';
import type { PlanIndicator, PlanSummary } from '../domain/plan/model';
import type { PlanItemKind } from '../domain/plan/terms';
import type { Region } from '../domain/region/region';
import { NotFoundError } from './errors';

export const plansService = {
  list: ({ db }: Database): Promise<PlanSummary[]> => listPlans(db),

  async get({ db }: Database, planId: string): Promise<PlanSummary> {
    const plan = await getPlan(db, planId);
    if (!plan) throw new NotFoundError(`no plan with id "${planId}"`);
    return plan;
  },

  async indicators(database: Database, planId: string): Promise<PlanIndicator[]> {
    await plansService.get(database, planId);
    return listPlanIndicators(database.db, planId);
  },

  async items(database: Database, planId: string, kind?: PlanItemKind): Promise<PlanItem[]> {
    await plansService.get(database, planId);
    return listPlanItems(database.db, planId, kind);
  },

  regions: ({ db }: Database): Promise<Region[]> => listRegions(db),
};
