/**
 * Forecasts of the bundled Shenzhen plan on its real figures, through the service, the HTTP API and the CLI, on
 * both databases: 服务业增加值 as of 2023 must carry a warning and its sentence (issue 5).
 */
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client';
import { buildApp } from '../src/server/app';
import { prepare } from '../src/services/bootstrap';
import { forecastCdf } from '../src/domain/forecast/attainment';
import { calibrate } from '../src/domain/forecast/calibration';
import { shortAnnualForecast } from '../src/domain/forecast/shortAnnual';
import { forecastPlan } from '../src/services/forecast/forecastPlan';
import { planBacktest, planForecasts, realSeriesForecast } from '../src/shared/api';
import { drivers } from './support/databases';
import { fixture, plansDir, regionsDir, root } from './support/paths';

const PLAN = 'shenzhen-services-14th-fyp';

describe.each(drivers)('forecasts on $name', ({ open }) => {
  let database: Database;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await open();
    await prepare(database, { regionsDir, plansDir, catalogueDir: path.join(root, 'catalogue'), datasetsDir: path.join(root, 'datasets') });
    app = await buildApp(database);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('服务业增加值 as of 2023: a forecast to 2025 on one revision basis, the probability of 2.5万亿元, a warning and its sentence', async () => {
    const result = await forecastPlan(database, PLAN, { asOf: '2023' });
    const va = result.indicators.find((i) => i.indicatorCode === 'TERTIARY_VA');
    expect(va).toBeDefined();
    if (!va) return;
    expect(va.status).toBe('ok');
    // 2017 and 2018 were published before the 4th economic census revised the levels (estimated vintages 2018-01-01,
    // 2019-01-01); 2020–2023 stand on the post-4th-census basis: the forecast is fitted on those four only (issue 17).
    expect(va.history.map((p) => p.year)).toEqual([2020, 2021, 2022, 2023]);
    expect(va.basis).toEqual({ label: { zh: '第四次经济普查后口径', en: 'post-4th-census basis' }, leftOut: [2017, 2018] });
    // Every change of 2020–2023 is positive: the short-series rule keeps the trend (random walk with drift).
    expect(va.model).toBe('ARIMA(0,1,0) with drift');
    expect(va.modelNotes).toEqual([{ kind: 'basis', text: { zh: '2017、2018年数据为此前口径，未用于拟合', en: '2017, 2018 on an earlier basis, not used' } }]);
    expect(va.method).toMatchObject({ rule: 'short_steady_trend', members: [{ model: 'ARIMA(0,1,0) with drift', used: true }, { model: 'ETS', used: false }, { model: 'Theta', used: false }] });
    expect(va.path.map((p) => p.year)).toEqual([2024, 2025]);
    // drift: 21566.38 + 2 × (21566.38 − 17190.44) / 3 = 24483.67
    expect(va.path[1]?.point).toBeCloseTo(21566.38 + (2 * (21566.38 - 17190.44)) / 3, 6);
    expect(va.atTarget).toEqual(va.path[1]);
    expect(va).toMatchObject({ targetYear: 2025, comparator: 'at_least', target: 25000, band: null });
    // required: (25000 / 21566.38)^(1/2) − 1 = 7.667…% a year from the 2023 figure
    expect(va.requiredGrowth).toBeCloseTo((Math.sqrt(25000 / 21566.38) - 1) * 100, 8);
    expect(va.probability).not.toBeNull();
    // The probability reads the calibrated distribution: the path is the rule's raw forecast widened by the
    // short-trend factors, and P(met) = 1 − F(25000) of the distribution through its 80% and 95% bounds (issue 17).
    const raw = shortAnnualForecast(va.history.map((h) => h.value), 2);
    if (!raw.ok) throw new Error(raw.reason.en);
    const calibrated = calibrate(raw, 'yearly_short_trend', va.history.map((h) => h.value), 1);
    for (const k of ['lo80', 'hi80', 'lo95', 'hi95'] as const) expect(va.atTarget?.[k]).toBeCloseTo(calibrated[k][1] ?? Number.NaN, 6);
    expect(va.probability).toBeCloseTo(1 - forecastCdf(va.atTarget ?? { point: 0, lo95: 0, hi95: 0 }, 25000), 12);
    const p = va.probability ?? Number.NaN;
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
    const at = va.atTarget;
    if (!at) return;
    expect(at.lo95).toBeLessThan(at.lo80);
    expect(at.lo80).toBeLessThan(at.point);
    expect(at.point).toBeLessThan(at.hi80);
    expect(at.hi80).toBeLessThan(at.hi95);
    expect(va.warning.level).toBe(p < 0.3 ? 'red' : p < 0.7 ? 'yellow' : 'green');
    expect(va.warning.level).not.toBe('none');
    expect(va.warning.sentence.zh).toMatch(/^按当前趋势，2025年服务业增加值预计为\d+亿元（80%区间\d+亿元—\d+亿元），达到2\.5万亿元目标的概率约为\d+%。$/);
    expect(va.warning.sentence.zh).toContain(`概率约为${Math.round(p * 100)}%`);
    expect(va.warning.sentence.en).toMatch(/^On current trends, value added of the service industry is forecast at .+ in 2025 \(80% interval .+\); the probability of meeting the target of 2,500 billion yuan is about \d+%\.$/);
  });

  it('says why an indicator cannot be forecast', async () => {
    const result = await forecastPlan(database, PLAN, { asOf: '2023' });
    const ict = result.indicators.find((i) => i.indicatorCode === 'ICT_SHARE_GDP');
    expect(ict).toMatchObject({ status: 'insufficient_data', model: null, path: [], atTarget: null, probability: null });
    expect(ict?.reason?.zh).toMatch(/数据不足：预测至少需要 4 个年度数据/);
    expect(ict?.warning.sentence.zh).toMatch(/数据不足/);
  });

  it('an earlier as-of date forecasts from fewer figures, and says when one basis has too few', async () => {
    const result = await forecastPlan(database, PLAN, { asOf: '2022' });
    const va = result.indicators.find((i) => i.indicatorCode === 'TERTIARY_VA');
    expect(va?.status).toBe('insufficient_data');
    expect(va?.history.map((p) => p.year)).toEqual([2020, 2021, 2022]);
    expect(va?.reason?.zh).toBe('数据不足：预测至少需要 4 个年度数据（现有 5 个，第四次经济普查后口径只有 3 个，此前 2 个为其他口径，不能连续使用）');
    for (const i of result.indicators) {
      expect(i.history.every((p) => p.year <= 2022), i.indicatorCode).toBe(true);
      if (i.status === 'ok') expect(i.path[0]?.year, i.indicatorCode).toBe((i.history.at(-1)?.year ?? 0) + 1);
    }
  });

  it('GET /api/plans/{planId}/forecasts returns the contract DTO, 400 on a bad as-of, 404 on an unknown plan', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/plans/${PLAN}/forecasts?asOf=2023` });
    expect(res.statusCode).toBe(200);
    const body = planForecasts.parse(res.json());
    expect(body).toMatchObject({ planId: PLAN, asOf: '2023', regionCode: '440300' });
    expect(body.indicators.find((i) => i.indicatorCode === 'TERTIARY_VA')?.warning.sentence.zh).toMatch(/^按当前趋势，2025年服务业增加值预计为/);
    expect((await app.inject({ method: 'GET', url: `/api/plans/${PLAN}/forecasts?asOf=20x3` })).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/api/plans/no-such-plan/forecasts?asOf=2023' })).statusCode).toBe(404);
  });

  it('takes a warning rule set in the query, and refuses one out of order', async () => {
    const strict = planForecasts.parse((await app.inject({ method: 'GET', url: `/api/plans/${PLAN}/forecasts?asOf=2023&redBelow=0&yellowBelow=0&redWhenBehind=false` })).json());
    for (const i of strict.indicators) expect(i.warning.level).toBe(i.probability === null ? 'none' : 'green');
    expect((await app.inject({ method: 'GET', url: `/api/plans/${PLAN}/forecasts?asOf=2023&redBelow=0.8&yellowBelow=0.5` })).statusCode).toBe(400);
  });

  it('a district has no targets: its forecasts say no_target', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/plans/${PLAN}/forecasts?asOf=2023&region=440305` });
    expect(res.statusCode).toBe(200);
    const body = planForecasts.parse(res.json());
    expect(body.regionCode).toBe('440305');
    for (const i of body.indicators) expect(['no_target', 'insufficient_data']).toContain(i.status);
  });

  it('GET /api/forecasts/real chains GDP’s real growth from its 2020 level and forecasts in real terms', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/forecasts/real?growth=GDP_GROWTH&level=GDP&region=440300&asOf=2023&anchorYear=2020&to=2025' });
    expect(res.statusCode).toBe(200);
    const body = realSeriesForecast.parse(res.json());
    expect(body).toMatchObject({ status: 'ok', reason: null, anchor: { year: 2020, value: 27670.24 } });
    expect(body.rates.map((r) => [r.year, r.ratePercent])).toEqual([[2017, 8.8], [2018, 7.6], [2019, 6.7], [2020, 3.1], [2021, 6.7], [2022, 3.3], [2023, 6]]);
    const f = body.forecast;
    if (!f) throw new Error('no forecast');
    expect(f.basis.zh).toBe('按2020年价格计算（可比价）');
    expect(f.history.map((p) => p.year)).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023]);
    // 2023 at 2020 prices: 27670.24 × 1.067 × 1.033 × 1.06 (hand calculation)
    expect(f.history.at(-1)?.value).toBeCloseTo(27670.24 * 1.067 * 1.033 * 1.06, 6);
    expect(f.path.map((p) => p.year)).toEqual([2024, 2025]);
    expect(f.method?.rule).toBe('short_steady_trend'); // real GDP rose every year 2016–2023
    const g = f.growth[1];
    expect(g && g.lo95 < g.point && g.point < g.hi95).toBe(true);
    expect(g?.point).toBeCloseTo(((f.path[1]?.point ?? 0) / (f.history.at(-1)?.value ?? 1)) ** 0.5 * 100 - 100, 8);
    const none = realSeriesForecast.parse((await app.inject({ method: 'GET', url: '/api/forecasts/real?growth=GDP_GROWTH&level=GDP&region=440305&asOf=2023' })).json());
    expect(none).toMatchObject({ status: 'insufficient_data', forecast: null });
    expect((await app.inject({ method: 'GET', url: '/api/forecasts/real?growth=GDP_GROWTH&level=GDP&region=440300&asOf=2023&to=2050' })).statusCode).toBe(400);
  });

  it('GET /api/plans/{planId}/forecasts/backtest scores every method on each series', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/plans/${PLAN}/forecasts/backtest?asOf=2023&horizon=2` });
    expect(res.statusCode).toBe(200);
    const body = planBacktest.parse(res.json());
    const culture = body.indicators.find((i) => i.indicatorCode === 'CULTURE_SHARE_GDP');
    expect(culture).toMatchObject({ firstYear: 2018, lastYear: 2023, values: 6, horizon: 2, minTrain: 4, reason: null });
    expect(culture?.methods.map((m) => m.method)).toEqual(['auto', 'ets', 'theta', 'arima', 'loglinear', 'drift']);
    // origins 4, 5 → 2 + 1 scored pairs; ETS cannot be fitted to 4 values (AICc undefined, as in R), so from origin 4
    // only the other methods score.
    const counts = Object.fromEntries((culture?.methods ?? []).map((m) => [m.method, [m.accuracy.count, m.failures]]));
    expect(counts).toEqual({ auto: [3, 0], ets: [1, 1], theta: [3, 0], arima: [3, 0], loglinear: [3, 0], drift: [3, 0] });
    // 服务业增加值 on one revision basis (2020–2023) is too short to backtest, and says so.
    const va = body.indicators.find((i) => i.indicatorCode === 'TERTIARY_VA');
    expect(va).toMatchObject({ firstYear: 2020, lastYear: 2023, values: 4, methods: [] });
    expect(va?.reason?.en).toBe('backtesting needs at least 5 values (has 4)');
    const ict = body.indicators.find((i) => i.indicatorCode === 'ICT_SHARE_GDP');
    expect(ict?.reason?.en).toMatch(/needs at least 5 values/);
  });
});

describe('plan-monitor forecast and backtest', () => {
  const run = promisify(execFile);
  const bin = path.join(root, 'bin/plan-monitor.mjs');
  const cli = async (args: string[], env: Record<string, string> = {}) => {
    try {
      const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env: { ...process.env, ...env, DATABASE_URL: '' } });
      return { code: 0, stdout, stderr };
    } catch (e) {
      const err = e as { code: number; stdout: string; stderr: string };
      return { code: err.code, stdout: err.stdout, stderr: err.stderr };
    }
  };

  it('backtest FILE scores each method on a year,value CSV', async () => {
    const r = await cli(['backtest', fixture('forecast/annual.csv'), '--horizon', '2']);
    expect(r.code, r.stderr).toBe(0);
    const body = JSON.parse(r.stdout) as { frequency: number; values: number; methods: Array<{ method: string; accuracy: { count: number; smape: number } }> };
    expect(body).toMatchObject({ frequency: 1, values: 12, first: '2010', last: '2021', minTrain: 5 });
    expect(body.methods.map((m) => m.method)).toEqual(['auto', 'ets', 'theta', 'arima', 'loglinear', 'drift']);
    // origins 5..11: 2 pairs each but the last → 13
    for (const m of body.methods) expect(m.accuracy.count).toBe(13);
  });

  it('backtest refuses a bad file, naming row and column', async () => {
    const r = await cli(['backtest', fixture('forecast/gap.csv')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('gap.csv: row 4, column period: "2020Q4" does not follow the previous period');
  });

  it('forecast --plan --as-of prints every indicator with its warning', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'pm-forecast-'));
    const r = await cli(['forecast', '--plan', PLAN, '--as-of', '2023'], { DATA_DIR: dataDir });
    expect(r.code, r.stderr).toBe(0);
    const body = planForecasts.parse(JSON.parse(r.stdout));
    expect(body.indicators.find((i) => i.indicatorCode === 'TERTIARY_VA')?.status).toBe('ok');
  }, 120_000);
});
