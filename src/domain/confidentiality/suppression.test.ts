import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, determinedCells, primaryReason, suppress, type CellStats, type Relation } from './suppression';

const cell = (total: number, count: number, max = total / Math.max(count, 1)): CellStats => ({ total, count, max, absTotal: Math.abs(total) });

describe('primary suppression', () => {
  it('hides fewer than 3 enterprises, or one holding more than 85 %, and never an empty cell', () => {
    expect(primaryReason(cell(100, 2), DEFAULT_RULES)).toBe('count');
    expect(primaryReason(cell(100, 3, 86), DEFAULT_RULES)).toBe('dominance');
    expect(primaryReason(cell(100, 3, 85), DEFAULT_RULES)).toBe(null);
    expect(primaryReason(cell(0, 0), DEFAULT_RULES)).toBe(null);
    // Losses count by their size: −90 of |−90| + 5 + 5 dominates.
    expect(primaryReason({ total: -80, count: 3, max: 90, absTotal: 100 }, DEFAULT_RULES)).toBe('dominance');
    // Both thresholds are settings.
    expect(primaryReason(cell(100, 4), { minCount: 5, dominancePercent: 85 })).toBe('count');
  });
});

describe('complementary suppression', () => {
  // Division 65 in 南山区, by class (万元): 6511 one enterprise alone (primary), 6513 and 6520 published, and the
  // division total published. With primary suppression only, 6511 = 65 − 6513 − 6520 = 2000 − 1200 − 700 = 100.
  const cells = new Map<string, CellStats>([
    ['65', cell(2000, 12)],
    ['6511', cell(100, 1)],
    ['6513', cell(1200, 7)],
    ['6520', cell(700, 4)],
  ]);
  const relations: Relation[] = [{ total: '65', parts: ['6511', '6513', '6520'] }];

  it('shows the leak: with the primary cell alone hidden, the total gives it back', () => {
    expect(determinedCells(relations, new Set(['6511']))).toEqual([{ cell: '6511', via: ['65', '6513', '6520'] }]);
    // …the arithmetic a reader would do:
    expect(2000 - 1200 - 700).toBe(100);
  });

  it('hides the smallest other part as well, after which no hidden cell can be computed', () => {
    const { suppressed } = suppress(cells, relations, DEFAULT_RULES);
    expect(Object.fromEntries(suppressed)).toEqual({ '6511': 'count', '6520': 'complementary' });
    expect(determinedCells(relations, new Set(suppressed.keys()))).toEqual([]);
  });

  it('protects through both hierarchies (industry and region) at once', () => {
    // Two classes × two districts, with the division and the city as totals.
    const c = new Map<string, CellStats>([
      ['A|D1', cell(100, 1)], ['A|D2', cell(500, 6)], ['A|C', cell(600, 7)],
      ['B|D1', cell(800, 5)], ['B|D2', cell(900, 9)], ['B|C', cell(1700, 14)],
      ['T|D1', cell(900, 6)], ['T|D2', cell(1400, 15)], ['T|C', cell(2300, 21)],
    ]);
    const rels: Relation[] = [
      { total: 'T|D1', parts: ['A|D1', 'B|D1'] }, { total: 'T|D2', parts: ['A|D2', 'B|D2'] }, { total: 'T|C', parts: ['A|C', 'B|C'] },
      { total: 'A|C', parts: ['A|D1', 'A|D2'] }, { total: 'B|C', parts: ['B|D1', 'B|D2'] }, { total: 'T|C', parts: ['T|D1', 'T|D2'] },
    ];
    const { suppressed } = suppress(c, rels, DEFAULT_RULES);
    expect(suppressed.get('A|D1')).toBe('count');
    // Each row and column holding the hidden cell has a second hidden one: the 2×2 block A/B × D1/D2.
    expect([...suppressed.keys()].sort()).toEqual(['A|D1', 'A|D2', 'B|D1', 'B|D2']);
    expect(determinedCells(rels, new Set(suppressed.keys()))).toEqual([]);
  });

  it('goes beyond "two hidden cells per total" when the linear audit still recovers one (a bridge between blocks)', () => {
    // A 4×4 table with row and column totals. Two hidden 2×2 blocks and the cell a13 joining them: every row and
    // column holds 0 or ≥ 2 hidden cells, yet a13 = R1 + R2 − C1 − C2 − (published cells) is determined.
    const rel: Relation[] = [];
    for (let r = 1; r <= 4; r++) rel.push({ total: `R${r}`, parts: [1, 2, 3, 4].map((k) => `a${r}${k}`) });
    for (let k = 1; k <= 4; k++) rel.push({ total: `C${k}`, parts: [1, 2, 3, 4].map((r) => `a${r}${k}`) });
    const hidden = ['a11', 'a12', 'a21', 'a22', 'a33', 'a34', 'a43', 'a44', 'a13'];
    expect(determinedCells(rel, new Set(hidden)).map((d) => d.cell)).toEqual(['a13']);
    // As a table: those nine cells are primary (n = 1), everything else is safe.
    const c = new Map<string, CellStats>();
    for (let r = 1; r <= 4; r++) for (let k = 1; k <= 4; k++) c.set(`a${r}${k}`, hidden.includes(`a${r}${k}`) ? cell(10 * r + k, 1) : cell(100 + r + k, 9));
    for (let r = 1; r <= 4; r++) c.set(`R${r}`, cell(1000, 30));
    for (let k = 1; k <= 4; k++) c.set(`C${k}`, cell(1000, 30));
    const { suppressed, auditRounds } = suppress(c, rel, DEFAULT_RULES);
    expect(auditRounds).toBeGreaterThan(0);
    expect(determinedCells(rel, new Set(suppressed.keys()))).toEqual([]);
  });

  it('property: after suppression no hidden cell is determined, and every sensitive cell stays hidden', () => {
    // Random tables of 2–4 industries × 2–4 districts with their margins.
    const table = fc.record({
      rows: fc.integer({ min: 2, max: 4 }),
      cols: fc.integer({ min: 2, max: 4 }),
      counts: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 16, maxLength: 16 }),
      values: fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 16, maxLength: 16 }),
    });
    fc.assert(
      fc.property(table, ({ rows, cols, counts, values }) => {
        const c = new Map<string, CellStats>();
        const rel: Relation[] = [];
        const rowTot = Array.from({ length: rows }, () => ({ total: 0, count: 0, max: 0 }));
        const colTot = Array.from({ length: cols }, () => ({ total: 0, count: 0, max: 0 }));
        for (let r = 0; r < rows; r++) {
          for (let k = 0; k < cols; k++) {
            const n = counts[r * 4 + k] ?? 0;
            const v = n === 0 ? 0 : (values[r * 4 + k] ?? 1);
            const max = n === 0 ? 0 : v / n;
            c.set(`${r}|${k}`, { total: v, count: n, max, absTotal: v });
            for (const t of [rowTot[r], colTot[k]]) if (t) Object.assign(t, { total: t.total + v, count: t.count + n, max: Math.max(t.max, max) });
          }
        }
        rowTot.forEach((t, r) => c.set(`${r}|T`, { ...t, absTotal: t.total }));
        colTot.forEach((t, k) => c.set(`T|${k}`, { ...t, absTotal: t.total }));
        for (let r = 0; r < rows; r++) rel.push({ total: `${r}|T`, parts: Array.from({ length: cols }, (_, k) => `${r}|${k}`) });
        for (let k = 0; k < cols; k++) rel.push({ total: `T|${k}`, parts: Array.from({ length: rows }, (_, r) => `${r}|${k}`) });
        const { suppressed } = suppress(c, rel, DEFAULT_RULES);
        const hidden = new Set([...suppressed.keys()].filter((id) => (c.get(id)?.count ?? 0) > 0));
        for (const [id, s] of c) if (primaryReason(s, DEFAULT_RULES) && !suppressed.has(id)) return false;
        return determinedCells(rel, hidden).length === 0;
      }),
      { numRuns: 300 },
    );
  });
});
