/**
 * The 景气 API on both databases, with the synthetic demo loaded as on first start (its panel drawn from the
 * registry's synthetic sample): surveys and waves paged by cursor, a wave opened and its answers uploaded (refused
 * with 422 naming row and column, then accepted), response rates, every kind of index, and the Excel export of every
 * index with its inputs.
 */
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client';
import { panelMembers } from '../src/db/prosperity';
import { buildApp } from '../src/server/app';
import { prepare } from '../src/services/bootstrap';
import type { IndicesResponseDto, ResponseImportReportDto, ResponseRatesDto, SurveySummaryDto, WaveListDto } from '../src/shared/api';
import { drivers } from './support/databases';
import { multipart } from './support/multipart';
import { plansDir, regionsDir, root } from './support/paths';
import { signIn } from './support/session';

const SURVEY = 'shenzhen-services-bcs';

describe.each(drivers)('景气 API on $name', ({ open }) => {
  let database: Database;
  let app: FastifyInstance;
  let statistician: Record<string, string>;
  let viewer: Record<string, string>;
  beforeAll(async () => {
    database = await open();
    await prepare(database, { regionsDir, plansDir, prosperityDir: path.join(root, 'prosperity'), prosperityDemo: true, enterprises: { dir: path.join(root, 'enterprises'), sample: true } });
    app = await buildApp(database);
    statistician = await signIn(app, database, 'survey-stats', 'statistician');
    viewer = await signIn(app, database, 'survey-viewer', 'viewer');
  }, 240_000);
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const get = async <T>(url: string, headers: Record<string, string> = {}) => {
    const res = await app.inject({ method: 'GET', url, headers });
    expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
    return res.json<T>();
  };

  it('lists surveys (public) and a survey’s waves (signed in) page by page: arrays, the next cursor in x-next-cursor', async () => {
    const surveys = await app.inject({ method: 'GET', url: '/api/prosperity/surveys' });
    expect(surveys.json<SurveySummaryDto[]>()).toEqual([expect.objectContaining({ code: SURVEY, frequency: 'monthly', waves: 60, synthetic: true })]);
    expect(surveys.headers['x-next-cursor']).toBeUndefined();
    const first = await app.inject({ method: 'GET', url: `/api/prosperity/surveys/${SURVEY}/waves?limit=25`, headers: viewer });
    expect(first.json<WaveListDto>().map((w) => w.period).slice(0, 2)).toEqual(['2025-12', '2025-11']);
    expect(first.headers.link).toMatch(/^<\/api\/prosperity\/surveys\/shenzhen-services-bcs\/waves\?limit=25&cursor=[\w-]+>; rel="next"$/);
    const seen = [...first.json<WaveListDto>()];
    let cursor = first.headers['x-next-cursor'];
    while (typeof cursor === 'string') {
      const next = await app.inject({ method: 'GET', url: `/api/prosperity/surveys/${SURVEY}/waves?limit=25&cursor=${cursor}`, headers: viewer });
      seen.push(...next.json<WaveListDto>());
      cursor = next.headers['x-next-cursor'];
    }
    expect(seen.length).toBe(60);
    expect(new Set(seen.map((w) => w.period)).size).toBe(60);
    expect((await app.inject({ method: 'GET', url: `/api/prosperity/surveys/${SURVEY}/waves?limit=501`, headers: viewer })).statusCode).toBe(400);
    const foreign = await app.inject({ method: 'GET', url: '/api/prosperity/indices?kind=diffusion&cursor=not-ours', headers: viewer });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json<{ error: string }>().error).toMatch(/cursor/);
  });

  it('opens a wave and imports its answers: 422 with the row and column of a bad cell, then 200', async () => {
    const opened = await app.inject({ method: 'POST', url: `/api/prosperity/surveys/${SURVEY}/waves`, headers: statistician, payload: { period: '2026-01' } });
    expect(opened.json()).toMatchObject({ period: '2026-01', committed: true });
    const { id } = opened.json<{ id: number }>();
    // Members still in the panel in 2026 (one whose enterprise the registry closes has left it).
    const members = (await panelMembers(database.db, SURVEY)).filter((m) => m.leftPeriod === null);
    const csv = (cell: string) => `统一社会信用代码,BUSINESS.current,BUSINESS.expected\n${members[0]?.uscc},上升,上升\n${members[1]?.uscc},${cell},持平\n${members[2]?.uscc},下降,持平\n`;
    const bad = await app.inject({ method: 'POST', url: `/api/prosperity/surveys/${id}/responses/import`, ...withHeaders(statistician, multipart({}, { name: '一月.csv', content: csv('涨') })) });
    expect(bad.statusCode).toBe(422);
    expect(bad.json<ResponseImportReportDto>().rejected).toEqual([{ file: '一月.csv', row: 3, column: 'BUSINESS.current', reason: '"涨" is not an answer to 本企业业务总量 (上升/持平/下降, or 1–3)' }]);
    const good = await app.inject({ method: 'POST', url: `/api/prosperity/surveys/${id}/responses/import`, ...withHeaders(statistician, multipart({}, { name: '一月.csv', content: csv('持平') })) });
    expect(good.statusCode).toBe(200);
    expect(good.json<ResponseImportReportDto>()).toMatchObject({ committed: true, counts: { answers: 6, added: 3 } });
    const rates = await get<ResponseRatesDto>(`/api/prosperity/waves/${id}/response-rates`, viewer);
    expect(rates.rows[0]).toMatchObject({ group: 'all', label: { zh: '全部企业' }, responded: 3 });
    expect(rates.rows.find((r) => r.group.startsWith('region:'))?.label.zh).toMatch(/区$/);
    const di = await get<Extract<IndicesResponseDto, { kind: 'diffusion' }>>('/api/prosperity/indices?kind=diffusion&from=2026-01&group=all&question=BUSINESS&horizon=current');
    // 上升 1, 持平 1, 下降 1: DI = (1 + 0.5 × 1)/3 × 100 = 50.
    expect(di.items).toEqual([expect.objectContaining({ period: '2026-01', n: 3, value: 50 })]);
  });

  it('pages the diffusion indices by cursor without loss or repeat', async () => {
    const q = '/api/prosperity/indices?kind=diffusion&from=2025-07&to=2025-12&industry=I';
    const all = await get<Extract<IndicesResponseDto, { kind: 'diffusion' }>>(`${q}&limit=5000`);
    expect(all.synthetic).toBe(true);
    const paged: unknown[] = [];
    let cursor: string | undefined;
    do {
      const res = await app.inject({ method: 'GET', url: `${q}&limit=37${cursor ? `&cursor=${cursor}` : ''}` });
      const pageRes = res.json<Extract<IndicesResponseDto, { kind: 'diffusion' }>>();
      expect(pageRes).not.toHaveProperty('nextCursor');
      paged.push(...pageRes.items);
      const next = res.headers['x-next-cursor'];
      cursor = typeof next === 'string' ? next : undefined;
    } while (cursor);
    expect(paged).toEqual(all.items);
    // 6 months × 16 items × (all + industry I).
    expect(all.items.length).toBe(6 * 16 * 2);
  });

  it('answers the climate, composite and signal kinds', async () => {
    const climate = await get<Extract<IndicesResponseDto, { kind: 'climate' }>>('/api/prosperity/indices?kind=climate&from=2025-12&to=2025-12&group=all');
    expect(climate.items.map((p) => p.kind).sort()).toEqual(['climate', 'confidence']);
    for (const p of climate.items) {
      expect(p.value).toBeGreaterThanOrEqual(0);
      expect(p.value).toBeLessThanOrEqual(200);
    }
    const composite = await get<Extract<IndicesResponseDto, { kind: 'composite' }>>('/api/prosperity/indices?kind=composite&to=2025-12');
    expect(composite.composite.indices.map((g) => g.group)).toEqual(['leading', 'coincident', 'lagging']);
    expect(composite.composite.periods).toHaveLength(60);
    const coincident = composite.composite.indices.find((g) => g.group === 'coincident');
    // Rebased: the 2021 average is 100.
    const y2021 = (coincident?.level.slice(0, 12) ?? []) as number[];
    expect(y2021.reduce((a, b) => a + b, 0) / 12).toBeCloseTo(100, 9);
    expect(composite.composite.components.every((c) => c.seasonallyAdjusted)).toBe(true);
    const signals = await get<Extract<IndicesResponseDto, { kind: 'signals' }>>('/api/prosperity/indices?kind=signals&from=2025-01&to=2025-12');
    expect(signals.signals.rows).toHaveLength(12);
    expect(signals.signals.rows[0]?.light).toMatch(/^(blue|lightBlue|green|yellow|red)$/);
  });

  it('puts the 服务业景气指数 box after 主要指标完成情况 in the annual and mid-term reports, not in the final one', async () => {
    const annual = await get<{ sections: Array<{ id: string; heading: string; text: string }> }>('/api/plans/shenzhen-services-14th-fyp/reports/annual/draft?asOf=2025', viewer);
    expect(annual.sections.map((x) => x.id)).toEqual(['overview', 'indicators', 'prosperity', 'measures', 'projects', 'problems', 'suggestions']);
    const box = annual.sections[2];
    expect(box?.heading).toBe('专栏　服务业景气指数');
    expect(box?.text).toMatch(/^根据深圳市服务业企业景气调查（2025-12，样本企业\d+家），服务业企业景气指数为\d+\.\d/);
    expect(box?.text).toContain('合成数据');
    // As of mid-2023 the box speaks of June 2023, computed on the answers known then.
    const midterm = await get<{ sections: Array<{ id: string; text: string }> }>('/api/plans/shenzhen-services-14th-fyp/reports/midterm/draft?asOf=2023-06-30', viewer);
    expect(midterm.sections.find((x) => x.id === 'prosperity')?.text).toContain('（2023-06，');
    const final = await get<{ sections: Array<{ id: string }> }>('/api/plans/shenzhen-services-14th-fyp/reports/final/draft?asOf=2025', viewer);
    expect(final.sections.map((x) => x.id)).not.toContain('prosperity');
  });

  it('exports every index with its inputs to Excel', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/prosperity/surveys/${SURVEY}/export` });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['说明', '扩散指数', '景气指数', '合成指数', '成分指标', '信号灯', '转折点']);
    expect(wb.getWorksheet('说明')?.getRow(4).getCell(2).value).toBe('合成数据（演示用，非真实企业）');
    // A published cell shows its counts, which give its index back: (上升 + 0.5 持平)/样本数.
    const d = wb.getWorksheet('扩散指数');
    const row = d?.getRow(2);
    const [n, up, same, di] = [6, 7, 8, 10].map((c) => Number(row?.getCell(c).value));
    expect(Math.round((((up ?? 0) + 0.5 * (same ?? 0)) / (n ?? 1)) * 1000) / 10).toBeCloseTo(di ?? Number.NaN, 6);
  });
});

function withHeaders(h: Record<string, string>, m: { payload: Buffer; headers: Record<string, string> }) {
  return { payload: m.payload, headers: { ...m.headers, ...h } };
}
