/**
 * The fresh-import path (services/enterprises/import/freshFigures.ts), on both databases: a figure file whose
 * enterprises have nothing stored in its years is checked in Node and copied straight into enterprise_figures. It
 * must store exactly what the staging path stores (the registry version in force per month included), report the
 * same problems, leave nothing written when any row is wrong, and hand a re-run to the staging path (unchanged,
 * revised).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../src/db/client';
import { queryRows } from '../src/db/raw';
import { FigureBuffer } from '../src/domain/enterprise/figureBuffer';
import { FileSeries } from '../src/domain/enterprise/fileSeries';
import { withCheckChar } from '../src/domain/enterprise/uscc';
import { prepare } from '../src/services/bootstrap';
import { SYSTEM } from '../src/services/access/audit';
import { importEnterpriseFile, type EnterpriseImportReport } from '../src/services/enterprises/import/importEnterprises';
import { drivers, serverUrl, withUnprivilegedDatabase } from './support/databases';
import { plansDir, regionsDir, root } from './support/paths';

const A = withCheckChar('91440305AAAAAAAA1');
const B = withCheckChar('91440304BBBBBBBB2');
// C moves from 福田 to 南山 and stops being 规上 from 2024-07: figures up to June keep the first version.
const C = withCheckChar('91440306CCCCCCCC3');
const U = withCheckChar('91440306UUUUUUUU4');
const REG_HEADER = ['统一社会信用代码', '单位名称', '行业代码', '区划代码', '规模以上', '企业规模', '成立日期', '变更日期'];
const REGISTRY = [
  REG_HEADER,
  [A, '甲软件有限公司', '6513', '南山区', '是', '中型', '2015-03-01', ''],
  [B, '乙咨询有限公司', '7243', '440304', '是', '', '2016-01-01', ''],
  [C, '丙物流有限公司', '6513', '440304', '是', '', '2018-01-01', ''],
  [C, '丙物流有限公司', '6513', '440305', '否', '', '2018-01-01', '2024-07-15'],
];
const FIG_HEADER = ['统一社会信用代码', '统计期', '指标', '数值', '计量单位'];
/** A year of monthly and 1–N月 figures for the three enterprises, in file order by enterprise (as exports come). */
function figureRows(): string[][] {
  const rows: string[][] = [FIG_HEADER];
  for (const [k, uscc] of [A, B, C].entries()) {
    let cumulative = 0;
    for (let m = 1; m <= 12; m++) {
      const month = `2024-${String(m).padStart(2, '0')}`;
      const revenue = 100 + 10 * k + m / 10;
      cumulative += revenue;
      rows.push([uscc, month, '营业收入', String(revenue), '万元']);
      rows.push([uscc, month, '从业人员期末人数', String(20 + k + m), '人']);
      if (m > 1) rows.push([uscc, `2024年1-${m}月`, '营业收入', cumulative.toFixed(1), '万元']);
    }
  }
  return rows;
}

const csv = (rows: string[][]) => rows.map((r) => r.join(',')).join('\n');
type Stored = { key: string; revision: number; region: string; industry: string; above: boolean; code: string; value: string; superseded: boolean };

