/**
 * The enterprise import corpus, on both databases: every kind of bad cell named by row and column and nothing
 * written; duplicates; a cumulative value that falls (in the file and against what is stored); the registry's
 * dated versions (never overwritten); idempotence; revisions; the 一套表 wide layout; XLSX; the append-only triggers.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client';
import { enterpriseFigures, getEnterprise } from '../src/db/enterprises/registryRead';
import { queryRows } from '../src/db/raw';
import { withCheckChar } from '../src/domain/enterprise/uscc';
import { prepare } from '../src/services/bootstrap';
import { SYSTEM } from '../src/services/access/audit';
import { importEnterpriseFile, type EnterpriseImportReport } from '../src/services/enterprises/import/importEnterprises';
import { drivers } from './support/databases';
import { plansDir, regionsDir, root } from './support/paths';

const A = withCheckChar('91440305AAAAAAAA1');
const B = withCheckChar('91440304BBBBBBBB2');
const C = withCheckChar('91440306CCCCCCCC3');
const csv = (rows: string[][]) => rows.map((r) => r.join(',')).join('\n');
const REG_HEADER = ['统一社会信用代码', '单位名称', '行业代码', '区划代码', '规模以上', '企业规模', '成立日期', '变更日期'];

describe.each(drivers)('enterprise import on $name', ({ open }) => {
  let database: Database;
  let dir: string;
  let n = 0;
  const file = async (rows: string[][], ext = 'csv') => {
    const f = path.join(dir, `f${n++}.${ext}`);
    await writeFile(f, csv(rows));
    return f;
  };
  const importRows = async (rows: string[][], opts: { onError?: 'reject' | 'skip'; dryRun?: boolean } = {}): Promise<EnterpriseImportReport> =>
    importEnterpriseFile(database, { file: await file(rows), audit: SYSTEM, ...opts });
  const count = async (table: string) => (await queryRows<{ n: number }>(database.db, sql.raw(`select count(*)::int as n from ${table}`)))[0]?.n;

  beforeAll(async () => {
    database = await open();
    await prepare(database, { regionsDir, plansDir, catalogueDir: path.join(root, 'catalogue'), enterprises: { dir: path.join(root, 'enterprises'), sample: false } });
    dir = await mkdtemp(path.join(tmpdir(), 'pm-ent-import-'));
    const r = await importRows([REG_HEADER, [A, '甲软件有限公司', '6513', '南山区', '是', '中型', '2015-03-01', ''], [B, '乙咨询有限公司', '7243', '440304', '是', '', '2016-01-01', '']]);
    expect(r.committed, JSON.stringify(r)).toBe(true);
    expect(r.counts).toMatchObject({ newEnterprises: 2, newVersions: 2 });
  });
  afterAll(async () => {
    await database.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('rejects the whole file for one bad cell, naming file, row, column and reason for each — nothing is written', async () => {
    const before = await count('enterprise_figures');
    const bad = A.slice(0, 17) + (A.endsWith('0') ? '1' : '0');
    const r = await importRows([
      ['统一社会信用代码', '统计期', '指标', '数值', '计量单位', '行业代码'],
      [A, '2024-01', '营业收入', '100', '万元', ''],
      [bad, '2024-01', '营业收入', '100', '万元', ''],
      [A, '2024-02', '营业收入', '1e12', '万元', ''],
      [A, '2024-03', '营业收入', '100', '吨', ''],
      [A, '2024年13月', '营业收入', '100', '', ''],
      [A, '2024-04', '营业利润率', '5', '', ''],
      [B, '2024-01', '营业收入', '50', '', '6510'],
      [B, '2024-02', '营业收入', '50', '', '9999'],
      [A, '2024-01~05', '从业人员期末人数', '40', '', ''],
    ]);
    expect(r.committed).toBe(false);
    expect(r.counts.rejectedRows).toBe(8);
    const byRow = Object.fromEntries(r.rejected.map((p) => [p.row, `${p.column}: ${p.reason}`]));
    expect(byRow[3]).toMatch(/^统一社会信用代码: 统一社会信用代码 \w{18}: check character \w is wrong, it should be \w \(校验码错误\)$/);
    expect(byRow[4]).toMatch(/^数值: 营业收入 1000000000000 万元 is out of range/);
    expect(byRow[5]).toMatch(/^计量单位: /);
    expect(byRow[6]).toMatch(/^统计期: /);
    expect(byRow[7]).toMatch(/^指标: 指标 "营业利润率" is not an item/);
    // 6510 is no code at all: 651 软件开发 is a group, its classes are 6511–6519.
    expect(byRow[8]).toBe('行业代码: 行业代码 "6510" is not a code of GB/T 4754-2017 (国民经济行业分类中无此代码)');
    expect(byRow[9]).toBe('行业代码: 行业代码 "9999" is not a code of GB/T 4754-2017 (国民经济行业分类中无此代码)');
    expect(byRow[10]).toMatch(/^统计期: 从业人员期末人数 is a level at the end of a period/);
    expect(r.rejected.every((p) => p.file === path.basename(p.file))).toBe(true);
    expect(await count('enterprise_figures')).toBe(before);
  });

  it('names a 大类 or 中类 given where the 4-digit 小类 belongs', async () => {
    const r = await importRows([['统一社会信用代码', '统计期', '指标', '数值', '行业代码'], [B, '2024-02', '营业收入', '50', '651']], { dryRun: true });
    expect(r.rejected[0]).toMatchObject({ row: 2, column: '行业代码', reason: '行业代码 651 (软件开发) is a group: an enterprise is classified by its 4-digit 小类 (应填4位小类代码)' });
  });

  it('rejects duplicate rows and conflicting repeats, naming the row repeated', async () => {
    const r = await importRows([
      ['统一社会信用代码', '统计期', '指标', '数值'],
      [A, '2024-01', '营业收入', '100'],
      [A, '2024-01', '营业收入', '100'],
      [A, '2024年1月', '营业收入', '101'],
    ]);
    expect(r.committed).toBe(false);
    expect(r.rejected.map((p) => [p.row, p.reason])).toEqual([
      [3, 'duplicate of row 2: the same figure twice in one file (重复行)'],
      [4, 'conflicts with row 2: the same enterprise, item and period with another value (101 here, 100 there)'],
    ]);
  });

  it('rejects a cumulative value that falls, within the file and against what is stored', async () => {
    const inFile = await importRows([
      ['统一社会信用代码', '统计期', '指标', '数值'],
      [A, '2024年1月', '营业收入', '100'],
      [A, '2024年1-2月', '营业收入', '250'],
      [A, '2024年1-3月', '营业收入', '240'],
      // Profit may fall (losses): not checked.
      [A, '2024年1-2月', '利润总额', '30'],
      [A, '2024年1-3月', '利润总额', '-5'],
    ]);
    expect(inFile.rejected).toEqual([{ file: expect.any(String), row: 4, column: '数值', reason: '2024年1-3月 240 is less than 2024年1-2月 250 in this file: a cumulative 1–N月 value cannot fall (累计值不应减少)' }]);
    const ok = await importRows([['统一社会信用代码', '统计期', '指标', '数值'], [A, '2024年1月', '营业收入', '100'], [A, '2024年1-2月', '营业收入', '250']]);
    expect(ok.committed).toBe(true);
    const stored = await importRows([['统一社会信用代码', '统计期', '指标', '数值'], [A, '2024年1-3月', '营业收入', '249.5']]);
    expect(stored.rejected[0]?.reason).toBe('2024年1-3月 249.5 is less than 2024年1-2月 250 stored: a cumulative 1–N月 value cannot fall (累计值不应减少)');
    const earlier = await importRows([['统一社会信用代码', '统计期', '指标', '数值'], [A, '2024年1月', '营业收入', '260']]);
    expect(earlier.rejected[0]?.reason).toBe('2024年1月 260 is more than the later 2024年1-2月 250 stored: a cumulative 1–N月 value cannot fall (累计值不应减少)');
  });

  it('refuses a figure of an enterprise the registry does not know, unless the row registers it', async () => {
    const r = await importRows([['统一社会信用代码', '统计期', '指标', '数值'], [C, '2024-01', '营业收入', '5']]);
    expect(r.rejected[0]).toMatchObject({ row: 2, column: '统一社会信用代码', reason: expect.stringContaining('is not in the registry') });
    const half = await importRows([['统一社会信用代码', '单位名称', '统计期', '指标', '数值'], [C, '丙物流', '2024-01', '营业收入', '5']]);
    expect(half.rejected[0]).toMatchObject({ row: 2, reason: 'a new enterprise (not yet in the registry) needs 行业代码, 区划代码, 规模以上 (新企业须填写)' });
  });

  it('imports the same file twice without adding anything, and keeps a revised value beside the one it replaces', async () => {
    const rows = [['统一社会信用代码', '统计期', '指标', '数值', '计量单位'], [B, '2024年1-6月', '营业收入', '3000', '千元'], [B, '2024-06', '从业人员期末人数', '12', '人']];
    const first = await importRows(rows);
    expect(first.counts).toMatchObject({ newFigures: 2, revisedFigures: 0, unchangedFigures: 0 });
    const again = await importRows(rows);
    expect(again).toMatchObject({ committed: false, counts: { newFigures: 0, revisedFigures: 0, unchangedFigures: 2, rejectedRows: 0 } });
    const revised = await importRows([rows[0] ?? [], [B, '2024H1', '营业收入', '310', '万元']]);
    expect(revised.counts).toMatchObject({ newFigures: 0, revisedFigures: 1 });
    const revenue = (await enterpriseFigures(database.db, B)).filter((f) => f.itemCode === 'REVENUE' && f.periodCode === '2024H1');
    // 3000 千元 = 300 万元, replaced by 310: both kept, the first marked superseded.
    expect(revenue.map((f) => [f.value, f.revision, f.supersededAt !== null])).toEqual([[300, 1, true], [310, 2, false]]);
  });

  it('records a registry change as a dated version and keeps the former name', async () => {
    const r = await importRows([REG_HEADER, [A, '甲数字科技有限公司', '', '', '', '', '', '2024-07-01']]);
    expect(r.counts).toMatchObject({ newVersions: 1, newEnterprises: 0 });
    const e = await getEnterprise(database.db, A);
    expect(e?.name).toBe('甲数字科技有限公司');
    expect(e?.formerNames).toEqual(['甲软件有限公司']);
    expect(e?.versions.map((v) => [v.validFrom, v.name, v.industryCode, v.regionCode])).toEqual([
      ['2024-07-01', '甲数字科技有限公司', '6513', '440305'],
      ['2015-03-01', '甲软件有限公司', '6513', '440305'],
    ]);
    // The same change again is no change.
    expect((await importRows([REG_HEADER, [A, '甲数字科技有限公司', '', '', '', '', '', '2024-07-01']])).committed).toBe(false);
  });

  it('reads the 一套表 wide layout: one row per enterprise and month, item columns with unit and 本年累计 / 本月', async () => {
    const r = await importRows([
      ['统一社会信用代码', '单位详细名称', '报告期', '营业收入（千元）本年累计', '营业收入（千元）本月', '应付职工薪酬（千元）本年累计', '从业人员期末人数（人）', '备注'],
      [B, '乙咨询有限公司', '202409', '45000', '5000', '9000', '14', ''],
      [B, '乙咨询有限公司', '202410', '50000', '5000', '10000', '15', ''],
    ]);
    expect(r.layout).toBe('wide');
    expect(r.ignoredColumns).toEqual(['备注']);
    expect(r.counts).toMatchObject({ newFigures: 8, rejectedRows: 0 });
    const f = await enterpriseFigures(database.db, B);
    const pick = (item: string, period: string) => f.find((x) => x.itemCode === item && x.periodCode === period)?.value;
    expect(pick('REVENUE', '2024-01~09')).toBe(4500);
    expect(pick('REVENUE', '2024-09')).toBe(500);
    expect(pick('PAYROLL', '2024-01~10')).toBe(1000);
    expect(pick('EMPLOYEES', '2024-10')).toBe(15);
  });

  it('reads an XLSX workbook the same way', async () => {
    const { default: Excel } = await import('exceljs');
    const wb = new Excel.Workbook();
    const ws = wb.addWorksheet('数据');
    ws.addRows([['统一社会信用代码', '统计期', '指标', '数值'], [B, '2024年1-11月', '营业收入', 55000 / 10]]);
    const f = path.join(dir, 'book.xlsx');
    await wb.xlsx.writeFile(f);
    const r = await importEnterpriseFile(database, { file: f, audit: SYSTEM });
    expect(r).toMatchObject({ format: 'xlsx', committed: true, counts: { newFigures: 1 } });
  });

  it('never changes or deletes a stored figure or registry version (triggers)', async () => {
    // drizzle wraps the database's error; the trigger's message is its cause.
    const refused = (q: Promise<unknown>) => q.then(() => 'accepted', (e: Error & { cause?: Error }) => (e.cause ?? e).message);
    expect(await refused(database.db.execute(sql`update enterprise_figures set value = 1 where uscc = ${B}`))).toMatch(/never changed or deleted/);
    expect(await refused(database.db.execute(sql`delete from enterprise_figures where uscc = ${B}`))).toMatch(/never changed or deleted/);
    expect(await refused(database.db.execute(sql`update enterprise_versions set name = 'x' where uscc = ${B}`))).toMatch(/append-only/);
    expect(await refused(database.db.execute(sql`delete from enterprises where uscc = ${B}`))).toMatch(/never deleted/);
  });
});
