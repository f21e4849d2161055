import { describe, expect, it } from 'vitest';
import { formatPath } from './issues';
import { parsePlan } from './parse';

const knownRegions = new Set(['440300', '440305']);

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
  const r = parsePlan(plan, { knownRegions });
  return r.ok ? [] : r.issues.map((i) => `${formatPath(i.path)}: ${i.message}`);
}

describe('parsePlan', () => {
  it('accepts a valid plan and fills in defaults', () => {
    const r = parsePlan(validPlan(), { knownRegions });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.plan.indicators[0]?.attribute).toBe('expected');
      expect(r.plan.chapters).toEqual([]);
    }
  });

  it('rejects a system indicator without a target, naming the field', () => {
    expect(problems((p) => delete (p.indicators[0] as { target?: unknown }).target)).toEqual([
      'indicators[0].target: an indicator of the indicator system (system: true) must have a target (or a growthTarget)',
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
    expect(problems((p) => Object.assign(p, { colour: 'red' }))[0]).toMatch(/^\(file\): Unrecognized key/);
  });
});
