/**
 * Hand-made cases for every rule kind, each with its arithmetic written out, and the tolerance edges: a difference
 * equal to the allowance passes, one hundredth more fails.
 */
import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../period/parse';
import type { Region } from '../region/region';
import { checkFigures } from './engine';
import type { QualityFigure } from './figure';
import type { RuleResult } from './result';
import { DEFAULT_SETTINGS, ruleSchema } from './rules';
import type { IndicatorInfo } from './ruleSet';
import { FIXTURE_CATALOGUE } from '../unit/fixtures';

let nextId = 1;
function fig(indicatorCode: string, periodCode: string, valueStd: number, over: Partial<QualityFigure> = {}): QualityFigure {
  const p = parsePeriod(periodCode);
  if (!p.ok) throw new Error(p.error);
  return {
    id: nextId++, indicatorCode, regionCode: '440300', periodCode, period: p.value, valueStd, priceBasis: 'current', status: 'final',
    sourceKind: 'bureau', publishedDate: '2024-03-01', enteredAt: '2026-01-01T00:00:00Z', precision: 'exact', source: { readAt: null }, corrects: null, supersededBy: null, state: 'approved', ...over,
  };
}

const indicators = new Map<string, IndicatorInfo>([
  ['GDP', { unit: '亿元', share: null }],
  ['PRIMARY_VA', { unit: '亿元', share: null }],
  ['SECONDARY_VA', { unit: '亿元', share: null }],
  ['TERTIARY_VA', { unit: '亿元', share: null }],
  ['FIN_VA', { unit: '亿元', share: null }],
  ['RETAIL', { unit: '亿元', share: null }],
  ['TERTIARY_SHARE', { unit: '%', share: { numerator: 'TERTIARY_VA', denominator: 'GDP' } }],
  ['GDP_GROWTH', { unit: '%', share: null }],
  ['RETAIL_GROWTH', { unit: '%', share: null }],
]);

const regions: Region[] = [
  { code: '440300', name: { zh: '深圳市', en: 'Shenzhen' }, level: 'city', kind: 'administrative', parentCode: null, validFrom: '1979-03-05', validTo: null, predecessors: [], note: null },
  ...[['440303', '1990-01-01'], ['440304', '1990-01-01'], ['440311', '2018-09-19']].map(([code = '', from = '']) => ({
    code, name: { zh: code, en: code }, level: 'district' as const, kind: 'administrative' as const, parentCode: '440300', validFrom: from, validTo: null, predecessors: [], note: null,
  })),
];

function check(rule: unknown, pool: QualityFigure[], subjects: QualityFigure[] = pool): RuleResult[] {
  const parsed = ruleSchema.parse({ id: 'r', name: { zh: '规则', en: 'rule' }, severity: 'error', ...(rule as object) });
  return checkFigures({ rules: [{ rule: parsed, settings: DEFAULT_SETTINGS, planId: null }], pool, subjects, indicators, regions, units: FIXTURE_CATALOGUE, keep: 'all' }).results;
}
const outcomes = (rs: RuleResult[]) => rs.map((r) => r.outcome);

describe('range and sign', () => {
  it('passes 0 and 100 for a share (bounds inclusive), fails 100.01 and −0.01', () => {
    const rs = check({ kind: 'range', indicators: ['TERTIARY_SHARE'], min: 0, max: 100 }, [0, 100, 100.01, -0.01].map((v) => fig('TERTIARY_SHARE', '2020', v)));
    expect(outcomes(rs)).toEqual(['pass', 'pass', 'fail', 'fail']);
    expect(rs[2]?.message.en).toBe('100.01 lies outside the allowed range 0–100');
  });
  it('a level ≥ 0: −1 fails, with no upper bound', () => {
    expect(outcomes(check({ kind: 'range', indicators: ['GDP'], min: 0 }, [fig('GDP', '2020', -1), fig('GDP', '2021', 1e9)]))).toEqual(['fail', 'pass']);
  });
});

