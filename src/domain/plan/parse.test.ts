import { describe, expect, it } from 'vitest';
import type { Region } from '../region/region';
import { createRegionRegistry } from '../region/registry';
import { FIXTURE_CATALOGUE } from '../unit/fixtures';
import { formatPath } from './issues';
import type { CatalogueIndicator } from './model';
import { parsePlan, type PlanCheckContext } from './parse';

const region = (code: string, zh: string, parentCode: string | null): Region => ({
  code, name: { zh, en: zh }, level: parentCode ? 'district' : 'city', kind: 'administrative', parentCode, validFrom: '1990-01-01', validTo: null, predecessors: [], note: null,
});
const regions = createRegionRegistry([region('440300', '深圳市', null), region('440305', '南山区', '440300'), region('440100', '广州市', null), region('440111', '白云区', '440100'), region('520100', '贵阳市', null), region('520113', '白云区', '520100')]);
const gdp: CatalogueIndicator = { code: 'GDP', name: { zh: '地区生产总值', en: 'GDP' }, unit: '亿元', numeratorCode: null, denominatorCode: null, growthOf: null };
const ctx: PlanCheckContext = { regions, units: FIXTURE_CATALOGUE, catalogue: new Map([['GDP', gdp]]) };

/** A minimal valid plan; each broken variant below changes one thing. */
function validPlan() {
  return {
    id: 'mini-plan',
    name: { zh: '迷你规划', en: 'Mini plan' },
    issuer: { zh: '某局', en: 'A bureau' },
    region: '440300',
    period: { start: 2021, end: 2025 },
    baseYear: 2020,
    indicators: [
      {
        code: 'VA',
        system: true,
        category: 'overall',
        number: 1,
        name: { zh: '增加值', en: 'Value added' },
        unit: '亿元',
        baseline: { value: 100, year: 2020 },
        target: { value: 150, year: 2025, printed: '150亿元', comparator: 'at_least' },
      },
      {
        code: 'VA_SHARE',
        system: true,
        category: 'key_area',
        number: 2,
        name: { zh: '增加值占GDP比重', en: 'Share of GDP' },
        unit: '%',
        target: { value: 10, year: 2025, printed: '10%左右', comparator: 'about', tolerance: 0.5 },
        share: { numerator: 'VA', denominator: 'GDP' },
      },
      { code: 'GDP', system: false, category: 'supporting', name: { zh: '地区生产总值', en: 'GDP' }, unit: '亿元' },
    ],
    parks: [{ key: 'k-1', field: { zh: '金融业', en: 'Finance' }, name: { zh: '某园', en: 'A park' }, regions: ['440305'], location: { chapter: '六', column: '专栏6' } }],
  };
}

type Plan = ReturnType<typeof validPlan>;

function problems(mutate: (p: Plan) => void): string[] {
  const plan = validPlan();
  mutate(plan);
  const r = parsePlan(plan, ctx);
  return r.ok ? [] : r.issues.map((i) => `${formatPath(i.path)}: ${i.message}`);
}

describe('parsePlan', () => {
  it('accepts a valid plan and fills in defaults', () => {
    const r = parsePlan(validPlan(), ctx);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.plan.indicators[0]?.attribute).toBe('expected');
      expect(r.plan.chapters).toEqual([]);
    }
  });

  it('rejects a system indicator without a target, naming the field', () => {
    expect(problems((p) => delete (p.indicators[0] as { target?: unknown }).target)).toEqual([
      'indicators[0].target: an indicator of the indicator system (system: true) must have a target, targets, or a growthTarget',
    ]);
  });

  it('rejects an unknown comparator, naming the field and the allowed words', () => {
    const out = problems((p) => ((p.indicators[0]?.target as { comparator: string }).comparator = 'roughly'));
    expect(out).toEqual(['indicators[0].target.comparator: unknown comparator "roughly" (expected at_least | about | at_most)']);
  });

  it('rejects a duplicate indicator code', () => {
    expect(problems((p) => ((p.indicators[2] as { code: string }).code = 'VA'))).toContain('indicators[2].code: duplicate indicator code "VA"');
  });

  it('rejects an unknown region code, wherever it is', () => {
    expect(problems((p) => (p.region = '440399'))).toEqual(['region: unknown region code "440399" (not in the region registry)']);
    expect(problems((p) => (p.parks[0] = { ...p.parks[0], regions: ['440306'] } as Plan['parks'][0]))).toEqual([
      'parks[0].regions[0]: unknown region code "440306" (not in the region registry)',
    ]);
  });

  it('rejects a share indicator whose numerator is missing', () => {
    expect(problems((p) => (p.indicators[1] = { ...p.indicators[1], share: { numerator: 'FIN_VA', denominator: 'GDP' } } as Plan['indicators'][1]))).toEqual([
      'indicators[1].share.numerator: share numerator "FIN_VA" is not an indicator of this plan',
    ]);
  });

  it('requires a tolerance for an about (左右) target and refuses one elsewhere', () => {
    expect(problems((p) => delete (p.indicators[1]?.target as { tolerance?: number }).tolerance)).toEqual([
      'indicators[1].target.tolerance: an "about" (左右) target needs a tolerance: the half-width of the band, in the indicator unit',
    ]);
    expect(problems((p) => ((p.indicators[0]?.target as { tolerance?: number }).tolerance = 1))[0]).toMatch(/^indicators\[0\]\.target\.tolerance: a tolerance only applies/);
  });

  it('rejects a target year outside the plan period and unknown fields', () => {
    expect(problems((p) => ((p.indicators[0]?.target as { year: number }).year = 2035))).toEqual([
      'indicators[0].target.year: target year 2035 lies outside the plan period 2021–2025',
    ]);
    expect(problems((p) => Object.assign(p, { colour: 'red', perod: {} }))).toEqual(['colour: unknown key "colour"', 'perod: unknown key "perod"; did you mean period?']);
  });
});

