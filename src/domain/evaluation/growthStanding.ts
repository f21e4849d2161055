/**
 * 年均增长x% targets judged on the growth actually achieved, on the basis the target states:
 *
 * - nominal (现价): from the levels, g = (y_t / y_from)^(1/(t − from)) − 1 (水平法, as 国家统计局 computes 年均增长速度);
 * - real (可比价): from the published year-on-year real growth rates g_i of each year from+1 … t, chained:
 *   g = (Π (1 + g_i/100))^(1/(t − from)) − 1. Never from current-price levels: inflation is not growth.
 *
 * Before the target's end year the achieved rate so far is compared with the required one (progress: on track
 * within 0.1 percentage point, behind, or moving the wrong way); from the end year on, the rate over the whole span
 * gives the verdict (已完成 / 未完成), both rates stated. A missing year is named, never skipped.
 */
import type { LocalizedText } from '../text';
import { GROWTH_RATE_TOLERANCE_PP } from './growthTarget';
import { num } from './format';

export interface GrowthRequirement {
  ratePercent: number;
  fromYear: number;
  toYear: number;
  printed: string;
  basis: 'nominal' | 'real';
}

export type GrowthData =
  | { basis: 'nominal'; levels: ReadonlyMap<number, number> }
  | { basis: 'real'; rates: ReadonlyMap<number, number> };

export const GROWTH_STANDINGS = ['on_track', 'behind', 'wrong_direction', 'completed', 'not_completed', 'insufficient_data'] as const;
export type GrowthStandingCode = (typeof GROWTH_STANDINGS)[number];

export const GROWTH_STANDING_LABELS: Record<GrowthStandingCode, LocalizedText> = {
  on_track: { zh: '达到年均增速要求', en: 'Average growth on track' },
  behind: { zh: '未达年均增速要求', en: 'Average growth short of the requirement' },
  wrong_direction: { zh: '反向变化', en: 'Moving against the target' },
  completed: { zh: '完成年均增速目标', en: 'Average-growth target met' },
  not_completed: { zh: '未完成年均增速目标', en: 'Average-growth target not met' },
  insufficient_data: { zh: '数据不足，无法评估', en: 'Insufficient data' },
};

export interface GrowthStanding {
  code: GrowthStandingCode;
  label: LocalizedText;
  basis: 'nominal' | 'real';
  /** Achieved average annual growth (a ratio: 0.062 = 6.2%) over [fromYear, throughYear]. */
  achieved: number | null;
  required: number;
  throughYear: number | null;
  sentence: LocalizedText;
  /** When insufficient: which figures are missing. */
  missing: LocalizedText | null;
}

const BASIS_WORDS = { nominal: { zh: '现价', en: 'current prices' }, real: { zh: '可比价', en: 'comparable prices' } };
const p1 = (x: number) => `${num(x * 100, 1)}%`;

/**
 * @param throughYear the last year to judge: the latest year with data (progress) or the target's end year (final).
 */
export function growthStanding(req: GrowthRequirement, data: GrowthData, throughYear: number, final: boolean, name: LocalizedText): GrowthStanding {
  const required = req.ratePercent / 100;
  const basis = BASIS_WORDS[req.basis];
  const insufficient = (missing: LocalizedText): GrowthStanding => ({
    code: 'insufficient_data', label: GROWTH_STANDING_LABELS.insufficient_data, basis: req.basis, achieved: null, required, throughYear: null,
    sentence: { zh: `${missing.zh}。`, en: `${missing.en}.` }, missing,
  });
  if (data.basis !== req.basis) {
    return insufficient({
      zh: `${name.zh}的年均增速目标按${basis.zh}计算，但所给数据为${BASIS_WORDS[data.basis].zh}`,
      en: `${name.en}: the average-growth target is at ${basis.en}, but the data given are at ${BASIS_WORDS[data.basis].en}`,
    });
  }
  const years = throughYear - req.fromYear;
  if (years <= 0) {
    return insufficient({ zh: `${name.zh}尚无${req.fromYear}年以后的数据`, en: `${name.en}: no figure after ${req.fromYear} yet` });
  }
  let growthFactor: number;
  let formula: LocalizedText;
  if (data.basis === 'nominal') {
    const y0 = data.levels.get(req.fromYear);
    const yt = data.levels.get(throughYear);
    const lacking = [...(y0 === undefined ? [req.fromYear] : []), ...(yt === undefined ? [throughYear] : [])];
    if (y0 === undefined || yt === undefined) {
      return insufficient({ zh: `缺少${name.zh}${lacking.join('、')}年的数值（现价）`, en: `${name.en}: no value (current prices) for ${lacking.join(', ')}` });
    }
    if (y0 <= 0 || yt <= 0) return insufficient({ zh: `${name.zh}的水平值不为正数，年均增速无定义`, en: `${name.en}: a level is not positive, so the average growth is undefined` });
    growthFactor = yt / y0;
    formula = { zh: `(${num(yt)} / ${num(y0)})^(1/${years}) − 1`, en: `(${num(yt)} / ${num(y0)})^(1/${years}) − 1` };
  } else {
    const lacking: number[] = [];
    growthFactor = 1;
    const used: string[] = [];
    for (let y = req.fromYear + 1; y <= throughYear; y++) {
      const g = data.rates.get(y);
      if (g === undefined) lacking.push(y);
      else {
        growthFactor *= 1 + g / 100;
        used.push(`(1 + ${num(g, 2)}%)`);
      }
    }
    if (lacking.length > 0) {
      return insufficient({
        zh: `缺少${name.zh}${lacking.join('、')}年的可比价增速，无法连乘计算实际年均增速：请导入这些年份的增长率（统计公报）`,
        en: `${name.en}: no real growth rate for ${lacking.join(', ')}, so the real average growth cannot be chained: import those years' growth rates (statistical bulletin)`,
      });
    }
    formula = { zh: `(${used.join(' × ')})^(1/${years}) − 1`, en: `(${used.join(' × ')})^(1/${years}) − 1` };
  }
  const achieved = growthFactor ** (1 / years) - 1;
  const tolerance = GROWTH_RATE_TOLERANCE_PP / 100;
  const met = required >= 0 ? achieved >= required - tolerance : achieved <= required + tolerance;
  const code: GrowthStandingCode = final ? (met ? 'completed' : 'not_completed') : met ? 'on_track' : Math.sign(achieved) * Math.sign(required) < 0 ? 'wrong_direction' : 'behind';
  const label = GROWTH_STANDING_LABELS[code];
  const span = `${req.fromYear}—${throughYear}`;
  const sentence: LocalizedText = {
    zh: `${name.zh}${span}年按${basis.zh}计算年均增长${p1(achieved)}（${formula.zh}），规划要求“${req.printed}”（${p1(required)}）：${label.zh}。`,
    en: `${name.en} grew ${p1(achieved)} a year at ${basis.en} over ${req.fromYear}–${throughYear} (${formula.en}) against the required ${p1(required)} (“${req.printed}”): ${label.en}.`,
  };
  return { code, label, basis: req.basis, achieved, required, throughYear, sentence, missing: null };
}