describe('sum: GDP = 第一产业 + 第二产业 + 第三产业', () => {
  const rule = { kind: 'sum', total: 'GDP', parts: ['PRIMARY_VA', 'SECONDARY_VA', 'TERTIARY_VA'], tolerance: { rounding: true } };
  it('holds within rounding: 25.79 + 10454.01 + 17190.44 = 27670.24 (the bundled 2020 figures)', () => {
    const pool = [fig('GDP', '2020', 27670.24), fig('PRIMARY_VA', '2020', 25.79), fig('SECONDARY_VA', '2020', 10454.01), fig('TERTIARY_VA', '2020', 17190.44)];
    const rs = check(rule, pool);
    expect(outcomes(rs)).toEqual(['pass', 'pass', 'pass', 'pass']);
    // Four results, one comparison: every figure's check has the same key.
    expect(new Set(rs.map((r) => r.key)).size).toBe(1);
  });
  it('rounding slack is half a unit of each of the four figures: 4 × 0.005 = 0.02; a difference of 0.02 passes, 0.03 fails', () => {
    const parts = [fig('PRIMARY_VA', '2020', 25.79), fig('SECONDARY_VA', '2020', 10454.01), fig('TERTIARY_VA', '2020', 17190.44)];
    // 25.79 + 10454.01 + 17190.44 = 27670.24; GDP 27670.26 is 0.02 off, 27670.27 is 0.03 off.
    const edge = check(rule, [fig('GDP', '2020', 27670.26), ...parts]);
    expect(edge[0]?.outcome).toBe('pass');
    const over = check(rule, [fig('GDP', '2020', 27670.27), ...parts]);
    expect(over[0]?.outcome).toBe('fail');
    expect(over[0]?.message.zh).toContain('差 0.03，允许 0.02');
  });
  it('an absolute tolerance: 100 = 30 + 40 + 30.05 is 0.05 off, allowed 0.05 passes; 30.06 fails', () => {
    const r = { ...rule, tolerance: { absolute: 0.05 } };
    expect(check(r, [fig('GDP', '2020', 100), fig('PRIMARY_VA', '2020', 30), fig('SECONDARY_VA', '2020', 40), fig('TERTIARY_VA', '2020', 30.05)])[0]?.outcome).toBe('pass');
    expect(check(r, [fig('GDP', '2020', 100), fig('PRIMARY_VA', '2020', 30), fig('SECONDARY_VA', '2020', 40), fig('TERTIARY_VA', '2020', 30.06)])[0]?.outcome).toBe('fail');
  });
  it('a relative tolerance of 0.001 of the total 1000 allows 1: 1000 vs 999 passes, vs 998.99 fails', () => {
    const r = { ...rule, tolerance: { relative: 0.001 } };
    const parts = (t: number) => [fig('PRIMARY_VA', '2020', 0), fig('SECONDARY_VA', '2020', 500), fig('TERTIARY_VA', '2020', t)];
    expect(check(r, [fig('GDP', '2020', 1000), ...parts(499)])[0]?.outcome).toBe('pass');
    expect(check(r, [fig('GDP', '2020', 1000), ...parts(498.99)])[0]?.outcome).toBe('fail');
  });
  it('is skipped when a part is missing, or when the figures stand on different census bases', () => {
    expect(check(rule, [fig('GDP', '2020', 100), fig('PRIMARY_VA', '2020', 1)])[0]).toMatchObject({ outcome: 'skipped', message: { en: 'no figure for SECONDARY_VA 440300 2020, TERTIARY_VA 440300 2020: not checked' } });
    const mixed = [fig('GDP', '2018', 24221.9, { publishedDate: '2019-02-01' }), fig('PRIMARY_VA', '2018', 1, { publishedDate: '2020-01-01' }), fig('SECONDARY_VA', '2018', 1), fig('TERTIARY_VA', '2018', 1)];
    expect(check(rule, mixed)[0]?.outcome).toBe('skipped');
  });
  it('at_most: parts 60 + 50 = 110 exceed a total of 100 by 10 and fail; 40 + 50 pass', () => {
    const r = { kind: 'sum', total: 'TERTIARY_VA', parts: ['FIN_VA', 'RETAIL'], relation: 'at_most' };
    expect(check(r, [fig('TERTIARY_VA', '2020', 100), fig('FIN_VA', '2020', 60), fig('RETAIL', '2020', 50)])[0]?.outcome).toBe('fail');
    expect(check(r, [fig('TERTIARY_VA', '2020', 100), fig('FIN_VA', '2020', 40), fig('RETAIL', '2020', 50)])[0]?.outcome).toBe('pass');
  });
});

