/**
 * What a planner sees (issue 15), in Debian Chromium on the real server with the bundled plan and figures: the
 * approval path in bulk; no raw indicator or region codes in the visible text of any page; no Chinese on the
 * English pages outside proper names and quoted plan text; chart labels that do not collide at 1440 and 390 px.
 * Screenshots go to test-results/screenshots/.
 */
import { mkdir, writeFile } from 'node:fs/promises';
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

let base: string;
let browser: Browser;
let rig: BrowserRig | undefined;

beforeAll(async () => {
  rig = await startBrowserRig(async (database) => {
    await prepare(database, { regionsDir, plansDir, catalogueDir: path.join(root, 'catalogue'), datasetsDir: path.join(root, 'datasets') });
    for (const role of ['admin', 'planner', 'statistician'] as const) await createUser(database, { username: `flow-${role}`, password: TEST_PASSWORD, role });
  });
  ({ base, browser } = rig);
  await mkdir(shots, { recursive: true });
}, 300_000);

afterAll(async () => {
  await rig?.close();
});

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL(`${base}/`);
  await page.getByText(username).waitFor();
  // Sign-in lands on the cockpit: let it finish loading, so that leaving it aborts no request.
  await page.waitForSelector('[data-testid="cockpit-chart"][data-chart-ready="true"]', { timeout: 30_000 });
}

/** Signs in through the API (a cookie and a CSRF token) for set-up steps. */
async function apiSession(username: string): Promise<Record<string, string>> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: TEST_PASSWORD }) });
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '', 'x-csrf-token': ((await res.json()) as { csrfToken: string }).csrfToken, 'content-type': 'application/json' };
}

async function open(opts: { width?: number; height?: number } = {}): Promise<WatchedPage> {
  return watchedPage(browser, opts);
}

