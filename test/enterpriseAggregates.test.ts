/**
 * Industry aggregates on both databases, from a small fixture computed by hand: totals rolled up the industry and
 * region trees, counts, shares, growth of all enterprises and 可比口径 growth (same enterprises in both years) with an
 * enterprise leaving (E4) and one entering (E5); the public API's suppression; a plan indicator defined as an
 * aggregate flowing into the evaluation.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client';
import { withCheckChar } from '../src/domain/enterprise/uscc';
import { buildApp } from '../src/server/app';
import { prepare } from '../src/services/bootstrap';
import { industryAggregates } from '../src/services/enterprises/aggregates';
import { importEnterpriseFile } from '../src/services/enterprises/import/importEnterprises';
import { materialiseAggregateIndicators } from '../src/services/enterprises/materialise';
import { SYSTEM } from '../src/services/access/audit';
import { evaluatePlan } from '../src/services/evaluation/evaluatePlan';
import { drivers } from './support/databases';
import { plansDir, regionsDir, root } from './support/paths';
import { signIn } from './support/session';

/** The fixture's enterprises E1…E7 (valid USCCs). */
const E = (i: number): string => withCheckChar(`9144030${i}0000000${i}0`.slice(0, 17));

// 营业收入 (万元), 1–6月 2023 and 2024. E4 closes in 2023 (no 2024 figure); E5 opens in 2023-10 (no 2023 figure);
// E7 is below designated size.
const REGISTRY = [
  ['统一社会信用代码', '单位名称', '行业代码', '区划代码', '规模以上', '成立日期'],
  [E(1), '一号软件', '6513', '440305', '是', '2010-01-01'],
  [E(2), '二号软件', '6513', '440305', '是', '2011-01-01'],
  [E(3), '三号芯片设计', '6520', '440305', '是', '2012-01-01'],
  [E(4), '四号软件', '6513', '440304', '是', '2013-01-01'],
  [E(5), '五号软件', '6513', '440304', '是', '2023-10-01'],
  [E(6), '六号软件', '6513', '440304', '是', '2014-01-01'],
  [E(7), '七号小软件', '6513', '440305', '否', '2015-01-01'],
];
const FIGURES = [
  ['统一社会信用代码', '统计期', '指标', '数值'],
  [E(1), '2023年1-6月', '营业收入', '100'], [E(1), '2024年1-6月', '营业收入', '120'],
  [E(2), '2023年1-6月', '营业收入', '200'], [E(2), '2024年1-6月', '营业收入', '180'],
  [E(3), '2023年1-6月', '营业收入', '300'], [E(3), '2024年1-6月', '营业收入', '330'],
  [E(4), '2023年1-6月', '营业收入', '50'],
  [E(5), '2024年1-6月', '营业收入', '80'],
  [E(6), '2023年1-6月', '营业收入', '40'], [E(6), '2024年1-6月', '营业收入', '60'],
  [E(7), '2023年1-6月', '营业收入', '10'], [E(7), '2024年1-6月', '营业收入', '12'],
  // 研发费用 of the year, for the plan indicator SVC_RD_EXP (Σ R&D of 规上 service enterprises in 440300).
  [E(1), '2024', '研发费用', '30000'], [E(2), '2024', '研发费用', '20000'], [E(3), '2024', '研发费用', '40000'], [E(6), '2024', '研发费用', '10000'],
  [E(7), '2024', '研发费用', '999'],
];

const csv = (rows: string[][]) => rows.map((r) => r.join(',')).join('\n');
const NONE = { minCount: 1, dominancePercent: 100 };

