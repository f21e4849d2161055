/**
 * The plan with every kind of target (test/support/everyKindPlan.ts) in Chromium: the cockpit, the indicator pages of
 * a milestone, a range, a relative, a cumulative and a qualitative target, the plan browser with its measures' and
 * projects' details, and the report page — each showing the verdict a user needs, with no console error. The plan's
 * years are still to come, so pages are asked by year (?asOf=2030: after the plan; ?asOf=2028: the milestone year).
 * Screenshots go to /tmp/every-kind-*.png for people to look at.
 */
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWeb } from '../scripts/build-web.mjs';
import { openDatabase, type Database } from '../src/db/client';
import { buildApp } from '../src/server/app';
import { launch, watchedPage } from './support/browser';
import { assessConsumptionCentre, EVERY_KIND_PLAN, loadEveryKindPlan } from './support/everyKindPlan';
import { signIn } from './support/session';

const shots = '/tmp';
const PLAN = EVERY_KIND_PLAN;

let database: Database;
let app: FastifyInstance;
let base: string;
let browser: Browser;
let viewerCookie: string;

beforeAll(async () => {
  await ensureWeb({ log: () => undefined });
  database = await openDatabase({ driver: 'pglite', dataDir: null });
  await loadEveryKindPlan(database);
  app = await buildApp(database);
  await assessConsumptionCentre(app, await signIn(app, database, 'planner', 'planner'));
  viewerCookie = (await signIn(app, database, 'leader', 'viewer')).cookie;
  base = await app.listen({ host: '127.0.0.1', port: 0 });
  browser = await launch();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await database?.close();
});

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(shots, `every-kind-${name}.png`), fullPage: true });
}

/** Opens a page of the plan, waits for `expected` (and the chart, if named), and returns the text of its main part. */
async function visit(sub: string, expected: string, name: string, chart?: string): Promise<string> {
  const { page, problems } = await watchedPage(browser);
  await page.goto(`${base}/plans/${PLAN}${sub}`);
  await page.getByText(expected).first().waitFor({ timeout: 30_000 });
  if (chart) {
    // The chart is drawn again when the forecasts arrive: wait for the last request, then for its drawing.
    await page.waitForLoadState('networkidle');
    await page.waitForSelector(`[data-testid="${chart}"][data-chart-ready="true"]`, { timeout: 30_000 });
  }
  const text = await page.locator('main').innerText();
  await shot(page, name);
  expect(problems, sub).toEqual([]);
  await page.close();
  return text;
}