describe('part_of: each part ≤ its total', () => {
  it('金融业 5137 ≤ 第三产业 19956.16 passes; 20000 > 19956.16 fails by 43.84', () => {
    const rule = { kind: 'part_of', total: 'TERTIARY_VA', parts: ['FIN_VA'] };
    expect(outcomes(check(rule, [fig('TERTIARY_VA', '2022', 19956.16), fig('FIN_VA', '2022', 5137)]))).toEqual(['pass', 'pass']);
    const rs = check(rule, [fig('FIN_VA', '2022', 20000)], [fig('FIN_VA', '2022', 20000)]);
    expect(rs[0]?.outcome).toBe('skipped');
    const failed = check(rule, [fig('TERTIARY_VA', '2022', 19956.16), fig('FIN_VA', '2022', 20000)]);
    expect(failed[0]).toMatchObject({ outcome: 'fail', message: { en: expect.stringContaining('exceeds by 43.84') } });
  });
});

describe('share = numerator / denominator × 100', () => {
  it('61.6 against 19956.16 / 32387.68 × 100 = 61.6165: difference 0.0165 within rounding (0.05 + 61.6165 × (0.005/19956.16 + 0.005/32387.68) = 0.050025)', () => {
    const rs = check({ kind: 'share', indicators: ['TERTIARY_SHARE'], tolerance: { rounding: true } }, [fig('TERTIARY_SHARE', '2022', 61.6), fig('TERTIARY_VA', '2022', 19956.16), fig('GDP', '2022', 32387.68)]);
    expect(outcomes(rs)).toEqual(['pass', 'pass', 'pass']);
    expect(rs[0]?.message.en).toContain('= 61.6165: difference -0.0165, allowed 0.05');
  });
  it('61.5 is 0.1165 off and fails', () => {
    const rs = check({ kind: 'share', indicators: ['TERTIARY_SHARE'], tolerance: { rounding: true } }, [fig('TERTIARY_SHARE', '2022', 61.5), fig('TERTIARY_VA', '2022', 19956.16), fig('GDP', '2022', 32387.68)]);
    expect(rs[0]?.outcome).toBe('fail');
  });
});

describe('region_sum: districts and the city', () => {
  const rule = { kind: 'region_sum', indicators: ['GDP'], total: '440300', parts: 'children', relation: 'at_most' };
  it('at_most: 罗湖 2808.19 + 福田 5000 = 7808.19 ≤ 深圳 34606.4 passes; with 福田 at 40000 it fails', () => {
    expect(check(rule, [fig('GDP', '2023', 34606.4), fig('GDP', '2023', 2808.19, { regionCode: '440303' }), fig('GDP', '2023', 5000, { regionCode: '440304' })])[0]?.outcome).toBe('pass');
    expect(check(rule, [fig('GDP', '2023', 34606.4), fig('GDP', '2023', 2808.19, { regionCode: '440303' }), fig('GDP', '2023', 40000, { regionCode: '440304' })])[0]?.outcome).toBe('fail');
  });
  it('equal needs every district that existed: 光明 (from 2018-09-19) is a part in 2019, not in 2016', () => {
    const eq = { ...rule, relation: 'equal', tolerance: { absolute: 0 } };
    const y2016 = [fig('GDP', '2016', 30), fig('GDP', '2016', 10, { regionCode: '440303' }), fig('GDP', '2016', 20, { regionCode: '440304' })];
    expect(check(eq, y2016)[0]?.outcome).toBe('pass');
    const y2019 = [fig('GDP', '2019', 30), fig('GDP', '2019', 10, { regionCode: '440303' }), fig('GDP', '2019', 20, { regionCode: '440304' })];
    expect(check(eq, y2019)[0]).toMatchObject({ outcome: 'skipped', message: { en: 'no figure for GDP 440311 2019: not checked' } });
  });
});

