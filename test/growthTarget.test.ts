/**
 * A growth-rate target (年均增长x%) is plan data too: the fictional second plan's DEMO_EP_VA must grow 10% a year
 * from 500亿元 (2025) to 2030. Worked by hand:
 *   figure 2027 = 605亿元 → achieved average growth = (605 / 500)^(1/2) − 1 = √1.21 − 1 = 0.10 → 10% = required → on track;
 *   equivalent level target y* = 500 × 1.1^5 = 805.255亿元;
 *   序时进度: E = (2027 − 2025) / (2030 − 2025) = 0.4; A = (605 − 500) / (805.255 − 500) = 105 / 305.255 = 0.343975…;
 *   A − E = −0.056 < −0.05 → 滞后 (a straight line to a compound target runs ahead of compound growth early on);
 *   Open SDG: CAGR_a = 0.10, CAGR_r = (805.255 / 500)^(1/5) − 1 = 0.10 → ratio 1.0 ≥ 0.95 → substantial progress.
 */
import { SYSTEM } from '../src/services/access/audit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client';
import { parseAsOf } from '../src/domain/evaluation/asOf';
import { evaluateGrowthTarget } from '../src/domain/evaluation/growthTarget';
import { prepare } from '../src/services/bootstrap';
import { evaluatePlan } from '../src/services/evaluation/evaluatePlan';
import { loadPlanFile } from '../src/services/loadPlan';
import { observationsService } from '../src/services/observations';
import { drivers } from './support/databases';
import { fixture, plansDir, regionsDir } from './support/paths';

describe.each(drivers)('growth-rate targets on $name', ({ open }) => {
  let database: Database;
  beforeAll(async () => {
    database = await open();
    await prepare(database, { regionsDir, plansDir });
    await loadPlanFile(database, fixture('plans/fictional-15th.yaml'));
    const report = await observationsService.post(
      database,
      [{ indicator: 'DEMO_EP_VA', region: '440300', period: '2027', value: 605, unit: '亿元', source: '示范市2027年统计公报（虚构）', publishedDate: '2028-03-15' }],
      false,
      // The fictional plan's figure is published in the future: the system may load it, a person may not.
      { audit: SYSTEM },
    );
    expect(report.committed).toBe(true);
  });
  afterAll(() => database.close());

  it('evaluates a 年均增长10% target from the plan file', async () => {
    const asOf = parseAsOf('2027');
    if (!asOf.ok) throw new Error(asOf.error);
    const e = await evaluatePlan(database, 'demo-eco-15th-fyp', { asOf: asOf.value, methods: ['time_proportional', 'cagr_ratio'] });
    const ep = e.indicators.find((i) => i.indicator.code === 'DEMO_EP_VA');
    expect(ep?.indicator.growthTarget).toEqual({ ratePercent: 10, fromYear: 2025, toYear: 2030, printed: '年均增长10%', basis: 'nominal' });
    expect(ep?.latest).toMatchObject({ value: 605, year: 2027 });
    const tp = ep?.results.time_proportional;
    expect(tp?.status).toBe('behind');
    expect(tp?.workings.intermediate.E).toBeCloseTo(0.4, 10);
    expect(tp?.workings.intermediate.A).toBeCloseTo(105 / (500 * 1.1 ** 5 - 500), 8);
    expect(ep?.results.cagr_ratio?.status).toBe('substantial_progress');
    expect(tp?.workings.notes.map((n) => n.en).join(' ')).toMatch(/growth/i);
  });

  it('the growth check itself: 10% achieved against 10% required is on track', () => {
    const r = evaluateGrowthTarget({
      indicator: { code: 'DEMO_EP_VA', unit: '亿元', direction: 'increase', isShare: false },
      target: null,
      growthTarget: { ratePercent: 10, fromYear: 2025, toYear: 2030 },
      baseline: { value: 500, year: 2025 },
      latest: { value: 605, year: 2027 },
    });
    expect(r.status).toBe('on_track');
  });
});
