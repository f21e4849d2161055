/**
 * Units and regions as data, end to end on PGlite and on a real PostgreSQL server: a second city's registry and
 * boundaries loaded by file and by API, the map served per region, a logistics plan of 广州市 in 万标箱, 万吨,
 * 亿件, 吨/万元 and a unit it declares itself — validated, loaded, its figures imported in other units of the same
 * dimensions, and evaluated with statuses worked out by hand below — and 白云区 read as 广州市's 440111 wherever
 * the plan or the file is about 广州市, never as 贵阳市's 520113.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client';
import { listPlanItems, getPlan } from '../src/db/plans';
import { queryRows } from '../src/db/raw';
import { listRegions } from '../src/db/regions';
import { parseAsOf } from '../src/domain/evaluation/asOf';
import { buildApp } from '../src/server/app';
import { prepare } from '../src/services/bootstrap';
import { evaluatePlan } from '../src/services/evaluation/evaluatePlan';
import { importObservations } from '../src/services/import/importObservations';
import { loadPlanFile } from '../src/services/loadPlan';
import { bundledPlanContext } from '../src/services/planContext';
import { readPlanFile } from '../src/services/planFile';
import { loadBoundaryFile, regionGeo } from '../src/services/regions/boundaries';
import { loadRegionFile } from '../src/services/regions/loadRegions';
import { loadUnitFile } from '../src/services/units/loadUnits';
import { unitCatalogueOf } from '../src/services/units/unitCatalogue';
import { DataFileError } from '../src/services/yamlFile';
import { drivers } from './support/databases';
import { fixture, plansDir, regionsDir, root } from './support/paths';
import { signIn } from './support/session';
import { SYSTEM } from '../src/services/access/audit';

const PLAN = 'demo-gz-logistics-15th';
const catalogueDir = path.join(root, 'catalogue');
const gz = fixture('regions/guangdong-guangzhou-440100.yaml');
const gy = fixture('regions/guizhou-guiyang-520100.yaml');
const gzMap = fixture('regions/guangzhou-districts-440100.schematic.geojson');
const plan = fixture('plans/guangzhou-logistics-15th.yaml');
const figures = fixture('data/guangzhou-logistics-2026-2027.csv');

/** The messages of a refused file, without the file name. */
async function refusal(p: Promise<unknown>): Promise<string[]> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DataFileError) return e.issues.map((i) => `${i.line ?? '-'}: ${i.path.join('.')}: ${i.message}`);
    throw e;
  }
  return [];
}

async function tempFile(name: string, text: string): Promise<string> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'pm-units-')), name);
  await writeFile(file, text);
  return file;
}

