/**
 * Region boundaries as data: a GeoJSON file of one region's subdivisions is checked against the registry and
 * stored (`plan-monitor regions load FILE.geojson`, PUT /api/regions/{code}/boundaries, the bundled regions/geo at
 * start), and served per region for the map (GET /api/regions/geo?region=). A region with no boundaries answers an
 * empty collection that says so, which the web app shows as such.
 */
import { labelPoint } from '../../domain/region/labelPoint';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Database, Db } from '../../db/client';
import { boundariesOf, regionsWithBoundaries, upsertBoundaries } from '../../db/boundaries';
import { formatPath, type PlanIssue } from '../../domain/plan/issues';
import { checkBoundaries } from '../../domain/region/boundaries';
import { childrenOn } from '../../domain/region/region';
import type { LocalizedText } from '../../domain/text';
import { audit, type AuditContext } from '../access/audit';
import { BadRequestError, NotFoundError } from '../errors';
import { DataFileError } from '../yamlFile';
import { regionRegistryOf } from './registry';

export interface LoadBoundariesResult {
  source: string;
  /** The region whose subdivisions the file holds. */
  region: string;
  /** Codes of the regions whose boundary was stored. */
  regions: string[];
}

async function apply(tx: Db, doc: unknown, opts: { parent: string | null; source: string }, refuse: (issues: PlanIssue[]) => Error): Promise<LoadBoundariesResult> {
  const registry = await regionRegistryOf(tx);
  const parent = opts.parent === null ? null : registry.resolve(opts.parent);
  if (parent && !parent.ok) throw refuse([{ path: [], message: parent.error }]);
  const checked = checkBoundaries(doc, registry, parent?.ok ? parent.value.code : null);
  if (!checked.ok) throw refuse(checked.issues);
  await upsertBoundaries(tx, checked.boundaries.map((b) => ({ ...b, source: opts.source })));
  return { source: opts.source, region: checked.parentCode, regions: checked.boundaries.map((b) => b.regionCode) };
}

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new DataFileError(file, [{ file, line: null, path: [], message: `cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)})` }]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new DataFileError(file, [{ file, line: null, path: [], message: `not JSON: ${(e as Error).message}` }]);
  }
}

/** Loads a GeoJSON file (the subdivisions of `parent`, or of the one region its features share). */
export async function loadBoundaryFile(tx: Db, file: string, opts: { parent?: string | null; who: AuditContext | null }): Promise<LoadBoundariesResult> {
  const doc = await readJson(file);
  const refuse = (issues: PlanIssue[]) => new DataFileError(file, issues.map((i) => ({ ...i, file, line: null })));
  const result = await apply(tx, doc, { parent: opts.parent ?? null, source: path.basename(file) }, refuse);
  if (opts.who) await audit(tx, opts.who, { action: 'boundaries_loaded', entity: 'region', entityId: result.region, newValue: result });
  return result;
}

/** Loads a GeoJSON document posted to the API as the subdivisions of `parent`, audited. */
export async function loadBoundaries(database: Database, doc: unknown, parent: string, who: AuditContext): Promise<LoadBoundariesResult> {
  const refuse = (issues: PlanIssue[]) => new BadRequestError(issues.map((i) => `${formatPath(i.path)}: ${i.message}`).join('\n'));
  return database.db.transaction(async (tx) => {
    const result = await apply(tx, doc, { parent, source: 'api' }, refuse);
    await audit(tx, who, { action: 'boundaries_loaded', entity: 'region', entityId: result.region, newValue: { ...result, regions: result.regions } });
    return result;
  });
}

/** The map of a region: its subdivisions' boundaries as GeoJSON, and the subdivisions that have none. */
export interface RegionGeo {
  type: 'FeatureCollection';
  /** The region the map is of. */
  region: { code: string; name: LocalizedText };
  features: Array<{ type: 'Feature'; properties: Record<string, unknown>; geometry: unknown }>;
  /** Subdivisions in force with no boundary loaded (a functional area is often one: drawn as a labelled point). */
  withoutBoundary: Array<{ code: string; name: LocalizedText }>;
  /** Where the shapes came from (file names or api). */
  sources: string[];
  /** Set when no subdivision has a boundary: what the map can say instead of drawing. */
  empty: LocalizedText | null;
}

/**
 * The subdivisions' boundaries of `regionCode` (those in force on `date`, default today). Without a region: the one
 * region whose subdivisions have boundaries, if there is exactly one (the old single-map URL keeps working).
 */
export async function regionGeo({ db }: Database, regionCode: string | undefined, date = new Date().toISOString().slice(0, 10)): Promise<RegionGeo> {
  const registry = await regionRegistryOf(db);
  let code = regionCode;
  if (code === undefined) {
    const parents = [...new Set((await regionsWithBoundaries(db)).map((c) => registry.get(c)?.parentCode).filter((p): p is string => typeof p === 'string'))].sort();
    if (parents.length !== 1) throw new BadRequestError(parents.length === 0 ? 'no boundaries are loaded: give ?region=' : `boundaries are loaded for several regions (${parents.join(', ')}): give ?region=`);
    code = parents[0] as string;
  }
  const resolved = registry.resolve(code);
  if (!resolved.ok) throw new NotFoundError(resolved.error);
  const region = resolved.value;
  const children = childrenOn(registry.regions, region.code, date);
  const rows = await boundariesOf(db, children.map((c) => c.code));
  const byCode = new Map(rows.map((r) => [r.regionCode, r]));
  const features = children.flatMap((c) => {
    const row = byCode.get(c.code);
    // cp: where ECharts puts the name — inside the shape (domain/region/labelPoint.ts), not its bounding box's centre.
    const cp = row ? labelPoint(row.geometry) : null;
    return row ? [{ type: 'Feature' as const, properties: { name: c.name.zh, ...row.properties, code: c.code, nameEn: c.name.en, ...(cp ? { cp } : {}) }, geometry: row.geometry }] : [];
  });
  return {
    type: 'FeatureCollection',
    region: { code: region.code, name: region.name },
    features,
    withoutBoundary: children.filter((c) => !byCode.has(c.code)).map((c) => ({ code: c.code, name: c.name })),
    sources: [...new Set(rows.map((r) => r.source))].sort(),
    empty:
      features.length > 0
        ? null
        : { zh: `尚未载入${region.name.zh}下辖地区的边界数据（plan-monitor regions load 文件.geojson）`, en: `No boundaries are loaded for the subdivisions of ${region.name.en} (plan-monitor regions load FILE.geojson)` },
  };
}