describe('growth_level: a growth rate against the two levels it connects', () => {
  it('nominal: RETAIL 10486.19 / 9708.28 − 1 = 8.0129 %; published 7.8 is 0.2129 points off: passes with 0.5, fails with 0.2', () => {
    const pool = [fig('RETAIL_GROWTH', '2023', 7.8), fig('RETAIL', '2023', 10486.19), fig('RETAIL', '2022', 9708.28)];
    const rule = (absolute: number) => ({ kind: 'growth_level', growth: 'RETAIL_GROWTH', level: 'RETAIL', tolerance: { absolute } });
    expect(check(rule(0.5), pool, [pool[0] as QualityFigure])[0]?.outcome).toBe('pass');
    const failed = check(rule(0.2), pool, [pool[0] as QualityFigure])[0];
    expect(failed?.outcome).toBe('fail');
    expect(failed?.message.en).toContain('= 8.0129%: difference -0.2129 points');
  });
  it('real: GDP 30664.85 / 27670.24 − 1 = 10.8225 % nominal against 6.7 % real implies a deflator of 1.108225 / 1.067 − 1 = 3.8636 %', () => {
    const pool = [fig('GDP_GROWTH', '2021', 6.7, { priceBasis: 'comparable' }), fig('GDP', '2021', 30664.85), fig('GDP', '2020', 27670.24)];
    const rule = (max: number) => ({ kind: 'growth_level', growth: 'GDP_GROWTH', level: 'GDP', deflator: { min: -3, max } });
    expect(check(rule(5), pool, [pool[0] as QualityFigure])[0]).toMatchObject({ outcome: 'pass', message: { en: expect.stringContaining('implied deflator 3.8636%') } });
    expect(check(rule(3), pool, [pool[0] as QualityFigure])[0]?.outcome).toBe('fail');
    // Without a range: reported, not judged.
    expect(check({ kind: 'growth_level', growth: 'GDP_GROWTH', level: 'GDP' }, pool, [pool[0] as QualityFigure])[0]?.outcome).toBe('skipped');
  });
  it('a level is checked as this year’s later figure and as next year’s earlier one', () => {
    const pool = [fig('RETAIL_GROWTH', '2023', 7.8), fig('RETAIL', '2023', 10486.19), fig('RETAIL', '2022', 9708.28), fig('RETAIL_GROWTH', '2022', 50), fig('RETAIL', '2021', 9498.12)];
    const rs = check({ kind: 'growth_level', growth: 'RETAIL_GROWTH', level: 'RETAIL', tolerance: { absolute: 0.5 } }, pool, [pool[2] as QualityFigure]);
    // 2022 vs 2021: 9708.28 / 9498.12 − 1 = 2.2126 %, not 50 → fail; 2023 vs 2022 → pass.
    expect(outcomes(rs)).toEqual(['fail', 'pass']);
  });
  it('unstated basis: consistent if either reading is; CULTURE-like 18.5 % against levels falling 7.3 % fails both', () => {
    const pool = [fig('GDP_GROWTH', '2019', 18.5, { priceBasis: null }), fig('GDP', '2019', 1849.5), fig('GDP', '2018', 1996.11)];
    const rs = check({ kind: 'growth_level', growth: 'GDP_GROWTH', level: 'GDP', deflator: { min: -3, max: 5 }, tolerance: { absolute: 0.5 } }, pool, [pool[0] as QualityFigure]);
    // nominal: 1849.5 / 1996.11 − 1 = −7.3448 %; real: 0.926552 / 1.185 − 1 = −21.8099 % deflator.
    expect(rs[0]).toMatchObject({ outcome: 'fail', message: { en: expect.stringContaining('implies a deflator of -21.8099%') } });
  });
});

describe('cumulative: 1–N月 never decreases within a year', () => {
  const rule = { kind: 'cumulative', indicators: ['RETAIL'], tolerance: { rounding: true } };
  it('5240 (1–8月) ≤ 6044 (1–9月) ≤ the year passes; a 1–9月 of 5000.1 is 239.9 below 1–8月 5240 (slack 5 + 0.05: 5240 reads as rounded to tens) and fails', () => {
    const ok = [fig('RETAIL', '2020-01~08', 5240), fig('RETAIL', '2020-01~09', 6044), fig('RETAIL', '2020', 8664.83)];
    expect(outcomes(check(rule, ok, [ok[1] as QualityFigure]))).toEqual(['pass', 'pass']);
    const bad = fig('RETAIL', '2020-01~09', 5000.1);
    const rs = check(rule, [ok[0] as QualityFigure, ok[2] as QualityFigure], [bad]);
    expect(rs[0]).toMatchObject({ outcome: 'fail', message: { en: expect.stringContaining('lower by 239.9, allowed 5.05') } });
  });
  it('a single month other than January is not in the chain', () => {
    expect(check(rule, [fig('RETAIL', '2020-08', 823), fig('RETAIL', '2020-01~09', 6044)], [fig('RETAIL', '2020-08', 823)])).toEqual([]);
  });
});