describe.each(drivers)('fresh enterprise import on $name', ({ open }) => {
  let fast: Database;
  let staged: Database;
  let dir: string;
  let n = 0;
  const file = async (rows: string[][]) => {
    const f = path.join(dir, `f${n++}.csv`);
    await writeFile(f, csv(rows));
    return f;
  };
  const run = async (database: Database, rows: string[][], opts: { alwaysStage?: boolean; dryRun?: boolean; onError?: 'reject' | 'skip' } = {}): Promise<EnterpriseImportReport> =>
    importEnterpriseFile(database, { file: await file(rows), audit: SYSTEM, ...opts });
  const stored = async (database: Database): Promise<Stored[]> =>
    queryRows<Stored>(
      database.db,
      sql`select period_end || ' ' || item_code || ' ' || period_start || ' ' || uscc as key, revision, region_code as region, industry_code as industry,
        above_designated_size as above, period_code as code, value::text as value, superseded_at is not null as superseded
        from enterprise_figures order by period_end, item_code, period_start, uscc, revision`,
    );
  const batches = async (database: Database) => (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from enterprise_import_batches`))[0]?.n;

  beforeAll(async () => {
    [fast, staged] = await Promise.all([open(), open()]);
    dir = await mkdtemp(path.join(tmpdir(), 'pm-ent-fresh-'));
    for (const database of [fast, staged]) {
      await prepare(database, { regionsDir, plansDir, catalogueDir: path.join(root, 'catalogue'), enterprises: { dir: path.join(root, 'enterprises'), sample: false } });
      const r = await run(database, REGISTRY);
      expect(r.committed, JSON.stringify(r)).toBe(true);
    }
  });
  afterAll(async () => {
    await Promise.all([fast.close(), staged.close()]);
    await rm(dir, { recursive: true, force: true });
  });

  it('leaves nothing written when one row of a fresh file is wrong, and reports every problem with file, row and column', async () => {
    const rows = figureRows();
    const bad = rows.map((r) => [...r]);
    // Row 20: a bad check character; row 30: a repeat of row 29 with another value; row 40: an unknown enterprise;
    // row 50: a 1–N月 value below the month before it.
    const at = (row: number) => bad[row - 1] ?? [];
    at(20)[0] = A.slice(0, 17) + (A.endsWith('0') ? '1' : '0');
    bad[29] = [...at(29)];
    at(30)[3] = '999';
    at(40)[0] = U;
    const fall = bad.findIndex((r, i) => i > 45 && r[1]?.includes('1-') === true);
    const fallRow = bad[fall] ?? [];
    fallRow[3] = '1';
    const before = await batches(fast);
    const r = await run(fast, bad);
    expect(r.committed).toBe(false);
    expect(await stored(fast)).toEqual([]);
    expect(await batches(fast)).toBe(before);
    const byRow = new Map(r.rejected.map((p) => [p.row, p]));
    expect(byRow.get(20)).toMatchObject({ column: '统一社会信用代码', reason: expect.stringContaining('校验码错误') });
    expect(byRow.get(30)).toMatchObject({ column: null, reason: expect.stringContaining('conflicts with row 29') });
    expect(byRow.get(40)).toMatchObject({ column: '统一社会信用代码', reason: expect.stringContaining('is not in the registry') });
    expect(byRow.get(fall + 1)).toMatchObject({ column: '数值', reason: expect.stringContaining('累计值不应减少') });
    expect(r.rejected.every((p) => p.file === path.basename(p.file))).toBe(true);
    // The staging path says the same.
    const s = await run(staged, bad, { alwaysStage: true });
    expect(s.committed).toBe(false);
    expect(s.rejected.map((p) => [p.row, p.column, p.reason])).toEqual(r.rejected.map((p) => [p.row, p.column, p.reason]));
    expect(s.counts).toEqual(r.counts);
  });

  it('a dry run of a fresh file counts what it would add and writes nothing', async () => {
    const r = await run(fast, figureRows(), { dryRun: true });
    expect(r).toMatchObject({ committed: false, dryRun: true, counts: { newFigures: 3 * 35, rejectedRows: 0 } });
    expect(await stored(fast)).toEqual([]);
  });

  it('stores a fresh file exactly as the staging path does, the registry version in force per month included', async () => {
    const rows = figureRows();
    const r = await run(fast, rows);
    const s = await run(staged, rows, { alwaysStage: true });
    expect(r.committed, JSON.stringify(r.rejected.slice(0, 3))).toBe(true);
    expect(r.counts).toEqual(s.counts);
    expect(r.counts.newFigures).toBe(3 * 35);
    const mine = await stored(fast);
    expect(mine).toEqual(await stored(staged));
    const c = (end: number) => mine.find((f) => f.key === `${end} REVENUE ${end} ${C}`);
    expect(c(202406)).toMatchObject({ region: '440304', above: true });
    expect(c(202407)).toMatchObject({ region: '440305', above: false });
  });

  it('hands a re-run to the staging path: nothing added, a revision kept beside what it replaces', async () => {
    const rows = figureRows();
    const again = await run(fast, rows);
    expect(again).toMatchObject({ committed: false, counts: { newFigures: 0, revisedFigures: 0, unchangedFigures: 3 * 35, rejectedRows: 0 } });
    const revised = [FIG_HEADER, [A, '2024-03', '营业收入', '555', '万元'], [A, '2025-01', '营业收入', '1', '万元']];
    const r = await run(fast, revised);
    const s = await run(staged, revised);
    expect(r.counts).toMatchObject({ newFigures: 1, revisedFigures: 1 });
    expect(r.counts).toEqual(s.counts);
    expect(await stored(fast)).toEqual(await stored(staged));
    // A file of a new year for the same enterprises is fresh again.
    const next = [FIG_HEADER, [B, '2025-01', '营业收入', '7', '万元'], [C, '2025-01', '营业收入', '8', '万元']];
    expect((await run(fast, next)).counts).toMatchObject({ newFigures: 2 });
    expect((await run(staged, next, { alwaysStage: true })).counts).toMatchObject({ newFigures: 2 });
    expect(await stored(fast)).toEqual(await stored(staged));
  });

  it('with onError skip commits the good rows of a fresh file', async () => {
    const rows = [FIG_HEADER, [A, '2026-01', '营业收入', '5', '万元'], [U, '2026-01', '营业收入', '6', '万元'], [A, '2026-01', '营业收入', '5', '万元']];
    const r = await run(fast, rows, { onError: 'skip' });
    const s = await run(staged, rows, { onError: 'skip', alwaysStage: true });
    expect(r).toMatchObject({ committed: true, counts: { newFigures: 1, rejectedRows: 2 } });
    expect(r.counts).toEqual(s.counts);
    expect(await stored(fast)).toEqual(await stored(staged));
  });
});

describe.runIf(serverUrl)('fresh enterprise import by a role that may not switch row triggers off', () => {
  it('stores the same rows through the foreign-key triggers', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'pm-ent-fresh-role-'));
    const file = async (name: string, rows: string[][]) => {
      const f = path.join(dir, name);
      await writeFile(f, csv(rows));
      return f;
    };
    const setUp = async (database: Database) => {
      await prepare(database, { regionsDir, plansDir, catalogueDir: path.join(root, 'catalogue'), enterprises: { dir: path.join(root, 'enterprises'), sample: false } });
      expect((await importEnterpriseFile(database, { file: await file('registry.csv', REGISTRY), audit: SYSTEM })).committed).toBe(true);
    };
    const rowsOf = async (database: Database) =>
      queryRows(database.db, sql`select period_end, item_code, period_start, uscc, revision, region_code, period_code, value::text, industry_code, above_designated_size
        from enterprise_figures order by 1, 2, 3, 4, 5`);
    try {
      await withUnprivilegedDatabase(serverUrl ?? '', 'fresh', async (database) => {
        const reference = await openDatabase({ driver: 'pglite', dataDir: null });
        try {
          await database.migrate();
          await setUp(database);
          await setUp(reference);
          const [who] = await queryRows<{ superuser: string }>(database.db, sql`select current_setting('is_superuser') as superuser`);
          expect(who?.superuser).toBe('off');
          const figures = await file('figures.csv', figureRows());
          const r = await importEnterpriseFile(database, { file: figures, audit: SYSTEM });
          expect(r).toMatchObject({ committed: true, counts: { newFigures: 3 * 35 } });
          await importEnterpriseFile(reference, { file: figures, audit: SYSTEM });
          expect(await rowsOf(database)).toEqual(await rowsOf(reference));
        } finally {
          await reference.close();
        }
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('FigureBuffer', () => {
  it('orders figures by the primary key (period end, item, period start, enterprise) and leaves out what is not kept', () => {
    const b = new FigureBuffer();
    const add = (uscc: string, itemCode: string, periodStart: number, periodEnd: number, row: number) =>
      b.add({ uscc, itemCode, periodCode: `${periodStart}-${periodEnd}`, periodStart, periodEnd, value: row, row, col: 3 });
    add('B', 'REVENUE', 202401, 202402, 1);
    add('B', 'EMPLOYEES', 202402, 202402, 2);
    add('A', 'REVENUE', 202402, 202402, 3);
    add('A', 'REVENUE', 202401, 202402, 4);
    add('C', 'EMPLOYEES', 202401, 202401, 5);
    add('A', 'EMPLOYEES', 202402, 202402, 6);
    const order = [...b.keyOrder((i) => b.rowOf(i) !== 5)];
    expect(order.map((i) => b.rowOf(i))).toEqual([6, 2, 4, 1, 3]);
    expect(b.at(order[0] ?? -1)).toMatchObject({ uscc: 'A', itemCode: 'EMPLOYEES', periodEnd: 202402 });
  });

  it('finds the same duplicates, conflicts and falling 1–N月 values as FileSeries, with the same messages', () => {
    const b = new FigureBuffer();
    const series = new FileSeries();
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let row = 2; row < 3000; row++) {
      const uscc = `U${Math.floor(random() * 40)}`;
      const itemCode = random() < 0.5 ? 'REVENUE' : 'EMPLOYEES';
      const year = random() < 0.8 ? 2024 : 2025;
      const m = 1 + Math.floor(random() * 12);
      const start = random() < 0.5 ? year * 100 + 1 : year * 100 + m;
      const value = Math.floor(random() * 100);
      b.add({ uscc, itemCode, periodCode: `${start}-${year * 100 + m}`, periodStart: start, periodEnd: year * 100 + m, value, row, col: 3 });
      series.add(uscc, itemCode, itemCode === 'REVENUE', start, year * 100 + m, value, row, 3);
    }
    const expected = series.problems();
    expect(expected.length).toBeGreaterThan(100);
    expect(b.seriesProblems((code) => code === 'REVENUE')).toEqual(expected);
  });
});
