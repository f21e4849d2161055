/**
 * Supervision in a real browser (Debian Chromium, playwright-core) on an embedded database: a 南山区 unit user
 * signs for a task and reports its progress (the overdue node done); the plan owner sees the task red on the board,
 * approves the report, and the light turns green on the task page and the board. Also the project table with its
 * chart after an import, the inbox, and the cockpit's counts. Screenshots go to test-results/screenshots/.
 */
import ExcelJS from 'exceljs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWeb } from '../scripts/build-web.mjs';
import { openDatabase, type Database } from '../src/db/client';
import { buildApp } from '../src/server/app';
import { prepare } from '../src/services/bootstrap';
import { importProjects } from '../src/services/supervision/projectImport';
import { launch, watchedPage } from './support/browser';
import { plansDir, regionsDir, root } from './support/paths';
import { TEST_PASSWORD } from './support/session';
import { PLAN, taskOf, unitId, unitUser } from './support/supervision';

const shots = path.join(root, 'test-results', 'screenshots');
let database: Database;
let app: FastifyInstance;
let base: string;
let browser: Browser;
let task: number;
let tmp: string;

beforeAll(async () => {
  await ensureWeb({ log: () => undefined });
  database = await openDatabase({ driver: 'pglite', dataDir: null });
  await prepare(database, { regionsDir, plansDir, catalogueDir: path.join(root, 'catalogue'), datasetsDir: path.join(root, 'datasets') });
  app = await buildApp(database);
  const planner = await unitUser(app, database, 'web-planner', 'planner', []);
  await unitUser(app, database, 'web-nanshan', 'reporter', ['南山区人民政府']);
  // The plan owner assigned 南山科技金融城 to 南山区 with a node that fell due yesterday: the task is red.
  task = await taskOf(app, planner, 'park', 'k-01');
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const res = await app.inject({
    method: 'POST', url: `/api/tasks/${task}/assign`, headers: planner,
    payload: { leadUnit: await unitId(database, '南山区人民政府'), coUnits: [await unitId(database, '市地方金融管理局')], indicators: ['FIN_SHARE_GDP'], nodes: [{ title: '出台园区建设方案', due: yesterday, expectedOutput: '方案印发' }, { title: '首批企业入驻', due: '2027-06-30' }] },
  });
  expect(res.statusCode, res.body).toBe(200);
  tmp = await mkdtemp(path.join(tmpdir(), 'pm-web-sv-'));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('调度表');
  ws.addRow(['规划项目', '责任单位', '报告期', '总投资（亿元）', '年度计划投资（亿元）', '本年累计完成投资（亿元）', '项目阶段', '形象进度']);
  ws.addRow(['p3-01', '市文化广电旅游体育局', '2025-12', '40', '8', '7.2', '续建', '主体结构封顶']);
  ws.addRow(['p3-02', '市文化广电旅游体育局', '2025-12', '12', '4', '1.6', '新开工', '基坑开挖']);
  const file = path.join(tmp, 'culture.xlsx');
  await wb.xlsx.writeFile(file);
  expect((await importProjects(database, { planId: PLAN, file })).committed).toBe(true);
  base = await app.listen({ host: '127.0.0.1', port: 0 });
  browser = await launch();
  await mkdir(shots, { recursive: true });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await database?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL(`${base}/`);
  await page.getByText(username).waitFor();
  await page.getByTestId('supervision-counts').waitFor();
  // Sign-in lands on the cockpit: let it finish loading, so that leaving it aborts no request.
  await page.waitForSelector('[data-testid="cockpit-chart"][data-chart-ready="true"]', { timeout: 60_000 });
}
/** Chooses a light in the board's filter (an Ant Design select). */
async function filterBy(page: Page, light: string): Promise<void> {
  await page.getByLabel('按预警筛选').click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: light }).click();
  await page.getByTestId('task-list').locator('tbody tr').filter({ hasText: light }).first().waitFor();
}
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });

