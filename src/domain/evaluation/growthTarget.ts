/**
 * 年均增长x% — average-growth targets ("growth of the level per year, in percent").
 *
 * 1. `evaluateGrowthTarget`: the rate itself. Achieved average growth since the target's start year (水平法, the
 *    geometric average that 国家统计局 uses for 年均增长速度 / 平均发展速度):
 *        g = (y_t / y_from)^(1 / (t − from)) − 1,   required r = x / 100
 *    Status: increasing indicator → on_track if g ≥ r − 0.1pp; decreasing indicator → on_track if g ≤ r + 0.1pp;
 *    otherwise wrong_direction when g and r have opposite signs (the level moves against the target), else behind.
 *    The 0.1 percentage-point tolerance is the platform's convention (growth rates are published with one decimal,
 *    so a smaller shortfall is inside rounding); it is exported and configurable.
 *    y_from is the baseline: its year must be the target's start year, or the result is insufficient_data.
 *    Caveat: plans usually state real growth (可比价); this module compares the levels it is given, so the caller must
 *    pass comparable-price levels when the target is a real rate.
 *
 * 2. `levelTargetFromGrowth`: the equivalent level target the four progress methods use when a plan states only a
 *    growth target: y* = y0 · (1 + r)^(T − t0), T = toYear, comparator at_least (increasing indicator) or at_most
 *    (decreasing indicator). The conversion is stated in the workings' notes.
 */
import type { Target } from '../plan/model';
import type { Direction } from '../plan/terms';
import { err, ok, type Result } from '../result';
import type { LocalizedText } from '../text';
import { finite, num, pct } from './format';
import type { EvaluationInput, GrowthTarget } from './input';
import { baseWorkings } from './inputs';
import { evaluated, insufficient, type Evaluation } from './result';

/** Tolerance on the achieved average rate, in percentage points (platform convention; configurable). */
export const GROWTH_RATE_TOLERANCE_PP = 0.1;

export const GROWTH_RATE_STATUSES = ['on_track', 'behind', 'wrong_direction'] as const;
export type GrowthRateStatus = (typeof GROWTH_RATE_STATUSES)[number];

export const GROWTH_RATE_LABELS: Record<GrowthRateStatus, LocalizedText> = {
  on_track: { zh: '达到年均增速要求', en: 'On track: average growth meets the required rate' },
  behind: { zh: '未达年均增速要求', en: 'Behind: average growth short of the required rate' },
  wrong_direction: { zh: '反向变化', en: 'Moving against the target' },
};

export type GrowthRateResult = Evaluation<'growth_rate', GrowthRateStatus>;

const FORMULA = 'g = (y_t / y_from)^(1/(t − from)) − 1; r = x/100; on_track if g ≥ r − 0.1pp (increase) or g ≤ r + 0.1pp (decrease); wrong_direction if sign(g) = −sign(r); behind otherwise';
const SOURCE = '年均增长速度（水平法/几何平均法），国家统计局通行口径 / Average annual growth rate (geometric average, level method), as used by the National Bureau of Statistics of China';

/** The level target equivalent to "年均增长x%" from the baseline year t0 to the target's end year. */
export function levelTargetFromGrowth(
  growth: GrowthTarget,
  y0: number,
  t0: number,
  direction: Direction,
): Result<{ target: Target; note: LocalizedText }, LocalizedText> {
  const { ratePercent: x, fromYear, toYear } = growth;
  if (![x, fromYear, toYear].every(Number.isFinite)) {
    return err({ zh: '年均增速目标含非数值', en: 'The growth target holds a value that is not a finite number' });
  }
  if (toYear <= fromYear) {
    return err({ zh: `年均增速目标的终止年 ${toYear} 不晚于起始年 ${fromYear}`, en: `The growth target ends (${toYear}) no later than it starts (${fromYear})` });
  }
  if (fromYear !== t0) {
    return err({
      zh: `年均增速目标自 ${fromYear} 年起算，而基期值为 ${t0} 年，无法换算为水平目标`,
      en: `The growth target counts from ${fromYear} but the baseline is for ${t0}: it cannot be converted to a level`,
    });
  }
  if (x <= -100) return err({ zh: `年均增速 ${x}% 不低于 −100%，无意义`, en: `An average rate of ${x}% (≤ −100%) has no meaning` });
  const value = y0 * (1 + x / 100) ** (toYear - t0);
  const comparator = direction === 'increase' ? 'at_least' : 'at_most';
  const target: Target = { value, year: toYear, printed: null, comparator, tolerance: null, wording: `年均增长${x}%` };
  const cmp = comparator === 'at_least' ? { zh: '不低于', en: 'at least' } : { zh: '不高于', en: 'at most' };
  const note: LocalizedText = {
    zh: `目标为"年均增长${x}%"（${fromYear}–${toYear}年），已换算为等价水平目标：y* = y0 × (1 + ${num(x / 100, 6)})^(${toYear} − ${t0}) = ${num(y0)} × ${num((1 + x / 100) ** (toYear - t0), 6)} = ${num(value)}，${toYear}年${cmp.zh}该值。`,
    en: `The target is an average growth of ${x}% a year (${fromYear}–${toYear}), converted to the equivalent level target y* = y0 × (1 + ${num(x / 100, 6)})^(${toYear} − ${t0}) = ${num(y0)} × ${num((1 + x / 100) ** (toYear - t0), 6)} = ${num(value)}, ${cmp.en} that by ${toYear}.`,
  };
  return ok({ target, note });
}