describe('parsePlan: units from the catalogue', () => {
  it('refuses an unknown unit with the list of known ones, and suggests the nearest for a misspelling', () => {
    expect(problems((p) => ((p.indicators[0] as { unit: string }).unit = '亿员'))).toEqual([
      `indicators[0].unit: unknown unit "亿员" (did you mean 亿元 or 亿件? known units: ${FIXTURE_CATALOGUE.knownList}; a plan may declare a unit of its own under units:)`,
    ]);
  });

  it('takes the logistics units, and stores an alias as the catalogue symbol', () => {
    const plan = validPlan();
    (plan.indicators[0] as { unit: string }).unit = '万TEU';
    (plan.indicators[0] as { code: string }).code = 'PORT_TEU';
    plan.indicators[1] = { ...plan.indicators[1], share: { numerator: 'PORT_TEU', denominator: 'GDP' } } as (typeof plan.indicators)[1];
    const r = parsePlan(plan, ctx);
    expect(r.ok && r.plan.indicators[0]?.unit).toBe('万标箱');
  });

  it('accepts a unit the plan declares itself, and refuses one that redefines a known unit', () => {
    const plan = { ...validPlan(), units: [{ symbol: '万架次', name: { zh: '万架次', en: '10,000 flights' }, dimension: 'flights', factor: 10000 }] };
    (plan.indicators[0] as { unit: string }).unit = '万架次';
    const r = parsePlan(plan, ctx);
    expect(r.ok && r.units.map((u) => [u.code, u.factor])).toEqual([['万架次', '10000']]);
    const clash = { ...validPlan(), units: [{ symbol: '万吨', name: { zh: '万吨', en: '10,000 t' }, dimension: 'mass', factor: 1000 }] };
    const bad = parsePlan(clash, ctx);
    expect(bad.ok ? [] : bad.issues.map((i) => `${formatPath(i.path)}: ${i.message}`)).toEqual([
      'units[0].factor: unit 万吨 already exists with factor 10000 (dimension mass); it cannot change to 1000 (figures were converted with it)',
    ]);
  });

  it('refuses a change of an existing indicator\'s unit, but not the same unit written otherwise', () => {
    expect(problems((p) => ((p.indicators[2] as { unit: string }).unit = '万元'))).toEqual([
      'indicators[2].unit: indicator GDP already exists with unit "亿元"; a plan cannot change it to "万元"',
    ]);
    expect(problems((p) => ((p.indicators[2] as { unit: string }).unit = '億元'))).toEqual([]);
  });
});

describe('parsePlan: one pass, with fixes', () => {
  it('reports shape problems and problems across the file together', () => {
    expect(
      problems((p) => {
        (p.indicators[0]?.target as { comparator: string }).comparator = '左右';
        (p.indicators[0] as { unit: string }).unit = '吨吨';
        p.parks[0] = { ...p.parks[0], regions: ['火星区'] } as (typeof p.parks)[0];
        (p.indicators[2] as { code: string }).code = 'VA';
      }),
    ).toEqual([
      'indicators[0].target.comparator: unknown comparator "左右" (expected at_least | about | at_most); did you mean about?',
      `indicators[0].unit: unknown unit "吨吨" (did you mean 吨 or 万吨? known units: ${FIXTURE_CATALOGUE.knownList}; a plan may declare a unit of its own under units:)`,
      'parks[0].regions[0]: unknown region "火星区" (not in the region registry)',
      'indicators[2].code: duplicate indicator code "VA"',
      'indicators[1].share.denominator: share denominator "GDP" is not an indicator of this plan',
    ]);
  });

  it('says a missing comparator is missing, and what the printed target says', () => {
    expect(problems((p) => delete (p.indicators[1]?.target as { comparator?: string }).comparator)).toEqual([
      'indicators[1].target.comparator: required field "comparator" is missing (expected at_least | about | at_most); the printed target "10%左右" says about',
    ]);
    expect(problems((p) => ((p.indicators[0]?.target as { comparator: string }).comparator = '控制在…以内'))[0]).toMatch(/did you mean at_most\?$/);
    expect(problems((p) => ((p.indicators[0] as { attribute?: string }).attribute = '约束性'))[0]).toBe(
      'indicators[0].attribute: unknown attribute "约束性" (expected expected | binding); did you mean binding?',
    );
  });
});

describe('parsePlan: regions by name, within the plan\'s region', () => {
  it('reads 白云区 in a plan of 广州市 as 440111, of 贵阳市 as 520113, and refuses it in a plan of neither', () => {
    const plan = (city: string) => ({ ...validPlan(), region: city, parks: [{ ...validPlan().parks[0], regions: ['白云区'] }] });
    const codes = (city: string) => {
      const r = parsePlan(plan(city), ctx);
      return r.ok ? [r.plan.region, ...(r.plan.parks[0]?.regions ?? [])] : r.issues.map((i) => `${formatPath(i.path)}: ${i.message}`);
    };
    expect(codes('广州市')).toEqual(['440100', '440111']);
    expect(codes('520100')).toEqual(['520100', '520113']);
    expect(codes('440300')).toEqual([
      'parks[0].regions[0]: ambiguous region "白云区": 440111 白云区 (广州市), 520113 白云区 (贵阳市); write the code, or the name after its parent\'s (e.g. 广州市白云区)',
    ]);
  });
});
