import { describe, expect, it } from 'vitest';
import type { Precision } from '../observation/terms';
import type { Comparator, Direction } from '../plan/terms';
import { DEFAULT_EVALUATION_SETTINGS } from './settings';
import { finalVerdict, type VerdictPoint } from './verdict';

const services = { zh: '服务业增加值', en: 'Service value added' };
const finShare = { zh: '金融业增加值占GDP比重', en: 'Finance share of GDP' };

function verdict(opts: {
  value?: number;
  points?: VerdictPoint[];
  precision?: Precision;
  comparator?: Comparator;
  target?: number;
  tolerance?: number | null;
  printed?: string;
  wording?: string | null;
  unit?: string;
  direction?: Direction;
  overshoot?: 'flag' | 'met';
}) {
  const comparator = opts.comparator ?? 'at_least';
  return finalVerdict({
    name: opts.unit === '%' ? finShare : services,
    unit: opts.unit ?? '亿元',
    direction: opts.direction ?? 'increase',
    target: {
      value: opts.target ?? 25000,
      year: 2025,
      printed: opts.printed ?? '2.5万亿元',
      comparator,
      tolerance: opts.tolerance ?? null,
      wording: opts.wording === undefined ? '突破' : opts.wording,
    },
    points: opts.points ?? (opts.value === undefined ? [] : [{ year: 2025, value: opts.value, precision: opts.precision ?? 'exact' }]),
    settings: { ...DEFAULT_EVALUATION_SETTINGS, overshoot: opts.overshoot ?? 'flag' },
  });
}

