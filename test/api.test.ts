/** The HTTP API, in-process (app.inject), on both databases. */
import type { FastifyInstance } from 'fastify';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client';
import { buildApp } from '../src/server/app';
import { requirePolicies } from '../src/server/policy';
import { prepare } from '../src/services/bootstrap';
import type { CatalogueIndicatorDto, PlanIndicatorDto, PlanItemDto, RegionDto } from '../src/shared/api';
import { drivers } from './support/databases';
import { plansDir, regionsDir } from './support/paths';

const PLAN = 'shenzhen-services-14th-fyp';

describe.each(drivers)('HTTP API on $name', ({ name, open }) => {
  let database: Database;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await open();
    await prepare(database, { regionsDir, plansDir });
    app = await buildApp(database);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const get = async <T>(url: string, status = 200): Promise<T> => {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBe(status);
    return res.json<T>();
  };

  it('GET /api/health names the driver', async () => {
    expect(await get('/api/health')).toEqual({ status: 'ok', driver: name, version: expect.any(String) });
  });

  it('GET /api/plans and /api/plans/{planId}', async () => {
    const plans = await get<Array<{ id: string }>>('/api/plans');
    expect(plans.map((p) => p.id)).toEqual([PLAN]);
    expect(await get(`/api/plans/${PLAN}`)).toMatchObject({
      id: PLAN,
      name: { zh: '深圳市服务业发展"十四五"规划' },
      issuer: { zh: '深圳市发展和改革委员会' },
      period: { start: 2021, end: 2025 },
      baseYear: 2020,
    });
    expect(await get('/api/plans/no-such-plan', 404)).toEqual({ error: 'no plan with id "no-such-plan"' });
  });

  it('GET /api/plans/{planId}/indicators gives the 9 targets as printed, with comparator and tolerance', async () => {
    const inds = await get<PlanIndicatorDto[]>(`/api/plans/${PLAN}/indicators`);
    const system = inds.filter((i) => i.system);
    expect(system.map((i) => [i.number, i.code, i.target?.value, i.unit, i.target?.comparator, i.target?.tolerance, i.target?.printed])).toEqual([
      [1, 'TERTIARY_VA', 25000, '亿元', 'at_least', null, '2.5万亿元'],
      [2, 'MODERN_SVC_SHARE', 77, '%', 'at_least', null, '77%'],
      [3, 'FIN_SHARE_GDP', 16, '%', 'about', 0.5, '16%左右'],
      [4, 'LOGISTICS_SHARE_GDP', 10, '%', 'about', 0.5, '10%左右'],
      [5, 'CULTURE_SHARE_GDP', 8, '%', 'about', 0.5, '8%左右'],
      [6, 'ICT_SHARE_GDP', 11.5, '%', 'about', 0.5, '11.5%左右'],
      [7, 'RETAIL', 12500, '亿元', 'at_least', null, '1.25万亿元'],
      [8, 'SVC_RD_EXP', 200, '亿元', 'at_least', null, '200亿元'],
      [9, 'SVC_TRADE', 1500, '亿美元', 'at_least', null, '1500亿美元'],
    ]);
    expect(system.every((i) => i.attribute === 'expected' && i.direction === 'increase' && i.target?.year === 2025)).toBe(true);
    expect(system.find((i) => i.code === 'FIN_SHARE_GDP')?.share).toEqual({ numerator: 'FIN_VA', denominator: 'GDP' });
  });

  it('GET /api/plans/{planId}/items filters by kind and rejects an unknown kind', async () => {
    const counts: Record<string, number> = {};
    for (const kind of ['measure', 'project', 'district_direction', 'base', 'park']) {
      counts[kind] = (await get<PlanItemDto[]>(`/api/plans/${PLAN}/items?kind=${kind}`)).length;
    }
    expect(counts).toEqual({ measure: 58, project: 73, district_direction: 11, base: 13, park: 26 });
    const dirs = await get<PlanItemDto[]>(`/api/plans/${PLAN}/items?kind=district_direction`);
    expect(dirs[0]).toMatchObject({ title: { zh: '福田区', en: 'Futian District' }, regions: ['440304'], location: { chapter: '六', column: '专栏4' } });
    const res = await app.inject({ method: 'GET', url: `/api/plans/${PLAN}/items?kind=poem` });
    expect(res.statusCode).toBe(400);
  });

  it('GET /api/indicators lists the catalogue with names and units, each code once, the plan’s indicators among them', async () => {
    const catalogue = await get<CatalogueIndicatorDto[]>('/api/indicators');
    const codes = catalogue.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual([...codes].sort());
    expect(catalogue.find((i) => i.code === 'TERTIARY_VA')).toEqual({ code: 'TERTIARY_VA', name: { zh: '服务业增加值', en: expect.any(String) }, unit: '亿元' });
    const plan = await get<PlanIndicatorDto[]>(`/api/plans/${PLAN}/indicators`);
    expect(codes).toEqual(expect.arrayContaining(plan.map((i) => i.code)));
  });

  it('GET /api/regions lists the city, 9 districts, 2 functional areas and the former 新区', async () => {
    const regions = await get<RegionDto[]>('/api/regions');
    const current = regions.filter((r) => r.validTo === null);
    expect(current.filter((r) => r.kind === 'administrative' && r.level === 'district').map((r) => r.code)).toEqual([
      '440303', '440304', '440305', '440306', '440307', '440308', '440309', '440310', '440311',
    ]);
    expect(current.filter((r) => r.kind === 'functional').map((r) => r.name.zh).sort()).toEqual(['大鹏新区', '深汕特别合作区'].sort());
    expect(regions.find((r) => r.code === '440311')?.predecessors).toEqual(['440300-GM']);
  });

  it('serves the OpenAPI document with every API route, and the home page', async () => {
    const doc = await get<{ openapi: string; paths: Record<string, unknown> }>('/api/docs/json');
    expect(doc.openapi).toMatch(/^3\./);
    // Every route is listed with its policy in test/access.test.ts; here, the plan routes of the foundation.
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/plans', '/api/plans/{planId}', '/api/plans/{planId}/indicators', '/api/plans/{planId}/items', '/api/regions']),
    );
    const home = await app.inject({ method: 'GET', url: '/' });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('规划监测评估平台');
  });
});

describe('route policies', () => {
  it('refuses to build an app with an API route that declares no policy', async () => {
    const app = Fastify();
    requirePolicies(app);
    expect(() => app.get('/api/secret', () => 'x')).toThrow('route GET /api/secret declares no access policy (config.policy)');
    await app.close();
  });
});
