/**
 * A second plan in the web app with no code change: a Guangzhou logistics 15th-plan file, its city's registry and
 * boundaries loaded as data beside the bundled Shenzhen plan. Every page of the second plan opens in Chromium from
 * its address (/plans/{id}/…), names its own indicators and districts, and logs no console error; the plan list at
 * / offers both plans; an old address opens the plan last chosen. Screenshots go to test-results/screenshots/.
 */
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../src/services/access/audit';
import { prepare } from '../src/services/bootstrap';
import { importObservations } from '../src/services/import/importObservations';
import { loadPlanFile } from '../src/services/loadPlan';
import { loadBoundaryFile } from '../src/services/regions/boundaries';
import { loadRegionFile } from '../src/services/regions/loadRegions';
import { startBrowserRig, type BrowserRig } from './support/browserRig';
import { watchedPage } from './support/browser';
import { plansDir, regionsDir, root } from './support/paths';

const fixture = (p: string) => path.join(root, 'test', 'fixtures', p);
const PLAN = 'demo-gz-logistics-15th';
const shots = path.join(root, 'test-results', 'screenshots');

let base: string;
let browser: Browser;
let rig: BrowserRig | undefined;

beforeAll(async () => {
  rig = await startBrowserRig(async (database) => {
    await prepare(database, { regionsDir, plansDir, catalogueDir: path.join(root, 'catalogue'), });
    await database.db.transaction((tx) => loadRegionFile(tx, fixture('regions/guangdong-guangzhou-440100.yaml'), null));
    await database.db.transaction((tx) => loadBoundaryFile(tx, fixture('regions/guangzhou-districts-440100.schematic.geojson'), { who: null }));
    // Published, so that the public (this browser, not signed in) reads it like the bundled plan.
    const planFile = path.join(await mkdtemp(path.join(tmpdir(), 'pm-plan2-')), 'plan.yaml');
    await writeFile(planFile, (await readFile(fixture('plans/guangzhou-logistics-15th.yaml'), 'utf8')).replace(/^region: (.*)$/m, 'region: $1\npublished: true'));
    expect(await loadPlanFile(database, planFile)).toMatchObject({ status: 'loaded' });
    await importObservations(database, { file: fixture('data/guangzhou-logistics-2026-2027.csv'), within: '广州市', audit: SYSTEM });
  });
  ({ base, browser } = rig);
  await mkdir(shots, { recursive: true });
}, 300_000);

afterAll(async () => {
  await rig?.close();
});

describe('a second plan in the browser', () => {
  it('lists both plans at /', async () => {
    const { page, problems } = await watchedPage(browser);
    await page.goto(`${base}/`);
    await page.getByTestId(`plan-${PLAN}`).waitFor();
    const text = await page.locator('main').innerText();
    expect(text).toContain('示范广州市现代物流业发展');
    expect(await page.getByTestId('plan-shenzhen-services-14th-fyp').count()).toBe(1);
    await page.screenshot({ path: path.join(shots, 'second-plan-list.png'), fullPage: true });
    expect(problems).toEqual([]);
  }, 120_000);

  it('opens every page of the second plan from its address, with its own indicators and districts', async () => {
    const indicators = (await (await fetch(`${base}/api/plans/${PLAN}/indicators`)).json()) as Array<{ code: string; system: boolean; name: { zh: string } }>;
    const first = indicators.find((i) => i.system);
    if (!first) throw new Error('the fixture plan has no system indicator');
    const pages: Array<[string, string]> = [
      ['', first.name.zh],
      [`/indicators/${first.code}`, first.name.zh],
      ['/browse', '章节与任务'],
      ['/districts', '天河区'],
      ['/data', '数据'],
      ['/report', '报告'],
    ];
    for (const [sub, expected] of pages) {
      const { page, problems } = await watchedPage(browser);
      await page.goto(`${base}/plans/${PLAN}${sub}?asOf=2027`);
      await page.getByText(expected).first().waitFor({ timeout: 30_000 });
      const text = await page.locator('main').innerText();
      expect(text, sub).not.toContain('规划中没有指标');
      expect(text, sub).not.toContain('服务业增加值');
      await page.screenshot({ path: path.join(shots, `second-plan${sub.replace(/\//g, '-') || '-cockpit'}.png`), fullPage: true });
      expect(problems, sub).toEqual([]);
      await page.close();
    }
  }, 300_000);

  it('sends an old address to the plan chosen last', async () => {
    const { page, problems } = await watchedPage(browser);
    await page.goto(`${base}/plans/${PLAN}`);
    await page.getByText('驾驶舱').first().waitFor();
    // Leave once the cockpit has what it preloads (a chart chunk cut off by the next navigation is not a fault).
    await page.waitForLoadState('networkidle');
    await page.goto(`${base}/districts`);
    await page.waitForURL(`**/plans/${PLAN}/districts`);
    expect(problems).toEqual([]);
  }, 120_000);
});

