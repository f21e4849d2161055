/**
 * 规划衔接 (issue 14, point 8): the 14th plan's final values are offered as the 15th plan's 基期值 where the
 * indicator is the same. The 14th plan (bundled) ends in 2025; the fictional 15th plan (test/fixtures/plans/
 * services-15th-succession.yaml) has base year 2025. With the hypothetical 2025 figures of
 * test/fixtures/data/final-2025-hypothetical.csv, worked by hand:
 *   TERTIARY_VA  2025 = 24000亿元; printed 24000 → agrees, difference 0; the 14th's target 2.5万亿元 → 未完成.
 *   RETAIL       2025 = 12500亿元; printed 12000 → differs, difference 12000 − 12500 = −500; 14th target 1.25万亿元
 *                exactly reached in the target year → 已完成.
 *   LOGISTICS_SHARE_GDP 2025 = 11.2% (published); no printed baseline → offered, not printed; 14th target 10%左右
 *                (band 9.5–10.5) → above the band.
 *   DEMO_SVC_EXPORTS is in no earlier plan → no offer.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWeb } from '../scripts/build-web.mjs';
import { openDatabase, type Database } from '../src/db/client';
import { buildApp } from '../src/server/app';
import { SYSTEM } from '../src/services/access/audit';
import { baselineOffers } from '../src/services/baselineOffers';
import { prepare } from '../src/services/bootstrap';
import { importObservations } from '../src/services/import/importObservations';
import { loadPlanFile } from '../src/services/loadPlan';
import { EVERY_PLAN } from '../src/services/plans';
import { launch, watchedPage } from './support/browser';
import { drivers } from './support/databases';
import { fixture, plansDir, regionsDir } from './support/paths';

describe.each(drivers)('the 14th plan’s final values offered as the 15th’s baselines on $name', ({ open }) => {
  let database: Database;
  beforeAll(async () => {
    database = await open();
    await prepare(database, { regionsDir, plansDir });
    const figures = await importObservations(database, { file: fixture('data/final-2025-hypothetical.csv'), audit: SYSTEM });
    expect(figures.committed).toBe(true);
    await loadPlanFile(database, fixture('plans/services-15th-succession.yaml'));
  }, 120_000);
  afterAll(() => database.close());

  it('offers each shared indicator’s 2025 value with the 14th plan’s verdict, and compares the printed baseline', async () => {
    const offers = await baselineOffers(database, 'demo-services-15th', EVERY_PLAN);
    const by = new Map(offers.map((o) => [o.indicatorCode, o]));
    expect([...by.keys()].sort()).toEqual(['LOGISTICS_SHARE_GDP', 'RETAIL', 'TERTIARY_VA']);
    expect(by.get('TERTIARY_VA')).toMatchObject({ offered: { value: 24000, year: 2025 }, agreement: 'agrees', difference: 0, from: { planId: 'shenzhen-services-14th-fyp', targetYear: 2025, targetPrinted: '2.5万亿元', standing: { phase: 'final' } } });
    expect(by.get('TERTIARY_VA')?.from.standing.label.zh).toBe('未完成');
    expect(by.get('RETAIL')).toMatchObject({ offered: { value: 12500, year: 2025 }, printed: { value: 12000, year: 2025 }, agreement: 'differs', difference: -500 });
    expect(by.get('RETAIL')?.from.standing.label.zh).toBe('已完成');
    expect(by.get('LOGISTICS_SHARE_GDP')).toMatchObject({ offered: { value: 11.2, year: 2025 }, printed: null, agreement: 'not_printed', difference: null });
  });

  it('offers nothing to the 14th plan itself from a plan that does not exist, nor to a plan with no earlier plan', async () => {
    // The 14th plan's base year is 2020: no loaded plan ends in 2020.
    expect(await baselineOffers(database, 'shenzhen-services-14th-fyp', EVERY_PLAN)).toEqual([]);
  });
});

describe('规划衔接 for the public, in the API and on the plan page', () => {
  it('shows the offers of a published 15th plan, and says where the printed baseline differs', { timeout: 300_000 }, async () => {
    await ensureWeb({ log: () => undefined });
    const database = await openDatabase({ driver: 'pglite', dataDir: null });
    await prepare(database, { regionsDir, plansDir });
    await importObservations(database, { file: fixture('data/final-2025-hypothetical.csv'), audit: SYSTEM });
    const planFile = path.join(await mkdtemp(path.join(tmpdir(), 'pm-succession-')), 'plan.yaml');
    await writeFile(planFile, (await readFile(fixture('plans/services-15th-succession.yaml'), 'utf8')).replace(/^region: (.*)$/m, 'region: $1\npublished: true'));
    await loadPlanFile(database, planFile);
    const app = await buildApp(database);
    const browser = await launch();
    try {
      const res = await app.inject({ url: '/api/plans/demo-services-15th/baseline-offers' });
      expect(res.statusCode).toBe(200);
      expect((res.json() as Array<{ indicatorCode: string }>).map((o) => o.indicatorCode)).toEqual(['TERTIARY_VA', 'RETAIL', 'LOGISTICS_SHARE_GDP']);
      const base = await app.listen({ host: '127.0.0.1', port: 0 });
      const { page, problems } = await watchedPage(browser);
      await page.goto(`${base}/plans/demo-services-15th/browse`);
      const card = page.getByTestId('baseline-offers');
      await card.waitFor();
      const text = await card.innerText();
      // RETAIL: printed 12000, final value 12500 → 500亿元 lower (web shows 亿元 amounts of 1万亿 and more in 万亿元).
      expect(text).toContain('不一致：规划基期值少500亿元');
      expect(text).toContain('一致');
      expect(text).toContain('规划未列基期值，可采用');
      expect(text).toContain('高于目标区间');
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
      await app.close();
      await database.close();
    }
  });
});