describe('a plan with every kind of target in the browser', () => {
  it('shows the verdict of every kind on the cockpit after the plan', async () => {
    const text = await visit('?asOf=2030', '示范全球物流枢纽城市建设', 'cockpit-2030', 'cockpit-chart');
    for (const label of ['超额完成', '基本完成', '已完成', '未完成', '基本实现', '尚未评估']) expect(text, label).toContain(label);
    // Every card names its target as the plan prints it — none reads "无量化目标" or "数据暂缺" — and the cumulative
    // card its cumulative amount; the growth target's 2030 figure is shown.
    for (const target of ['2030年突破2万亿元', '2030年控制在5.5%以内', '2030年5.5%—6%', '2030年比2025年下降10%', '2030年累计新增200万吨', '2030年基本建成国际消费中心城市', '年均增长7%（2025—2030年）']) expect(text, target).toContain(target);
    expect(text).not.toMatch(/无量化目标|数据暂缺|≥突破|≤控制在/);
    expect(text).toContain('累计值');
    expect(text).toContain('1.35万亿元');
  }, 120_000);

  it('shows the milestone year on the cockpit (as of 2028)', async () => {
    const text = await visit('?asOf=2028', '示范服务业增加值', 'cockpit-2028', 'cockpit-chart');
    expect(text).toContain('滞后于序时进度');
    // Cumulative cards show the amount so far: 620 − 500 = 120万吨 added; 900 + 950 + 800 = 2650亿元 invested.
    expect(text).toContain('120万吨');
    expect(text).toContain('2650亿元');
    // The relative target's card forecasts against its level (比2025年增长25% → 2500亿元), not "规划未设定目标值".
    expect(text).not.toContain('规划未设定目标值');
  }, 120_000);

  // Each kind's indicator page: the standing sentence the user reads, and the target as the plan prints it.
  const pages: Array<[string, string, string[]]> = [
    ['EK_SVC_VA', 'milestone', ['超额完成“突破2万亿元”的目标', '2028年阶段目标“2028年达到1.8万亿元”未完成', '目标与阶段目标', '阶段目标', '未完成“2028年达到1.8万亿元”的目标，差500亿元', '市发展改革委、市统计局']],
    ['EK_RD_INTENSITY', 'range-met', ['处于“5.5%—6%”的目标区间内，完成目标', '5.5%—6%']],
    ['EK_DIGITAL_SHARE', 'range-missed', ['低于“30%—32%”的目标区间1.5个百分点，未完成目标']],
    ['EK_ENERGY_INTENSITY', 'relative', ['未完成“比2025年下降10%”的目标，超出0.01吨标准煤/万元', '比2025年下降10%']],
    ['EK_COLD_CHAIN', 'cumulative', ['超额完成“累计新增200万吨”的目标（超出20万吨）', '累计新增200万吨']],
    ['EK_SVC_INVESTMENT', 'cumulative-sum', ['未完成“累计完成投资5000亿元”的目标，差200亿元']],
    ['EK_UNEMPLOYMENT', 'quarterly', ['（年度数值暂缺，以2030年第三季度数值代替）', '控制在5.5%以内', '季度', '5.7%（2030年第三季度数值代年度值）']],
    // The assessments, newest first: 基本实现 (2026-12-01), then 进展顺利 (2026-06-01).
    ['EK_CONSUMPTION_CENTRE', 'qualitative', ['评估为“基本实现”', '评估记录', '2026年12月1日 基本实现（planner）：国际消费中心城市评价指标达标率92%（虚构）', '2026年6月1日 进展顺利（planner）：示范商圈改造完成3个（虚构）']],
    ['EK_LOGISTICS_HUB', 'qualitative-unassessed', ['尚无终期评估结论', '2030年建成全球物流枢纽城市', '尚无评估记录']],
  ];
  it.each(pages)('shows the verdict on the indicator page of %s (%s)', async (code, name, expected) => {
    const text = await visit(`/indicators/${code}?asOf=2030`, expected[0] ?? '', `indicator-${name}`, name.startsWith('qualitative') ? undefined : 'indicator-chart');
    for (const e of expected) expect(text).toContain(e);
    expect(text).not.toContain('规划中没有指标');
  }, 120_000);

  it('shows the lead and co-operating units, deadline, owner and investment in the plan browser', async () => {
    const measure = await visit('/browse?item=m1-1-1', '打造示范商圈', 'browse-measure');
    for (const e of ['市商务局', '市规划和自然资源局', '福田区人民政府', '2028年6月']) expect(measure).toContain(e);
    const project = await visit('/browse?item=p-01', '示范冷链物流园', 'browse-project');
    for (const e of ['示范市物流集团有限公司', '120亿元', '2026', '2028']) expect(project).toContain(e);
  }, 120_000);

  it('drafts the final report on the report page for a signed-in user', async () => {
    const { page, problems } = await watchedPage(browser);
    await page.context().addCookies([{ name: viewerCookie.split('=')[0] ?? '', value: viewerCookie.split('=').slice(1).join('='), url: base }]);
    await page.goto(`${base}/plans/${PLAN}/report`);
    // The as-of year starts inside the plan's period (last year, held to 2026–2030), never before the plan.
    await page.getByRole('button', { name: /生成草稿/ }).waitFor();
    expect(await page.getByLabel('评估年份').inputValue()).toBe(String(Math.min(2030, Math.max(2026, new Date().getFullYear() - 1))));
    await page.getByLabel('报告类型').click();
    await page.getByTitle('总结评估报告').click();
    await page.getByLabel('评估年份').fill('2030');
    await page.getByRole('button', { name: /生成草稿/ }).click();
    await page.getByText('二、主要指标完成情况').waitFor({ timeout: 60_000 });
    const text = await page.locator('main').evaluate((m) => Array.from(m.querySelectorAll('textarea')).map((t) => t.value).join('\n'));
    expect(text).toContain('完成目标7项');
    expect(text).toContain('低于“30%—32%”的目标区间1.5个百分点，未完成目标');
    expect(text).toContain('评估为“基本实现”');
    expect(text).toContain('2028年阶段目标“2028年达到1.8万亿元”未完成');
    await shot(page, 'report');
    expect(problems).toEqual([]);
  }, 120_000);
});