describe('outlier: robust score of the change against past changes', () => {
  const levels = [100, 108.72, 117.08, 120.43, 133.46, 140.96]; // changes 8.72, 7.6895, 2.8613, 10.8196, 5.6197 %
  const series = levels.map((v, i) => fig('GDP', String(2015 + i), v));
  it('past changes 8.72 7.6895 2.8613 10.8196 5.6197 (median 7.6895, deviations 1.0305 0 4.8282 3.1301 2.0698, MAD 2.0698, scale 1.4826 × 2.0698 = 3.0687): +7.0 % scores 0.22, +25 % scores (25 − 7.6895) / 3.0687 = 5.641 > 3.5', () => {
    const rule = { kind: 'outlier', indicators: ['GDP'] };
    const normal = check(rule, [...series, fig('GDP', '2021', 150.83)], [fig('GDP', '2021', 150.83)]);
    expect(normal[0]?.outcome).toBe('pass');
    const jump = check(rule, [...series], [fig('GDP', '2021', 176.2)]);
    expect(jump[0]?.outcome).toBe('fail');
    expect(jump[0]?.message.en).toContain('median of 5 past changes in 10 years 7.6895%, MAD 2.0698: robust score 5.641 > threshold 3.5');
  });
  it('with too little history: skipped, or judged by maxRatio (ten times last year’s fails)', () => {
    const two = [fig('GDP', '2022', 100, { regionCode: '440303' })];
    expect(check({ kind: 'outlier', indicators: ['GDP'] }, two, [fig('GDP', '2023', 1000, { regionCode: '440303' })])[0]?.outcome).toBe('skipped');
    expect(check({ kind: 'outlier', indicators: ['GDP'], maxRatio: 5 }, two, [fig('GDP', '2023', 1000, { regionCode: '440303' })])[0]?.outcome).toBe('fail');
    expect(check({ kind: 'outlier', indicators: ['GDP'], maxRatio: 5 }, two, [fig('GDP', '2023', 120, { regionCode: '440303' })])[0]?.outcome).toBe('pass');
  });
  it('is seasonal for quarters: the change is on the same quarter a year before', () => {
    const q = ['2021Q1', '2021Q2', '2022Q1', '2022Q2'].map((p, i) => fig('GDP', p, [10, 50, 11, 55][i] ?? 0));
    const rs = check({ kind: 'outlier', indicators: ['GDP'] }, q, [q[3] as QualityFigure]);
    expect(rs[0]?.message.en).toContain('change 10% on a year before');
  });
});

describe('the preference rule chooses which figure stands for a cell', () => {
  it('compares with the bulletin figure, not the press one, and a corrected figure no longer counts', () => {
    const rule = { kind: 'sum', total: 'GDP', parts: ['PRIMARY_VA', 'SECONDARY_VA', 'TERTIARY_VA'], tolerance: { rounding: true } };
    const press = fig('GDP', '2020', 99999, { sourceKind: 'press' });
    const bulletin = fig('GDP', '2020', 27670.24, { sourceKind: 'bureau_bulletin' });
    const parts = [fig('PRIMARY_VA', '2020', 25.79), fig('SECONDARY_VA', '2020', 10454.01), fig('TERTIARY_VA', '2020', 17190.44)];
    expect(check(rule, [press, bulletin, ...parts], [parts[0] as QualityFigure])[0]?.outcome).toBe('pass');
    const wrong = fig('GDP', '2020', 1, { sourceKind: 'bureau_bulletin', publishedDate: '2024-06-01' });
    const correction = fig('GDP', '2020', 27670.24, { sourceKind: 'press', corrects: wrong.id });
    expect(check(rule, [wrong, correction, ...parts], [parts[0] as QualityFigure])[0]?.outcome).toBe('pass');
  });
});

