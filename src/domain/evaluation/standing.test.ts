import { describe, expect, it } from 'vitest';
import { chooseBaseline } from './baseline';
import { evaluate as timeProportional } from './timeProportional';
import { DEFAULT_EVALUATION_SETTINGS } from './settings';
import { phaseOf, standingOf, type StandingInput } from './standing';
import type { Target } from '../plan/model';

const share: Target = { value: 16, year: 2025, printed: '16%左右', comparator: 'about', tolerance: 0.5, wording: '左右' };
const level: Target = { value: 25000, year: 2025, printed: '2.5万亿元', comparator: 'at_least', tolerance: null, wording: '突破' };
const name = { zh: '指标', en: 'Indicator' };

function input(over: Partial<StandingInput>): StandingInput {
  return {
    name, unit: '%', direction: 'increase', target: share, growth: null, phase: 'progress', baseYear: 2020, baseline: null,
    points: [], growthData: null, primary: null, settings: DEFAULT_EVALUATION_SETTINGS, ...over,
  };
}

describe('where an indicator stands', () => {
  it('phase: progress before the target year has ended, final from then on (a year as-of includes the target year)', () => {
    expect(phaseOf(2025, { maxYear: 2024, publishedBy: null })).toBe('progress');
    expect(phaseOf(2025, { maxYear: 2025, publishedBy: null })).toBe('final');
    expect(phaseOf(2025, { maxYear: 2025, publishedBy: '2025-12-31' })).toBe('progress');
    expect(phaseOf(2025, { maxYear: 2026, publishedBy: '2026-01-01' })).toBe('final');
  });

  it('a 左右 share is judged against its band without a baseline: 15.86 in [15.5, 16.5] → 符合目标区间 (green)', () => {
    const st = standingOf(input({ points: [{ year: 2022, value: 15.860969, precision: 'exact' }] }));
    expect(st).toMatchObject({ code: 'within_band', light: 'green' });
    expect(st.sentence.zh).toBe('指标2022年为15.86%，处于“16%左右”的目标区间（15.5%—16.5%）内。');
  });

  it('a range (5.5%—6%) is said once: its phrase is its band, no bracketed band after it', () => {
    const range: Target = { value: 5.75, year: 2030, printed: '5.5%—6%', comparator: 'about', tolerance: 0.25, wording: null, range: true };
    const st = standingOf(input({ target: range, points: [{ year: 2028, value: 5.6, precision: 'exact' }] }));
    expect(st).toMatchObject({ code: 'within_band', light: 'green' });
    expect(st.sentence.zh).toBe('指标2028年为5.6%，处于“5.5%—6%”的目标区间内。');
    expect(st.sentence.en).toBe('Indicator was 5.6% in 2028, inside the band of the “5.5%–6%” target.');
  });

  it('above its band → 高于目标区间, flagged yellow, not "met"; below it without a baseline → 低于目标区间 (yellow)', () => {
    expect(standingOf(input({ points: [{ year: 2023, value: 17, precision: 'exact' }] }))).toMatchObject({ code: 'above_band', light: 'yellow' });
    expect(standingOf(input({ points: [{ year: 2023, value: 15, precision: 'exact' }] }))).toMatchObject({ code: 'below_band', light: 'yellow' });
  });

  it('below its band with a baseline: 序时进度 — 15.1 (2020) → 15.3 (2023): A = 0.2/0.9 = 22.2% against E = 60% → behind (red)', () => {
    const evalInput = { indicator: { code: 'X', unit: '%', direction: 'increase' as const, isShare: true }, target: share, baseline: { value: 15.1, year: 2020 }, latest: { value: 15.3, year: 2023 } };
    const st = standingOf(input({ points: [{ year: 2023, value: 15.3, precision: 'exact' }], primary: timeProportional(evalInput) }));
    expect(st).toMatchObject({ code: 'behind', light: 'red' });
  });

  it('a baseline inside the band does not make a falling indicator completed: 10.4 → 9.8 stays 符合目标区间, never 提前完成', () => {
    const evalInput = { indicator: { code: 'X', unit: '%', direction: 'increase' as const, isShare: true }, target: { ...share, value: 10 }, baseline: { value: 10.4, year: 2020 }, latest: { value: 9.8, year: 2023 } };
    const primary = timeProportional(evalInput);
    expect(primary.status).toBe('within_band');
    expect(standingOf(input({ target: { ...share, value: 10 }, points: [{ year: 2023, value: 9.8, precision: 'exact' }], primary })).code).toBe('within_band');
  });

  it('a level target without a baseline says exactly which figure is missing and how to supply it (grey)', () => {
    const st = standingOf(input({ unit: '亿元', target: level, points: [{ year: 2023, value: 21566.38, precision: 'exact' }] }));
    expect(st.light).toBe('grey');
    expect(st.missing?.zh).toBe('缺少2020年（基期年）的指标数值，规划亦未载明基期值，无法计算序时进度：请导入2020年数值（统计公报），或在规划文件中填写基期值');
  });

  it('a level and a growth part must both hold: the worse part stands, both are said', () => {
    const evalInput = { indicator: { code: 'X', unit: '亿元', direction: 'increase' as const, isShare: false }, target: level, baseline: { value: 17190.4, year: 2020 }, latest: { value: 21566.38, year: 2023 } };
    const st = standingOf(input({
      unit: '亿元', target: level, points: [{ year: 2023, value: 21566.38, precision: 'exact' }], primary: timeProportional(evalInput),
      growth: { ratePercent: 8, fromYear: 2020, toYear: 2025, printed: '年均增长8%', basis: 'real' },
      // real growth 2021–2023: (1.067 × 1.024 × 1.056)^(1/3) − 1 = 4.9% < 8% − 0.1 → behind (red), while the level is on schedule (green)
      growthData: { basis: 'real', rates: new Map([[2021, 6.7], [2022, 2.4], [2023, 5.6]]) },
    }));
    expect(st.light).toBe('red');
    expect(st.code).toBe('behind');
    expect(st.growth?.achieved).toBeCloseTo((1.067 * 1.024 * 1.056) ** (1 / 3) - 1, 12);
    expect(st.sentence.zh).toContain('基本符合序时进度');
    expect(st.sentence.zh).toContain('规划要求“年均增长8%”（8%）：未达年均增速要求');
  });
});