export function evaluateGrowthTarget(input: EvaluationInput): GrowthRateResult {
  const tolerance = GROWTH_RATE_TOLERANCE_PP / 100;
  const base = baseWorkings(input, FORMULA, SOURCE, { tolerancePercentagePoints: GROWTH_RATE_TOLERANCE_PP });
  const method = 'growth_rate';
  const growth = input.growthTarget ?? null;
  const { baseline, latest } = input;
  if (!growth) return insufficient(method, { zh: '未设定年均增速目标', en: 'No average-growth target is set' }, base);
  if (!baseline) return insufficient(method, { zh: '缺少基期值', en: 'No baseline value' }, base);
  if (!latest) return insufficient(method, { zh: '缺少最新值', en: 'No latest value' }, base);
  if (![growth.ratePercent, growth.fromYear, growth.toYear, baseline.value, baseline.year, latest.value, latest.year].every(Number.isFinite)) {
    return insufficient(method, { zh: '输入含非数值', en: 'An input is not a finite number' }, base);
  }
  if (baseline.year !== growth.fromYear) {
    return insufficient(
      method,
      {
        zh: `基期值为 ${baseline.year} 年，而年均增速目标自 ${growth.fromYear} 年起算`,
        en: `The baseline is for ${baseline.year} but the growth target counts from ${growth.fromYear}`,
      },
      base,
    );
  }
  if (latest.year <= baseline.year) {
    return insufficient(
      method,
      { zh: `最新值年份 ${latest.year} 不晚于基期年 ${baseline.year}`, en: `The latest year ${latest.year} is not after the baseline year ${baseline.year}` },
      base,
    );
  }
  if (baseline.value <= 0 || latest.value <= 0) {
    return insufficient(
      method,
      { zh: '基期值或最新值不为正数，年均增速无定义', en: 'The baseline or latest value is not positive: the average growth rate is undefined' },
      base,
    );
  }
  const years = latest.year - baseline.year;
  const g = (latest.value / baseline.value) ** (1 / years) - 1;
  const r = growth.ratePercent / 100;
  const onTrack = input.indicator.direction === 'increase' ? g >= r - tolerance : g <= r + tolerance;
  const status: GrowthRateStatus = onTrack ? 'on_track' : Math.sign(g) * Math.sign(r) < 0 ? 'wrong_direction' : 'behind';
  const label = GROWTH_RATE_LABELS[status];
  const withNumbers: typeof base = { ...base, intermediate: { years, achievedRate: finite(g), requiredRate: r, gapPercentagePoints: finite((g - r) * 100) } };
  const sign = input.indicator.direction === 'increase' ? { zh: '−', en: '−' } : { zh: '+', en: '+' };
  const rule: LocalizedText = {
    zh: `${baseline.year}–${latest.year}年实际年均增长 g = (${num(latest.value)} / ${num(baseline.value)})^(1/${years}) − 1 = ${pct(g)}，要求 ${pct(r)}（容差 ${sign.zh}${GROWTH_RATE_TOLERANCE_PP} 个百分点）：${label.zh}。`,
    en: `Average growth ${baseline.year}–${latest.year} g = (${num(latest.value)} / ${num(baseline.value)})^(1/${years}) − 1 = ${pct(g)} against the required ${pct(r)} (tolerance ${sign.en}${GROWTH_RATE_TOLERANCE_PP} percentage points): ${label.en}.`,
  };
  return evaluated(method, status, GROWTH_RATE_LABELS, withNumbers, rule);
}