describe('what a planner sees (issue 15)', () => {
  it('a planner approves three drafts at once; only allowed actions are offered; the exact value stands beside the rounded one', async () => {
    const statistician = await apiSession('flow-statistician');
    const figures = [2010, 2011, 2012].map((year, i) => ({ indicator: 'TERTIARY_VA', region: '440300', period: String(year), value: 23100.5 + i, unit: '亿元', source: `批量审批测试 ${year}`, publishedDate: '2024-03-01' }));
    const entered = await fetch(`${base}/api/observations`, { method: 'POST', headers: statistician, body: JSON.stringify({ figures }) });
    expect(entered.status).toBe(200);

    const { page, problems } = await open({ width: 1440, height: 900 });
    await signIn(page, 'flow-planner');
    await page.goto(`${base}/approvals`);
    await page.locator('.ant-radio-button-wrapper', { hasText: '草稿' }).click();
    const rows = page.locator('tr', { hasText: '批量审批测试' });
    await expect.poll(() => rows.count()).toBe(3);
    // Names, not codes; the exact value with its unit beside the rounded one.
    expect(await rows.first().textContent()).toContain('服务业增加值');
    expect(await rows.first().textContent()).not.toContain('TERTIARY_VA');
    expect(await rows.first().getByTestId('exact-value').textContent()).toBe('2.31万亿元（原值23100.5亿元）');
    // A planner does not write figures: a draft offers approval only (submit needs a writer).
    expect(await rows.first().getByRole('button').allTextContents()).toEqual(['批 准']);
    for (let i = 0; i < 3; i++) await rows.nth(i).getByRole('checkbox').check();
    await page.getByLabel('意见').fill('与统计公报核对一致');
    await shot(page, '30-approvals-bulk-selected');
    await page.getByTestId('bulk-approve').click();
    await page.getByText('已批准3条数据。').waitFor();
    await expect.poll(() => rows.count()).toBe(0);
    await shot(page, '31-approvals-bulk-done');

    const list = await fetch(`${base}/api/observations?indicator=TERTIARY_VA&region=440300&period=2010,2011,2012&state=approved`, { headers: await apiSession('flow-admin') });
    const approved = ((await list.json()) as Array<{ source: { publication: string }; approval: { comment: string; decidedBy: string } }>).filter((o) => o.source.publication.startsWith('批量审批测试'));
    expect(approved.map((o) => o.approval)).toEqual([0, 1, 2].map(() => expect.objectContaining({ comment: '与统计公报核对一致', decidedBy: 'flow-planner' })));
    expect(problems).toEqual([]);
  });

  it('a writer withdraws a figure sent by mistake from its history in the figures browser; it is kept as 已撤回', async () => {
    const statistician = await apiSession('flow-statistician');
    const entered = await fetch(`${base}/api/observations`, { method: 'POST', headers: statistician, body: JSON.stringify({ figures: [{ indicator: 'RETAIL', region: '440300', period: '2013', value: 4433.59, unit: '亿元', source: '误报测试 2013', publishedDate: '2014-03-01' }] }) });
    expect(entered.status).toBe(200);

    const { page, problems } = await open({ width: 1440, height: 900 });
    await signIn(page, 'flow-statistician');
    await page.goto(`${base}/data`);
    await page.getByRole('tab', { name: '浏览数据' }).click();
    const browser = page.getByTestId('figures-browser');
    await browser.getByLabel('审核状态').click();
    await page.locator('.ant-select-item-option', { hasText: '草稿' }).click();
    const row = browser.locator('tr', { hasText: '误报测试 2013' });
    await row.click();
    const drawer = page.getByTestId('figure-history');
    await drawer.getByTestId('withdraw-figure').click();
    await shot(page, '32-figure-withdraw-confirm');
    await page.locator('.ant-popconfirm').getByRole('button', { name: /撤\s*回/ }).click();
    await drawer.getByText(/已撤回数据第\d+号/).waitFor();
    // The vintages list of the history now names it 已撤回, and the button is gone (nothing more may be done).
    await expect.poll(() => drawer.locator('.ant-table-row', { hasText: '误报测试 2013' }).textContent()).toContain('已撤回');
    expect(await drawer.getByTestId('withdraw-figure').count()).toBe(0);
    await shot(page, '33-figure-withdrawn');
    const list = await fetch(`${base}/api/observations?indicator=RETAIL&region=440300&period=2013&state=withdrawn`, { headers: statistician });
    expect(((await list.json()) as Array<{ source: { publication: string } }>).map((o) => o.source.publication)).toEqual(['误报测试 2013']);
    expect(problems).toEqual([]);
  });

  it('names things: no raw indicator or region code in any page\'s visible text; English pages without Chinese outside names and plan quotes', async () => {
    const catalogue = (await (await fetch(`${base}/api/indicators`)).json()) as Array<{ code: string; name: { zh: string; en: string } }>;
    // A code that is also a word of the names (GDP) is a word, not a raw code.
    const indicators = catalogue.map((i) => i.code).filter((code) => !catalogue.some((i) => `${i.name.zh} ${i.name.en}`.includes(code)));
    const regions = ((await (await fetch(`${base}/api/regions`)).json()) as Array<{ code: string }>).map((r) => r.code);
    const { page, problems } = await open({ width: 1440, height: 900 });
    await signIn(page, 'flow-admin');
    const pages = ['/', '/indicators/TERTIARY_VA', '/plan', '/districts', '/districts/440305', '/data', '/approvals', '/audit', '/users', '/report'];
    const codeFindings: string[] = [];
    const cjkFindings: string[] = [];
    for (const lang of ['zh', 'en'] as const) {
      await page.evaluate((l) => localStorage.setItem('plan-monitor.lang', l), lang);
      for (const url of pages) {
        await page.goto(`${base}${url}`);
        await page.waitForLoadState('networkidle');
        await page.locator('#main').waitFor();
        await page.waitForTimeout(300);
        if (url === '/data') await page.getByRole('tab', { name: lang === 'zh' ? '浏览数据' : 'Browse figures' }).click();
        if (url === '/data') await page.getByTestId('figures-browser').locator('tbody tr.ant-table-row').first().waitFor();
        await shot(page, `32-scan-${lang}${url.replace(/\//g, '_')}`);
        // Visible text outside code-styled elements, plan quotations and text marked as Chinese (proper names, sources).
        const texts = await page.evaluate(() => {
          const out: string[] = [];
          const root = document.querySelector('#main');
          if (!root) return out;
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const el = n.parentElement;
            if (!el || !n.textContent?.trim()) continue;
            // (the page's own <html lang> is outside #main and does not count)
            const skip = el.closest('code, pre, kbd, [data-quote], [lang^="zh"], svg, canvas, [aria-hidden="true"], .ant-select-item-option');
            if (skip && root.contains(skip)) continue;
            if (el.getClientRects().length === 0) continue;
            out.push(n.textContent.trim());
          }
          return out;
        });
        for (const text of texts) {
          for (const code of indicators) if (new RegExp(`(^|[^A-Z0-9_])${code}($|[^A-Z0-9_])`).test(text)) codeFindings.push(`${lang} ${url}: ${code} in "${text.slice(0, 80)}"`);
          for (const code of regions) if (new RegExp(`(^|\\D)${code}($|\\D)`).test(text)) codeFindings.push(`${lang} ${url}: ${code} in "${text.slice(0, 80)}"`);
          if (lang === 'en' && /[\u3400-\u9fff]/.test(text)) cjkFindings.push(`${url}: "${text.slice(0, 80)}"`);
        }
      }
    }
    await page.evaluate(() => localStorage.setItem('plan-monitor.lang', 'zh'));
    await writeFile(path.join(shots, '32-scan-findings.txt'), [...codeFindings, '---', ...cjkFindings].join('\n'));
    expect(codeFindings).toEqual([]);
    expect(cjkFindings).toEqual([]);
    expect(problems).toEqual([]);
  }, 300_000);

  it('chart labels do not collide at 1440 and 390 px (bounding boxes of the drawn texts)', async () => {
    const overlaps = async (page: Page, testId: string): Promise<string[]> =>
      page.evaluate((id) => {
        const boxes = Array.from(document.querySelectorAll(`[data-testid="${id}"] svg text`))
          .map((el) => ({ text: el.textContent ?? '', r: el.getBoundingClientRect() }))
          .filter((b) => b.text.trim() !== '' && b.r.width > 0);
        const out: string[] = [];
        for (let i = 0; i < boxes.length; i++) {
          for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i];
            const b = boxes[j];
            if (!a || !b) continue;
            const x = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
            const y = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
            if (x > 1 && y > 1) out.push(`"${a.text}" × "${b.text}"`);
          }
        }
        return out;
      }, testId);
    const found: string[] = [];
    for (const width of [1440, 390]) {
      for (const lang of ['zh', 'en'] as const) {
        const { page, problems } = await open({ width, height: 900 });
        // The language is set before the first load (a reload would cut off the chunks the first load preloads).
        await page.addInitScript((l) => localStorage.setItem('plan-monitor.lang', l), lang);
        await page.goto(`${base}/?asOf=2024`);
        await page.waitForSelector('[data-testid="cockpit-chart"][data-chart-ready="true"]', { timeout: 30_000 });
        const labels = await page.locator('[data-testid="cockpit-chart"] svg text').allTextContents();
        // Indicator names on the axis, not numbers.
        expect(labels.join(' ')).toContain(lang === 'zh' ? '服务业增加值' : 'Value added of the service industry'.slice(0, 12));
        found.push(...(await overlaps(page, 'cockpit-chart')).map((o) => `cockpit ${width} ${lang}: ${o}`));
        await shot(page, `33-cockpit-${width}-${lang}`);
        // Leave only once the cockpit has loaded everything (chunks fetched in the background included).
        await page.waitForLoadState('networkidle');
        await page.goto(`${base}/indicators/TERTIARY_VA?asOf=2024`);
        await page.waitForSelector('[data-testid="indicator-chart"][data-chart-ready="true"]', { timeout: 30_000 });
        found.push(...(await overlaps(page, 'indicator-chart')).map((o) => `indicator ${width} ${lang}: ${o}`));
        if (lang === 'en') expect((await page.locator('[data-testid="indicator-chart"] svg text').allTextContents()).join(' ')).not.toMatch(/[\u3400-\u9fff]/);
        await shot(page, `34-indicator-${width}-${lang}`);
        expect(problems).toEqual([]);
        await page.context().close();
      }
    }
    expect(found).toEqual([]);
  }, 300_000);
});

