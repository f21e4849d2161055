/**
 * A 15th-plan style plan stating every kind of target (test/fixtures/plans/every-kind-15th.yaml, fictional, with
 * invented figures in test/fixtures/data/every-kind-15th-figures.csv) is loaded, evaluated through the API as of a
 * mid-term date and after the plan's end, and reported in Word — on PGlite and PostgreSQL. Every expected status and
 * number is worked by hand beside its assertion, from the rules in docs/EVALUATION.md:
 *   序时进度 E = (t − t0)/(T − t0), A = (y_t − y0)/(y* − y0): ahead A − E ≥ 0.05, on schedule |A − E| < 0.05, else behind;
 *   verdict at_least y_T ≥ y* (超额 when >), at_most y_T ≤ y*, 左右/区间 inside the band; 完成率 y_T / y*;
 *   a relative target is the level y_base·(1 + p); a cumulative one compares y_T − y_base (increase) or Σ y (sum);
 *   a 年均增长 target compares (y_T / y_0)^(1/n) − 1 with the rate, within 0.1 point.
 * Figures are published on 20 March of the next year (bulletins); in-year figures as dated in the CSV.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client';
import { parseAsOf } from '../src/domain/evaluation/asOf';
import { METHOD_IDS } from '../src/domain/evaluation/result';
import { buildApp } from '../src/server/app';
import { evaluatePlan, type IndicatorEvaluation, type PlanEvaluation } from '../src/services/evaluation/evaluatePlan';
import type { PlanEvaluationDto, ReportDraftDto } from '../src/shared/api';
import { drivers } from './support/databases';
import { assessConsumptionCentre, EVERY_KIND_PLAN, loadEveryKindPlan } from './support/everyKindPlan';
import { docxText } from './support/reportText';
import { signIn } from './support/session';

describe.each(drivers)('a plan with every kind of target on $name', ({ open }) => {
  let database: Database;
  let app: FastifyInstance;
  let viewer: Record<string, string>;
  const evaluations = new Map<string, PlanEvaluation>();

  /**
   * The evaluation as of a date, read once per date. The plan's years are still to come, and the API answers a
   * date in the future with 400 ("use a year to look ahead"), so dates go through the evaluation service the API
   * calls; the API itself is asked by year below.
   */
  async function evaluation(text: string): Promise<PlanEvaluation> {
    const known = evaluations.get(text);
    if (known) return known;
    const asOf = parseAsOf(text);
    if (!asOf.ok) throw new Error(asOf.error);
    const e = await evaluatePlan(database, EVERY_KIND_PLAN, { asOf: asOf.value, methods: [...METHOD_IDS] });
    evaluations.set(text, e);
    return e;
  }
  async function indicator(asOf: string, code: string): Promise<IndicatorEvaluation> {
    const found = (await evaluation(asOf)).indicators.find((i) => i.indicator.code === code);
    if (!found) throw new Error(`no ${code} in the evaluation as of ${asOf}`);
    return found;
  }

  beforeAll(async () => {
    database = await open();
    await loadEveryKindPlan(database);
    app = await buildApp(database);
    const planner = await signIn(app, database, 'planner', 'planner');
    viewer = await signIn(app, database, 'leader', 'viewer');
    await assessConsumptionCentre(app, planner);
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('loads every target kind, frequency, 责任单位, measure and project detail and the version', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/plans/${EVERY_KIND_PLAN}/indicators` });
    expect(res.statusCode).toBe(200);
    const inds = res.json<Array<{ code: string; frequency: string; responsible: string[]; targets: Array<{ kind: string; milestone: boolean; year: number }> }>>();
    const kinds = (code: string) => inds.find((i) => i.code === code)?.targets.map((t) => `${t.kind}${t.milestone ? '*' : ''}${t.year}`);
    expect(kinds('EK_SVC_VA')).toEqual(['level*2028', 'level2030']);
    expect(kinds('EK_RD_INTENSITY')).toEqual(['range2030']);
    expect(kinds('EK_ENERGY_INTENSITY')).toEqual(['relative2030']);
    expect(kinds('EK_COLD_CHAIN')).toEqual(['cumulative2030']);
    expect(kinds('EK_SVC_INVESTMENT')).toEqual(['cumulative2030']);
    expect(kinds('EK_CONSUMPTION_CENTRE')).toEqual(['qualitative2030']);
    expect(inds.find((i) => i.code === 'EK_RETAIL')).toMatchObject({ frequency: 'monthly', responsible: ['市商务局'] });
    expect(inds.find((i) => i.code === 'EK_UNEMPLOYMENT')).toMatchObject({ frequency: 'quarterly' });

    const items = (await app.inject({ method: 'GET', url: `/api/plans/${EVERY_KIND_PLAN}/items` })).json<Array<{ key: string; leadDepartments: string[]; details: Record<string, unknown> }>>();
    expect(items.find((i) => i.key === 'm1-1-1')).toMatchObject({ leadDepartments: ['市商务局'], details: { cooperatingDepartments: ['市规划和自然资源局', '福田区人民政府'], deadline: '2028-06' } });
    expect(items.find((i) => i.key === 'p-01')?.details).toEqual({ owner: '示范市物流集团有限公司', investment: { total: 120, unit: '亿元', planned: { 2026: 30, 2027: 40, 2028: 50 } }, start: 2026, finish: 2028 });
    // Version 1 is in force from the start whatever day it names (only an adjustment's day counts); its label is kept.
    expect((await evaluation('2031-06-30')).version).toEqual({ number: 1, effectiveFrom: null, label: { zh: '规划印发稿', en: 'as issued' } });
  });

  describe('as of 2028-12-31 (the milestone year has not ended)', () => {
    it('stands by the 2028 milestone, in progress', async () => {
      const va = await indicator('2028-12-31', 'EK_SVC_VA');
      // The first target whose year has not passed is the 2028 milestone: index 0.
      expect(va.current).toBe(0);
      expect(va.targets.map((t) => t.phase)).toEqual(['progress', 'progress']);
      // Latest figure: 2027 (16600, published 2028-03-20; 2028's comes out 2029-03-20).
      // E = (2027 − 2025)/(2028 − 2025) = 2/3; A = (16600 − 15000)/(18000 − 15000) = 1600/3000 = 0.5333;
      // A − E = −0.1333 → 滞后于序时进度 (red).
      expect(va.standing).toMatchObject({ phase: 'progress', code: 'behind', light: 'red' });
      expect(va.results.time_proportional?.workings.intermediate.E).toBeCloseTo(2 / 3, 10);
      expect(va.results.time_proportional?.workings.intermediate.A).toBeCloseTo(1600 / 3000, 10);
    });
  });

  describe('mid-term, as of 2029-06-30 (the 2028 milestone is judged, the 2030 targets in progress)', () => {
    const asOf = '2029-06-30';

    it('judges the missed milestone like a target and keeps the light at least yellow', async () => {
      const va = await indicator(asOf, 'EK_SVC_VA');
      const [milestone, own] = va.targets;
      // 2028: 17500 < 18000 → 未完成; 完成率 17500/18000 = 97.2%; gap 18000 − 17500 = 500亿元.
      expect(milestone?.phase).toBe('final');
      expect(milestone?.standing.code).toBe('not_completed');
      expect(milestone?.standing.verdict?.completionRate).toBeCloseTo(17500 / 18000, 10);
      expect(milestone?.standing.verdict?.gap).toBe(500);
      expect(milestone?.standing.sentence.zh).toBe('示范服务业增加值2028年为17500亿元，完成目标的97.2%，未完成“2028年达到1.8万亿元”的目标，差500亿元。');
      // The 2030 target: latest 2028. E = (2028 − 2025)/(2030 − 2025) = 0.6; A = (17500 − 15000)/(20000 − 15000) = 0.5;
      // A − E = −0.1 → behind (red, already worse than the milestone's yellow).
      expect(va.current).toBe(1);
      expect(own?.standing.code).toBe('behind');
      expect(va.results.time_proportional?.workings.intermediate.A).toBeCloseTo(0.5, 10);
      expect(va.standing.light).toBe('red');
      expect(va.standing.sentence.zh).toContain('2028年阶段目标“2028年达到1.8万亿元”未完成。');
    });

    it('reads every other kind in progress', async () => {
      const status = async (code: string) => (await indicator(asOf, code)).standing;
      // 左右 65 ± 1: 2028 64.2 inside [64, 66] → 符合目标区间.
      expect(await status('EK_SVC_SHARE')).toMatchObject({ code: 'within_band', light: 'green' });
      // 2028 11200: A = (11200 − 10000)/(12000 − 10000) = 0.6 = E → 基本符合序时进度.
      expect(await status('EK_RETAIL')).toMatchObject({ code: 'on_schedule', light: 'green' });
      // 区间 5.5%—6%: 2028 5.6 inside → 符合目标区间; the range is said once.
      const rd = await status('EK_RD_INTENSITY');
      expect(rd).toMatchObject({ code: 'within_band', light: 'green' });
      expect(rd.sentence.zh).toBe('示范服务业研发投入强度2028年为5.6%，处于“5.5%—6%”的目标区间内。');
      // 区间 30%—32% read as the band 31 ± 1: 2028 28 below it; A = (28 − 27)/(31 − 27) = 0.25, E = 0.6 → behind.
      expect(await status('EK_DIGITAL_SHARE')).toMatchObject({ code: 'behind', light: 'red' });
      // 比2025年下降10%: y* = 0.3 × 0.9 = 0.27; A = (0.282 − 0.3)/(0.27 − 0.3) = 0.018/0.03 = 0.6 = E → on schedule.
      const energy = await indicator(asOf, 'EK_ENERGY_INTENSITY');
      expect(energy.standing).toMatchObject({ code: 'on_schedule', light: 'green' });
      expect(energy.results.time_proportional?.workings.intermediate.A).toBeCloseTo(0.6, 10);
      // 比2025年增长25% from the 2025 figure 2000: y* = 2500; A = (2360 − 2000)/(2500 − 2000) = 0.72; 0.72 − 0.6 = 0.12 → ahead.
      const tourism = await indicator(asOf, 'EK_TOURISM');
      expect(tourism.standing).toMatchObject({ code: 'ahead', light: 'green' });
      expect(tourism.results.time_proportional?.workings.intermediate.A).toBeCloseTo(0.72, 10);
      // 累计新增: 2028 620 − 500 = 120; A = 120/200 = 0.6 = E → on schedule.
      const cold = await indicator(asOf, 'EK_COLD_CHAIN');
      expect(cold.standing).toMatchObject({ code: 'on_schedule', light: 'green' });
      expect(cold.results.time_proportional?.workings.intermediate.A).toBeCloseTo(0.6, 10);
      // 累计完成投资: 900 + 950 + 800 = 2650; A = 2650/5000 = 0.53; 0.53 − 0.6 = −0.07 → behind.
      const invest = await indicator(asOf, 'EK_SVC_INVESTMENT');
      expect(invest.standing).toMatchObject({ code: 'behind', light: 'red' });
      expect(invest.results.time_proportional?.workings.intermediate.A).toBeCloseTo(0.53, 10);
      // 年均增长7%: (12100/10000)^(1/3) − 1 = 1.21^(1/3) − 1 ≈ 0.0656 (1.0656³ = 1.20999) < 0.07 − 0.001 → behind.
      const modern = await status('EK_MODERN_SVC_VA');
      expect(modern).toMatchObject({ code: 'behind', light: 'red' });
      expect(modern.growth?.achieved).toBeCloseTo(0.0656, 4);
      // Qualitative: the latest assessment made by 2029-06-30 is 基本实现 (2026-12-01); in progress any assessment reads.
      expect(await status('EK_CONSUMPTION_CENTRE')).toMatchObject({ code: 'largely_achieved', light: 'green' });
      // No assessment at all → grey, 尚未评估, asking a planner for one.
      const hub = await status('EK_LOGISTICS_HUB');
      expect(hub).toMatchObject({ code: 'not_assessed', light: 'grey' });
      expect(hub.sentence.zh).toBe('示范全球物流枢纽城市建设的定性目标“建成全球物流枢纽城市”尚未评估：请规划部门录入评估结论及佐证材料。');
    });

    it('gives the in-year value and 同比 of a monthly and a quarterly indicator', async () => {
      const retail = await indicator(asOf, 'EK_RETAIL');
      // Newest 1–N月 after the latest annual year (2028): 2029年1–4月 3800 (2029-05-20; 1–3月 is older);
      // 同比 (3800/3600 − 1) × 100 = 5.556%. A flow's 1–4月 never stands in for the year.
      expect(retail.inYear).toMatchObject({ periodCode: '2029-01~04', value: 3800, previous: { periodCode: '2028-01~04', value: 3600 }, changeKind: 'percent' });
      expect(retail.inYear?.change).toBeCloseTo((3800 / 3600 - 1) * 100, 10);
      expect(retail.series.map((p) => p.year)).toEqual([2026, 2027, 2028]);
      const unemployment = await indicator(asOf, 'EK_UNEMPLOYMENT');
      // 2029 Q1 5.4 against 2028 Q1 5.2: +0.2 percentage points.
      expect(unemployment.inYear).toMatchObject({ periodCode: '2029Q1', value: 5.4, previous: { periodCode: '2028Q1', value: 5.2 }, changeKind: 'points' });
      expect(unemployment.inYear?.change).toBeCloseTo(0.2, 10);
    });

    it('drafts the mid-term report (asked by year, 2028) with every kind counted and the missed milestone said', async () => {
      const res = await app.inject({ method: 'GET', url: `/api/plans/${EVERY_KIND_PLAN}/reports/midterm/draft?asOf=2028`, headers: { cookie: viewer.cookie ?? '' } });
      expect(res.statusCode, res.body).toBe(200);
      const text = res.json<ReportDraftDto>().sections.map((x) => x.text).join('\n');
      // As of the year 2028 (every vintage, periods up to 2028) the statuses are those above, except that the
      // unemployment rate has no 2029 quarter yet: 2028's 5.3 ≤ 5.5 → 提前完成. So: 提前完成 1 (unemployment),
      // 快于 1 (tourism), 基本符合 3 (retail, energy, cold chain), 处于目标区间 2 (share, R&D), 滞后 4 (services VA,
      // digital, investment, modern services: its growth), 基本实现 1, 尚待评估 1 — 13 in all.
      expect(text).toContain('规划指标体系共13项指标。截至2028年，提前完成1项、快于序时进度1项、基本符合序时进度3项、处于目标区间2项、滞后于序时进度4项、基本实现1项、尚待评估1项。');
      // Progress to the 2030 target (A = 2500/5000 = 50%), then the missed 2028 milestone with its numbers.
      expect(text).toContain('示范服务业增加值：2028年为17500亿元，2025年基期值15000亿元，目标为突破2万亿元（2030年），完成进度50%，滞后于序时进度。阶段目标：示范服务业增加值2028年为17500亿元，完成目标的97.2%，未完成“2028年达到1.8万亿元”的目标，差500亿元。');
      // A relative and a cumulative target in progress, as printed: 0.018/0.03 = 60%; 120/200 = 60%.
      expect(text).toContain('示范服务业单位增加值能耗：2028年为0.282吨标准煤/万元，2025年基期值0.3吨标准煤/万元，目标为比2025年下降10%（2030年），完成进度60%，基本符合序时进度。');
      expect(text).toContain('示范冷库库容：2028年为620万吨，2025年基期值500万吨，目标为累计新增200万吨（2030年），完成进度60%，基本符合序时进度。');
    }, 120_000);

    it('forecasts the target each indicator stands by, as a level', async () => {
      const forecastsAsOf = async (year: number) => {
        const res = await app.inject({ method: 'GET', url: `/api/plans/${EVERY_KIND_PLAN}/forecasts?asOf=${year}` });
        expect(res.statusCode, res.body).toBe(200);
        const list = res.json<{ indicators: Array<{ indicatorCode: string; status: string; target: number | null; targetYear: number | null; reason?: { zh: string } }> }>().indicators;
        return (code: string) => list.find((f) => f.indicatorCode === code);
      };
      // As of 2027 the services VA stands by its 2028 milestone (18000), not the 2030 target.
      expect((await forecastsAsOf(2027))('EK_SVC_VA')).toMatchObject({ targetYear: 2028, target: 18000 });
      const f = await forecastsAsOf(2029);
      // 比2025年增长25% from 2000: 2500; 比2025年下降10% from 0.3: 0.27; 累计新增200 from 500: the level 700.
      expect(f('EK_TOURISM')).toMatchObject({ status: 'ok', targetYear: 2030, target: 2500 });
      expect(f('EK_ENERGY_INTENSITY')?.target).toBeCloseTo(0.27, 12);
      expect(f('EK_COLD_CHAIN')).toMatchObject({ status: 'ok', target: 700 });
      // A cumulative sum and a qualitative target have no level: said, not "the plan sets no target".
      expect(f('EK_SVC_INVESTMENT')).toMatchObject({ status: 'no_target', reason: { zh: '累计目标按逐年累计值判断，暂不预测' } });
      expect(f('EK_CONSUMPTION_CENTRE')).toMatchObject({ status: 'no_target', reason: { zh: '定性目标按评估结论判断，不作数值预测' } });
    }, 120_000);

    it('judges a qualitative target by the assessment standing on the as-of date', async () => {
      // On 2026-09-30 only the first assessment (进展顺利, 2026-06-01) had been made.
      const early = await indicator('2026-09-30', 'EK_CONSUMPTION_CENTRE');
      expect(early.standing).toMatchObject({ code: 'on_track', light: 'green' });
      expect(early.standing.sentence.zh).toContain('评估为“进展顺利”');
    });
  });

  describe('after the plan, as of 2031-06-30 (final verdicts on the 2030 values)', () => {
    const asOf = '2031-06-30';

    it('gives each kind its verdict with the completion and the gap', async () => {
      const verdictOf = async (code: string) => {
        const i = await indicator(asOf, code);
        expect(i.phase).toBe('final');
        return i.standing;
      };

      // 突破2万亿元: 20400 > 20000 → 超额完成; 完成率 20400/20000 = 102.0%; gap 20000 − 20400 = −400.
      // The missed 2028 milestone keeps the light yellow (green → yellow) and is said.
      const va = await verdictOf('EK_SVC_VA');
      expect(va).toMatchObject({ code: 'exceeded', light: 'yellow' });
      expect(va.verdict?.completionRate).toBeCloseTo(1.02, 10);
      expect(va.verdict?.gap).toBe(-400);
      expect(va.sentence.zh).toBe('示范服务业增加值2030年为20400亿元，完成目标的102.0%，超额完成“突破2万亿元”的目标（超出400亿元）。2028年阶段目标“2028年达到1.8万亿元”未完成。');

      // 65%左右 (tolerance 1): 64.5 inside [64, 66] → 基本完成; inside the band since 2028 (64.2; 2027's 63.5 was below).
      const share = await verdictOf('EK_SVC_SHARE');
      expect(share).toMatchObject({ code: 'basically_completed', light: 'green' });
      expect(share.verdict?.firstMetYear).toBe(2028);
      expect(share.sentence.zh).toBe('示范服务业增加值占GDP比重2030年为64.5%，处于“65%左右”的目标区间（64%—66%）内，基本完成目标，2028年起已处于目标区间。');

      // 达到1.2万亿元: 12000 = 12000 → 已完成, 完成率 100.0%, gap 0.
      const retail = await verdictOf('EK_RETAIL');
      expect(retail).toMatchObject({ code: 'completed', light: 'green' });
      expect(retail.verdict).toMatchObject({ value: 12000, completionRate: 1, gap: 0 });
      expect(retail.sentence.zh).toBe('示范社会消费品零售总额2030年为12000亿元，完成目标的100.0%，完成“达到1.2万亿元”的目标。');

      // 控制在5.5%以内, quarterly: no 2030 annual figure, so the newest 2030 quarter (Q3: 5.7) stands in, marked;
      // 5.7 > 5.5 → 未完成, over by 5.7 − 5.5 = 0.2 points. The wording is said once (not 控制在控制在…).
      const unemployment = await indicator(asOf, 'EK_UNEMPLOYMENT');
      expect(unemployment.series.find((p) => p.year === 2030)).toMatchObject({ value: 5.7, standIn: '2030Q3' });
      expect(unemployment.standing).toMatchObject({ code: 'not_completed', light: 'red' });
      expect(unemployment.standing.verdict?.gap).toBeCloseTo(-0.2, 10);
      expect(unemployment.standing.sentence.zh).toBe('示范城镇调查失业率2030年为5.7%（年度数值暂缺，以2030年第三季度数值代替），未完成“控制在5.5%以内”的目标，超出0.2个百分点。');
      // 同比 of the in-year value: 2030 Q3 5.7 against 2029 Q3 5.3 → +0.4 points.
      expect(unemployment.inYear).toMatchObject({ periodCode: '2030Q3', previous: { periodCode: '2029Q3', value: 5.3 } });
      expect(unemployment.inYear?.change).toBeCloseTo(0.4, 10);

      // 区间 5.5%—6%: 5.8 inside → 已完成 (a range is met inside it); inside since 2028 (5.6).
      const rd = await verdictOf('EK_RD_INTENSITY');
      expect(rd).toMatchObject({ code: 'completed', light: 'green' });
      expect(rd.sentence.zh).toBe('示范服务业研发投入强度2030年为5.8%，处于“5.5%—6%”的目标区间内，完成目标，2028年起已处于目标区间。');

      // 区间 30%—32%: 28.5 below → 未完成, short of the range's lower edge by 30 − 28.5 = 1.5 points (the gap is
      // to the range, not to its middle); the range is said once.
      const digital = await verdictOf('EK_DIGITAL_SHARE');
      expect(digital).toMatchObject({ code: 'not_completed', light: 'red' });
      expect(digital.verdict?.gap).toBeCloseTo(1.5, 10);
      expect(digital.sentence.zh).toBe('示范数字经济核心产业增加值占GDP比重2030年为28.5%，低于“30%—32%”的目标区间1.5个百分点，未完成目标。');

      // 比2025年下降10%: y* = 0.3 × (1 − 0.1) = 0.27; 0.28 > 0.27 → 未完成, over by 0.01吨标准煤/万元.
      const energy = await verdictOf('EK_ENERGY_INTENSITY');
      expect(energy).toMatchObject({ code: 'not_completed', light: 'red' });
      expect(energy.verdict?.gap).toBeCloseTo(-0.01, 10);
      expect(energy.sentence.zh).toBe(
        '示范服务业单位增加值能耗2030年为0.28吨标准煤/万元，未完成“比2025年下降10%”的目标，超出0.01吨标准煤/万元。（目标“比2025年下降10%”换算为水平值：0.3吨标准煤/万元 × (1 − 10%) = 0.27吨标准煤/万元）',
      );

      // 比2025年增长25% from the 2025 figure: y* = 2000 × 1.25 = 2500; 2600 → 超额完成, 完成率 2600/2500 = 104.0%.
      const tourism = await verdictOf('EK_TOURISM');
      expect(tourism).toMatchObject({ code: 'exceeded', light: 'green' });
      expect(tourism.verdict?.completionRate).toBeCloseTo(1.04, 10);
      expect(tourism.verdict?.gap).toBe(-100);

      // 累计新增200万吨: 720 − 500 = 220 ≥ 200 → 超额完成, 完成率 220/200 = 110.0%, over by 20万吨.
      const cold = await verdictOf('EK_COLD_CHAIN');
      expect(cold).toMatchObject({ code: 'exceeded', light: 'green' });
      expect(cold.verdict).toMatchObject({ value: 220, gap: -20 });
      expect(cold.verdict?.completionRate).toBeCloseTo(1.1, 10);

      // 累计完成投资5000亿元: 900 + 950 + 800 + 1100 + 1050 = 4800 < 5000 → 未完成, 完成率 96.0%, short by 200亿元.
      const invest = await verdictOf('EK_SVC_INVESTMENT');
      expect(invest).toMatchObject({ code: 'not_completed', light: 'red' });
      expect(invest.verdict).toMatchObject({ value: 4800, gap: 200 });
      expect(invest.verdict?.completionRate).toBeCloseTo(0.96, 10);
      expect(invest.sentence.zh).toContain('完成目标的96.0%，未完成“累计完成投资5000亿元”的目标，差200亿元。');

      // 年均增长7%: (13500/10000)^(1/5) − 1 = 1.35^0.2 − 1 ≈ 0.0619 (1.062⁵ = 1.3509) < 0.07 − 0.001 → 未完成.
      const modern = await verdictOf('EK_MODERN_SVC_VA');
      expect(modern).toMatchObject({ code: 'not_completed', light: 'red' });
      expect(modern.growth?.achieved).toBeCloseTo(0.0619, 4);

      // Qualitative, assessed 基本实现 on 2026-12-01 — a final assessment, so it closes the target.
      const centre = await verdictOf('EK_CONSUMPTION_CENTRE');
      expect(centre).toMatchObject({ code: 'largely_achieved', light: 'green' });
      expect(centre.sentence.zh).toBe('示范国际消费中心城市建设：“基本建成国际消费中心城市”，2026年12月1日评估为“基本实现”（planner）；佐证：国际消费中心城市评价指标达标率92%（虚构）。');
      // Qualitative, never assessed: grey, asking for a final assessment.
      const hub = await verdictOf('EK_LOGISTICS_HUB');
      expect(hub).toMatchObject({ code: 'not_assessed', light: 'grey' });
      expect(hub.sentence.zh).toContain('尚无终期评估结论');
    });

    it('answers the same verdicts and lights through the API, asked by year (2030: every figure known now)', async () => {
      const res = await app.inject({ method: 'GET', url: `/api/plans/${EVERY_KIND_PLAN}/evaluation?asOf=2030` });
      expect(res.statusCode, res.body).toBe(200);
      const byApi = Object.fromEntries(res.json<PlanEvaluationDto>().indicators.map((i) => [i.indicator.code, i.standing.code]));
      const byDate = Object.fromEntries((await evaluation(asOf)).indicators.map((i) => [i.indicator.code, i.standing.code]));
      // The hand-worked verdicts of the test above, in one table.
      const expected = {
        EK_SVC_VA: 'exceeded', EK_SVC_SHARE: 'basically_completed', EK_RETAIL: 'completed', EK_UNEMPLOYMENT: 'not_completed',
        EK_RD_INTENSITY: 'completed', EK_DIGITAL_SHARE: 'not_completed', EK_ENERGY_INTENSITY: 'not_completed', EK_TOURISM: 'exceeded',
        EK_COLD_CHAIN: 'exceeded', EK_SVC_INVESTMENT: 'not_completed', EK_MODERN_SVC_VA: 'not_completed',
        EK_CONSUMPTION_CENTRE: 'largely_achieved', EK_LOGISTICS_HUB: 'not_assessed',
      };
      expect(byDate).toEqual(expected);
      expect(byApi).toEqual(expected);

      const forecasts = await app.inject({ method: 'GET', url: `/api/plans/${EVERY_KIND_PLAN}/forecasts?asOf=2030` });
      expect(forecasts.statusCode, forecasts.body).toBe(200);
      const lights = forecasts.json<{ lights: Array<{ indicatorCode: string; light: string }> }>().lights;
      const count = (l: string) => lights.filter((x) => x.light === l).length;
      // After the target year no forecast counts: the verdicts' lights. green: share, retail, R&D, tourism, cold
      // chain, consumption centre; yellow: services VA (its missed milestone); red: unemployment, digital, energy,
      // investment, modern services; grey: logistics hub (not assessed).
      expect({ green: count('green'), yellow: count('yellow'), red: count('red'), grey: count('grey') }).toEqual({ green: 6, yellow: 1, red: 5, grey: 1 });
    }, 120_000);

    it('writes the verdicts, the qualitative assessment and the milestone into the final report (Word)', async () => {
      const res = await app.inject({ method: 'GET', url: `/api/plans/${EVERY_KIND_PLAN}/reports/final?asOf=2030&format=docx`, headers: { cookie: viewer.cookie ?? '' } });
      expect(res.statusCode, res.body).toBe(200);
      const text = docxText(res.rawPayload);
      // Chinese typography: the plan name's "十五五" is printed with “” in the report.
      expect(text).toContain('示范市“十五五”服务业发展规划（虚构）总结评估报告');
      // The plan version judged against.
      expect(text).toContain('（截至2030年；依据规划第1版（规划印发稿））');
      // 13 indicators: done = 3 exceeded + 2 completed + 1 basically completed + 1 qualitative 基本实现 = 7; not
      // done 5 (four levels and the growth target); one qualitative target awaits its assessment: 7 + 5 + 1 = 13.
      expect(text).toContain('规划指标体系共13项指标，按目标年实际值评判：完成目标7项（超额完成3项、已完成2项、基本完成1项、未完成5项、基本实现1项、尚待评估1项）。');
      // Met and missed verdicts, as sentences; the missed milestone; a quarter standing in for the year.
      expect(text).toContain('示范服务业增加值2030年为20400亿元，完成目标的102.0%，超额完成“突破2万亿元”的目标（超出400亿元）。2028年阶段目标“2028年达到1.8万亿元”未完成。');
      expect(text).toContain('示范社会消费品零售总额2030年为12000亿元，完成目标的100.0%，完成“达到1.2万亿元”的目标。');
      expect(text).toContain('示范数字经济核心产业增加值占GDP比重2030年为28.5%，低于“30%—32%”的目标区间1.5个百分点，未完成目标。');
      expect(text).toContain('示范城镇调查失业率2030年为5.7%（年度数值暂缺，以2030年第三季度数值代替），未完成“控制在5.5%以内”的目标，超出0.2个百分点。');
      expect(text).toContain('未完成“累计完成投资5000亿元”的目标，差200亿元');
      // The missed ones are listed with their gaps: 超出 for 控制在…以内 and a relative decrease, a range's gap to the range.
      expect(text).toContain('5项指标未完成规划目标：示范城镇调查失业率（超出0.2个百分点）、示范数字经济核心产业增加值占GDP比重（差1.5个百分点）、示范服务业单位增加值能耗（超出0.01吨标准煤/万元）、示范服务业重大项目完成投资（完成96.0%，差200亿元）、示范现代服务业增加值（目标年均增长7%）。');
      // The qualitative assessment with its evidence, and the one still to be assessed.
      expect(text).toContain('2026年12月1日评估为“基本实现”（planner）；佐证：国际消费中心城市评价指标达标率92%（虚构）');
      expect(text).toContain('“建成全球物流枢纽城市”尚无终期评估结论');
      expect(text).toContain('示范全球物流枢纽城市建设的定性目标尚无终期评估结论。');
      expect(text).toContain('待录入评估结论');
      // The table prints every kind of target as the plan prints it, a cumulative value as cumulative, and the
      // growth target's 2030 figure (13500亿元) — never "数据暂缺" for a target the plan states.
      for (const cell of ['比2025年下降10%（2030年）', '比2025年增长25%（2030年）', '累计新增200万吨（2030年）', '累计220万吨（截至2030年）', '累计完成投资5000亿元（2030年）', '累计4800亿元（截至2030年）', '基本建成国际消费中心城市（2030年）', '5.5%—6%（2030年）', '13500亿元（2030年）']) {
        expect(text).toContain(cell);
      }
      // Nothing said twice.
      expect(text).not.toMatch(/控制在控制在|（30%—32%）|2030年2030年|目标年年/);
    }, 120_000);
  });
});
