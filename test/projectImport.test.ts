/**
 * The project dispatch import on both databases, over a corpus of files: a good file (XLSX and CSV), bad cells named
 * by row and column, duplicate projects, negative investment, completed above the total (a warning, still imported),
 * a second unit in one file, another unit's table, a dry run, re-import (nothing changes), a changed month (a new
 * revision, the old one kept), a re-plan (a new version, the baseline kept), and the table's derived figures.
 */
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client';
import { queryRows } from '../src/db/raw';
import { buildApp } from '../src/server/app';
import { prepare } from '../src/services/bootstrap';
import { PROJECT_HEADERS } from '../src/domain/supervision/projectRow';
import { importProjects, type ProjectImportReport } from '../src/services/supervision/projectImport';
import { drivers } from './support/databases';
import { plansDir, regionsDir, root } from './support/paths';
import { PLAN, unitUser } from './support/supervision';

const HEAD = ['规划项目', '项目名称', '项目代码', '所在区', '责任单位', '报告期', '总投资（亿元）', '年度计划投资（亿元）', '本年累计完成投资（亿元）', '开工以来累计完成投资（亿元）', '项目阶段', '计划开工日期', '实际开工日期', '计划竣工日期', '实际竣工日期', '形象进度'];
const CULTURE = '市文化广电旅游体育局';
/** 深圳歌剧院 and 深圳改革开放展览馆 (专栏3 文化服务), March 2024. */
const GOOD = [
  ['p3-01', '深圳歌剧院', '2021-440304-87-01-000101', '南山区', CULTURE, '2024-03', '40', '8', '2.4', '15', '续建', '2021-06', '2021-07-01', '2026-12', '', '主体结构施工'],
  ['深圳改革开放展览馆', '', '', '福田区', CULTURE, '2024年3月', '12', '4', '0.5', '', '新开工', '2024-02-01', '', '2025-12-31', '', '基坑开挖'],
];

async function xlsx(dir: string, name: string, rows: string[][], head = HEAD): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('调度表');
  ws.addRow(head);
  for (const r of rows) ws.addRow(r);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}
async function csv(dir: string, name: string, rows: string[][]): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, `\uFEFF${[HEAD, ...rows].map((r) => r.join(',')).join('\n')}\n`);
  return file;
}

