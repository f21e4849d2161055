/**
 * What may be published of a survey cell (统计资料保密): no published index may reveal one enterprise's answer.
 *
 * - Primary: a cell with fewer than `minRespondents` respondents is withheld (with two, each knows the other's answer
 *   from the index); a weighted cell whose largest respondent holds more than `dominancePercent` of the weight is
 *   withheld too (the weighted index would be nearly that enterprise's own answer).
 * - Complementary: a total's index and n are the weighted mean of its parts' (DI_total · n_total = Σ DI_part ·
 *   n_part), so when one part of a total is withheld and the others are published, the withheld one is computed back.
 *   Then the smallest other part is withheld as well, until no total has exactly one withheld part.
 *
 * The cell statistics use the field names of the enterprise database's suppression (issue 18:
 * domain/confidentiality/suppression.ts, `CellStats`), so one implementation can serve both when they meet; that one
 * also audits recoverability exactly over linked tables. The survey publishes only partitions of the whole sample
 * (by industry, by size, by district — never crossed), which share no cell but the total, so two withheld cells per
 * relation already leave every withheld index undetermined.
 */

export interface ConfidentialitySettings {
  /** A cell with fewer respondents is withheld (3 by default). */
  minRespondents: number;
  /** A weighted cell whose largest weight exceeds this share (percent) of the total is withheld (85 by default). */
  dominancePercent: number;
}

export const DEFAULT_CONFIDENTIALITY: ConfidentialitySettings = { minRespondents: 3, dominancePercent: 85 };

export interface CellStats {
  /** Respondents. */
  count: number;
  /** Sum of the weights (for an unweighted cell: the count). */
  total: number;
  /** The largest single weight. */
  max: number;
}

/** A published total and the cells that partition it (an industry of its sections, all enterprises of their sizes). */
export interface Relation {
  total: string;
  parts: readonly string[];
}

export type WithholdReason = 'count' | 'dominance' | 'complementary';

/**
 * Why a cell must be withheld on its own, or null. An empty cell reveals nobody (and has no index to publish).
 *
 * @example
 * primaryReason({ count: 2, total: 2, max: 1 }, DEFAULT_CONFIDENTIALITY)      // 'count'
 * primaryReason({ count: 5, total: 1000, max: 900 }, DEFAULT_CONFIDENTIALITY) // 'dominance'
 */
export function primaryReason(c: CellStats, s: ConfidentialitySettings): WithholdReason | null {
  if (c.count === 0) return null;
  if (c.count < s.minRespondents) return 'count';
  if (c.total > 0 && c.max * 100 > s.dominancePercent * c.total) return 'dominance';
  return null;
}

/**
 * The cells to withhold and why: primary reasons first, then complementary partners (the smallest published part by
 * respondents, ties by id) until no relation has exactly one withheld non-empty part. Deterministic.
 */
export function withheldCells(cells: ReadonlyMap<string, CellStats>, relations: readonly Relation[], s: ConfidentialitySettings): Map<string, WithholdReason> {
  const out = new Map<string, WithholdReason>();
  for (const [id, c] of cells) {
    const r = primaryReason(c, s);
    if (r) out.set(id, r);
  }
  // Only a withheld cell can need a partner: with none, the table is published whole.
  if (out.size === 0) return out;
  const count = (id: string) => cells.get(id)?.count ?? 0;
  for (let changed = true; changed; ) {
    changed = false;
    for (const rel of relations) {
      const parts = rel.parts.filter((p) => count(p) > 0);
      const hidden = parts.filter((p) => out.has(p));
      // A published total with one withheld part gives that part back; a withheld total with every part published
      // is their weighted mean. With two unknowns in the relation neither can be computed.
      const totalHidden = out.has(rel.total);
      const leaks = totalHidden ? hidden.length === 0 && parts.length > 0 : hidden.length === 1;
      if (!leaks) continue;
      const candidates = parts.filter((p) => !out.has(p)).sort((a, b) => count(a) - count(b) || (a < b ? -1 : 1));
      const partner = candidates[0] ?? (totalHidden ? null : rel.total);
      if (partner === null || count(partner) === 0) continue;
      out.set(partner, 'complementary');
      changed = true;
    }
  }
  return out;
}