describe('a file that fails by the thousand', () => {
  it('keeps the first failures of each severity (an error is never crowded out by warnings), counts and notes them all', () => {
    const rule = (id: string, severity: 'error' | 'warning', min: number) =>
      ({ rule: ruleSchema.parse({ id, name: { zh: id, en: id }, severity, kind: 'range', indicators: ['GDP'], min }), settings: DEFAULT_SETTINGS, planId: null });
    // 30 figures: every one below 0 fails the warning (min 0); the last five, below −100, fail the error too.
    const subjects = Array.from({ length: 30 }, (_, i) => fig('GDP', String(1990 + i), i < 25 ? -1 : -200));
    const out = checkFigures({
      rules: [rule('level-warning', 'warning', 0), rule('level-error', 'error', -100)], pool: subjects, subjects, indicators, regions, units: FIXTURE_CATALOGUE,
      keep: 'all', keepOthers: 0, keepFailures: 4, noteFailing: true,
    });
    expect(out.counts.get('level-warning')).toEqual({ pass: 0, fail: 30, skipped: 0 });
    expect(out.counts.get('level-error')).toEqual({ pass: 25, fail: 5, skipped: 0 });
    // Kept: the first four warnings (1990–1993) and the first four errors (2015–2018), nothing else.
    expect(out.results.map((r) => `${r.ruleId} ${r.anchor.periodCode}`)).toEqual([
      ...['1990', '1991', '1992', '1993'].map((y) => `level-warning ${y}`),
      ...['2015', '2016', '2017', '2018'].map((y) => `level-error ${y}`),
    ]);
    // Noted: every failing figure with every rule it failed, kept or not.
    expect(out.failing?.size).toBe(30);
    expect(out.failing?.get(subjects[29]?.id ?? 0)).toEqual([{ ruleId: 'level-warning', severity: 'warning' }, { ruleId: 'level-error', severity: 'error' }]);
    expect(out.failing?.get(subjects[0]?.id ?? 0)).toEqual([{ ruleId: 'level-warning', severity: 'warning' }]);
  });
});

describe('the figures a result names', () => {
  const named = (r: RuleResult | undefined) => r?.figures.map((f) => `${f.role} ${f.indicatorCode} ${f.value}`);
  it('names the total and the parts present, in the rule\'s order, and only those', () => {
    // SECONDARY_VA is missing: the sum rule skips, naming GDP and the two parts it has.
    const rs = check({ kind: 'sum', total: 'GDP', parts: ['PRIMARY_VA', 'SECONDARY_VA', 'TERTIARY_VA'] }, [fig('GDP', '2021', 100), fig('TERTIARY_VA', '2021', 60), fig('PRIMARY_VA', '2021', 1)]);
    expect(outcomes(rs)).toEqual(['skipped', 'skipped', 'skipped']);
    expect(named(rs[0])).toEqual(['total GDP 100', 'part PRIMARY_VA 1', 'part TERTIARY_VA 60']);
  });
  it('names a share, its numerator and its denominator, and a growth rate with the two levels it connects', () => {
    const share = check({ kind: 'share', indicators: ['TERTIARY_SHARE'], tolerance: { rounding: true } }, [fig('TERTIARY_SHARE', '2022', 61.6), fig('TERTIARY_VA', '2022', 19956.16), fig('GDP', '2022', 32387.68)]);
    expect(named(share[0])).toEqual(['share TERTIARY_SHARE 61.6', 'numerator TERTIARY_VA 19956.16', 'denominator GDP 32387.68']);
    // The level a year before is missing: the growth rate is named with the one level present.
    const growth = check({ kind: 'growth_level', growth: 'RETAIL_GROWTH', level: 'RETAIL' }, [fig('RETAIL_GROWTH', '2023', 7.8), fig('RETAIL', '2023', 10486.19)], [fig('RETAIL_GROWTH', '2023', 7.8)]);
    expect(outcomes(growth)).toEqual(['skipped']);
    expect(named(growth[0])).toEqual(['growth RETAIL_GROWTH 7.8', 'level RETAIL 10486.19']);
  });
});
