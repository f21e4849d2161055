/**
 * Statistical confidentiality (统计资料保密): no published aggregate may reveal one enterprise.
 *
 * Primary suppression: a cell is sensitive when fewer than `minCount` enterprises make it (3 by default), or when the
 * largest holds more than `dominancePercent` of it (the (n, k) dominance rule with n = 1, k = 85 % by default;
 * contributions are taken in absolute value, so profits and losses count alike). An empty cell (no enterprise) is
 * known to be 0 and reveals nobody.
 *
 * Complementary suppression: a table publishes totals, and a total equals the sum of its parts (an industry of its
 * sub-industries, a city of its districts). A suppressed cell that is the only unknown of such a relation is its
 * total minus the others, so more cells are hidden until no suppressed cell can be computed back: first until every
 * relation has none or at least two unknown members (the smallest other cell is hidden, a part before the total),
 * then by an exact audit (`determinedCells`): any suppressed cell that linear algebra over all relations still pins
 * down gets another partner. The audit proves exact recovery impossible; it does not bound how narrowly a cell may
 * be estimated from non-negativity (protection intervals) — see docs/ENTERPRISES.md.
 */

export interface ConfidentialityRules {
  /** A cell with fewer enterprises is suppressed. */
  minCount: number;
  /** A cell whose largest enterprise holds more than this share (percent) is suppressed. */
  dominancePercent: number;
}

export const DEFAULT_RULES: ConfidentialityRules = { minCount: 3, dominancePercent: 85 };

/** A cell of a table: its total, how many enterprises make it, and the largest one's contribution (absolute). */
export interface CellStats {
  total: number;
  count: number;
  /** The largest absolute contribution of one enterprise. */
  max: number;
  /** The sum of absolute contributions (equals total when every value is ≥ 0). */
  absTotal: number;
}

/** A published total and its parts: total = Σ parts. */
export interface Relation {
  total: string;
  parts: readonly string[];
}

export type SuppressionReason = 'count' | 'dominance' | 'complementary';

/**
 * Why a cell must be hidden on its own, or null.
 *
 * @example
 * primaryReason({ total: 100, count: 2, max: 60, absTotal: 100 }, DEFAULT_RULES) // 'count'
 * primaryReason({ total: 100, count: 9, max: 90, absTotal: 100 }, DEFAULT_RULES) // 'dominance'
 */
export function primaryReason(c: CellStats, rules: ConfidentialityRules): SuppressionReason | null {
  if (c.count === 0) return null;
  if (c.count < rules.minCount) return 'count';
  if (c.absTotal > 0 && c.max * 100 > rules.dominancePercent * c.absTotal) return 'dominance';
  return null;
}

export interface SuppressionResult {
  suppressed: Map<string, SuppressionReason>;
  /** Rounds of the exact audit that found a recoverable cell (0: the singleton rule was enough). */
  auditRounds: number;
}

/**
 * Primary and complementary suppression over a table of cells and its sum relations.
 * Deterministic: ties between candidate partners are broken by cell id.
 */
export function suppress(cells: ReadonlyMap<string, CellStats>, relations: readonly Relation[], rules: ConfidentialityRules): SuppressionResult {
  const suppressed = new Map<string, SuppressionReason>();
  for (const [id, c] of cells) {
    const r = primaryReason(c, rules);
    if (r) suppressed.set(id, r);
  }
  const empty = (id: string) => (cells.get(id)?.count ?? 0) === 0;
  /** The best partner to hide in a relation besides `exclude`: the smallest non-empty published part, else the total. */
  const partner = (rel: Relation, exclude: string): string | null => {
    const candidates = rel.parts.filter((p) => p !== exclude && !suppressed.has(p) && !empty(p));
    candidates.sort((a, b) => Math.abs(cells.get(a)?.total ?? 0) - Math.abs(cells.get(b)?.total ?? 0) || (a < b ? -1 : 1));
    if (candidates[0]) return candidates[0];
    return rel.total !== exclude && !suppressed.has(rel.total) && !empty(rel.total) ? rel.total : null;
  };

  const singletons = (): boolean => {
    let changed = false;
    let again = true;
    while (again) {
      again = false;
      for (const rel of relations) {
        const hidden = [rel.total, ...rel.parts].filter((id) => suppressed.has(id) && !empty(id));
        if (hidden.length !== 1) continue;
        const p = partner(rel, hidden[0] ?? '');
        if (p) {
          suppressed.set(p, 'complementary');
          again = changed = true;
        }
      }
    }
    return changed;
  };

  singletons();
  let auditRounds = 0;
  for (;;) {
    const determined = determinedCells(relations, new Set([...suppressed.keys()].filter((id) => !empty(id))));
    if (determined.length === 0) break;
    auditRounds++;
    let added = false;
    for (const d of determined) {
      // Hide one of the published cells the recovery used: the smallest non-empty one.
      const p = d.via
        .filter((id) => !suppressed.has(id) && !empty(id))
        .sort((a, b) => Math.abs(cells.get(a)?.total ?? 0) - Math.abs(cells.get(b)?.total ?? 0) || (a < b ? -1 : 1))[0];
      if (p) {
        suppressed.set(p, 'complementary');
        added = true;
      }
    }
    // A cell determined by empty cells alone (known zeros) cannot be protected by hiding more; stop rather than loop.
    if (!added) break;
    singletons();
  }
  return { suppressed, auditRounds };
}

