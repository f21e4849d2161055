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
  // Each relation's non-empty members (an empty cell is a known zero: it neither hides nor helps to hide), how many
  // of them are hidden, and the relations each cell is in — kept up to date as cells are hidden.
  const members = relations.map((rel) => ({ total: empty(rel.total) ? null : rel.total, parts: rel.parts.filter((p) => !empty(p)) }));
  const hiddenCount = members.map((m) => [m.total, ...m.parts].filter((id) => id !== null && suppressed.has(id)).length);
  const relationsOf = new Map<string, number[]>();
  members.forEach((m, i) => {
    for (const id of [m.total, ...m.parts]) if (id !== null) relationsOf.set(id, [...(relationsOf.get(id) ?? []), i]);
  });
  const queue: number[] = [];
  const hide = (id: string, reason: SuppressionReason) => {
    if (suppressed.has(id)) return;
    suppressed.set(id, reason);
    for (const r of relationsOf.get(id) ?? []) {
      hiddenCount[r] = (hiddenCount[r] ?? 0) + 1;
      queue.push(r);
    }
  };
  const bySize = (a: string, b: string) => Math.abs(cells.get(a)?.total ?? 0) - Math.abs(cells.get(b)?.total ?? 0) || (a < b ? -1 : 1);

  /** Until no relation has exactly one hidden member: hide its smallest published part, else its total. */
  const singletons = (): void => {
    while (queue.length > 0) {
      const r = queue.pop() ?? 0;
      if (hiddenCount[r] !== 1) continue;
      const m = members[r];
      if (!m) continue;
      const part = m.parts.filter((p) => !suppressed.has(p)).sort(bySize)[0];
      if (part) hide(part, 'complementary');
      else if (m.total !== null && !suppressed.has(m.total)) hide(m.total, 'complementary');
    }
  };
  members.forEach((_, i) => queue.push(i));

  singletons();
  let auditRounds = 0;
  for (;;) {
    const determined = determinedCells(relations, new Set([...suppressed.keys()].filter((id) => !empty(id))));
    if (determined.length === 0) break;
    auditRounds++;
    let added = false;
    for (const d of determined) {
      // Hide one of the published cells the recovery used: the smallest non-empty one.
      const p = d.via.filter((id) => !suppressed.has(id) && !empty(id)).sort(bySize)[0];
      if (p) {
        hide(p, 'complementary');
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
 * The hidden cells whose values follow exactly from the published cells and the relations: a cell is determined
 * when its unit vector lies in the row space of the relations' coefficients over the hidden cells (reduced row
 * echelon form: a row with that cell alone). Sparse Gauss–Jordan over the hidden cells only, one connected group at
 * a time; each row remembers which relations it combines, and `via` lists their published cells — the cells from
 * which the determined one can be computed, among which another must be hidden.
 */
export function determinedCells(relations: readonly Relation[], hidden: ReadonlySet<string>): DeterminedCell[] {
  const rows: Equation[] = [];
  relations.forEach((rel, i) => {
    const coef = new Map<string, number>();
    if (hidden.has(rel.total)) coef.set(rel.total, -1);
    for (const p of rel.parts) if (hidden.has(p)) coef.set(p, (coef.get(p) ?? 0) + 1);
    for (const [k, v] of coef) if (v === 0) coef.delete(k);
    if (coef.size > 0) rows.push({ coef, from: new Set([i]) });
  });
  const out: DeterminedCell[] = [];
  for (const group of components(rows)) {
    for (const r of rref(group)) {
      if (r.coef.size !== 1) continue;
      const via = new Set<string>();
      for (const i of r.from) {
        const rel = relations[i];
        if (rel) for (const id of [rel.total, ...rel.parts]) if (!hidden.has(id)) via.add(id);
      }
      out.push({ cell: [...r.coef.keys()][0] ?? '', via: [...via].sort() });
    }
  }
  return out.sort((a, b) => (a.cell < b.cell ? -1 : a.cell > b.cell ? 1 : 0));
}

/** An equation over hidden cells, and the relations (by index) it was combined from. */
interface Equation {
  coef: Map<string, number>;
  from: Set<number>;
}

/** Splits equations into groups that share no hidden cell (union–find). */
function components(rows: readonly Equation[]): Equation[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r) ?? r;
    parent.set(x, r);
    return r;
  };
  for (const row of rows) {
    const ids = [...row.coef.keys()];
    for (const id of ids) if (!parent.has(id)) parent.set(id, id);
    for (const id of ids.slice(1)) parent.set(find(id), find(ids[0] ?? id));
  }
  const groups = new Map<string, Equation[]>();
  for (const row of rows) {
    const key = find([...row.coef.keys()][0] ?? '');
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.values()];
}

const EPS = 1e-9;

/**
 * Gauss–Jordan elimination of sparse equations over hidden cells. Coefficients start as small integers (±1), so the
 * tolerance only absorbs rounding; the equation with fewest cells goes first, to limit fill-in.
 */
function rref(input: readonly Equation[]): Equation[] {
  const pending = input.map((r) => ({ coef: new Map(r.coef), from: new Set(r.from) }));
  const pivots: Equation[] = [];
  const done = new Array<boolean>(pending.length).fill(false);
  for (;;) {
    let best = -1;
    for (let i = 0; i < pending.length; i++) {
      const size = pending[i]?.coef.size ?? 0;
      if (!done[i] && size > 0 && (best < 0 || size < (pending[best]?.coef.size ?? 0))) best = i;
    }
    if (best < 0) break;
    done[best] = true;
    const row = pending[best];
    if (!row) break;
    let col: string | null = null;
    for (const k of row.coef.keys()) if (col === null || k < col) col = k;
    if (col === null) continue;
    const pivotCol = col;
    const pv = row.coef.get(pivotCol) ?? 1;
    for (const [k, v] of row.coef) row.coef.set(k, v / pv);
    const eliminate = (r: Equation) => {
      const f = r.coef.get(pivotCol);
      if (f === undefined) return;
      for (const [k, v] of row.coef) {
        const nv = (r.coef.get(k) ?? 0) - f * v;
        if (Math.abs(nv) < EPS) r.coef.delete(k);
        else r.coef.set(k, nv);
      }
      for (const i of row.from) r.from.add(i);
    };
    for (let i = 0; i < pending.length; i++) if (!done[i]) eliminate(pending[i] as Equation);
    for (const p of pivots) eliminate(p);
    pivots.push(row);
  }
  return pivots;
}