describe('final verdict (终期判断), hand-worked', () => {
  it('missed: 24000 against 突破2.5万亿元 → 未完成, 24000/25000 = 96.0%, 25000 − 24000 = 1000亿元 short', () => {
    const v = verdict({ value: 24000 });
    expect(v.code).toBe('not_completed');
    expect(v.completionRate).toBeCloseTo(0.96, 12);
    expect(v.gap).toBe(1000);
    expect(v.sentence.zh).toBe('服务业增加值2025年为24000亿元，完成目标的96.0%，未完成“突破2.5万亿元”的目标，差1000亿元。');
  });

  it('met exactly in the target year → 已完成, never 提前完成', () => {
    const v = verdict({ points: [{ year: 2024, value: 24800, precision: 'exact' }, { year: 2025, value: 25000, precision: 'exact' }] });
    expect(v.code).toBe('completed');
    expect(v.firstMetYear).toBe(2025);
    expect(v.sentence.zh).toBe('服务业增加值2025年为25000亿元，完成目标的100.0%，完成“突破2.5万亿元”的目标。');
    expect(v.sentence.zh).not.toContain('提前');
  });

  it('above: 26000 → 超额完成, 26000/25000 = 104.0%, over by 1000; first met early in 2024 (25100 ≥ 25000)', () => {
    const v = verdict({ points: [{ year: 2023, value: 23500, precision: 'exact' }, { year: 2024, value: 25100, precision: 'exact' }, { year: 2025, value: 26000, precision: 'exact' }] });
    expect(v.code).toBe('exceeded');
    expect(v.firstMetYear).toBe(2024);
    expect(v.sentence.zh).toBe('服务业增加值2025年为26000亿元，完成目标的104.0%，超额完成“突破2.5万亿元”的目标（超出1000亿元），2024年已提前达到。');
  });

  it('inside a 左右 band: 15.9% against 16%左右 (±0.5, band 15.5–16.5) → 基本完成', () => {
    const v = verdict({ value: 15.9, unit: '%', comparator: 'about', target: 16, tolerance: 0.5, printed: '16%左右', wording: '左右' });
    expect(v.code).toBe('basically_completed');
    expect(v.band).toEqual([15.5, 16.5]);
    expect(v.sentence.zh).toBe('金融业增加值占GDP比重2025年为15.9%，处于“16%左右”的目标区间（15.5%—16.5%）内，基本完成目标。');
  });

  it('below a 左右 band: 15.2% → 未完成, 15.5 − 15.2 = 0.3 percentage points below the lower edge', () => {
    const v = verdict({ value: 15.2, unit: '%', comparator: 'about', target: 16, tolerance: 0.5, printed: '16%左右', wording: '左右' });
    expect(v.code).toBe('not_completed');
    expect(v.sentence.zh).toBe('金融业增加值占GDP比重2025年为15.2%，低于“16%左右”的目标区间（15.5%—16.5%）0.3个百分点，未完成目标。');
  });

  it('the gap of a band is to its nearer edge: 15.2% against 16%左右 is 15.5 − 15.2 = 0.3 short; inside it, 0; above, 16.5 − 17.2 = −0.7', () => {
    const about = { unit: '%', comparator: 'about' as const, target: 16, tolerance: 0.5, printed: '16%左右', wording: '左右' };
    expect(verdict({ ...about, value: 15.2 }).gap).toBeCloseTo(0.3, 12);
    expect(verdict({ ...about, value: 15.9 }).gap).toBe(0);
    expect(verdict({ ...about, value: 17.2 }).gap).toBeCloseTo(-0.7, 12);
  });

  it('below a range 30%—32% (held as 31 ± 1): 28.5% → 未完成, 30 − 28.5 = 1.5 points short, the range said once', () => {
    const v = finalVerdict({
      name: finShare, unit: '%', direction: 'increase',
      target: { value: 31, year: 2030, printed: '30%—32%', comparator: 'about', tolerance: 1, wording: null, range: true },
      points: [{ year: 2030, value: 28.5, precision: 'exact' }],
      settings: DEFAULT_EVALUATION_SETTINGS,
    });
    expect(v.code).toBe('not_completed');
    expect(v.gap).toBeCloseTo(1.5, 12);
    expect(v.sentence.zh).toBe('金融业增加值占GDP比重2030年为28.5%，低于“30%—32%”的目标区间1.5个百分点，未完成目标。');
    expect(v.sentence.en).toBe('Finance share of GDP was 28.5% in 2030, 1.5 percentage points below the band of the “30%–32%” target: not completed.');
  });

  it('above a 左右 band: 17.2% → 高于目标区间 (flagged, 17.2 − 16.5 = 0.7 points), or completed by the plan’s convention', () => {
    const flagged = verdict({ value: 17.2, unit: '%', comparator: 'about', target: 16, tolerance: 0.5, printed: '16%左右', wording: '左右' });
    expect(flagged.code).toBe('above_band');
    expect(flagged.sentence.zh).toContain('高于“16%左右”的目标区间（15.5%—16.5%）0.7个百分点');
    const met = verdict({ value: 17.2, unit: '%', comparator: 'about', target: 16, tolerance: 0.5, printed: '16%左右', wording: '左右', overshoot: 'met' });
    expect(met.code).toBe('completed');
  });

  it('at most: 控制在13%以内, 12.5 → 超额完成 (12.5 < 13); 13.4 → 未完成, over by 0.4 points', () => {
    const base = { unit: '%', comparator: 'at_most' as const, target: 13, printed: '13%', wording: '控制在', direction: 'decrease' as const };
    expect(verdict({ ...base, value: 12.5 }).code).toBe('exceeded');
    const over = verdict({ ...base, value: 13.4 });
    expect(over.code).toBe('not_completed');
    expect(over.sentence.zh).toBe('金融业增加值占GDP比重2025年为13.4%，未完成“控制在13%以内”的目标，超出0.4个百分点。');
  });

  it('a quarter standing in for a missing annual value is said: 5.7% (2030 Q3) against 控制在5.5%以内 → 未完成, over by 0.2', () => {
    const v = verdict({ unit: '%', comparator: 'at_most', target: 5.5, printed: '控制在5.5%以内', wording: '控制在…以内', direction: 'decrease', points: [{ year: 2025, value: 5.7, precision: 'exact', standIn: '2025Q3' }] });
    expect(v.code).toBe('not_completed');
    expect(v.sentence.zh).toBe('金融业增加值占GDP比重2025年为5.7%（年度数值暂缺，以2025年第三季度数值代替），未完成“控制在5.5%以内”的目标，超出0.2个百分点。');
    expect(v.sentence.en).toContain('was 5.7% in 2025 (no annual figure yet: the Q3 2025 figure stands in)');
  });

  it('no target-year value → 待终期数据, saying which figure to import', () => {
    const v = verdict({ points: [{ year: 2023, value: 21566.38, precision: 'exact' }] });
    expect(v.code).toBe('pending');
    expect(v.sentence.zh).toContain('请导入2025年数值');
  });

  it('a bound decides only when it can: 突破26000 completes; 突破24000 cannot say', () => {
    expect(verdict({ value: 26000, precision: 'lower_bound' }).code).toBe('exceeded');
    const v = verdict({ value: 24000, precision: 'lower_bound' });
    expect(v.code).toBe('undetermined');
    expect(v.sentence.zh).toContain('需要2025年的精确值');
  });

  it('a rounded value is used, and said to be rounded', () => {
    expect(verdict({ value: 25000, precision: 'rounded' }).sentence.zh).toContain('25000亿元（约数）');
  });
});
