/**
 * A real office client (issue 15): the Word report, the report workbook and the figures export open in headless
 * LibreOffice (Debian's libreoffice-writer-nogui / -calc-nogui, installed by scripts/test.sh where missing), convert
 * to PDF and CSV without error, and the numeric cells read back as numbers — LibreOffice's own reading, as a flat
 * ODS file, says float or percentage, not string. Office conversion does not depend on the database driver: PGlite.
 */
import ExcelJS from 'exceljs';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../src/db/client';
import { generateReport } from '../src/reports/generate';
import { prepare } from '../src/services/bootstrap';
import { exportObservations } from '../src/services/export/exportObservations';
import { convert, fodsCells } from './support/office';
import { plansDir, regionsDir, root } from './support/paths';

const PLAN = 'shenzhen-services-14th-fyp';
const run = promisify(execFile);
let database: Database;
let dir: string;

beforeAll(async () => {
  database = await openDatabase({ driver: 'pglite', dataDir: null });
  await prepare(database, { regionsDir, plansDir, catalogueDir: path.join(root, 'catalogue'), datasetsDir: path.join(root, 'datasets') });
  dir = await mkdtemp(path.join(tmpdir(), 'pm-office-'));
}, 300_000);
afterAll(async () => {
  await database?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function write(name: string, data: Buffer): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, data);
  return file;
}

describe('the documents in a real office client (LibreOffice)', () => {
  it('opens the Word report and prints it to PDF with its text', async () => {
    const report = await generateReport(database, { planId: PLAN, kind: 'midterm', format: 'docx', asOf: '2023', lang: 'zh', now: new Date('2026-12-03T00:00:00Z') });
    const [pdf] = await convert(await write('midterm.docx', report.data), 'pdf', dir);
    if (!pdf) throw new Error('no PDF');
    const { stdout } = await run('pdftotext', ['-layout', pdf, '-']);
    const text = stdout.replace(/\s+/g, '');
    expect(text).toContain('深圳市服务业发展“十四五”规划中期评估报告');
    expect(text).toContain('服务业增加值');
  }, 240_000);

  it('opens the report workbook: every sheet converts to CSV, and figures, rates and years read back as numbers', async () => {
    const report = await generateReport(database, { planId: PLAN, kind: 'midterm', format: 'xlsx', asOf: '2023', lang: 'zh' });
    const file = await write('midterm.xlsx', report.data);
    const csvs = await convert(file, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', dir);
    expect(csvs.map((f) => path.basename(f)).sort()).toEqual(['midterm-主要指标完成情况.csv', 'midterm-报告正文.csv', 'midterm-数据.csv', 'midterm-重大项目.csv', 'midterm-重点任务.csv']);
    const [pdf] = await convert(file, 'pdf', dir);
    if (!pdf) throw new Error('no PDF');
    const { stdout: info } = await run('pdfinfo', [pdf]);
    // A4 landscape: 842 × 595 points.
    expect(info).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);

    const [fods] = await convert(file, 'fods', dir);
    if (!fods) throw new Error('no FODS');
    const xml = await readFile(fods, 'utf8');
    const rows = fodsCells(xml, '主要指标完成情况');
    const tertiary = rows.find((r) => r[1]?.text === 'TERTIARY_VA');
    const share = rows.find((r) => r[1]?.text === 'MODERN_SVC_SHARE');
    if (!tertiary || !share) throw new Error('indicator rows missing');
    // Baseline, latest, target: floats; the years: floats; progress and probability: percentages.
    expect([5, 6, 7, 8, 9, 10].map((c) => tertiary[c]?.type)).toEqual(['float', 'float', 'float', 'float', 'float', 'float']);
    expect(Number(tertiary[5]?.value)).toBe(17190.4);
    expect(tertiary[5]?.text).toBe('17,190.40');
    expect(tertiary[12]).toMatchObject({ type: 'percentage' });
    expect(Number(tertiary[12]?.value)).toBeCloseTo(4375.98 / 7809.6, 9);
    expect(tertiary[12]?.text).toBe('56.03%');
    expect(tertiary[17]?.type).toBe('percentage');
    // A share in % is Excel's percent: 76.1% is the number 0.761.
    expect(share[5]).toMatchObject({ type: 'percentage', value: '0.761', text: '76.10%' });
    // The figures sheet: values and years are numbers too.
    const figures = fodsCells(xml, '数据').filter((r) => r[0]?.text === 'TERTIARY_VA');
    expect(figures.length).toBeGreaterThan(3);
    expect(figures.every((r) => r[2]?.type === 'float' && r[3]?.type === 'float')).toBe(true);
    // Frozen header rows and the A4 landscape page, as the workbook declares them.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(report.data as unknown as ArrayBuffer);
    book.eachSheet((sheet) => {
      expect(sheet.pageSetup, sheet.name).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });
    });
    expect(book.getWorksheet('主要指标完成情况')?.views[0]).toMatchObject({ state: 'frozen', ySplit: 2, xSplit: 3 });
  }, 240_000);

  it('opens the figures export: names filled, values as numbers with two decimals', async () => {
    const out = await exportObservations(database, { format: 'xlsx', indicatorCodes: ['TERTIARY_VA'] });
    const file = await write('export.xlsx', out.body);
    const [fods] = await convert(file, 'fods', dir);
    if (!fods) throw new Error('no FODS');
    const rows = fodsCells(await readFile(fods, 'utf8'), '数据');
    const header = rows[0]?.map((c) => c.text) ?? [];
    const name = header.indexOf('指标名称');
    const value = header.indexOf('数值');
    expect(name).toBeGreaterThanOrEqual(0);
    const body = rows.slice(1).filter((r) => r[0]?.text === 'TERTIARY_VA');
    expect(body.length).toBe(out.rows);
    expect(body.every((r) => r[name]?.text === '服务业增加值')).toBe(true);
    expect(body.every((r) => r[value]?.type === 'float')).toBe(true);
    expect(body.map((r) => r[value]?.text)).toContain('21,566.38');
    const [csv] = await convert(file, 'csv:Text - txt - csv (StarCalc):44,34,76', dir);
    if (!csv) throw new Error('no CSV');
    expect(await readFile(csv, 'utf8')).toContain('服务业增加值');
  }, 240_000);
});