describe.each(drivers)('project dispatch import on $name', ({ open }) => {
  let database: Database;
  let app: FastifyInstance;
  let dir: string;
  let culture: Record<string, string>;
  const run = (file: string, dryRun = false): Promise<ProjectImportReport> => importProjects(database, { planId: PLAN, file, dryRun });
  const count = async (table: 'project_progress' | 'project_plans') => (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from ${sql.raw(table)}`))[0]?.n;

  beforeAll(async () => {
    database = await open();
    await prepare(database, { regionsDir, plansDir, catalogueDir: path.join(root, 'catalogue') });
    app = await buildApp(database);
    culture = await unitUser(app, database, 'pi-culture', 'reporter', [CULTURE]);
    dir = await mkdtemp(path.join(tmpdir(), 'pm-projects-'));
  });
  afterAll(async () => {
    await app.close();
    await database.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('names every bad cell by file, row and column and writes nothing', async () => {
    const file = await xlsx(dir, 'bad.xlsx', [
      GOOD[0] as string[],
      ['p3-99', '', '', '南山区', CULTURE, '2024-03', '', '5', '1', '', '', '', '', '', '', ''],
      ['p3-03', '', '12345', '北京市', CULTURE, '2024-13', '', '五亿', '-1', '', '在建', '2024-02-30', '', '', '', ''],
    ]);
    const r = await run(file);
    expect(r.committed).toBe(false);
    // The file-level errors, if any, say why no row was read.
    expect(r.counts.rejected, JSON.stringify(r.errors)).toBe(2);
    expect(r.rejected.map((p) => `${p.row} ${p.column}`)).toEqual([
      '3 规划项目', '4 项目代码', '4 所在区', '4 报告期', '4 年度计划投资（亿元）', '4 本年累计完成投资（亿元）', '4 项目阶段', '4 计划开工日期',
    ]);
    expect(r.rejected.find((p) => p.column === '本年累计完成投资（亿元）')).toEqual({ file: 'bad.xlsx', row: 4, column: '本年累计完成投资（亿元）', reason: 'investment cannot be negative (-1)' });
    expect(await count('project_progress')).toBe(0);
  });

  it('refuses duplicate projects in one file and a second unit in one file', async () => {
    const dup = await run(await xlsx(dir, 'dup.xlsx', [GOOD[0] as string[], ['深圳歌剧院', ...(GOOD[0] as string[]).slice(1)]]));
    expect(dup.rejected).toEqual([{ file: 'dup.xlsx', row: 3, column: '规划项目', reason: 'duplicate of row 2: 深圳歌剧院 for 2024-03 twice in one file' }]);
    const two = await run(await xlsx(dir, 'two.xlsx', [GOOD[0] as string[], ['p3-20', '', '', '', '市卫生健康委', '2024-03', '', '3', '1', '', '', '', '', '', '', '']]));
    expect(two.rejected[0]?.reason).toBe("one file per reporting unit: this file is 市文化广电旅游体育局's, the row names 市卫生健康委");
    expect(await count('project_progress')).toBe(0);
  });

  it('imports a good file (completed above the total: a warning), after a dry run that writes nothing; again: nothing changes', async () => {
    const rows = [GOOD[0] as string[], GOOD[1] as string[], ['p3-03', '', '', '', CULTURE, '2024-03', '2', '1', '2.5', '2.5', '续建', '', '2023-01-01', '', '', '']];
    const file = await xlsx(dir, 'good.xlsx', rows);
    const dry = await run(file, true);
    expect(dry).toMatchObject({ committed: false, dryRun: true, counts: { new: 3, rejected: 0 } });
    expect(await count('project_progress')).toBe(0);
    const r = await run(file);
    expect(r).toMatchObject({ committed: true, counts: { new: 3, revision: 0, unchanged: 0, rejected: 0, replanned: 0 }, unit: { name: CULTURE } });
    expect(r.warnings.map((w) => `${w.row} ${w.column}: ${w.reason}`)).toEqual(['4 开工以来累计完成投资（亿元）: completed since start (2.5) exceeds the total investment (2)']);
    const again = await run(file);
    expect(again).toMatchObject({ committed: false, counts: { new: 0, revision: 0, unchanged: 3 } });
    // The same table as CSV is the same records.
    expect(await run(await csv(dir, 'good.csv', rows))).toMatchObject({ committed: false, counts: { unchanged: 3 } });
    expect(await count('project_progress')).toBe(3);
    expect(await count('project_plans')).toBe(3);
  });

  it('keeps the old record when a month is reported again with other figures (a revision), and the baseline when the plan changes (a re-plan)', async () => {
    const changed = [...(GOOD[0] as string[])];
    changed[7] = '10'; // 年度计划投资 8 → 10: a re-plan
    changed[8] = '2.6'; // 本年累计完成投资 2.4 → 2.6: a revision of March
    const r = await run(await xlsx(dir, 'changed.xlsx', [changed]));
    expect(r).toMatchObject({ committed: true, counts: { new: 0, revision: 1, replanned: 1 } });
    expect(r.warnings[0]?.reason).toBe("re-plan: 深圳歌剧院's plan for 2024 becomes version 2; the baseline (version 1) is kept");
    const revs = await queryRows<{ revision: number; ytd: string }>(database.db, sql`select g.revision, g.ytd_completed::text as ytd from project_progress g join projects p on p.id = g.project_id where p.item_key = 'p3-01' order by g.revision`);
    expect(revs).toEqual([{ revision: 1, ytd: '2.4' }, { revision: 2, ytd: '2.6' }]);
    // Kept as written: the database refuses to change or delete a record or a plan version.
    await expect(database.db.execute(sql`update project_progress set ytd_completed = 0`)).rejects.toThrow();
    await expect(database.db.execute(sql`delete from project_plans`)).rejects.toThrow();
  });

  it('serves the project table with 年度投资完成率, its gap, 开工率 and 按期竣工率, and the template', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/plans/${PLAN}/projects?year=2024&limit=100`, headers: culture });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ summary: Record<string, unknown>; items: Array<{ itemKey: string; completionRate: number | null; gap: number | null; replanned: boolean; plan: { baselineAnnualPlan: number | null; annualPlan: number | null } | null }> }>();
    const opera = body.items.find((p) => p.itemKey === 'p3-01');
    // 2.6 of 10 亿元 by March: 26%, 1 point ahead of 3/12; the baseline's 8 亿元 is kept beside the re-plan.
    expect(opera).toMatchObject({ replanned: true, plan: { baselineAnnualPlan: 8, annualPlan: 10 } });
    expect(opera?.completionRate).toBeCloseTo(0.26, 12);
    expect(opera?.gap).toBeCloseTo(0.01, 12);
    // A reporter sees its unit's projects only (three).
    expect(body.items.length).toBe(3);
    // Σ completed 2.6 + 0.5 + 2.5 = 5.6 of Σ plan 10 + 4 + 1 = 15; the 展览馆 was planned to start 2024-02-01 and has not.
    expect(body.summary).toMatchObject({ annualPlan: 15, start: { due: 1, started: 0, rate: 0 } });
    expect(body.summary.ytdCompleted).toBeCloseTo(5.6, 12);
    const tpl = await app.inject({ method: 'GET', url: `/api/plans/${PLAN}/projects/template`, headers: culture });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('调度表');
    expect(sheet?.getRow(1).values).toEqual([undefined, ...Object.values(PROJECT_HEADERS)]);
    // One row per major project of the plan (73), its key and name filled in.
    expect(sheet?.getRow(2).values).toEqual([undefined, 'p2-01', '"互联网+"未来科技城']);
    expect(sheet?.rowCount).toBe(74);
  });

  it('refuses another unit’s table through the API (403) and reports a bad file with 422', async () => {
    const health = [['p3-20', '', '', '', '市卫生健康委', '2024-03', '', '3', '1', '', '', '', '', '', '', '']];
    const form = async (file: string, name: string, dryRun = false) => {
      const body = new FormData();
      body.append('dryRun', String(dryRun));
      body.append('file', new Blob([await (await import('node:fs/promises')).readFile(file)]), name);
      const req = new Request('http://x/', { method: 'POST', body });
      return { payload: Buffer.from(await req.arrayBuffer()), headers: { ...culture, 'content-type': req.headers.get('content-type') ?? '' } };
    };
    const other = await form(await xlsx(dir, 'health.xlsx', health), 'health.xlsx');
    const res = await app.inject({ method: 'POST', url: `/api/plans/${PLAN}/projects/import`, ...other });
    expect(res.statusCode).toBe(403);
    expect(res.json<ProjectImportReport>().rejected[0]?.reason).toBe('you do not act for 市卫生健康委: you may not import its table');
    const bad = await form(await xlsx(dir, 'bad2.xlsx', [['p3-01', '', '', '', CULTURE, '2024-03', '', '', 'x']]), 'bad2.xlsx');
    expect((await app.inject({ method: 'POST', url: `/api/plans/${PLAN}/projects/import`, ...bad })).statusCode).toBe(422);
  });
});
