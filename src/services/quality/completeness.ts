/**
 * Completeness (报送率) of a plan: its reporting calendar expanded into expected items, matched with what arrived,
 * as of a date (default today): overall, per district, per department, per period (the history of the rate), and
 * the items themselves (late ones, missing ones) for a paged list.
 */
import type { Database } from '../../db/client';
import { getPlan } from '../../db/plans';
import { getCalendar, receivedCells } from '../../db/quality';
import { listRegions } from '../../db/regions';
import { formatPeriod } from '../../domain/period/format';
import { parsePeriod } from '../../domain/period/parse';
import { comparePeriods } from '../../domain/period/period';
import { calendarFileSchema, expectedItems } from '../../domain/quality/calendar';
import { completeness, type Completeness, type ItemState } from '../../domain/quality/completeness';
import { BadRequestError, NotFoundError } from '../errors';

export interface CompletenessQuery {
  plan: string;
  /** Only this period (2023, 2023Q3, 2023年1-9月 …). */
  period?: string | undefined;
  /** ISO date; default today. */
  asOf?: string | undefined;
  /** Only periods up to this year (a report's year). */
  maxYear?: number | undefined;
}

function periodOrder(a: string, b: string): number {
  const pa = parsePeriod(a);
  const pb = parsePeriod(b);
  return pa.ok && pb.ok ? comparePeriods(pa.value, pb.value) : a.localeCompare(b);
}

export async function planCompleteness(database: Database, q: CompletenessQuery): Promise<Completeness & { planId: string; calendar: string }> {
  const db = database.db;
  const plan = await getPlan(db, q.plan);
  if (!plan) throw new NotFoundError(`no plan with id "${q.plan}"`);
  const stored = await getCalendar(db, q.plan);
  if (!stored) throw new NotFoundError(`plan ${q.plan} has no reporting calendar (add plans/calendars/${q.plan}.yaml: see docs/QUALITY.md)`);
  const cal = calendarFileSchema.parse(stored.document);
  let items = expectedItems(cal, { plan, regions: await listRegions(db) });
  if (q.period) {
    const p = parsePeriod(q.period);
    if (!p.ok) throw new BadRequestError(p.error);
    const code = formatPeriod(p.value);
    items = items.filter((i) => i.periodCode === code);
  }
  if (q.maxYear !== undefined) items = items.filter((i) => Number(i.periodCode.slice(0, 4)) <= (q.maxYear ?? 0));
  const indicators = [...new Set(cal.entries.flatMap((e) => e.indicators))];
  const asOf = q.asOf ?? new Date().toISOString().slice(0, 10);
  return { planId: q.plan, calendar: stored.name, ...completeness(items, await receivedCells(db, indicators), asOf, periodOrder) };
}

export interface ItemFilter {
  status?: readonly ItemState['status'][] | undefined;
  region?: readonly string[] | undefined;
  late?: boolean | undefined;
}

/** Items in calendar order with a stable cursor (indicator, region, period of the last one). */
export function pageItems(items: readonly ItemState[], f: ItemFilter, limit: number, cursor: string | undefined): { items: ItemState[]; nextCursor: string | null; total: number } {
  const chosen = items.filter((i) => (!f.status || f.status.includes(i.status)) && (!f.region || f.region.includes(i.regionCode)) && (f.late === undefined || i.late === f.late));
  const key = (i: ItemState) => `${i.periodCode}\u0001${i.entryId}\u0001${i.regionCode}\u0001${i.indicatorCode}`;
  let from = 0;
  if (cursor) {
    let after: string;
    try {
      after = Buffer.from(cursor, 'base64url').toString('utf8');
    } catch {
      throw new BadRequestError('cursor is not one this API gave out: start again without it');
    }
    const at = chosen.findIndex((i) => key(i) === after);
    if (at < 0) throw new BadRequestError('cursor is not one this API gave out (or the calendar changed): start again without it');
    from = at + 1;
  }
  const out = chosen.slice(from, from + limit);
  const last = out[out.length - 1];
  return { items: out, total: chosen.length, nextCursor: last && from + limit < chosen.length ? Buffer.from(key(last)).toString('base64url') : null };
}