describe('supervision in Chromium', () => {
  it('a unit reports progress, the plan owner approves it, and the board light changes from red to green', async () => {
    const unit = await watchedPage(browser);
    await signIn(unit.page, 'web-nanshan');
    expect(await unit.page.getByTestId('supervision-tasks').textContent()).toMatch(/红灯\s*1/);
    await shot(unit.page, 'sv-01-cockpit-unit');
    await unit.page.getByRole('navigation').getByRole('link', { name: '待办', exact: true }).click();
    await unit.page.waitForURL(/\/plans\/shenzhen-services-14th-fyp\/inbox$/);
    await unit.page.getByText('南山科技金融城：已交办，请签收').waitFor();
    await unit.page.getByText('时间节点“出台园区建设方案”已逾期1天').first().waitFor();
    await shot(unit.page, 'sv-02-inbox');
    await unit.page.getByText('南山科技金融城：已交办，请签收').click();
    await unit.page.waitForURL(`${base}/tasks/${task}`);
    await unit.page.getByTestId('nodes').waitFor();
    await unit.page.getByRole('button', { name: /签\s*收/ }).click();
    await unit.page.getByTestId('report-form').waitFor();
    expect(await unit.page.getByTestId('task-state').textContent()).toBe('已签收');
    await unit.page.getByLabel('完成进度').fill('40');
    await unit.page.getByLabel('节点状态：出台园区建设方案').selectOption({ label: '已完成' });
    expect(await unit.page.getByLabel('节点状态：出台园区建设方案').inputValue()).toBe('done');
    await unit.page.getByLabel('进展情况').fill('园区建设方案已于本月印发，首批12家金融科技企业签约。');
    await unit.page.getByLabel('存在问题').fill('人才公寓供给不足');
    await unit.page.getByLabel('需协调事项').fill('请市住房建设局统筹人才住房');
    await shot(unit.page, 'sv-03-report-form');
    await unit.page.getByRole('button', { name: /报\s*送/ }).click();
    await unit.page.getByText('进展已报送').waitFor();
    await unit.page.getByTestId('reports').getByText('已报送').waitFor();
    // Reported, not yet reviewed: the node counts as done only once approved, so the task is still red.
    expect(await unit.page.getByTestId('task-light').textContent()).toContain('红灯');
    await shot(unit.page, 'sv-04-reported');
    expect(unit.problems).toEqual([]);

    const owner = await watchedPage(browser);
    await signIn(owner.page, 'web-planner');
    await owner.page.getByRole('navigation').getByRole('link', { name: '督办', exact: true }).click();
    await owner.page.waitForURL(/\/plans\/shenzhen-services-14th-fyp\/supervision$/);
    await owner.page.getByTestId('task-list').getByRole('link').first().waitFor();
    expect(await owner.page.getByTestId('count-red').textContent()).toContain('1');
    await filterBy(owner.page, '红灯');
    await owner.page.getByTestId('task-list').getByRole('link', { name: '南山科技金融城' }).waitFor();
    const row = owner.page.getByTestId('task-list').locator('tr', { hasText: '南山科技金融城' });
    expect(await row.textContent()).toContain('红灯');
    await shot(owner.page, 'sv-05-board-red');
    await row.getByRole('link', { name: '南山科技金融城' }).click();
    await owner.page.waitForURL(`${base}/tasks/${task}`);
    await owner.page.getByTestId('reports').getByText('园区建设方案已于本月印发').waitFor();
    await owner.page.getByTestId('linked-indicators').getByText('金融业增加值占GDP比重').waitFor();
    await shot(owner.page, 'sv-06-task-to-review');
    await owner.page.getByRole('button', { name: /^审核通过$/ }).click();
    await owner.page.getByText('已审核', { exact: true }).first().waitFor();
    await expect.poll(() => owner.page.getByTestId('task-light').textContent()).not.toContain('红灯');
    expect(await owner.page.getByTestId('task-light').textContent()).toContain('黄灯');
    await shot(owner.page, 'sv-07-task-approved');
    await owner.page.getByRole('navigation').getByRole('link', { name: '督办', exact: true }).click();
    await owner.page.getByTestId('task-list').getByRole('link').first().waitFor();
    await filterBy(owner.page, '黄灯');
    await owner.page.getByTestId('task-list').getByRole('link', { name: '南山科技金融城' }).waitFor();
    const after = owner.page.getByTestId('task-list').locator('tr', { hasText: '南山科技金融城' });
    expect(await after.textContent()).not.toContain('红灯');
    expect(await owner.page.getByTestId('count-red').textContent()).toContain('0');
    await owner.page.getByText('按区', { exact: true }).click();
    await owner.page.getByTestId('rollups').getByText('南山区').waitFor();
    await shot(owner.page, 'sv-08-board-by-district');
    expect(owner.problems).toEqual([]);
  });

  it('shows the project table with its chart and totals from the imported dispatch table', async () => {
    const { page, problems } = await watchedPage(browser);
    await signIn(page, 'web-planner');
    // The plan ended in 2025: the table opens on its last year.
    await page.goto(`${base}/plans/${PLAN}/projects`);
    await page.waitForSelector('[data-testid="project-chart"][data-chart-ready="true"]', { timeout: 30_000 });
    expect(await page.getByRole('spinbutton', { name: '年度' }).inputValue()).toBe('2025');
    // 7.2 + 1.6 = 8.8 of 8 + 4 = 12 亿元: 73.3%.
    expect(await page.getByTestId('project-summary').textContent()).toContain('73.3%');
    await page.getByTestId('project-table').getByText('主体结构封顶').waitFor();
    await shot(page, 'sv-09-projects');
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
