/**
 * Reports written from the supervision records, on both databases: the Word text names a red task with its lead
 * unit and reason, states the investment completion of the imported dispatch table (checked against the table by a
 * hand sum), and a final report says which tasks were completed; the Excel report carries the task and project
 * sheets. Before anything is recorded the sections keep the plan's list.
 */
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client';
import { generateReport } from '../src/reports/generate';
import { buildApp } from '../src/server/app';
import { prepare } from '../src/services/bootstrap';
import { importProjects } from '../src/services/supervision/projectImport';
import { drivers } from './support/databases';
import { plansDir, regionsDir, root } from './support/paths';
import { docxText } from './support/reportText';
import { PLAN, taskOf, unitId, unitUser } from './support/supervision';

describe.each(drivers)('reports from supervision records on $name', ({ open }) => {
  let database: Database;
  let app: FastifyInstance;
  let dir: string;
  let planner: Record<string, string>;
  const post = (url: string, headers: Record<string, string>, payload: Record<string, unknown> = {}) => app.inject({ method: 'POST', url, headers, payload });

  beforeAll(async () => {
    database = await open();
    await prepare(database, { regionsDir, plansDir, catalogueDir: path.join(root, 'catalogue') });
    app = await buildApp(database);
    dir = await mkdtemp(path.join(tmpdir(), 'pm-sv-report-'));
  });
  afterAll(async () => {
    await app.close();
    await database.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps the plan’s list while nothing is recorded', async () => {
    const file = await generateReport(database, { planId: PLAN, kind: 'annual', asOf: '2025', format: 'docx', lang: 'zh' });
    expect(file.draft.sections.find((s) => s.id === 'measures')?.text).toContain('待牵头单位报送进展后补充');
  });

  it('names the red task with its unit and reason, states the investment completion of the imported table, and the tasks completed by the plan’s end', async () => {
    planner = await unitUser(app, database, 'rp-planner', 'planner', []);
    const yantian = await unitUser(app, database, 'rp-yantian', 'reporter', ['盐田区人民政府']);
    const base = await taskOf(app, planner, 'base', 'b-03'); // 盐田国际航运枢纽
    const lastWeek = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
    expect((await post(`/api/tasks/${base}/assign`, planner, { leadUnit: await unitId(database, '盐田区人民政府'), nodes: [{ title: '东港区规划获批', due: lastWeek }] })).statusCode).toBe(200);
    expect((await post(`/api/tasks/${base}/accept`, yantian)).statusCode).toBe(200);

    // The dispatch table of 市交通运输局 for December 2025: 盐田港区东作业区集装箱码头工程 (p2-20) and 大铲湾港区集装箱码头二期和三期工程 (p2-21).
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('调度表');
    ws.addRow(['规划项目', '责任单位', '报告期', '总投资（亿元）', '年度计划投资（亿元）', '本年累计完成投资（亿元）', '存在问题']);
    ws.addRow(['p2-20', '市交通运输局', '2025-12', '120', '30', '24.6', '']);
    ws.addRow(['p2-21', '市交通运输局', '2025-12', '80', '20', '9.4', '海域使用审批滞后']);
    const file = path.join(dir, 'transport.xlsx');
    await wb.xlsx.writeFile(file);
    expect((await importProjects(database, { planId: PLAN, file })).committed).toBe(true);

    const docx = await generateReport(database, { planId: PLAN, kind: 'final', asOf: '2025', format: 'docx', lang: 'zh' });
    const text = docxText(docx.data);
    expect(text).toContain('红灯事项1项：盐田国际航运枢纽（牵头单位：盐田区人民政府；时间节点“东港区规划获批”已逾期7天');
    // Σ completed 24.6 + 9.4 = 34 of Σ plan 30 + 20 = 50 亿元: 68.0%.
    expect(text).toContain('年度计划投资合计50亿元，本年累计完成投资34亿元，年度投资完成率68.0%，序时进度100.0%');
    expect(text).toContain('投资完成率落后序时进度的项目2项：大铲湾港区集装箱码头二期和三期工程（市交通运输局，完成率47.0%）；盐田港区东作业区集装箱码头工程（市交通运输局，完成率82.0%）');
    expect(text).toContain('大铲湾港区集装箱码头二期和三期工程：海域使用审批滞后');
    expect(text).toMatch(/截至规划期末（2025-12-31），170项任务中已办结0项；未办结170项。/);
    expect(text).not.toContain('重点任务和重大项目尚未建立进展填报');

    const xlsx = await generateReport(database, { planId: PLAN, kind: 'final', asOf: '2025', format: 'xlsx', lang: 'zh' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.data as unknown as ArrayBuffer);
    const tasks = book.getWorksheet('重点任务');
    const projects = book.getWorksheet('重大项目');
    expect(tasks?.rowCount).toBe(171);
    const red = tasks?.getRows(2, 170)?.find((r) => r.getCell(4).value === '盐田国际航运枢纽');
    expect(red?.getCell(5).value).toBe('盐田区人民政府');
    expect(String(red?.getCell(8).value)).toContain('红灯');
    const hub = projects?.getRows(3, 73)?.find((r) => r.getCell(1).value === 'p2-20');
    expect([hub?.getCell(8).value, hub?.getCell(11).value]).toEqual([30, 24.6]);
    expect(hub?.getCell(13).value).toBeCloseTo(24.6 / 30, 12);
  });
});