/** A hidden cell that the published cells determine, and the published cells that determine it. */
export interface DeterminedCell {
  cell: string;
  via: string[];
}

/**
 * The hidden cells whose values follow exactly from the published cells and the relations. Each relation is an
 * equation over all its cells; elimination pivots on hidden cells only, so when an equation is left with a single
 * hidden cell, that cell equals a combination of published ones (`via`). Equivalently: the cell's unit vector lies
 * in the row space of the relations restricted to the hidden cells. Sparse Gauss–Jordan, one connected group of
 * hidden cells at a time.
 */
export function determinedCells(relations: readonly Relation[], hidden: ReadonlySet<string>): DeterminedCell[] {
  const rows: Array<Map<string, number>> = [];
  for (const rel of relations) {
    const row = new Map<string, number>([[rel.total, -1]]);
    for (const p of rel.parts) row.set(p, (row.get(p) ?? 0) + 1);
    if ([...row.keys()].some((k) => hidden.has(k))) rows.push(row);
  }
  const out: DeterminedCell[] = [];
  for (const group of components(rows, hidden)) {
    for (const r of rref(group, hidden)) {
      const unknown = [...r.keys()].filter((k) => hidden.has(k));
      if (unknown.length === 1) out.push({ cell: unknown[0] ?? '', via: [...r.keys()].filter((k) => !hidden.has(k)).sort() });
    }
  }
  return out.sort((a, b) => (a.cell < b.cell ? -1 : a.cell > b.cell ? 1 : 0));
}

/** Splits equations into groups that share no hidden cell (union–find). */
function components(rows: ReadonlyArray<Map<string, number>>, hidden: ReadonlySet<string>): Array<Array<Map<string, number>>> {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r) ?? r;
    parent.set(x, r);
    return r;
  };
  const unknowns = (row: Map<string, number>) => [...row.keys()].filter((k) => hidden.has(k));
  for (const row of rows) {
    const ids = unknowns(row);
    for (const id of ids) if (!parent.has(id)) parent.set(id, id);
    for (const id of ids.slice(1)) parent.set(find(id), find(ids[0] ?? id));
  }
  const groups = new Map<string, Array<Map<string, number>>>();
  for (const row of rows) {
    const key = find(unknowns(row)[0] ?? '');
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.values()];
}

const EPS = 1e-9;

/**
 * Gauss–Jordan elimination of sparse rows, pivoting on hidden cells only (published cells are the right-hand side).
 * Coefficients start as small integers (±1), so the tolerance only absorbs rounding; the row with fewest hidden
 * cells goes first, to limit fill-in. Returns the pivot rows (each with its hidden cells reduced).
 */
function rref(input: ReadonlyArray<Map<string, number>>, hidden: ReadonlySet<string>): Array<Map<string, number>> {
  const pending = input.map((r) => new Map(r));
  const pivots: Array<{ col: string; row: Map<string, number> }> = [];
  const unknowns = (r: Map<string, number>) => [...r.keys()].filter((k) => hidden.has(k));
  while (pending.length > 0) {
    pending.sort((a, b) => unknowns(a).length - unknowns(b).length);
    const row = pending.shift();
    if (!row) break;
    const cols = unknowns(row).sort();
    const col = cols[0];
    if (col === undefined) continue;
    const pv = row.get(col) ?? 1;
    for (const [k, v] of row) row.set(k, v / pv);
    const eliminate = (r: Map<string, number>) => {
      const f = r.get(col);
      if (f === undefined) return;
      for (const [k, v] of row) {
        const nv = (r.get(k) ?? 0) - f * v;
        if (Math.abs(nv) < EPS) r.delete(k);
        else r.set(k, nv);
      }
    };
    for (const r of pending) eliminate(r);
    for (const p of pivots) eliminate(p.row);
    pivots.push({ col, row });
    for (let i = pending.length - 1; i >= 0; i--) if (unknowns(pending[i] ?? new Map()).length === 0) pending.splice(i, 1);
  }
  return pivots.map((p) => p.row);
}
