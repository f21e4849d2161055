/**
 * Regressions for the defects a code review found (each test names the finding), on both databases.
 */
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client';
import { listObservations } from '../src/db/observations';
import { deriveSinglePeriods } from '../src/domain/observation/deriveSingle';
import type { Observation } from '../src/domain/observation/observation';
import { buildApp } from '../src/server/app';
import { prepare } from '../src/services/bootstrap';
import { SYSTEM } from '../src/services/access/audit';
import { importObservations } from '../src/services/import/importObservations';
import { encodeGbk } from './support/badFiles';
import { drivers } from './support/databases';
import { signIn } from './support/session';
import { plansDir, regionsDir, root } from './support/paths';

const HEADER = '指标代码,地区,期间,数值,单位,来源,发布日期';

describe.each(drivers)('review findings on $name', ({ name, open }) => {
  let database: Database;
  let app: FastifyInstance;
  let dir: string;
  beforeAll(async () => {
    database = await open();
    await prepare(database, { regionsDir, plansDir, catalogueDir: path.join(root, 'catalogue') });
    app = await buildApp(database);
    dir = await mkdtemp(path.join(tmpdir(), 'pm-review-'));
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });
  const csv = async (file: string, text: string | Buffer) => {
    const p = path.join(dir, file);
    await writeFile(p, text);
    return p;
  };

  it('1. an impossible date (2023-02-30) is a cell error, not a crash', async () => {
    const r = await importObservations(database, { file: await csv('date.csv', `${HEADER}\nRETAIL,深圳市,2022,100,亿元,s,2023-02-30\n`), audit: SYSTEM });
    expect(r.rejected).toEqual([{ file: 'date.csv', row: 2, column: '发布日期', reason: 'not a date: "2023-02-30" (write 2023-05-08 or 2023年5月8日)' }]);
  });

  it('2. a percentage-formatted Excel cell imports as the figure it shows (8.1, not 0.081)', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('数据');
    sheet.addRow(['指标代码', '地区', '期间', '数值', '单位', '来源']);
    const row = sheet.addRow(['CULTURE_SHARE_GDP', '深圳市', '2021', 0.081, '%', 'xlsx percent test']);
    row.getCell(4).numFmt = '0.0%';
    const file = path.join(dir, 'percent.xlsx');
    await wb.xlsx.writeFile(file);
    const r = await importObservations(database, { file, audit: SYSTEM });
    expect(r.committed).toBe(true);
    const [o] = await listObservations(database.db, { indicatorCodes: ['CULTURE_SHARE_GDP'], periodCodes: ['2021'] });
    expect(o?.value).toBe(8.1);
  });

  it('3. two imports of the same file at once: one adds the figures, the other reports them unchanged', async () => {
    const body = `${HEADER}\n${Array.from({ length: 300 }, (_, i) => `GDP,深圳市,${1950 + (i % 70)}-${String((i % 12) + 1).padStart(2, '0')},${i + 1},亿元,concurrent ${i},2024-01-01`).join('\n')}\n`;
    const a = await csv('c1.csv', body);
    const b = await csv('c2.csv', body);
    const [r1, r2] = await Promise.all([importObservations(database, { file: a, audit: SYSTEM }), importObservations(database, { file: b, audit: SYSTEM })]);
    const added = [r1, r2].map((r) => r.counts.new + r.counts.revision).sort((x, y) => x - y);
    expect(added).toEqual([0, 300]);
    expect([r1.committed, r2.committed].sort()).toEqual([false, true]);
  });

  it('4. single periods are never derived across price bases', () => {
    let id = 1;
    const fig = (periodCode: string, valueStd: number, priceBasis: 'current' | 'comparable', publishedDate: string): Observation => ({
      id: id++, indicatorCode: 'GDP', regionCode: '440300', periodCode, value: valueStd, unit: '亿元', valueStd, priceBasis, status: 'final',
      sourceKind: 'bureau', source: { publication: 's', publisher: null, link: null, readAt: null }, precision: 'exact', quote: null, notes: null, publishedDate,
      publishedDateEstimated: false, enteredAt: '2026-01-01T00:00:00Z', origin: null, supersededBy: null, derivation: null, approval: null,
    });
    const d = deriveSinglePeriods([fig('2023-01~09', 23000, 'current', '2023-10-20'), fig('2023H1', 15000, 'current', '2023-07-20'), fig('2023H1', 14000, 'comparable', '2023-08-01')]);
    expect(d.map((x) => [x.periodCode, x.value])).toEqual([['2023Q3', 8000]]);
  });

  it('5. an export for an unknown or hostile plan id is a 404, never a crafted header', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/observations/export?plan=${encodeURIComponent('x"; filename="evil.html')}` });
    expect(res.statusCode).toBe(404);
    const ok = await app.inject({ method: 'GET', url: '/api/observations/export?plan=shenzhen-services-14th-fyp' });
    expect(ok.headers['content-disposition']).toMatch(/^attachment; filename="[A-Za-z0-9._-]+"$/);
  });

  it('6. CSV rows are numbered as a spreadsheet shows them (blank lines count; empty rows are skipped)', async () => {
    const r = await importObservations(database, { file: await csv('blank.csv', `${HEADER}\n\nRETAIL,深圳市,2019,x,亿元,s,2020-01-20\n,,,,,,\n`), audit: SYSTEM });
    expect(r.rejected.map((p) => [p.row, p.column])).toEqual([[3, '数值']]);
    expect(r.rows).toBe(1);
  });

  it('8. a column called "constructor" is ignored, not mistaken for a mapping', async () => {
    const r = await importObservations(database, { file: await csv('proto.csv', `${HEADER},constructor\nRETAIL,深圳市,2018,5000,亿元,proto test,2019-02-01,x\n`), audit: SYSTEM, dryRun: true });
    expect(r.errors).toEqual([]);
    expect(r.ignoredColumns).toEqual(['constructor']);
  });

  it('9. a GBK file whose first 64 KiB are ASCII is still read as GBK', async () => {
    const ascii = Array.from({ length: 2400 }, (_, i) => `RETAIL,440300,${1950 + (i % 60)}-${String((i % 12) + 1).padStart(2, '0')},${i + 1},亿元`.replace('亿元', 'CNY 100m')).join('\n');
    // Pure-ASCII rows first (the unit CNY 100m is refused: what matters is the decoding), then a GBK row.
    const text = `指标代码,地区,期间,数值,单位,来源\n${ascii.split('\n').map((l) => `${l},ascii source`).join('\n')}\nRETAIL,深圳市,2017,6000,亿元,深圳统计公报\n`;
    const file = await csv('late-gbk.csv', encodeGbk(text));
    expect(text.indexOf('深圳统计公报')).toBeGreaterThan(65_536);
    const r = await importObservations(database, { file, audit: SYSTEM, dryRun: true });
    expect(r.errors).toEqual([]);
    expect(r.encoding).toBe('gb18030');
    expect(r.rejected.some((p) => p.reason.includes('UTF-8'))).toBe(false);
  });

  it('10. out-of-range ids, unknown regions and month 13 are clear 400/404s', async () => {
    // Who is asking is settled before anything else is read: the public gets 401, a signed-in reader the 400.
    expect((await app.inject({ method: 'GET', url: '/api/imports/99999999999' })).statusCode).toBe(401);
    const viewer = await signIn(app, database, `viewer-${name}`, 'viewer');
    expect((await app.inject({ method: 'GET', url: '/api/imports/99999999999', headers: viewer })).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/api/plans/shenzhen-services-14th-fyp/evaluation?asOf=2023&region=999999' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/observations?from=2020-13' })).statusCode).toBe(400);
    expect(name).toMatch(/pglite|postgres/);
  });
});
