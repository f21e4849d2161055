/**
 * Figures and evaluation through the HTTP API, on both databases, with the bundled real data loaded as on first
 * start: the preference rule with its reasons, entering and importing figures, export → import round trip,
 * the template, and evaluation "as of" a year and a date.
 */
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client';
import { FIELDS, TEMPLATE_HEADERS } from '../src/domain/observation/fields';
import { buildApp } from '../src/server/app';
import { prepare, type PrepareReport } from '../src/services/bootstrap';
import type { ImportReportDto, ObservationDto, PlanEvaluationDto } from '../src/shared/api';
import { drivers } from './support/databases';
import { plansDir, regionsDir, root } from './support/paths';
import { multipart } from './support/multipart';
import { signIn } from './support/session';

const PLAN = 'shenzhen-services-14th-fyp';

describe.each(drivers)('figures and evaluation API on $name', ({ open }) => {
  let database: Database;
  let app: FastifyInstance;
  let boot: PrepareReport;
  let writer: Record<string, string>;
  beforeAll(async () => {
    database = await open();
    boot = await prepare(database, { regionsDir, plansDir, catalogueDir: path.join(root, 'catalogue'), datasetsDir: path.join(root, 'datasets') });
    app = await buildApp(database);
    writer = await signIn(app, database, 'stats', 'statistician');
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });
  const withWriter = (m: { payload: Buffer; headers: Record<string, string> }) => ({ ...m, headers: { ...m.headers, ...writer } });

  it('loads the bundled real data on first start and reports exactly the rows it rejects', () => {
    expect(boot.datasets).toHaveLength(1);
    const report = boot.datasets[0];
    expect(report?.rows).toBe(160);
    expect(report?.committed).toBe(true);
    expect(report?.counts).toEqual({ new: 149, revision: 10, unchanged: 0, rejected: 1 });
    // The one row of the file that is not a figure of a period: "unspecified (as of 2022-05 FAQ)".
    expect(report?.rejected).toEqual([
      { file: 'shenzhen-observations-2014-2023.csv', row: 79, column: 'period', reason: expect.stringContaining('unrecognised period "unspecified (as of 2022-05 FAQ)"') },
    ]);
  });

  it('ranks competing figures by the visible rule and says why (the bulletin over the bureau’s January release)', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/observations/candidates?indicator=TERTIARY_VA&region=440300&period=2022年' });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ chosen: ObservationDto; candidates: Array<{ rank: number; reason: { zh: string }; observation: ObservationDto }>; rule: { zh: string } }>();
    expect(body.chosen).toMatchObject({ value: 19956.16, sourceKind: 'bureau_bulletin', publishedDate: '2023-05-08' });
    // The bundled data: the 2022 bulletin, and the bureau's 2023-01-28 release as read in 羊城晚报 (same standing).
    expect(body.candidates.map((c) => [c.rank, c.observation.sourceKind])).toEqual([[1, 'bureau_bulletin'], [2, 'bureau']]);
    expect(body.candidates[1]?.reason.zh).toBe('来源类型次之（统计局发布，次于统计公报）');
    expect(body.candidates[1]?.observation.source.readAt).toContain('羊城晚报');
    expect(body.rule.zh).toContain('统计公报');
  });

  it('derives single periods from cumulative figures, marked as derived, and refuses it for a rate', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/observations/derived?indicator=RETAIL&region=440300' });
    expect(res.statusCode).toBe(200);
    const derived = res.json<Array<{ periodCode: string; value: number; later: { periodCode: string }; earlier: { periodCode: string } }>>();
    // 2020: 1–9月 6044 − 1–8月 5240 = 804 (September), from the bundled data.
    expect(derived.find((d) => d.periodCode === '2020-09')).toMatchObject({ value: 804, later: { periodCode: '2020-01~09' }, earlier: { periodCode: '2020-01~08' } });
    const rate = await app.inject({ method: 'GET', url: '/api/observations/derived?indicator=GDP_GROWTH' });
    expect(rate.statusCode).toBe(400);
  });

  it('evaluates 服务业增加值 as of 2023: 17190.4 → 21566.38 against 2.5万亿元, 基本符合序时进度', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/plans/${PLAN}/evaluation?asOf=2023` });
    expect(res.statusCode).toBe(200);
    const e = res.json<PlanEvaluationDto>();
    expect(e.indicators).toHaveLength(9);
    const va = e.indicators.find((i) => i.indicator.code === 'TERTIARY_VA');
    expect(va?.baseline).toMatchObject({ value: 17190.4, year: 2020, from: 'plan' });
    expect(va?.latest).toMatchObject({ value: 21566.38, year: 2023 });
    const tp = va?.results.time_proportional;
    // E = (2023−2020)/(2025−2020) = 0.6; A = (21566.38−17190.4)/(25000−17190.4) = 4375.98/7809.6 = 0.560333…
    expect(tp?.status).toBe('on_schedule');
    expect(tp?.workings.intermediate.E).toBeCloseTo(0.6, 10);
    expect(tp?.workings.intermediate.A).toBeCloseTo(4375.98 / 7809.6, 10);
    expect(Object.keys(va?.results ?? {}).sort()).toEqual(['cagr_ratio', 'escap_anticipated', 'time_proportional', 'unsd_projection']);
    // Without a stated 2020 value, a share says so instead of guessing.
    const ict = e.indicators.find((i) => i.indicator.code === 'ICT_SHARE_GDP');
    expect(ict?.results.time_proportional?.status).toBe('insufficient_data');
    expect(ict?.results.time_proportional?.reason?.zh).toBeTruthy();
  });

  it('as of a date, uses only the figures published by then (reproducible past evaluation)', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/plans/${PLAN}/evaluation?asOf=2023-12-31&method=time_proportional` });
    expect(res.statusCode).toBe(200);
    const va = res.json<PlanEvaluationDto>().indicators.find((i) => i.indicator.code === 'TERTIARY_VA');
    // On 2023-12-31 the 2023 figures were not out: the latest was 2022, from the bulletin of 2023-05-08.
    expect(va?.latest).toMatchObject({ year: 2022, value: 19956.16, observation: { sourceKind: 'bureau_bulletin', publishedDate: '2023-05-08' } });
    expect(Object.keys(va?.results ?? {})).toEqual(['time_proportional']);
  });

  it('refuses a bad as-of, an unknown method and an unknown plan clearly', async () => {
    expect((await app.inject({ method: 'GET', url: `/api/plans/${PLAN}/evaluation?asOf=soon` })).json()).toEqual({ error: 'querystring/asOf as-of "soon" is neither a year (2023) nor a date (2024-06-30)' });
    expect((await app.inject({ method: 'GET', url: `/api/plans/${PLAN}/evaluation?asOf=2023&method=vibes` })).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/api/plans/nope/evaluation?asOf=2023' })).statusCode).toBe(404);
  });

  it('enters a figure by hand; the same figure again changes nothing; a bad one is refused by cell', async () => {
    const figure = { indicator: 'SVC_TRADE', region: '深圳市', period: '2023年', value: 1234.5, unit: '亿美元', source: '测试来源：深圳市商务局发布', publishedDate: '2024-03-01' };
    const first = await app.inject({ method: 'POST', url: '/api/observations', payload: { figures: [figure] }, headers: writer });
    expect(first.statusCode).toBe(200);
    expect(first.json<ImportReportDto>()).toMatchObject({ committed: true, counts: { new: 1, rejected: 0 } });
    const again = await app.inject({ method: 'POST', url: '/api/observations', payload: { figures: [figure] }, headers: writer });
    expect(again.json<ImportReportDto>()).toMatchObject({ committed: false, counts: { new: 0, unchanged: 1 } });
    // A person's figure lands as a draft: the writer sees it, the public (approved figures only) does not yet.
    const listed = await app.inject({ method: 'GET', url: '/api/observations?indicator=SVC_TRADE', headers: writer });
    expect(listed.json<ObservationDto[]>().map((o) => o.approval?.state)).toEqual(['draft']);
    const publicView = await app.inject({ method: 'GET', url: '/api/observations?indicator=SVC_TRADE' });
    expect(publicView.json<ObservationDto[]>()).toHaveLength(0);

    const bad = await app.inject({ method: 'POST', url: '/api/observations', payload: { figures: [{ ...figure, unit: '亿元' }] }, headers: writer });
    expect(bad.statusCode).toBe(422);
    expect(bad.json<ImportReportDto>().rejected).toEqual([
      { file: 'api', row: 2, column: 'unit', reason: expect.stringMatching(/亿元.*亿美元|亿美元.*亿元/) },
    ]);
  });

  it('imports a file by multipart upload, dry run first', async () => {
    const csv = '指标代码,地区,期间,数值,单位,来源,发布日期\nRETAIL,深圳市,2020,8664.83,亿元,测试：深圳市2020年统计公报,2021-04-20\n';
    const dry = await app.inject({ method: 'POST', url: '/api/observations/import', ...withWriter(multipart({ dryRun: 'true' }, { name: '零售.csv', content: csv })) });
    expect(dry.statusCode).toBe(200);
    expect(dry.json<ImportReportDto>()).toMatchObject({ file: '零售.csv', dryRun: true, committed: false, counts: { new: 1 } });
    const real = await app.inject({ method: 'POST', url: '/api/observations/import', ...withWriter(multipart({}, { name: '零售.csv', content: csv })) });
    expect(real.json<ImportReportDto>()).toMatchObject({ committed: true, counts: { new: 1 } });
    const batch = await app.inject({ method: 'GET', url: `/api/imports/${real.json<ImportReportDto>().batchId}`, headers: writer });
    expect(batch.json()).toMatchObject({ fileName: '零售.csv', rowsAdded: 1 });
  });

  it('exports every figure as CSV, and that export imports back unchanged', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/observations/export?format=csv&plan=${PLAN}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const text = res.body;
    expect(text.startsWith('\uFEFF指标代码,')).toBe(true);
    const rows = text.trim().split('\n').length - 1;
    expect(rows).toBeGreaterThan(50);
    const back = await app.inject({ method: 'POST', url: '/api/observations/import', ...withWriter(multipart({ dryRun: 'true' }, { name: 'export.csv', content: text })) });
    const report = back.json<ImportReportDto>();
    expect(report.counts).toEqual({ new: 0, revision: 0, unchanged: rows, rejected: 0 });
  });

  it('exports SDMX-CSV with SDMX period formats and XLSX', async () => {
    const sdmx = await app.inject({ method: 'GET', url: '/api/observations/export?format=sdmx&indicator=GDP&from=2020&to=2020' });
    const lines = sdmx.body.trim().split('\n');
    expect(lines[0]).toBe('DATAFLOW,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,OBS_STATUS,PRICE_BASIS,SOURCE_KIND,SOURCE,PUBLICATION_DATE,COMMENT');
    const periods = lines.slice(1).map((l) => l.split(',')[3]);
    expect(periods).toContain('2020-01-01/P9M');
    expect(periods).toContain('2020-S1');
    const xlsx = await app.inject({ method: 'GET', url: '/api/observations/export?format=xlsx&indicator=GDP' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.getWorksheet('数据')?.getRow(1).getCell(1).value).toBe('指标代码');
  });

  it('serves the import template with Chinese headers and drop-down lists', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/observations/template' });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('数据');
    expect(FIELDS.map((_, i) => sheet?.getRow(1).getCell(i + 1).value)).toEqual(FIELDS.map((f) => TEMPLATE_HEADERS[f]));
    expect(sheet?.getCell('A2').dataValidation).toMatchObject({ type: 'list', formulae: [expect.stringMatching(/^选项!\$A\$2:\$A\$\d+$/)] });
    expect(sheet?.getCell('C5').dataValidation).toMatchObject({ type: 'list' });
    const options = wb.getWorksheet('选项');
    expect(options?.state).toBe('veryHidden');
    const regions = (options?.getColumn(2).values ?? []).filter(Boolean);
    expect(regions).toContain('大鹏新区');
  });
});
