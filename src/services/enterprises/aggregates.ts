/**
 * Industry aggregates (行业汇总): totals, counts, growth (all enterprises and 可比口径) and shares of one item for one
 * period, for an industry node and its children × a region and its children, with the confidentiality rules
 * applied over the whole cube (every industry level × every region level), so that no two requests can be combined
 * to undo a suppression. A reader with microdata rights sees every value; each such read is audited.
 */
import type { Database } from '../../db/client';
import { baseCells, comparableCells, periodsWithFigures, syntheticShare, type CellQuery } from '../../db/enterprises/aggregates';
import { enterpriseDataVersion } from '../../db/enterprises/batches';
import { listRegions } from '../../db/regions';
import { suppress, type ConfidentialityRules, type SuppressionReason } from '../../domain/confidentiality/suppression';
import { aggregateCell, type AggregateCell } from '../../domain/enterprise/aggregateTable';
import { ALL_INDUSTRIES, buildCube, rollUpComparable, type Cube, type Trees } from '../../domain/enterprise/cube';
import { reportPeriodLabel } from '../../domain/enterprise/reportPeriod';
import { formatPeriod } from '../../domain/period/format';
import { periodFromMonths } from '../../domain/period/canonical';
import { parsePeriod } from '../../domain/period/parse';
import { monthRange } from '../../domain/period/period';
import type { Region } from '../../domain/region/region';
import { audit, type AuditContext } from '../access/audit';
import { BadRequestError, NotFoundError } from '../errors';
import { enterpriseConfig, type EnterpriseConfig } from './config';

export interface AggregateRequest {
  item: string;
  period: string;
  /** An industry node: ALL (default), a section letter, or a 2–4 digit code. */
  industry?: string | undefined;
  /** A region (default: the top of the registry). */
  region?: string | undefined;
  /** 规模以上 enterprises only (default) or all. */
  scope?: 'above' | 'all' | undefined;
}

export interface AggregateRow extends AggregateCell {
  industryName: string;
  industryLevel: string;
  regionName: string;
}

export interface AggregateResult {
  item: { code: string; name: { zh: string; en: string }; unit: string };
  period: { code: string; label: string };
  previousPeriod: { code: string; label: string };
  scope: 'above' | 'all';
  rules: ConfidentialityRules;
  /** Whether the reader saw microdata (unsuppressed values). */
  microdata: boolean;
  /** Enterprises behind the figures, and how many of them are synthetic (made by the generator). */
  enterprises: { total: number; synthetic: number };
  industry: { code: string; name: string; level: string };
  region: { code: string; name: string };
  /** The industry node and its children (rows) × the region and its children (columns). */
  industries: string[];
  regions: string[];
  cells: AggregateRow[];
  suppressedCells: number;
}

/** The cube and its suppression for one item, period and scope, shared by every reader until the data changes. */
interface Computed {
  cube: Cube;
  suppressed: Map<string, SuppressionReason>;
}

export interface AggregateAccess {
  microdata: boolean;
  audit: AuditContext;
}

export function industryTrees(config: EnterpriseConfig, regions: readonly Region[]): Trees {
  const industryParent = new Map(config.industries.map((i) => [i.code, i.parentCode ?? ALL_INDUSTRIES]));
  const regionParent = new Map(regions.map((r) => [r.code, r.parentCode]));
  return { industryParent: (c) => (c === ALL_INDUSTRIES ? null : (industryParent.get(c) ?? null)), regionParent: (c) => regionParent.get(c) ?? null };
}

export function periodBounds(text: string): { code: string; periodStart: number; periodEnd: number; previous: { code: string; periodStart: number; periodEnd: number } } {
  const p = parsePeriod(text);
  if (!p.ok) throw new BadRequestError(p.error);
  const { start, end } = monthRange(p.value);
  const prev = periodFromMonths({ year: start.year - 1, month: start.month }, { year: end.year - 1, month: end.month });
  if (!prev.ok) throw new BadRequestError(prev.error);
  const pr = monthRange(prev.value);
  return {
    code: formatPeriod(p.value),
    periodStart: start.year * 100 + start.month,
    periodEnd: end.year * 100 + end.month,
    previous: { code: formatPeriod(prev.value), periodStart: pr.start.year * 100 + pr.start.month, periodEnd: pr.end.year * 100 + pr.end.month },
  };
}

/**
 * The cube and its suppression, kept per database until the enterprise data changes (a new committed import): every
 * reader of the same item, period and scope gets the same suppression pattern, computed once. On both drivers — a
 * server's other processes compute their own, each from the same data.
 */
const caches = new WeakMap<Database, Map<string, Promise<unknown>>>();
const MAX_ENTRIES = 64;

/** A value computed from the enterprise data, kept while `key` (which starts with the data version) is asked for. */
function cached<T>(database: Database, key: string, compute: () => Promise<T>): Promise<T> {
  let cache = caches.get(database);
  if (!cache) caches.set(database, (cache = new Map()));
  const hit = cache.get(key) as Promise<T> | undefined;
  if (hit) return hit;
  const entry = compute();
  entry.catch(() => cache.get(key) === entry && cache.delete(key));
  cache.set(key, entry);
  while (cache.size > MAX_ENTRIES) {
    const oldest = cache.keys().next().value;
    if (oldest === undefined) break;
    cache.delete(oldest);
  }
  return entry;
}

