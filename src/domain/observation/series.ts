/**
 * An annual series for evaluation: for each year, the figure the preference rule chooses among those published by
 * the cut-off date, and — for a share not published that year — the share derived from its numerator and
 * denominator on one revision basis (./revisionBasis.ts). Pure: figures come in, the series and its reasons go out.
 */
import type { LocalizedText } from '../text';
import type { Observation } from './observation';
import { choosePreferred, type RankedCandidate } from './preference';
import { revisionBasis } from './revisionBasis';

export interface SeriesPoint {
  year: number;
  value: number;
  /** The figure used; for a derived share, null (see `derivation`). */
  observation: Observation | null;
  candidates: RankedCandidate[];
  derivation: { numerator: Observation; denominator: Observation; basis: LocalizedText } | null;
  /** Set when no annual figure exists and an in-year one (this period code, e.g. 2025-01~09) stands in for the year. */
  standIn?: string;
}

export interface SeriesOptions {
  /** Only figures published on or before this ISO date count; null = all. */
  publishedBy: string | null;
  /** Only years up to this one. */
  maxYear: number;
  /**
   * Levels in money are compared at current prices (targets such as 2.5万亿元 are nominal): figures at comparable
   * prices are left out unless the indicator asks for them. Growth rates are read on one basis: 'current' for
   * nominal rates (现价, 名义), 'comparable' for real ones (可比价, or unstated: growth rates are real unless a
   * figure says otherwise).
   */
  priceBasis: 'current' | 'comparable' | 'any';
}

const isYear = (o: Observation) => /^\d{4}$/.test(o.periodCode);

/** The chosen annual figure per year (ascending), for one indicator and region. */
export function annualSeries(figures: readonly Observation[], opts: SeriesOptions): SeriesPoint[] {
  const byYear = new Map<number, Observation[]>();
  for (const o of figures) {
    if (!isYear(o)) continue;
    const year = Number(o.periodCode);
    if (year > opts.maxYear) continue;
    if (opts.priceBasis === 'current' && o.priceBasis === 'comparable') continue;
    if (opts.priceBasis === 'comparable' && o.priceBasis === 'current') continue;
    const list = byYear.get(year) ?? [];
    list.push(o);
    byYear.set(year, list);
  }
  const points: SeriesPoint[] = [];
  for (const [year, list] of [...byYear.entries()].sort((a, b) => a[0] - b[0])) {
    const pref = choosePreferred(list, opts.publishedBy);
    if (pref.chosen) points.push({ year, value: pref.chosen.valueStd, observation: pref.chosen, candidates: pref.candidates, derivation: null });
  }
  return points;
}

/**
 * Fills the years a share is not published with numerator / denominator × 100, when both figures of that year
 * stand on the same revision basis. Figures from both sides of an economic-census revision are never combined.
 *
 * @returns the share series, and for each year it could not derive, why.
 */
export function withDerivedShares(
  share: readonly SeriesPoint[],
  numerator: readonly SeriesPoint[],
  denominator: readonly SeriesPoint[],
): { points: SeriesPoint[]; gaps: Array<{ year: number; reason: LocalizedText }> } {
  const have = new Set(share.map((p) => p.year));
  const den = new Map(denominator.map((p) => [p.year, p]));
  const points = [...share];
  const gaps: Array<{ year: number; reason: LocalizedText }> = [];
  for (const n of numerator) {
    if (have.has(n.year)) continue;
    const d = den.get(n.year);
    if (!d || !n.observation || !d.observation) continue;
    const bn = revisionBasis(n.observation.publishedDate);
    const bd = revisionBasis(d.observation.publishedDate);
    if (bn.id !== bd.id) {
      gaps.push({
        year: n.year,
        reason: {
          zh: `分子（${bn.label.zh}）与分母（${bd.label.zh}）口径不同，不计算占比`,
          en: `numerator (${bn.label.en}) and denominator (${bd.label.en}) stand on different revision bases: no share computed`,
        },
      });
      continue;
    }
    if (d.value === 0) continue;
    points.push({
      year: n.year,
      value: (n.value / d.value) * 100,
      observation: null,
      candidates: [],
      derivation: { numerator: n.observation, denominator: d.observation, basis: bn.label },
    });
  }
  points.sort((a, b) => a.year - b.year);
  return { points, gaps };
}
