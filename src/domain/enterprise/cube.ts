/**
 * Industry × region totals for one item and period, rolled up both trees: an enterprise's figure counts in its class
 * and in every group, division and section above it (up to 全部行业), and in its region and every region above it.
 * The cube also lists the sum relations it publishes (a parent = the sum of its children), which the confidentiality
 * rules need, and it rolls up the 可比口径 (same enterprises in both periods) sums the same way.
 *
 * A region that has children and also enterprises of its own (registered at the city itself) gets a hidden
 * "direct" part, so that "city = Σ districts + direct" holds exactly.
 */
import type { CellStats, Relation } from '../confidentiality/suppression';

export const ALL_INDUSTRIES = 'ALL';

/** Cell id of an industry node (ALL, a section letter or a code) in a region node. */
export const cellId = (industry: string, region: string): string => `${industry}|${region}`;
export const directRegion = (region: string): string => `${region}#direct`;

/** One class × region cell as the database aggregates it. */
export interface BaseCell extends CellStats {
  industryCode: string;
  regionCode: string;
}

/** 可比口径 sums: enterprises with a figure in both periods (current and previous totals, count, largest, absolute). */
export interface ComparableStats {
  current: number;
  previous: number;
  count: number;
  maxCurrent: number;
  maxPrevious: number;
  absCurrent: number;
  absPrevious: number;
}

/** The 可比口径 sums of one class × region cell. */
export interface ComparableBase extends ComparableStats {
  industryCode: string;
  regionCode: string;
}

export interface Trees {
  /** The industry above a code (a class's group … a section's ALL); null above ALL. */
  industryParent(code: string): string | null;
  regionParent(code: string): string | null;
}

export interface Cube {
  cells: Map<string, CellStats>;
  relations: Relation[];
  industries: Set<string>;
  regions: Set<string>;
  /** Children of each node present in the cube. */
  industryChildren: Map<string, string[]>;
  regionChildren: Map<string, string[]>;
}

function chain(code: string, parent: (c: string) => string | null): string[] {
  const out = [code];
  let p = parent(code);
  while (p !== null && out.length < 10) {
    out.push(p);
    p = parent(p);
  }
  return out;
}

function addTo(map: Map<string, string[]>, parent: string, child: string): void {
  const list = map.get(parent) ?? [];
  if (!list.includes(child)) list.push(child);
  map.set(parent, list);
}

/** Rolls class × region cells up both trees and lists the relations between the totals. */
export function buildCube(base: readonly BaseCell[], trees: Trees): Cube {
  const industries = new Set<string>();
  const regions = new Set<string>();
  const industryChildren = new Map<string, string[]>();
  const regionChildren = new Map<string, string[]>();
  for (const b of base) {
    const ic = chain(b.industryCode, trees.industryParent);
    const rc = chain(b.regionCode, trees.regionParent);
    ic.forEach((c, i) => (industries.add(c), i > 0 && addTo(industryChildren, c, ic[i - 1] ?? c)));
    rc.forEach((c, i) => (regions.add(c), i > 0 && addTo(regionChildren, c, rc[i - 1] ?? c)));
  }
  // Regions with children and enterprises of their own need their direct part.
  const withDirect = new Set(base.map((b) => b.regionCode).filter((r) => regionChildren.has(r)));
  for (const r of withDirect) addTo(regionChildren, r, directRegion(r));
  const cells = new Map<string, CellStats>();
  const add = (id: string, b: CellStats) => {
    const c = cells.get(id);
    if (!c) cells.set(id, { total: b.total, count: b.count, max: b.max, absTotal: b.absTotal });
    else cells.set(id, { total: c.total + b.total, count: c.count + b.count, max: Math.max(c.max, b.max), absTotal: c.absTotal + b.absTotal });
  };
  for (const b of base) {
    const rc = chain(b.regionCode, trees.regionParent);
    if (withDirect.has(b.regionCode)) rc.push(directRegion(b.regionCode));
    for (const i of chain(b.industryCode, trees.industryParent)) for (const r of rc) add(cellId(i, r), b);
  }
  const relations: Relation[] = [];
  const regionNodes = [...regions, ...[...withDirect].map(directRegion)];
  for (const [p, children] of industryChildren) {
    for (const r of regionNodes) {
      if (!cells.has(cellId(p, r))) continue;
      relations.push({ total: cellId(p, r), parts: children.map((c) => cellId(c, r)).filter((id) => cells.has(id)) });
    }
  }
  for (const [g, children] of regionChildren) {
    for (const i of industries) {
      if (!cells.has(cellId(i, g))) continue;
      relations.push({ total: cellId(i, g), parts: children.map((c) => cellId(i, c)).filter((id) => cells.has(id)) });
    }
  }
  return { cells, relations, industries, regions, industryChildren, regionChildren };
}

/** Rolls the 可比口径 sums up both trees (no relations: they are published only as growth rates). */
export function rollUpComparable(base: readonly ComparableBase[], trees: Trees): Map<string, ComparableStats> {
  const out = new Map<string, ComparableStats>();
  for (const b of base) {
    for (const i of chain(b.industryCode, trees.industryParent)) {
      for (const r of chain(b.regionCode, trees.regionParent)) {
        const id = cellId(i, r);
        const c = out.get(id);
        out.set(
          id,
          c
            ? {
                current: c.current + b.current, previous: c.previous + b.previous, count: c.count + b.count, maxCurrent: Math.max(c.maxCurrent, b.maxCurrent),
                maxPrevious: Math.max(c.maxPrevious, b.maxPrevious), absCurrent: c.absCurrent + b.absCurrent, absPrevious: c.absPrevious + b.absPrevious,
              }
            : { current: b.current, previous: b.previous, count: b.count, maxCurrent: b.maxCurrent, maxPrevious: b.maxPrevious, absCurrent: b.absCurrent, absPrevious: b.absPrevious },
        );
      }
    }
  }
  return out;
}

/** Growth rate in percent, or null when the base is zero or missing. */
export function growthPercent(current: number, previous: number | null | undefined): number | null {
  if (previous === null || previous === undefined || previous === 0) return null;
  return ((current - previous) / Math.abs(previous)) * 100;
}