describe.each(drivers)('industry aggregates on $name', ({ open }) => {
  let database: Database;
  let dir: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    database = await open();
    await prepare(database, { regionsDir, plansDir, catalogueDir: path.join(root, 'catalogue'), enterprises: { dir: path.join(root, 'enterprises'), sample: false } });
    dir = await mkdtemp(path.join(tmpdir(), 'pm-agg-'));
    await writeFile(path.join(dir, 'registry.csv'), csv(REGISTRY));
    await writeFile(path.join(dir, 'figures.csv'), csv(FIGURES));
    for (const f of ['registry.csv', 'figures.csv']) {
      const r = await importEnterpriseFile(database, { file: path.join(dir, f), audit: SYSTEM });
      expect(r.committed, JSON.stringify(r.rejected)).toBe(true);
    }
    app = await buildApp(database);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
    await rm(dir, { recursive: true, force: true });
  });

  const cellOf = (r: Awaited<ReturnType<typeof industryAggregates>>, industry: string, region: string) => r.cells.find((c) => c.industry === industry && c.region === region);

  it('totals and counts roll up the industry and region trees (hand-computed)', async () => {
    const r = await industryAggregates(database, { item: 'REVENUE', period: '2024年1-6月', industry: '65' }, { microdata: true, audit: SYSTEM }, NONE);
    expect(r.period).toEqual({ code: '2024H1', label: '2024年1-6月' });
    expect(r.previousPeriod.code).toBe('2023H1');
    // 2024 1–6月, 规模以上: 6513 南山 E1 120 + E2 180 = 300; 6520 南山 E3 330; 6513 福田 E5 80 + E6 60 = 140 (E4 closed).
    // 65 (division) rolls 651 and 652 up: 南山 300 + 330 = 630, 福田 140, 深圳市 770.
    expect(r.industries).toEqual(['65', '651', '652']);
    expect(r.regions).toEqual(['440300', '440304', '440305']);
    expect(cellOf(r, '65', '440300')).toMatchObject({ total: 770, count: 5 });
    expect(cellOf(r, '65', '440305')).toMatchObject({ total: 630, count: 3 });
    expect(cellOf(r, '65', '440304')).toMatchObject({ total: 140, count: 2 });
    expect(cellOf(r, '651', '440300')).toMatchObject({ total: 440, count: 4 });
    expect(cellOf(r, '652', '440300')).toMatchObject({ total: 330, count: 1 });
    // Shares in the parent industry: 651 of 65 in the city = 440 / 770.
    expect(cellOf(r, '651', '440300')?.shareOfParent).toBeCloseTo((440 / 770) * 100, 10);
    // The below-size E7 counts only in scope "all": 南山 6513 = 300 + 12.
    const all = await industryAggregates(database, { item: 'REVENUE', period: '2024H1', industry: '651', region: '440305', scope: 'all' }, { microdata: true, audit: SYSTEM }, NONE);
    expect(cellOf(all, '651', '440305')).toMatchObject({ total: 312, count: 3 });
  });

  it('growth of all enterprises and 可比口径 growth, with an enterprise leaving and one entering (hand-computed)', async () => {
    const r = await industryAggregates(database, { item: 'REVENUE', period: '2024H1', industry: '65' }, { microdata: true, audit: SYSTEM }, NONE);
    // All enterprises: 2024 770 (E1, E2, E3, E5, E6) against 2023 690 (E1 100, E2 200, E3 300, E4 50, E6 40): +11.594…%.
    expect(cellOf(r, '65', '440300')?.growth).toBeCloseTo((770 / 690 - 1) * 100, 10);
    // 可比口径: E4 (left) and E5 (entered) drop out: 2024 120 + 180 + 330 + 60 = 690 against 2023 100 + 200 + 300 + 40 = 640: +7.8125 %.
    expect(cellOf(r, '65', '440300')?.comparableGrowth).toBeCloseTo(7.8125, 10);
    expect(cellOf(r, '65', '440300')?.comparableCount).toBe(4);
    // 福田: all 140 / 90 − 1 = +55.6 %; comparable only E6: 60 / 40 − 1 = +50 %.
    expect(cellOf(r, '65', '440304')?.growth).toBeCloseTo((140 / 90 - 1) * 100, 10);
    expect(cellOf(r, '65', '440304')?.comparableGrowth).toBeCloseTo(50, 10);
  });

  it('the public API never returns a suppressed value, nor a growth or share that would give one back', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/industry-aggregates?item=REVENUE&period=2024H1&industry=65' });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ microdata: boolean; cells: Array<{ industry: string; region: string; total: number | null; suppressed: boolean; reason: string | null; growth: number | null; comparableGrowth: number | null; shareOfParent: number | null }> }>();
    expect(body.microdata).toBe(false);
    const hidden = body.cells.filter((c) => c.suppressed);
    // 652 (E3 alone) is primary; 651 in the city would give it back (770 − 440): hidden too; the districts (n ≤ 3 with
    // 福田 at 2) go as a block.
    expect(hidden.map((c) => `${c.industry}|${c.region}`).sort()).toEqual(['651|440300', '651|440304', '651|440305', '652|440300', '652|440305', '65|440304', '65|440305']);
    for (const c of hidden) expect({ total: c.total, growth: c.growth, comparable: c.comparableGrowth, share: c.shareOfParent, reason: c.reason }).toEqual({ total: null, growth: null, comparable: null, share: null, reason: null });
    // What stays public: the city's division total.
    expect(body.cells.find((c) => c.industry === '65' && c.region === '440300')).toMatchObject({ total: 770, suppressed: false });
    // E3's own value appears nowhere in the answer.
    expect(res.body).not.toMatch(/\b330\b/);
  });

  it('a statistician with microdata rights sees every value and why a cell is hidden, and the read is audited', async () => {
    const h = await signIn(app, database, 'agg-stat', 'statistician');
    const res = await app.inject({ method: 'GET', url: '/api/industry-aggregates?item=REVENUE&period=2024H1&industry=65', headers: h });
    const body = res.json<{ microdata: boolean; cells: Array<{ industry: string; region: string; total: number | null; reason: string | null }> }>();
    expect(body.microdata).toBe(true);
    expect(body.cells.find((c) => c.industry === '652' && c.region === '440300')).toMatchObject({ total: 330, reason: 'count' });
    const admin = await signIn(app, database, 'agg-admin', 'admin');
    const log = (await app.inject({ method: 'GET', url: '/api/audit', headers: admin })).json<Array<{ action: string; actorName: string | null }>>();
    expect(log.some((e) => e.action === 'microdata_read' && e.actorName === 'agg-stat')).toBe(true);
  });

  it('a plan indicator defined as an aggregate becomes a figure marked as computed, and the evaluation uses it', async () => {
    const [report] = await materialiseAggregateIndicators(database, NONE, { audit: SYSTEM });
    // SVC_RD_EXP 2024 = Σ 研发费用 of 规上 service enterprises in 深圳: 30000 + 20000 + 40000 + 10000 = 100000 万元 = 10 亿元
    // (E7, below size, does not count).
    expect(report?.years).toEqual([{ period: '2024', value: 100000, enterprises: 4, skipped: null }]);
    expect(report?.import?.committed).toBe(true);
    const evaluation = await evaluatePlan(database, 'shenzhen-services-14th-fyp', { asOf: { maxYear: 2025, publishedBy: null, text: '2025' }, methods: ['time_proportional'] });
    const rd = evaluation.indicators.find((i) => i.indicator.code === 'SVC_RD_EXP');
    expect(rd?.latest).toMatchObject({ value: 10, year: 2024 });
    const figures = (await app.inject({ method: 'GET', url: '/api/observations?indicator=SVC_RD_EXP' })).json<Array<{ value: number; unit: string; origin: string; source: { publication: string } }>>();
    expect(figures).toHaveLength(1);
    expect(figures[0]).toMatchObject({ value: 100000, unit: '万元', source: { publication: '重点行业企业数据库（平台汇总计算）' } });
    expect(figures[0]?.origin.startsWith('enterprise-database:SVC_RD_EXP')).toBe(true);
    // Computed again on the same data: nothing new (idempotent).
    const [again] = await materialiseAggregateIndicators(database, NONE, { audit: SYSTEM });
    expect(again?.import?.committed).toBe(false);
    expect(again?.import?.counts.unchanged).toBe(1);
  });

  it('writes no figure that rests on a suppressed cell', async () => {
    const [report] = await materialiseAggregateIndicators(database, { minCount: 5, dominancePercent: 85 }, { dryRun: true, audit: SYSTEM });
    expect(report?.years).toEqual([{ period: '2024', value: null, enterprises: 4, skipped: 'confidential' }]);
  });
});
