/**
 * The enterprise pages in a real browser (Debian Chromium), served by the real HTTP server on an embedded database
 * with the synthetic sample `npm start` loads: the public industry dashboard (synthetic data flagged, confidential
 * cells read 保密 and no suppressed value reaches the page), a drill-down, and — signed in as a statistician — the
 * search, an enterprise's page with its chart, and the import wizard. Screenshots go to test-results/screenshots/.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withCheckChar } from '../src/domain/enterprise/uscc';
import { createUser } from '../src/services/access/users';
import { prepare } from '../src/services/bootstrap';
import { startBrowserRig, type BrowserRig } from './support/browserRig';
import { watchedPage } from './support/browser';
import { plansDir, regionsDir, root } from './support/paths';
import { TEST_PASSWORD } from './support/session';

const shots = path.join(root, 'test-results', 'screenshots');
let base: string;
let browser: Browser;
let rig: BrowserRig | undefined;

beforeAll(async () => {
  rig = await startBrowserRig(async (database) => {
    await prepare(database, { regionsDir, plansDir, catalogueDir: path.join(root, 'catalogue'), datasetsDir: path.join(root, 'datasets'), enterprises: { dir: path.join(root, 'enterprises'), sample: true } });
    await createUser(database, { username: 'web-stat', password: TEST_PASSWORD, role: 'statistician' });
  });
  ({ base, browser } = rig);
  await mkdir(shots, { recursive: true });
}, 300_000);

afterAll(async () => {
  await rig?.close();
});

describe('enterprise pages in the browser', () => {
  it('shows the public industry dashboard with synthetic data flagged and confidential cells as 保密, never their values', async () => {
    const { page, problems } = await watchedPage(browser, { width: 1440, height: 1000 });
    const answers: Array<{ cells: Array<{ total: number | null; suppressed: boolean; growth: number | null; shareOfParent: number | null }> }> = [];
    page.on('response', async (r) => {
      if (r.url().includes('/api/industry-aggregates?')) answers.push(await r.json());
    });
    await page.goto(`${base}/industries`);
    await page.waitForSelector('[data-testid="industry-map"][data-chart-ready="true"]', { timeout: 60_000 });
    await page.getByText('合成数据').first().waitFor();
    await page.getByText(/本页数据来自合成企业/).waitFor();
    await page.getByText('保密').first().waitFor();
    await page.getByRole('button', { name: /^I / }).click();
    await page.waitForSelector('text=信息传输、软件和信息技术服务业：各区分布');
    await page.screenshot({ path: path.join(shots, 'enterprise-01-industries.png'), fullPage: true });
    expect(answers.length).toBeGreaterThanOrEqual(2);
    for (const a of answers) for (const c of a.cells.filter((x) => x.suppressed)) expect([c.total, c.growth, c.shareOfParent]).toEqual([null, null, null]);
    expect(problems).toEqual([]);
  });

  it('lets a statistician search, open an enterprise with its history and chart, and reach the import wizard', async () => {
    const { page, problems } = await watchedPage(browser, { width: 1440, height: 1000 });
    await page.goto(`${base}/login`);
    await page.getByLabel('用户名').fill('web-stat');
    await page.getByLabel('密码').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL(`${base}/`);
    await page.getByText('web-stat').waitFor();
    // Sign-in lands on the cockpit: let it finish loading, so that leaving it aborts no request.
    await page.waitForSelector('[data-testid="cockpit-chart"][data-chart-ready="true"]', { timeout: 60_000 });
    await page.getByRole('link', { name: '企业数据库' }).click();
    await page.getByPlaceholder(/91440300/).fill('软件');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    const first = page.locator('table a').first();
    await first.waitFor();
    await page.screenshot({ path: path.join(shots, 'enterprise-02-search.png'), fullPage: true });
    await first.click();
    await page.waitForSelector('[data-testid="enterprise-chart"][data-chart-ready="true"]', { timeout: 60_000 });
    await page.getByText('名录版本（变更历史）').waitFor();
    await page.getByText('合成数据').first().waitFor();
    // Periods read as the 一套表 forms name them (2025年1-9月), not as the platform's codes (2025-01~09, 2025Q1).
    await page.getByRole('cell', { name: '2025年1-9月', exact: true }).waitFor();
    expect(await page.getByRole('cell', { name: '2025-01~09', exact: true }).count()).toBe(0);
    await page.screenshot({ path: path.join(shots, 'enterprise-03-page.png'), fullPage: true });
    await page.goto(`${base}/enterprises/import`);
    await page.getByText('拖入或点击选择 CSV / XLSX 文件（不超过 256 MB）').waitFor();
    // The wizard with a real upload (multipart, the session's CSRF token): a bad check character is named by row and
    // column in the dry run and the import cannot be confirmed; a good file is previewed, then committed.
    const good = withCheckChar('91440305WEBWEB001');
    const bad = good.slice(0, 17) + (good.endsWith('0') ? '1' : '0');
    const header = '统一社会信用代码,单位名称,行业代码,区划代码,规模以上,成立日期,统计期,指标,数值';
    const choose = (text: string) => page.locator('input[type=file]').setInputFiles({ name: 'enterprises.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
    await choose(`${header}\n${bad},网页测试软件有限公司,6513,南山区,是,2015-03-01,2023-01~03,营业收入,10`);
    await page.getByRole('button', { name: /试导入/ }).click();
    await page.getByRole('cell', { name: '统一社会信用代码', exact: true }).waitFor();
    await page.getByText(/校验码错误/).first().waitFor();
    expect(await page.getByRole('button', { name: /确认导入/ }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: /重新选择/ }).click();
    await choose(`${header}\n${good},网页测试软件有限公司,6513,南山区,是,2015-03-01,2023-01~03,营业收入,10`);
    await page.getByRole('button', { name: /试导入/ }).click();
    await page.getByRole('button', { name: /确认导入/ }).click();
    await page.getByText('已导入（同一文件重复导入不会重复写入）').waitFor();
    await page.screenshot({ path: path.join(shots, 'enterprise-04-import.png'), fullPage: true });
    // The bad file's dry run answers 422 (its report) by design; nothing else may fail.
    expect(problems.filter((p) => !/^HTTP 422: POST \S+\/api\/enterprises\/import$/.test(p))).toEqual([]);
    expect(problems).toHaveLength(1);
  });
});
