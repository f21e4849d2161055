/**
 * The 景气 page and the cockpit card in a real browser (Debian Chromium, playwright-core), served by the real HTTP
 * server on PGlite with the synthetic demo survey: every chart draws, the signal-light table and the withheld cells
 * show, the page speaks English on the switch, a statistician uploads a wave's answers and sees the rejected cell by
 * row and column. Screenshots go to test-results/screenshots/. Any console error or failed request fails the test.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client';
import { panelMembers } from '../src/db/prosperity';
import { createUser } from '../src/services/access/users';
import { prepare } from '../src/services/bootstrap';
import { startBrowserRig, type BrowserRig } from './support/browserRig';
import { watchedPage } from './support/browser';
import { plansDir, regionsDir, root } from './support/paths';
import { TEST_PASSWORD } from './support/session';

const shots = path.join(root, 'test-results', 'screenshots');
let database: Database;
let base: string;
let browser: Browser;
let rig: BrowserRig | undefined;
let tmp: string;

beforeAll(async () => {
  rig = await startBrowserRig(async (database) => {
    await prepare(database, { regionsDir, plansDir, prosperityDir: path.join(root, 'prosperity'), prosperityDemo: true, enterprises: { dir: path.join(root, 'enterprises'), sample: true } });
    await createUser(database, { username: 'survey-web', password: TEST_PASSWORD, role: 'statistician' });
  });
  ({ database, base, browser } = rig);
  tmp = await mkdtemp(path.join(tmpdir(), 'pm-prosperity-web-'));
  await mkdir(shots, { recursive: true });
}, 300_000);

afterAll(async () => {
  await rig?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

const ready = (page: Page, testId: string) => page.waitForSelector(`[data-testid="${testId}"][data-chart-ready="true"]`, { timeout: 60_000 });

describe('景气 in Chromium', () => {
  it('shows the composite indices, the signal lights, the diffusion indices and the indices by industry, and says the data are synthetic', async () => {
    const { page, problems } = await watchedPage(browser, { width: 1366, height: 900 });
    await page.goto(`${base}/prosperity`);
    await page.getByRole('heading', { name: /^服务业景气指数/ }).waitFor();
    for (const id of ['composite-chart', 'signal-chart', 'diffusion-chart']) await ready(page, id);
    await page.getByText(/本页的样本企业和问卷答案为合成数据/).waitFor();
    const table = page.getByTestId('signal-table');
    // Six components and the composite row, 24 months each, every cell lit or marked missing.
    expect(await table.locator('tbody tr').count()).toBe(7);
    expect(await table.locator('tbody tr').first().locator('td').count()).toBe(24);
    expect(await page.locator('[data-signal]').count()).toBeGreaterThan(24);
    // The indices by industry: 13 sections and all enterprises.
    await page.getByText('I 信息传输、软件和信息技术服务业').first().waitFor();
    await page.screenshot({ path: path.join(shots, 'prosperity.png'), fullPage: true });
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { name: /^Service-industry prosperity index/ }).waitFor();
    for (const id of ['composite-chart', 'signal-chart']) await ready(page, id);
    await page.screenshot({ path: path.join(shots, 'prosperity-en.png'), fullPage: true });
    await page.getByRole('button', { name: '切换到中文' }).click();
    expect(problems).toEqual([]);
  });

  it('puts the 服务业景气 card on the cockpit with the latest signal and indices', async () => {
    const { page, problems } = await watchedPage(browser, { width: 1366, height: 900 });
    await page.goto(`${base}/`);
    const card = page.getByTestId('prosperity-card');
    await card.waitFor();
    await page.waitForFunction(() => Array.from(document.querySelectorAll('[data-testid="prosperity-card"] dd')).every((d) => !d.textContent?.startsWith('—')), null, { timeout: 60_000 });
    expect(await card.textContent()).toMatch(/预警指数\d+\.\d/);
    expect(await card.locator('[data-signal]').count()).toBe(1);
    await ready(page, 'cockpit-chart');
    await card.screenshot({ path: path.join(shots, 'cockpit-prosperity-card.png') });
    expect(problems).toEqual([]);
  });

  it('lets a statistician upload a wave’s answers: a bad cell is shown by row and column, nothing written', async () => {
    const { page, problems } = await watchedPage(browser, { width: 1366, height: 900, allowStatus: (url, status) => status === 422 && url.includes('/responses/import') });
    await page.goto(`${base}/login`);
    await page.getByLabel('用户名').fill('survey-web');
    await page.getByLabel('密码').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL(`${base}/`);
    await ready(page, 'cockpit-chart');
    await page.getByTestId('prosperity-card').locator('dd').first().waitFor();
    await page.waitForFunction(() => Array.from(document.querySelectorAll('[data-testid="prosperity-card"] dd')).every((d) => !d.textContent?.startsWith('—')), null, { timeout: 60_000 });
    await page.goto(`${base}/prosperity`);
    await page.getByText('调查期次与回收率').waitFor();
    // Members still in the panel in 2026 (one whose enterprise the registry closes has left it).
    const members = (await panelMembers(database.db, 'shenzhen-services-bcs')).filter((m) => m.leftPeriod === null);
    const file = path.join(tmp, '2026年1月.csv');
    await writeFile(file, `统一社会信用代码,本企业业务总量（即期）\n${members[0]?.uscc},上升\n${members[1]?.uscc},大涨\n`);
    await page.getByPlaceholder('期别，如 2026-01').fill('2026-01');
    await page.locator('input[type=file]').setInputFiles(file);
    // Ant Design spaces a two-character Chinese label: 导 入.
    await page.getByRole('button', { name: /^导\s*入$/ }).click();
    const report = page.getByTestId('import-report');
    await report.waitFor();
    expect(await report.textContent()).toContain('"大涨" is not an answer to 本企业业务总量');
    expect(await report.textContent()).toContain('未写入');
    for (const id of ['composite-chart', 'signal-chart', 'diffusion-chart']) await ready(page, id);
    await page.screenshot({ path: path.join(shots, 'prosperity-import.png'), fullPage: true });
    expect(problems).toEqual([]);
  });
});
