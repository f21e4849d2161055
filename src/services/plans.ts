/** Read use cases for plans; they answer NotFound rather than null so routes stay thin. */
import type { Database } from '../db/client';
import { getPlan, listCatalogue, listPlanIndicators, listPlanItems, listPlans } from '../db/plans';
import { listRegions } from '../db/regions';
import type { PlanItem } from '../domain/plan/items';
import type { CatalogueIndicator, PlanIndicator, PlanSummary } from '../domain/plan/model';
import type { PlanItemKind } from '../domain/plan/terms';
import type { Region } from '../domain/region/region';
import { NotFoundError } from './errors';

/**
 * Who reads: the public sees published plans only; to it an unpublished plan does not exist (404, so its id and
 * existence are not disclosed). Signed-in users see every plan.
 */
export interface PlanReader {
  publishedOnly: boolean;
}

/** A signed-in reader (and the operator's CLI, and reports, which need a session): every plan. */
export const EVERY_PLAN: PlanReader = { publishedOnly: false };

export const plansService = {
  async list({ db }: Database, reader: PlanReader): Promise<PlanSummary[]> {
    return (await listPlans(db)).filter((p) => p.published || !reader.publishedOnly);
  },

  async get({ db }: Database, planId: string, reader: PlanReader): Promise<PlanSummary> {
    const plan = await getPlan(db, planId);
    if (!plan || (reader.publishedOnly && !plan.published)) throw new NotFoundError(`no plan with id "${planId}"`);
    return plan;
  },

  async indicators(database: Database, planId: string, reader: PlanReader): Promise<PlanIndicator[]> {
    await plansService.get(database, planId, reader);
    return listPlanIndicators(database.db, planId);
  },

  async items(database: Database, planId: string, reader: PlanReader, kind?: PlanItemKind): Promise<PlanItem[]> {
    await plansService.get(database, planId, reader);
    return listPlanItems(database.db, planId, kind);
  },

  regions: ({ db }: Database): Promise<Region[]> => listRegions(db),

  /** The indicator catalogue (public: names and units only, shared by every plan). */
  catalogue: ({ db }: Database): Promise<CatalogueIndicator[]> => listCatalogue(db),
};
