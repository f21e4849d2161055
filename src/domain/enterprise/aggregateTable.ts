/**
 * The industry aggregates a reader sees: totals, counts, growth (all enterprises, and 可比口径 — the same enterprises in
 * both periods), and shares, with the confidentiality rules applied. For a reader without microdata rights nothing
 * that would let a suppressed value be worked out is shown: a suppressed total is null, and so is every figure
 * derived from it — its share, its growth, and the growth of a cell whose last-year total is suppressed (growth and
 * this year's total would give last year's). Counts of enterprises are published (the number of units is no
 * enterprise's secret). A reader with microdata rights sees every value and why a cell would be hidden.
 */
import { primaryReason, type ConfidentialityRules, type SuppressionReason } from '../confidentiality/suppression';
import { ALL_INDUSTRIES, cellId, growthPercent, type ComparableStats, type Cube } from './cube';

export interface AggregateCell {
  industry: string;
  region: string;
  count: number;
  total: number | null;
  suppressed: boolean;
  /** Why the cell is hidden from the public (shown to microdata readers only; null otherwise). */
  reason: SuppressionReason | null;
  /** Year-on-year growth of the total, %, all enterprises of the cell in each year. */
  growth: number | null;
  /** 可比口径: growth of the enterprises with a figure in both years, %. */
  comparableGrowth: number | null;
  comparableCount: number | null;
  /** Share of the cell in its parent industry in the same region, %. */
  shareOfParent: number | null;
}

export interface TableInput {
  cube: Cube;
  suppressed: ReadonlyMap<string, SuppressionReason>;
  /** Last year's cube for the same months, and its suppression. */
  previous: { cube: Cube; suppressed: ReadonlyMap<string, SuppressionReason> } | null;
  comparable: ReadonlyMap<string, ComparableStats>;
  rules: ConfidentialityRules;
  industryParent(code: string): string | null;
  microdata: boolean;
}

export function aggregateCell(t: TableInput, industry: string, region: string): AggregateCell {
  const id = cellId(industry, region);
  const c = t.cube.cells.get(id);
  const hidden = t.suppressed.get(id) ?? null;
  const shown = t.microdata || hidden === null;
  const prevId = id;
  const prev = t.previous?.cube.cells.get(prevId) ?? null;
  const prevShown = t.microdata || !t.previous?.suppressed.has(prevId);
  const cmp = t.comparable.get(id);
  const cmpSafe =
    cmp !== undefined &&
    primaryReason({ total: cmp.current, count: cmp.count, max: cmp.maxCurrent, absTotal: cmp.absCurrent }, t.rules) === null &&
    primaryReason({ total: cmp.previous, count: cmp.count, max: cmp.maxPrevious, absTotal: cmp.absPrevious }, t.rules) === null;
  const parent = industry === ALL_INDUSTRIES ? null : t.industryParent(industry);
  const parentId = parent === null ? null : cellId(parent, region);
  const parentCell = parentId === null ? undefined : t.cube.cells.get(parentId);
  const parentShown = parentId !== null && (t.microdata || !t.suppressed.has(parentId));
  return {
    industry,
    region,
    count: c?.count ?? 0,
    total: c && shown ? c.total : c ? null : 0,
    suppressed: hidden !== null,
    reason: t.microdata ? hidden : null,
    growth: c && shown && prev && prevShown ? growthPercent(c.total, prev.total) : null,
    comparableGrowth: c && shown && cmp && (t.microdata || cmpSafe) ? growthPercent(cmp.current, cmp.previous) : null,
    comparableCount: cmp?.count ?? (t.previous ? 0 : null),
    shareOfParent: c && shown && parentCell && parentShown && parentCell.total !== 0 ? (c.total / parentCell.total) * 100 : null,
  };
}
