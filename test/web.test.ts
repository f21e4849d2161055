/**
 * The web app in a real browser (Debian Chromium driven by playwright-core), served by the real HTTP server on an
 * embedded PGlite database with the bundled plan and figures. A newcomer's path from the cockpit to an import that
 * changes an indicator's status; the district map; every page at 1366×768 and the cockpit at phone width.
 * Screenshots go to test-results/screenshots/. Any console error or failed request fails the test.
 */
import ExcelJS from 'exceljs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../src/services/access/users';
import { prepare } from '../src/services/bootstrap';
import { startBrowserRig, type BrowserRig } from './support/browserRig';
import { watchedPage, type WatchedPage } from './support/browser';
import { plansDir, regionsDir, root } from './support/paths';
import { TEST_PASSWORD } from './support/session';

const shots = path.join(root, 'test-results', 'screenshots');
const ADMIN = 'web-admin';

/** HTTP answers that are part of the story, not failures: a dry run of a file with a bad row is refused with 422. */
const expected = (url: string, status: number) => status === 422 && url.endsWith('/api/observations/import');

let base: string;
let browser: Browser;
let rig: BrowserRig | undefined;
let tmp: string;

beforeAll(async () => {
  rig = await startBrowserRig(async (database) => {
    await prepare(database, { regionsDir, plansDir, catalogueDir: path.join(root, 'catalogue'), datasetsDir: path.join(root, 'datasets') });
    await createUser(database, { username: ADMIN, password: TEST_PASSWORD, role: 'admin' });
  });
  ({ base, browser } = rig);
  tmp = await mkdtemp(path.join(tmpdir(), 'pm-web-'));
  await mkdir(shots, { recursive: true });
}, 300_000);

