/**
 * One page of figures for the API: keyset paging in the order of the series index (indicator, region, period start,
 * period end, id), so that any page — the first or the thousandth — is an index range scan of `limit` rows, however
 * many figures are stored. The page's figures are then read whole by listObservations.
 */
import { and, asc, sql } from 'drizzle-orm';
import type { Observation } from '../domain/observation/observation';
import type { Db } from './client';
import { listObservations, observationConditions, type ObservationFilter } from './observations';
import { observations } from './schema';

/** Where a page ends: the key of its last figure. */
export type ObservationKey = [indicator: string, region: string, periodStart: number, periodEnd: number, id: number];

export async function listObservationsPage(db: Db, filter: ObservationFilter, page: { limit: number; after?: ObservationKey | undefined }): Promise<{ items: Observation[]; last: ObservationKey | null; more: boolean }> {
  const where = observationConditions(filter);
  const o = observations;
  if (page.after) {
    const [ind, reg, start, end, id] = page.after;
    where.push(sql`(${o.indicatorCode}, ${o.regionCode}, ${o.periodStart}, ${o.periodEnd}, ${o.id}) > (${ind}, ${reg}, ${start}, ${end}, ${id})`);
  }
  const keys = await db
    .select({ id: o.id, indicator: o.indicatorCode, region: o.regionCode, start: o.periodStart, end: o.periodEnd })
    .from(o)
    .where(where.length > 0 ? and(...where) : undefined)
    .orderBy(asc(o.indicatorCode), asc(o.regionCode), asc(o.periodStart), asc(o.periodEnd), asc(o.id))
    .limit(page.limit + 1);
  const more = keys.length > page.limit;
  const shown = keys.slice(0, page.limit);
  if (shown.length === 0) return { items: [], last: null, more: false };
  const byId = new Map((await listObservations(db, { ids: shown.map((k) => k.id) })).map((f) => [f.id, f]));
  const items = shown.map((k) => byId.get(k.id)).filter((f): f is Observation => f !== undefined);
  const l = shown[shown.length - 1];
  return { items, last: l ? [l.indicator, l.region, l.start, l.end, l.id] : null, more };
}
