/**
 * Where a region's name goes on a map: inside its shape, as far from the edges as possible (the pole of
 * inaccessibility, by mapbox's polylabel) — not the centre of its bounding box, which for a crescent or a coastline
 * like 大鹏新区's falls on the neighbour. A region of several parts is labelled on its largest part.
 */
import polylabel from 'polylabel';

type Ring = number[][];
type Geometry = { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };

/** Area of a ring by the shoelace formula (in squared coordinate units; only compared, never shown). */
function ringArea(ring: Ring): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const p = ring[i];
    const q = ring[j];
    if (p && q) a += ((q[0] ?? 0) + (p[0] ?? 0)) * ((q[1] ?? 0) - (p[1] ?? 0));
  }
  return Math.abs(a / 2);
}

const isGeometry = (g: unknown): g is Geometry =>
  typeof g === 'object' && g !== null && 'type' in g && 'coordinates' in g && (g.type === 'Polygon' || g.type === 'MultiPolygon') && Array.isArray(g.coordinates);

/** [x, y] inside the geometry's largest polygon; null for anything that is not a (multi)polygon. */
export function labelPoint(geometry: unknown): [number, number] | null {
  if (!isGeometry(geometry)) return null;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best: Ring[] | null = null;
  let bestArea = -1;
  for (const p of polygons) {
    const outer = p[0];
    if (!outer || outer.length < 4) continue;
    const a = ringArea(outer);
    if (a > bestArea) {
      best = p;
      bestArea = a;
    }
  }
  if (!best) return null;
  const outer = best[0] ?? [];
  const xs = outer.map((c) => c[0] ?? 0);
  const ys = outer.map((c) => c[1] ?? 0);
  // A thousandth of the shape's smaller side: fine enough for a label, cheap for a district's thousands of points.
  const precision = Math.max(1e-9, Math.min(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)) / 1000);
  const p = polylabel(best, precision);
  return [p[0] ?? 0, p[1] ?? 0];
}
