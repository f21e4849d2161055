/**
 * Boundaries as data: a GeoJSON FeatureCollection of one region's subdivisions (a city's districts, a province's
 * cities), each feature carrying the code of a region the registry knows (`properties.code`, or `adcode` as the
 * DataV GeoAtlas files have it). Checked here before anything is stored: the shapes are polygons of longitude and
 * latitude, each code is known and lies directly under the region the file is for, and no region comes twice.
 */
import type { PlanIssue } from '../plan/issues';
import type { RegionRegistry } from './registry';

export interface Boundary {
  regionCode: string;
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
  /** The feature's properties as given (the web app reads name and adcode), plus `code`. */
  properties: Record<string, unknown>;
}

export type BoundaryResult = { ok: true; parentCode: string; boundaries: Boundary[] } | { ok: false; issues: PlanIssue[] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Why a position list is not a closed ring of [longitude, latitude] pairs, or null when it is one. */
function ringProblem(ring: unknown): string | null {
  if (!Array.isArray(ring) || ring.length < 4) return 'a ring needs at least 4 positions';
  for (const p of ring) {
    if (!Array.isArray(p) || p.length < 2 || typeof p[0] !== 'number' || typeof p[1] !== 'number') return 'a position must be [longitude, latitude]';
    if (Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90) return `position [${String(p[0])}, ${String(p[1])}] is not a longitude and latitude`;
  }
  const [first, last] = [ring[0] as number[], ring[ring.length - 1] as number[]];
  return first[0] === last[0] && first[1] === last[1] ? null : 'a ring must end where it starts';
}

function geometryProblem(g: unknown): string | null {
  if (!isObject(g)) return 'no geometry';
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' && Array.isArray(g.coordinates) ? g.coordinates : null;
  if (polygons === null) return `geometry type ${JSON.stringify(g.type)} is not a Polygon or MultiPolygon`;
  if (polygons.length === 0) return 'an empty MultiPolygon';
  for (const poly of polygons) {
    if (!Array.isArray(poly) || poly.length === 0) return 'a polygon needs at least one ring';
    for (const ring of poly) {
      const p = ringProblem(ring);
      if (p) return p;
    }
  }
  return null;
}

/**
 * Checks a GeoJSON document as the boundaries of `parentCode`'s subdivisions. Without a parent, the features'
 * regions must share one, which the file is then for.
 *
 * @example
 * checkBoundaries(geojson, registry, '440300') // { ok: true, parentCode: '440300', boundaries: [9 districts] }
 */
export function checkBoundaries(doc: unknown, registry: RegionRegistry, parentCode: string | null): BoundaryResult {
  if (!isObject(doc) || doc.type !== 'FeatureCollection' || !Array.isArray(doc.features)) {
    return { ok: false, issues: [{ path: [], message: 'not a GeoJSON FeatureCollection (expected {"type": "FeatureCollection", "features": [...]})' }] };
  }
  if (doc.features.length === 0) return { ok: false, issues: [{ path: ['features'], message: 'the collection has no features' }] };
  if (parentCode !== null && !registry.get(parentCode)) return { ok: false, issues: [{ path: [], message: `unknown region code "${parentCode}" (not in the region registry)` }] };

  const issues: PlanIssue[] = [];
  const boundaries: Boundary[] = [];
  const seen = new Map<string, number>();
  doc.features.forEach((f: unknown, i: number) => {
    const at = ['features', i];
    if (!isObject(f) || f.type !== 'Feature') {
      issues.push({ path: at, message: 'not a GeoJSON Feature' });
      return;
    }
    const props = isObject(f.properties) ? f.properties : {};
    const raw = props.code ?? props.adcode;
    const name = typeof props.name === 'string' ? props.name : null;
    const key = props.code !== undefined ? 'code' : 'adcode';
    if (typeof raw !== 'string' && typeof raw !== 'number') {
      const guess = name ? registry.resolve(name, { within: parentCode }) : null;
      issues.push({ path: [...at, 'properties'], message: `no region code: give properties.code (or adcode)${guess?.ok ? `; ${name} is ${guess.value.code}` : ''}` });
      return;
    }
    const code = String(raw);
    const region = registry.get(code);
    if (!region) {
      issues.push({ path: [...at, 'properties', key], message: `unknown region code "${code}"${name ? ` (${name})` : ''}: load it into the region registry first` });
      return;
    }
    const prior = seen.get(code);
    if (prior !== undefined) issues.push({ path: [...at, 'properties', key], message: `region ${code} already has a feature (features[${prior}])` });
    seen.set(code, i);
    const problem = geometryProblem(f.geometry);
    if (problem) issues.push({ path: [...at, 'geometry'], message: `${code} ${region.name.zh}: ${problem}` });
    else boundaries.push({ regionCode: code, geometry: f.geometry as Boundary['geometry'], properties: { ...props, code } });
  });
  if (issues.length > 0) return { ok: false, issues };

  const parents = new Map<string, number>();
  for (const b of boundaries) {
    const p = registry.get(b.regionCode)?.parentCode ?? '(none)';
    parents.set(p, (parents.get(p) ?? 0) + 1);
  }
  const parent = parentCode ?? (parents.size === 1 ? ([...parents.keys()][0] ?? null) : null);
  if (parent === null || parent === '(none)') {
    const list = [...parents].map(([p, n]) => `${p}: ${n}`).join(', ');
    return { ok: false, issues: [{ path: ['features'], message: `the features' regions lie under different parents (${list}); a file holds the subdivisions of one region` }] };
  }
  boundaries.forEach((b) => {
    const r = registry.get(b.regionCode);
    if (r && r.parentCode !== parent) {
      issues.push({ path: ['features', seen.get(b.regionCode) ?? 0, 'properties'], message: `${b.regionCode} ${r.name.zh} is not a subdivision of ${parent} (its parent is ${r.parentCode ?? 'none'})` });
    }
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, parentCode: parent, boundaries };
}