afterAll(async () => {
  await rig?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

async function open(opts: { width?: number; height?: number } = {}): Promise<WatchedPage> {
  return watchedPage(browser, { ...opts, allowStatus: expected });
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

const chartReady = (page: Page, testId: string) => page.waitForSelector(`[data-testid="${testId}"][data-chart-ready="true"]`, { timeout: 30_000 });

async function signIn(page: Page): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel('用户名').fill(ADMIN);
  await page.getByLabel('密码').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL(`${base}/`);
  await page.getByText(ADMIN).waitFor();
  // Sign-in lands on the cockpit: let it finish loading, so that leaving it aborts no request.
  await chartReady(page, 'cockpit-chart');
}

describe('web app in Chromium', () => {
  it("a newcomer's path: cockpit → 服务业增加值 → target on the chart → import a file → the new figure and the changed status", async () => {
    const { page, problems } = await open();
    // As of 2024: in progress (the 2025 target year has not passed), whatever year the test runs in.
    await page.goto(`${base}/?asOf=2024`);
    const card = page.getByTestId('card-TERTIARY_VA');
    await card.waitFor();
    await chartReady(page, 'cockpit-chart');
    await expect.poll(() => page.locator('[data-testid^="card-"]').count()).toBe(9);
    expect(await card.getByTestId('latest').textContent()).toBe('2.16万亿元');
    expect(await card.textContent()).toMatch(/达标概率: \d{1,3}%/);
    expect(await card.getByTestId('standing').textContent()).toBe('基本符合序时进度');
    // The public sees approved figures only, and no switch to include drafts.
    expect(await page.getByTestId('drafts-switch').count()).toBe(0);
    expect(await page.getByTestId('drafts-included').count()).toBe(0);
    await shot(page, '01-cockpit');

    await card.getByRole('link', { name: /服务业增加值/ }).click();
    await page.waitForURL(`${base}/plans/shenzhen-services-14th-fyp/indicators/TERTIARY_VA?asOf=2024`);
    await chartReady(page, 'indicator-chart');
    const chartText = await page.getByTestId('indicator-chart').locator('svg text').allTextContents();
    expect(chartText).toContain('目标值 2.5万亿元');
    expect(chartText).toContain('基期值 17190.4');
    // The forecast fan: the dashed point forecast and both intervals, named in the legend, and the probability.
    expect(chartText).toEqual(expect.arrayContaining(['预测值', '80%预测区间', '95%预测区间']));
    expect(await page.getByTestId('probability').textContent()).toMatch(/^\d{1,3}%$/);
    expect(await page.getByTestId('standing-sentence').textContent()).toMatch(/按当前趋势，2025年服务业增加值预计为.*达到2.5万亿元目标的概率约为\d+%/);
    expect(await page.getByTestId('target').textContent()).toContain('2.5万亿元');
    expect(await page.getByTestId('method-time_proportional').textContent()).toContain('完成进度 A');
    await page.getByTestId('figures-table').getByText('2023年', { exact: true }).first().waitFor();
    // Which members the forecast used and why, the revision basis it was fitted on, and its backtest (issue 17):
    // 2020–2023 on the post-4th-census basis rose every year, too few values on one basis to backtest.
    expect(await page.getByTestId('forecast-note').textContent()).toMatch(/每年都在上升：保留趋势.*按第四次经济普查后口径数据拟合；2017、2018年数据为此前口径/);
    expect(await page.getByTestId('backtest-reason').textContent()).toBe('回测至少需要 5 个数据（现有 4 个）');
    await shot(page, '02-indicator-TERTIARY_VA');

    // Sign in and import a file: one good 2024 figure and one row with a bad value, which the preview shows by cell.
    await signIn(page);
    const file = path.join(tmp, '2024年服务业增加值.csv');
    await writeFile(
      file,
      '\uFEFF指标代码,地区,期间,数值,单位,来源,发布日期,原文\n' +
        'TERTIARY_VA,深圳市,2024,25123.5,亿元,深圳市2024年国民经济和社会发展统计公报（浏览器测试）,2025-03-01,全年服务业增加值25123.5亿元\n' +
        'TERTIARY_VA,深圳市,2024Q1,一千,亿元,测试,2025-03-01,\n',
    );
    await page.getByRole('navigation').getByRole('link', { name: '数据', exact: true }).click();
    await page.waitForURL(`${base}/plans/shenzhen-services-14th-fyp/data`);
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByRole('button', { name: /下一步/ }).click();
    await page.getByRole('button', { name: /试导入/ }).waitFor();
    await shot(page, '03-data-mapping');
    await page.getByRole('button', { name: /试导入/ }).click();
    const cellErrors = page.getByTestId('cell-errors');
    await cellErrors.waitFor();
    expect(await cellErrors.textContent()).toMatch(/3数值not a number: "一千"/);
    await shot(page, '04-data-preview');
    await page.getByText('跳过有错误的行').click();
    // An administrator's import may land approved at once; otherwise it would wait in the approvals queue.
    await page.getByText('导入后直接批准').click();
    await page.getByRole('button', { name: /确认导入/ }).click();
    await page.getByText(/已导入：新增1条/).waitFor();
    await shot(page, '05-data-imported');

    await page.goto(`${base}/?asOf=2024`);
    await expect.poll(() => card.getByTestId('latest').textContent()).toBe('2.51万亿元');
    expect(await card.textContent()).toContain('2024年');
    // 25123.5 ≥ 25000 in 2024, before the 2025 target year: completed early (the light adds the forecast of 2025:
    // test/lights.test.ts checks it against the API).
    expect(await card.getByTestId('standing').textContent()).toBe('提前完成');
    expect(['green', 'yellow']).toContain(await card.locator('[data-light]').first().getAttribute('data-light'));
    await shot(page, '06-cockpit-after-import');

    await card.getByRole('link', { name: /服务业增加值/ }).click();
    await chartReady(page, 'indicator-chart');
    expect(await page.getByTestId('latest-value').textContent()).toBe('2.51万亿元');
    await page.getByTestId('figures-table').getByText('深圳市2024年国民经济和社会发展统计公报（浏览器测试）').waitFor();
    expect(problems).toEqual([]);
  });

  it('shows on an indicator page how the automatic forecast, the drift and Theta did on its own past (issue 17)', async () => {
    const { page, problems } = await open();
    await page.goto(`${base}/indicators/CULTURE_SHARE_GDP`);
    const table = page.getByTestId('backtest-table');
    await table.waitFor();
    const rows = table.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.locator('td:first-child').allTextContents()).toEqual(['本平台自动预测', '带漂移的随机游走', 'Theta 方法']);
    // 6 values 2018–2023 (one basis, 2020–2021 filled), origins 4 and 5: 2 + 1 pairs scored per method.
    expect(await rows.locator('td:last-child').allTextContents()).toEqual(['3', '3', '3']);
    expect(await page.getByTestId('backtest-card').textContent()).toContain('滚动起点回测：用 2018—2023 年的 6 个年度数据');
    await shot(page, '02b-indicator-backtest');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => rows.locator('td:first-child').allTextContents()).toEqual(['Automatic forecast (this platform)', 'Random walk with drift', 'Theta method']);
    await page.getByRole('button', { name: '切换到中文' }).click();
    expect(problems).toEqual([]);
  });

  it('draws the 9 district polygons with their names, names the two functional areas without a boundary, and speaks English on request', async () => {
    const { page, problems } = await open();
    await page.goto(`${base}/districts`);
    await chartReady(page, 'district-map');
    const map = page.getByTestId('district-map');
    const zh = ['罗湖区', '福田区', '南山区', '宝安区', '龙岗区', '盐田区', '龙华区', '坪山区', '光明区'];
    const labels = await map.locator('svg text').allTextContents();
    expect(labels).toEqual(expect.arrayContaining(zh));
    // 大鹏新区 and 深汕特别合作区 have no polygon in the loaded boundaries: the page names them under the map.
    const note = await page.getByText('无边界数据、未在图上绘出').innerText();
    expect(note).toContain('大鹏新区');
    expect(note).toContain('深汕特别合作区');
    // One filled outline per district at least (ECharts draws each polygon as a path).
    expect(await map.locator('svg path').count()).toBeGreaterThanOrEqual(9);
    // Districts without a figure are hatched (a pattern fill), and the key under the map says so.
    expect(await map.locator('svg pattern').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('map-no-data-key').innerText()).toContain('斜线：该年无数据');
    // Each name sits inside its own district: every label's centre lies in a filled path's box (no name on the sea).
    const outside = await map.evaluate((el) => {
      const shapes = Array.from(el.querySelectorAll('svg path')).map((p) => p.getBoundingClientRect()).filter((r) => r.width > 4 && r.height > 4);
      return Array.from(el.querySelectorAll('svg text'))
        .filter((t) => /区$/.test(t.textContent ?? ''))
        .map((t) => ({ name: t.textContent ?? '', r: t.getBoundingClientRect() }))
        .filter(({ r }) => !shapes.some((s) => r.left + r.width / 2 >= s.left && r.left + r.width / 2 <= s.right && r.top + r.height / 2 >= s.top && r.top + r.height / 2 <= s.bottom))
        .map(({ name }) => name);
    });
    expect(outside).toEqual([]);
    await shot(page, '07-districts');

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(async () => (await map.locator('svg text').allTextContents()).includes('Luohu')).toBe(true);
    const en = await map.locator('svg text').allTextContents();
    expect(en).toEqual(expect.arrayContaining(['Luohu', 'Futian', 'Nanshan', "Bao'an", 'Longgang', 'Yantian', 'Longhua', 'Pingshan', 'Guangming']));
    expect(await page.getByText('Without a boundary, not drawn').innerText()).toContain('Dapeng');
    expect(en.filter((t) => zh.includes(t))).toEqual([]);
    expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toBe('Districts');
    await shot(page, '08-districts-en');
    await page.getByRole('button', { name: '切换到中文' }).click();

    await map.locator('svg').waitFor();
    await page.goto(`${base}/districts/440305`);
    await page.getByTestId('direction').first().waitFor();
    expect(await page.getByTestId('direction').first().textContent()).toMatch(/南山|科技|金融|前海|后海|蛇口|深圳湾/);
    // Figures of catalogue indicators that no plan defines read by their names, never by their codes.
    await page.getByTestId('figure-indicator').getByText('第三产业增加值增长率').waitFor();
    const named = await page.getByTestId('figure-indicator').allTextContents();
    expect(named).toEqual(expect.arrayContaining(['地区生产总值', '第三产业增加值增长率']));
    expect(named.filter((n) => /^[A-Z][A-Z0-9_]+$/.test(n))).toEqual([]);
    // The page speaks one language: the registry's English note is not shown on the Chinese page.
    expect(await page.getByTestId('established').textContent()).toBe('1990年设立');
    await shot(page, '09-district-nanshan');
    expect(problems).toEqual([]);
  });

  it('shows every page without an error, and the cockpit at phone width without sideways scrolling', async () => {
    const { page, problems } = await open();
    await page.goto(`${base}/plan`);
    await page.getByRole('tab', { name: '章节与任务' }).waitFor();
    await page.getByLabel('全文检索').fill('金融科技');
    await page.getByLabel('全文检索').press('Enter');
    const results = page.getByTestId('search-results');
    await results.getByRole('link').first().waitFor();
    await results.getByRole('link', { name: '国际金融科技生态园' }).click();
    await page.getByTestId('item-detail').getByText('试点园区').waitFor();
    await shot(page, '10-plan-search');

    await page.goto(`${base}/data`);
    await page.getByText('导入数据需要登录').waitFor();
    await signIn(page);
    // An administrator may include figures not yet approved: the switch asks the API for them, the page says so.
    const includeDrafts = page.getByRole('switch', { name: '含未审核数据' });
    // Each switch refetches the evaluation and the forecasts; wait for both, so that leaving aborts nothing.
    const refetched = (drafts: boolean) =>
      Promise.all(
        ['/evaluation?', '/forecasts?'].map((what) =>
          page.waitForEvent('requestfinished', (r) => r.url().includes(what) && r.url().includes('includeDrafts=true') === drafts),
        ),
      );
    await Promise.all([refetched(true), includeDrafts.check()]);
    await page.getByTestId('drafts-included').waitFor();
    await chartReady(page, 'cockpit-chart');
    await shot(page, '18-cockpit-drafts');
    await Promise.all([refetched(false), includeDrafts.uncheck()]);
    await page.getByTestId('drafts-included').waitFor({ state: 'detached' });
    for (const [url, name, wait] of [
      ['/data', '11-data', '上传文件'],
      ['/users', '12-users', ADMIN],
      ['/audit', '13-audit', '登录'],
      ['/report', '14-report', '生成草稿'],
      ['/approvals', '17-approvals', '待审批'],
    ] as const) {
      await page.goto(`${base}${url}`);
      // Within the page's own content: the header shows the user's name too.
      await page.locator('#main').getByText(wait).first().waitFor();
      await shot(page, name);
    }
    // A report: draft the text, edit it, download the workbook built with the edited text.
    await page.goto(`${base}/report`);
    await page.getByRole('button', { name: '生成草稿' }).click();
    const first = page.getByRole('textbox').first();
    await first.waitFor();
    expect(await page.getByText('一、总体情况').count()).toBeGreaterThan(0);
    await first.fill('（已编辑）网页测试改写的总体情况。');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 Excel' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = await download.path();
    const bytes = await readFile(file);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const texts: string[] = [];
    book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void texts.push(String(cell.value)))));
    expect(texts.some((t) => t.includes('网页测试改写的总体情况'))).toBe(true);
    await page.getByLabel('下载进度').waitFor();
    await shot(page, '14-report-draft');
    // The single-figure form refuses an empty submit field by field.
    await page.goto(`${base}/data`);
    await page.getByRole('tab', { name: '单条录入' }).click();
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('请选择指标').waitFor();
    await page.getByText('请填写数值').waitFor();
    await shot(page, '15-data-single-figure');
    expect(problems).toEqual([]);

    const phone = await open({ width: 390, height: 844 });
    await phone.page.goto(`${base}/`);
    await chartReady(phone.page, 'cockpit-chart');
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    const menuButton = phone.page.getByRole('button', { name: '打开菜单' });
    await menuButton.waitFor();
    await shot(phone.page, '16-cockpit-phone');
    // The phone menu opens, closes on Escape with focus back on its button, and closes on a click outside.
    await menuButton.click();
    const phoneNav = phone.page.locator('.nav-menu');
    await phoneNav.waitFor();
    await phone.page.keyboard.press('Escape');
    await phoneNav.waitFor({ state: 'detached' });
    expect(await menuButton.evaluate((b) => b === document.activeElement)).toBe(true);
    await menuButton.click();
    await phoneNav.waitFor();
    await phone.page.locator('#main h2.page-title').dispatchEvent('pointerdown');
    await phoneNav.waitFor({ state: 'detached' });
    expect(phone.problems).toEqual([]);
  });
});