/** Forgets what was computed for a database (the benchmark measures a cold request with it). */
export function forgetAggregates(database: Database): void {
  caches.delete(database);
}

function computed(database: Database, version: number, q: CellQuery, trees: Trees, rules: ConfidentialityRules): Promise<Computed> {
  return cached(database, `${version}|cube|${q.itemCode}|${q.periodStart}|${q.periodEnd}|${q.aboveDesignatedSize}|${rules.minCount}|${rules.dominancePercent}`, async () => {
    const cube = buildCube(await baseCells(database.db, q), trees);
    return { cube, suppressed: suppress(cube.cells, cube.relations, rules).suppressed };
  });
}

export async function industryAggregates(database: Database, req: AggregateRequest, access: AggregateAccess, rules: ConfidentialityRules): Promise<AggregateResult> {
  const config = await enterpriseConfig();
  const item = config.items.find((i) => i.code === req.item);
  if (!item) throw new NotFoundError(`no enterprise item "${req.item}" (items: ${config.items.map((i) => i.code).join(', ')})`);
  const period = periodBounds(req.period);
  const regions = await listRegions(database.db);
  const trees = industryTrees(config, regions);
  const industry = req.industry ?? ALL_INDUSTRIES;
  const node = config.industries.find((i) => i.code === industry);
  if (industry !== ALL_INDUSTRIES && !node) throw new NotFoundError(`no industry "${industry}" in GB/T 4754-2017`);
  const regionCode = req.region ?? regions.find((r) => r.parentCode === null)?.code ?? '';
  const region = regions.find((r) => r.code === regionCode);
  if (!region) throw new NotFoundError(`no region "${regionCode}"`);
  const scope = req.scope ?? 'above';
  const q: CellQuery = { itemCode: item.code, periodStart: period.periodStart, periodEnd: period.periodEnd, aboveDesignatedSize: scope === 'above' };
  const prevQ: CellQuery = { ...q, periodStart: period.previous.periodStart, periodEnd: period.previous.periodEnd };
  const version = await enterpriseDataVersion(database.db);
  const [now, prev, { cmp, synthetic }] = await Promise.all([
    computed(database, version, q, trees, rules),
    computed(database, version, prevQ, trees, rules),
    cached(database, `${version}|comparable|${q.itemCode}|${q.periodStart}|${q.periodEnd}|${q.aboveDesignatedSize}`, async () => {
      const [comparable, synthetic] = await Promise.all([comparableCells(database.db, q, period.previous), syntheticShare(database.db, q)]);
      return { cmp: rollUpComparable(comparable, trees), synthetic };
    }),
  ]);
  const industryRows = [industry, ...(now.cube.industryChildren.get(industry) ?? []).sort()];
  const regionCols = [regionCode, ...(now.cube.regionChildren.get(regionCode) ?? []).filter((r) => !r.includes('#')).sort()];
  const industryInfo = new Map(config.industries.map((i) => [i.code, i]));
  const regionName = new Map(regions.map((r) => [r.code, r.name.zh]));
  const table = { cube: now.cube, suppressed: now.suppressed, previous: prev.cube.cells.size > 0 ? prev : null, comparable: cmp, rules, industryParent: trees.industryParent, microdata: access.microdata };
  const cells: AggregateRow[] = [];
  for (const i of industryRows) {
    for (const r of regionCols) {
      cells.push({
        ...aggregateCell(table, i, r),
        industryName: i === ALL_INDUSTRIES ? '全部行业' : (industryInfo.get(i)?.name ?? i),
        industryLevel: i === ALL_INDUSTRIES ? 'all' : (industryInfo.get(i)?.level ?? ''),
        regionName: regionName.get(r) ?? r,
      });
    }
  }
  if (access.microdata) {
    await audit(database.db, access.audit, {
      action: 'microdata_read',
      entity: 'industry_aggregate',
      entityId: `${item.code}|${period.code}|${industry}|${regionCode}|${scope}`,
      newValue: { cells: cells.length, suppressedShown: cells.filter((c) => c.suppressed).length },
    });
  }
  return {
    item: { code: item.code, name: item.name, unit: item.unit },
    period: { code: period.code, label: reportPeriodLabel(period.code) },
    previousPeriod: { code: period.previous.code, label: reportPeriodLabel(period.previous.code) },
    scope,
    rules,
    microdata: access.microdata,
    enterprises: synthetic,
    industry: { code: industry, name: industry === ALL_INDUSTRIES ? '全部行业' : (node?.name ?? industry), level: industry === ALL_INDUSTRIES ? 'all' : (node?.level ?? '') },
    region: { code: regionCode, name: region.name.zh },
    industries: industryRows,
    regions: regionCols,
    cells,
    suppressedCells: cells.filter((c) => c.suppressed).length,
  };
}

/** The periods of an item that have figures, newest first (for the dashboard's picker). */
export async function aggregatePeriods(database: Database, itemCode: string): Promise<Array<{ code: string; label: string }>> {
  const rows = await periodsWithFigures(database.db, itemCode);
  return rows.flatMap((r) => {
    const p = periodFromMonths({ year: Math.floor(r.periodStart / 100), month: r.periodStart % 100 }, { year: Math.floor(r.periodEnd / 100), month: r.periodEnd % 100 });
    return p.ok ? [{ code: formatPeriod(p.value), label: reportPeriodLabel(formatPeriod(p.value)) }] : [];
  });
}