describe.each(drivers)('units and regions as data on $name', ({ open }) => {
  let database: Database;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await open();
    await prepare(database, { regionsDir, plansDir, catalogueDir });
    app = await buildApp(database);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('refuses the plan of a city the registry does not hold, in validation as in loading', async () => {
    const bundled = await bundledPlanContext({ regionsDir, plansDir, catalogueDir });
    const expected = [
      '7: region: unknown region "广州市" (not in the region registry)',
      '66: chapters.0.sections.0.measures.0.regions.0: unknown region "白云区" (not in the region registry)',
      '71: chapters.0.sections.0.measures.1.regions.0: unknown region "南沙区" (not in the region registry)',
      '74: districtDirections.0.region: unknown region "天河区" (not in the region registry)',
    ];
    expect(await refusal(readPlanFile(plan, bundled))).toEqual(expected);
    expect(await refusal(loadPlanFile(database, plan))).toEqual(expected);
  });

  it('extends the registry by files: a province, a second city with districts and a street, and a third city', async () => {
    await database.db.transaction(async (tx) => {
      await loadRegionFile(tx, gz, null);
      await loadRegionFile(tx, gy, null);
    });
    const regions = new Map((await listRegions(database.db)).map((r) => [r.code, r]));
    expect(regions.get('440000')?.level).toBe('province');
    expect(regions.get('440106001')).toMatchObject({ level: 'street', parentCode: '440106' });
    expect(regions.get('440300')?.parentCode).toBe('440000');
    expect([regions.get('440111')?.parentCode, regions.get('520113')?.parentCode]).toEqual(['440100', '520100']);
  });

  it('refuses a registry file that breaks GB/T 2260, writing nothing', async () => {
    const before = (await listRegions(database.db)).length;
    const file = await tempFile('bad.yaml', [
      'regions:',
      '  - {code: "440112", name: {zh: 黄埔区, en: Huangpu District}, level: district, kind: administrative, parent: "440100", validFrom: "1985-01-01"}',
      '  - {code: "520199", name: {zh: 错区, en: Wrong}, level: district, kind: administrative, parent: "440100", validFrom: "1985-01-01"}',
      '  - {code: "440113", name: {zh: 番禺区, en: Panyu District}, level: district, kind: administrative, parent: "449900", validFrom: "2000-01-01"}',
      '',
    ].join('\n'));
    expect(await refusal(database.db.transaction((tx) => loadRegionFile(tx, file, null)))).toEqual([
      '3: regions.1.code: code 520199 does not lie under its parent 440100 (GB/T 2260: a region\'s code starts with its parent\'s)',
      '4: regions.2.parent: unknown parent region "449900"',
    ]);
    expect((await listRegions(database.db)).length).toBe(before);
  });

  it('loads boundaries of a region\'s subdivisions and serves each region\'s map; a region without any answers empty', async () => {
    const loaded = await database.db.transaction((tx) => loadBoundaryFile(tx, gzMap, { who: null }));
    expect(loaded).toMatchObject({ region: '440100', regions: ['440104', '440106', '440111', '440115'] });
    const guangzhou = await regionGeo(database, '广州市');
    expect(guangzhou.features.map((f) => [f.properties.code, f.properties.name, f.properties.adcode])).toEqual([
      ['440104', '越秀区', 440104],
      ['440106', '天河区', 440106],
      ['440111', '白云区', 440111],
      ['440115', '南沙区', 440115],
    ]);
    expect(guangzhou).toMatchObject({ region: { code: '440100' }, withoutBoundary: [], empty: null, sources: ['guangzhou-districts-440100.schematic.geojson'] });
    // The bundled Shenzhen map, loaded at start: the 9 districts, and the functional areas without a polygon.
    const shenzhen = await regionGeo(database, '440300');
    expect(shenzhen.features).toHaveLength(9);
    expect(shenzhen.withoutBoundary.map((r) => r.code)).toEqual(['440300-DP', '440300-SS']);
    const guiyang = await regionGeo(database, '520100');
    expect(guiyang).toMatchObject({ features: [], withoutBoundary: [{ code: '520102' }, { code: '520113' }] });
    expect(guiyang.empty?.zh).toBe('尚未载入贵阳市下辖地区的边界数据（plan-monitor regions load 文件.geojson）');
    // Two regions have maps now: the old URL without ?region= asks which.
    const res = await app.inject({ method: 'GET', url: '/api/regions/geo' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: 'boundaries are loaded for several regions (440100, 440300): give ?region=' });
    const byApi = await app.inject({ method: 'GET', url: '/api/regions/geo?region=440100' });
    expect([byApi.statusCode, byApi.headers['content-type'], byApi.json<{ features: unknown[] }>().features.length]).toEqual([200, 'application/geo+json; charset=utf-8', 4]);
  });

  it('refuses boundaries of unknown regions or of another region\'s subdivisions, writing nothing', async () => {
    const doc = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { adcode: 440199, name: '无此区' }, geometry: { type: 'Polygon', coordinates: [[[113, 23], [113.1, 23], [113.1, 23.1], [113, 23]]] } },
        { type: 'Feature', properties: { code: '520113' }, geometry: { type: 'Polygon', coordinates: [[[106, 26], [106.1, 26], [106.1, 26.1], [106, 26]]] } },
        { type: 'Feature', properties: { code: '440106' }, geometry: { type: 'Polygon', coordinates: [[[113, 23], [113.1, 23]]] } },
      ],
    };
    const file = await tempFile('bad.geojson', JSON.stringify(doc));
    expect(await refusal(database.db.transaction((tx) => loadBoundaryFile(tx, file, { parent: '440100', who: null })))).toEqual([
      '-: features.0.properties.adcode: unknown region code "440199" (无此区): load it into the region registry first',
      '-: features.2.geometry: 440106 天河区: a ring needs at least 4 positions',
    ]);
    const other = await tempFile('other.geojson', JSON.stringify({ ...doc, features: [doc.features[1]] }));
    expect(await refusal(database.db.transaction((tx) => loadBoundaryFile(tx, other, { parent: '440100', who: null })))).toEqual([
      '-: features.0.properties: 520113 白云区 is not a subdivision of 440100 (its parent is 520100)',
    ]);
    expect((await regionGeo(database, '520100')).features).toEqual([]);
  });

  it('loads regions and boundaries by API as an administrator, audited, and names every problem', async () => {
    const admin = await signIn(app, database, 'regions-admin', 'admin');
    const bad = await app.inject({ method: 'POST', url: '/api/regions', headers: admin, payload: { regions: [{ code: '520111', name: { zh: '花溪区', en: 'Huaxi District' }, level: 'county', kind: 'administrative', parent: '520100', validFrom: '1958-01-01' }] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: string }>().error).toBe('regions[0].level: unknown level "county" (expected province | city | district | street; a functional area is kind: functional at its level)');
    const good = await app.inject({ method: 'POST', url: '/api/regions', headers: admin, payload: { regions: [{ code: '520111', name: { zh: '花溪区', en: 'Huaxi District' }, level: 'district', kind: 'administrative', parent: '520100', validFrom: '1958-01-01' }] } });
    expect([good.statusCode, good.json()]).toEqual([200, { source: 'api', added: ['520111'], updated: [] }]);
    const square = (x: number, y: number) => ({ type: 'Polygon', coordinates: [[[x, y], [x + 0.1, y], [x + 0.1, y + 0.1], [x, y]]] });
    const map = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: '520113', name: '白云区' }, geometry: square(106.6, 26.6) }] };
    const put = await app.inject({ method: 'PUT', url: `/api/regions/${encodeURIComponent('贵阳市')}/boundaries`, headers: admin, payload: map });
    expect([put.statusCode, put.json()]).toEqual([200, { source: 'api', region: '520100', regions: ['520113'] }]);
    expect((await regionGeo(database, '520100')).withoutBoundary.map((r) => r.code)).toEqual(['520102', '520111']);
    const logged = await queryRows<{ action: string; entity_id: string }>(database.db, sql`select action, entity_id from audit_log where action in ('regions_loaded', 'boundaries_loaded') order by id`);
    expect(logged).toEqual([{ action: 'regions_loaded', entity_id: 'api' }, { action: 'boundaries_loaded', entity_id: '520100' }]);
  });

  it('loads the logistics plan: units from the catalogue and its own, district names read within 广州市', async () => {
    expect(await loadPlanFile(database, plan)).toMatchObject({ planId: PLAN, status: 'loaded', indicators: 5 });
    expect((await getPlan(database.db, PLAN))?.regionCode).toBe('440100');
    const items = await listPlanItems(database.db, PLAN);
    expect(items.filter((i) => i.kind === 'measure' || i.kind === 'district_direction').map((i) => [i.key, i.regions])).toEqual([
      ['m1-1-1', ['440111']],
      ['m1-1-2', ['440115']],
      ['d-01', ['440106']],
    ]);
    const units = await queryRows<{ code: string; factor: string; source: string }>(database.db, sql`select code, factor::text as factor, source from measurement_units order by code`);
    expect(units).toEqual([
      { code: '万架次', factor: '10000', source: `plan:${PLAN}` },
      { code: '架次', factor: '1', source: `plan:${PLAN}` },
    ]);
  });

  it('imports figures given in other units of the same dimension, and 白云区 within 广州市; unscoped, 白云区 is refused with both candidates', async () => {
    const unscoped = await importObservations(database, { file: figures, dryRun: true, audit: SYSTEM });
    expect(unscoped.rejected).toEqual([
      {
        file: path.basename(figures),
        row: 8,
        column: '地区',
        reason:
          'ambiguous region "白云区": 440111 白云区 (广州市), 520113 白云区 (贵阳市); write the code, or the name after its parent\'s (e.g. 广州市白云区), or import within a region (--within, or the within field) (give a GB/T 2260 code or a name such as 深圳市, 南山区)',
      },
    ]);
    const report = await importObservations(database, { file: figures, within: '广州市', audit: SYSTEM });
    expect(report).toMatchObject({ committed: true, counts: { new: 7, rejected: 0 } });
    const stored = await queryRows<{ indicator_code: string; region_code: string; period_code: string; value: string; unit: string; value_std: string }>(
      database.db,
      sql`select indicator_code, region_code, period_code, value::text as value, unit, value_std::text as value_std from observations where indicator_code like 'GZL_%' order by indicator_code, region_code, period_code`,
    );
    expect(stored.map((o) => `${o.indicator_code} ${o.region_code} ${o.period_code}: ${o.value} ${o.unit} = ${o.value_std}`)).toEqual([
      'GZL_EXPRESS 440100 2027: 1320000 万件 = 132',
      'GZL_FLIGHTS 440100 2027: 650000 架次 = 65',
      'GZL_FLIGHTS 440111 2027: 650000 架次 = 65',
      'GZL_FREIGHT_INTENSITY 440100 2027: 0.078 千克/元 = 0.78',
      'GZL_PORT_CARGO 440100 2027: 6.6 亿吨 = 66000',
      'GZL_PORT_TEU 440100 2026: 2700 万标箱 = 2700',
      'GZL_PORT_TEU 440100 2027: 28000000 标箱 = 2800',
    ]);
    // The same through the API, with the scope as a field: the figure is the one stored above (unchanged).
    const admin = await signIn(app, database, 'figures-admin', 'admin');
    const figure = { indicator: 'GZL_FLIGHTS', region: '白云区', period: '2027', value: 650000, unit: '架次', sourceKind: '部门发布', source: '示范白云国际机场2027年运输生产统计（虚构）', publisher: '示范机场集团', publishedDate: '2028-01-15', status: '最终' };
    const posted = await app.inject({ method: 'POST', url: '/api/observations', headers: admin, payload: { figures: [figure], dryRun: true, within: '广州市' } });
    // The fictional 2027 figure was "published" in 2028, a date a person cannot have: the API refuses it for that
    // reason alone — 白云区 itself resolved within 广州市 (no region error).
    const answer = posted.json<{ rejected: Array<{ column: string | null; reason: string }> }>();
    expect(answer.rejected.map((r) => r.column)).toEqual(['publishedDate']);
    const today = await app.inject({ method: 'POST', url: '/api/observations', headers: admin, payload: { figures: [{ ...figure, period: '2025', publishedDate: '2026-01-15' }], dryRun: true, within: '广州市' } });
    expect(today.json<{ counts: unknown; rejected: unknown[] }>()).toMatchObject({ counts: { new: 1, rejected: 0 } });
    // A unit of another dimension is refused with the reason, never converted.
    const wrong = await tempFile('wrong.csv', ['指标代码,地区,期间,数值,单位,来源,发布日期', 'GZL_PORT_TEU,广州市,2028,3000,万吨,x,2029-03-01', ''].join('\n'));
    const refused = await importObservations(database, { file: wrong, dryRun: true, audit: SYSTEM });
    expect(refused.rejected.map((r) => r.reason)).toEqual(['cannot convert 万吨 to 万标箱: different kinds of unit (mass vs containers) (indicator GZL_PORT_TEU is in 万标箱)']);
  });

  it('evaluates the logistics plan as of 2027 with the statuses worked out by hand', async () => {
    const asOf = parseAsOf('2027');
    if (!asOf.ok) throw new Error(asOf.error);
    const e = await evaluatePlan(database, PLAN, { asOf: asOf.value, methods: ['time_proportional'] });
    // Elapsed share E = (2027 − 2025) / (2030 − 2025) = 0.4; achieved share A = (y − y0) / (y* − y0); band ±0.05.
    //   港口集装箱 A = (2800 − 2600) / (3000 − 2600) = 0.5   → A − E = +0.1 ≥ 0.05        → ahead
    //   港口货物   A = (66000 − 65000) / (70000 − 65000) = 0.2 → A − E = −0.2              → behind
    //   快递       A = (132 − 120) / (150 − 120) = 0.4        → |A − E| = 0 < 0.05          → on_schedule
    //   货运强度   A = (0.78 − 0.8) / (0.7 − 0.8) = 0.2       → A − E = −0.2 (at most 0.7)  → behind
    //   起降架次   65 ≥ 60 before 2030                         → completed_early
    expect(e.indicators.map((i) => [i.indicator.code, i.latest?.value, i.results.time_proportional?.status])).toEqual([
      ['GZL_PORT_TEU', 2800, 'ahead'],
      ['GZL_PORT_CARGO', 66000, 'behind'],
      ['GZL_EXPRESS', 132, 'on_schedule'],
      ['GZL_FREIGHT_INTENSITY', 0.78, 'behind'],
      ['GZL_FLIGHTS', 65, 'completed_early'],
    ]);
  });

  it('extends the unit catalogue by a file, and refuses a file that would redefine a unit, at its line', async () => {
    const file = await tempFile('units.yaml', [
      'units:',
      '  - {symbol: 万辆, name: {zh: 万辆, en: "10,000 vehicles"}, dimension: vehicles, factor: 10000}',
      '  - {symbol: 辆, name: {zh: 辆, en: vehicles}, dimension: vehicles, factor: 1}',
      '  - {symbol: 万吨, name: {zh: 万吨, en: "10,000 tonnes"}, dimension: mass, factor: 10000}',
      '',
    ].join('\n'));
    expect(await loadUnitFile(database, file)).toMatchObject({ added: ['万辆', '辆'], known: ['万吨'] });
    // The API lists the catalogue in pages: bundled units first, then loaded ones (plans' and files').
    const pages: string[] = [];
    // Like every list: a JSON array, the next page's cursor in the x-next-cursor header.
    let cursor: string | null = '';
    while (cursor !== null) {
      const url: string = `/api/measurement-units?limit=20${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const res = await app.inject({ method: 'GET', url });
      pages.push(...res.json<Array<{ symbol: string; en: string }>>().map((u) => u.symbol));
      const next = res.headers['x-next-cursor'];
      cursor = typeof next === 'string' ? next : null;
    }
    expect(pages.slice(0, 3)).toEqual(['元', '万元', '亿元']);
    expect(pages.slice(-4)).toEqual(['架次', '万架次', '万辆', '辆']);
    expect(new Set(pages).size).toBe(pages.length);
    expect((await unitCatalogueOf(database.db)).parse('萬輛'.replace('輛', '辆'))).toMatchObject({ ok: true, value: { code: '万辆' } });
    const bad = await tempFile('bad-units.yaml', ['units:', '  - {symbol: 万辆, name: {zh: 万辆, en: x}, dimension: vehicles, factor: 1000}', '  - {symbol: 吨车, name: {zh: 吨车, en: x}, dimension: y, factor: 1, aliases: [万吨]}', ''].join('\n'));
    expect(await refusal(loadUnitFile(database, bad))).toEqual([
      '2: units.0.factor: unit 万辆 already exists with factor 10000 (dimension vehicles); it cannot change to 1000 (figures were converted with it)',
      '3: units.1.aliases.0: "万吨" already names the unit 万吨 (mass); choose another symbol or alias',
    ]);
  });
});