describe('baseline from the data', () => {
  const point = (year: number, value: number) => ({ year, value, observation: null, candidates: [], derivation: null });
  it('uses the plan’s printed value when there is one', () => {
    expect(chooseBaseline({ printed: { value: 17190.4, year: 2020, quote: null }, baseYear: 2020, unit: '亿元', series: [point(2020, 17190.44)], nominalGrowth: new Map() })).toMatchObject({ value: 17190.4, from: 'plan', note: null });
  });

  it('else the base year’s figure, marked 基期值取自统计数据', () => {
    const b = chooseBaseline({ printed: null, baseYear: 2020, unit: '亿元', series: [point(2020, 27670.24), point(2021, 30664.85)], nominalGrowth: new Map() });
    expect(b).toMatchObject({ value: 27670.24, year: 2020, from: 'figure' });
    expect(b?.note?.zh).toContain('基期值取自统计数据：2020年27670.24亿元');
  });

  it('else derived from the next year: 社会消费品零售总额 2021 = 9498.12, nominal growth 9.6% → 9498.12 ÷ 1.096 = 8666.17', () => {
    const b = chooseBaseline({ printed: null, baseYear: 2020, unit: '亿元', series: [point(2021, 9498.12), point(2023, 10486.19)], nominalGrowth: new Map([[2021, { value: 9.6, observation: null }]]) });
    expect(b?.value).toBeCloseTo(9498.12 / 1.096, 9);
    expect(b?.from).toBe('derived_growth');
    expect(b?.note?.zh).toBe('基期值由统计数据推算：2021年9498.12亿元 ÷ (1 + 当年名义增速9.6%) = 8666.17亿元');
  });

  it('is absent when the data hold neither', () => {
    expect(chooseBaseline({ printed: null, baseYear: 2020, unit: '亿元', series: [point(2023, 1)], nominalGrowth: new Map() })).toBeNull();
  });
});
