/**
 * 终期判断 — the final verdict on a target once its year has passed (总结评估): not progress, but whether the target
 * was met and by how much, read on the target year's own value y_T:
 *
 *   at_least (突破/达到): y_T ≥ y*  → 已完成, or 超额完成 when y_T > y*·(1 + exceedMargin); else 未完成.
 *   at_most (控制在…以内): y_T ≤ y* → 已完成, or 超额完成 when y_T < y*·(1 − exceedMargin); else 未完成.
 *   about (左右, band [y* − tol, y* + tol]): inside → 基本完成; on the side the indicator should not stay on
 *     (below the band for an increasing indicator) → 未完成; past the band on the side it should move to →
 *     高于目标区间 (flagged, settings.overshoot = 'flag') or 已完成 (settings.overshoot = 'met').
 *
 * Completion rate 完成率 = y_T / y* (printed for at-least targets of increasing indicators, as evaluation reports
 * do); gap 差距 = y* − y_T in the indicator's unit (percentage points for a share), for a band the distance to it. The year the target was first
 * met is reported; a target met only in its own year is 已完成, never 提前完成.
 *
 * Precision: a rounded y_T is used as the value, and the sentence says so. A bound decides only when it can:
 * "突破26000" (a lower bound) completes an at-least 25000 target, but "突破24000" cannot say whether 25000 was
 * reached — 无法判定, and the sentence asks for the exact figure.
 */
import type { Precision } from '../observation/terms';
import type { Target } from '../plan/model';
import type { Direction } from '../plan/terms';
import type { LocalizedText } from '../text';
import { formatValue } from '../unit/format';
import { meetsTarget } from './comparator';
import type { EvaluationSettings } from './settings';
import { standInNote } from './standIn';
import { amount, percent1, shown, targetPhrase } from './targetText';

export const VERDICTS = ['exceeded', 'completed', 'basically_completed', 'above_band', 'not_completed', 'undetermined', 'pending'] as const;
export type VerdictCode = (typeof VERDICTS)[number];

export const VERDICT_LABELS: Record<VerdictCode, LocalizedText> = {
  exceeded: { zh: '超额完成', en: 'Exceeded' },
  completed: { zh: '已完成', en: 'Completed' },
  basically_completed: { zh: '基本完成', en: 'Basically completed (within the band)' },
  above_band: { zh: '高于目标区间', en: 'Above the target band' },
  not_completed: { zh: '未完成', en: 'Not completed' },
  undetermined: { zh: '无法判定', en: 'Cannot be judged' },
  pending: { zh: '待终期数据', en: 'Awaiting the target-year figure' },
};

export interface VerdictPoint {
  year: number;
  value: number;
  precision: Precision;
  /** The in-year period (2030Q3) whose figure stands in for a missing annual one, said in the sentence. */
  standIn?: string | null;
}

export interface VerdictInput {
  name: LocalizedText;
  unit: string;
  direction: Direction;
  target: Target;
  /** The indicator's annual values (any order); the verdict reads year T and, for the first-met year, the years before. */
  points: readonly VerdictPoint[];
  settings: EvaluationSettings;
}

export interface FinalVerdict {
  code: VerdictCode;
  label: LocalizedText;
  targetYear: number;
  /** y_T, the target year's value; null when it is not (yet) known. */
  value: number | null;
  precision: Precision | null;
  /** y_T / y*. */
  completionRate: number | null;
  /** y* − y_T, in the indicator's unit; for a band (左右, a range) the distance to its nearer edge, 0 inside. */
  gap: number | null;
  /** The band of an about target. */
  band: [number, number] | null;
  /** The first year (≤ T) whose value met the target. */
  firstMetYear: number | null;
  sentence: LocalizedText;
}

/**
 * @example
 * finalVerdict({ name, unit: '亿元', direction: 'increase', target: { value: 25000, year: 2025, comparator: 'at_least', … },
 *   points: [{ year: 2025, value: 24000, precision: 'exact' }], settings }).code // 'not_completed' (完成96.0%，差1000亿元)
 */
export function finalVerdict(input: VerdictInput): FinalVerdict {
  const { target, unit, direction, name } = input;
  const T = target.year;
  const yT = input.points.find((p) => p.year === T) ?? null;
  const phrase = targetPhrase(target, unit);
  const check = (v: number) => meetsTarget(v, target, direction);
  const firstMetYear = [...input.points].filter((p) => p.year <= T && check(p.value).met).sort((a, b) => a.year - b.year)[0]?.year ?? null;
  const base = { targetYear: T, firstMetYear, band: bandOf(target) };
  if (!yT) {
    const last = [...input.points].filter((p) => p.year < T).sort((a, b) => b.year - a.year)[0] ?? null;
    const lastText = last ? latestNote(last, target, unit, direction) : { zh: '', en: '' };
    return {
      ...base, code: 'pending', label: VERDICT_LABELS.pending, value: null, precision: null, completionRate: null, gap: null,
      sentence: {
        zh: `${name.zh}${T}年数值尚未取得，暂无法对${phrase.zh}的目标作出终期判断：请导入${T}年数值（统计公报一般于次年上半年发布）${lastText.zh}。`,
        en: `${name.en}: the ${T} value is not available yet, so the ${phrase.en} target cannot be judged: import the ${T} figure (the statistical bulletin usually appears in the first half of the next year)${lastText.en}.`,
      },
    };
  }
  const y = yT.value;
  const value = shown(y, unit);
  const completionRate = target.value !== 0 ? y / target.value : null;
  const gap = gapTo(y, target);
  const rateText = completionRate !== null && target.comparator === 'at_least' && direction === 'increase' ? completionRate : null;
  const bound = boundDecision(yT.precision, y, target, direction);
  const approx = yT.precision === 'rounded' ? { zh: '（约数）', en: ' (rounded)' } : yT.precision === 'exact' ? { zh: '', en: '' } : { zh: `（${yT.precision === 'lower_bound' ? '下限值' : '上限值'}）`, en: ` (${yT.precision === 'lower_bound' ? 'a lower bound' : 'an upper bound'})` };
  const early =
    firstMetYear === null || firstMetYear >= T
      ? { zh: '', en: '' }
      : target.comparator === 'about'
        ? { zh: `，${firstMetYear}年起已处于目标区间`, en: `; inside the band since ${firstMetYear}` }
        : { zh: `，${firstMetYear}年已提前达到`, en: `; first met in ${firstMetYear}` };
  const standIn = standInNote(yT.standIn);
  const lead = { zh: `${name.zh}${T}年为${value.zh}${approx.zh}${standIn.zh}`, en: `${name.en} was ${value.en} in ${T}${approx.en}${standIn.en}` };
  const rate = rateText !== null ? { zh: `，完成目标的${percent1(rateText)}`, en: `, ${percent1(rateText)} of the target` } : { zh: '', en: '' };
  const make = (code: VerdictCode, sentence: LocalizedText): FinalVerdict => ({
    ...base, code, label: VERDICT_LABELS[code], value: y, precision: yT.precision, completionRate, gap, sentence,
  });

  if (bound === 'unknown') {
    return make('undetermined', {
      zh: `${lead.zh}，仅知其${yT.precision === 'lower_bound' ? '不低于' : '不高于'}该值，无法判断是否达到${phrase.zh}的目标：需要${T}年的精确值。`,
      en: `${lead.en}: only a bound is known, which cannot say whether the ${phrase.en} target was met; the exact ${T} figure is needed.`,
    });
  }
  const c = check(y);
  if (target.comparator === 'about') {
    const [lo, hi] = base.band ?? [target.value, target.value];
    const range = { zh: `${formatValue(lo, unit, 'zh')}—${formatValue(hi, unit, 'zh')}`, en: `${formatValue(lo, unit, 'en')}–${formatValue(hi, unit, 'en')}` };
    if (c.band === 'within' && target.range) {
      // A range (5%—6%) is met inside it: 已完成, not the 基本完成 of a 左右 band.
      return make('completed', {
        zh: `${lead.zh}，处于${phrase.zh}的目标区间内，完成目标${early.zh}。`,
        en: `${lead.en}, inside the ${phrase.en} range: completed${early.en}.`,
      });
    }
    if (c.band === 'within') {
      return make('basically_completed', {
        zh: `${lead.zh}，处于${phrase.zh}的目标区间（${range.zh}）内，基本完成目标${early.zh}。`,
        en: `${lead.en}, inside the band of the ${phrase.en} target (${range.en}): basically completed${early.en}.`,
      });
    }
    const edge = c.band === 'above' ? hi : lo;
    const off = amount(Math.abs(y - edge), unit);
    const side = c.band === 'above' ? { zh: '高于', en: 'above' } : { zh: '低于', en: 'below' };
    // A range (5%—6%) is its own band: it is not printed a second time in brackets.
    const bracket = target.range ? { zh: '', en: '' } : { zh: `（${range.zh}）`, en: ` (${range.en})` };
    if (c.overshoot) {
      if (input.settings.overshoot === 'met') {
        return make('completed', {
          zh: `${lead.zh}，${side.zh}${phrase.zh}的目标区间${bracket.zh}${off.zh}，按本规划的约定视为完成目标${early.zh}。`,
          en: `${lead.en}, ${off.en} ${side.en} the band of the ${phrase.en} target${bracket.en}, counted as completed by this plan's convention${early.en}.`,
        });
      }
      return make('above_band', {
        zh: `${lead.zh}，${side.zh}${phrase.zh}的目标区间${bracket.zh}${off.zh}，超出规划预期区间，需说明原因。`,
        en: `${lead.en}, ${off.en} ${side.en} the band of the ${phrase.en} target${bracket.en}: outside the band the plan expected, to be explained.`,
      });
    }
    return make('not_completed', {
      zh: `${lead.zh}，${side.zh}${phrase.zh}的目标区间${bracket.zh}${off.zh}，未完成目标。`,
      en: `${lead.en}, ${off.en} ${side.en} the band of the ${phrase.en} target${bracket.en}: not completed.`,
    });
  }
  if (!c.met) {
    const short = amount(Math.abs(gap), unit);
    const by = target.comparator === 'at_most' ? { zh: '超出', en: 'over it by' } : { zh: '差', en: 'short by' };
    return make('not_completed', {
      zh: `${lead.zh}${rate.zh}，未完成${phrase.zh}的目标，${by.zh}${short.zh}。`,
      en: `${lead.en}${rate.en}: the ${phrase.en} target was not met, ${by.en} ${short.en}.`,
    });
  }
  const margin = input.settings.exceedMargin;
  const beyond = target.comparator === 'at_least' ? y > target.value * (1 + margin) : y < target.value * (1 - margin);
  if (beyond) {
    const over = amount(Math.abs(gap), unit);
    return make('exceeded', {
      zh: `${lead.zh}${rate.zh}，超额完成${phrase.zh}的目标（${target.comparator === 'at_least' ? '超出' : '低于目标'}${over.zh}）${early.zh}。`,
      en: `${lead.en}${rate.en}: the ${phrase.en} target was exceeded (by ${over.en})${early.en}.`,
    });
  }
  return make('completed', {
    zh: `${lead.zh}${rate.zh}，完成${phrase.zh}的目标${early.zh}。`,
    en: `${lead.en}${rate.en}: the ${phrase.en} target was met${early.en}.`,
  });
}

/** "；最新数据为2023年的21566.38亿元（目标的86.3%）" — what is known while the target year's value is not. */
function latestNote(p: VerdictPoint, target: Target, unit: string, direction: Direction): LocalizedText {
  const v = shown(p.value, unit);
  const rate = target.comparator === 'at_least' && direction === 'increase' && target.value !== 0 ? percent1(p.value / target.value) : null;
  return {
    zh: `；最新数据为${p.year}年的${v.zh}${rate ? `（为目标的${rate}）` : ''}`,
    en: `; the latest value is ${v.en} in ${p.year}${rate ? ` (${rate} of the target)` : ''}`,
  };
}

/**
 * 差距: how far y_T is from meeting the target, in the indicator's unit, as target minus value — y* − y_T for a level;
 * for a band (左右, or a range 5%—6%) the distance to its nearer edge (0 inside), since the band's middle is not what
 * the plan asked for: 28.5% against 30%—32% is 1.5 points short, not 2.5.
 */
function gapTo(y: number, target: Target): number {
  const band = bandOf(target);
  if (!band) return target.value - y;
  const [lo, hi] = band;
  return y < lo ? lo - y : y > hi ? hi - y : 0;
}

function bandOf(target: Target): [number, number] | null {
  if (target.comparator !== 'about') return null;
  const tol = Math.abs(target.tolerance ?? 0);
  return [target.value - tol, target.value + tol];
}

/**
 * Whether a bound settles the comparison: a lower bound at or past an at-least target meets it; below it, the true
 * value may lie either side. Likewise an upper bound for at-most targets. 'value' when the figure is exact or rounded.
 */
function boundDecision(precision: Precision, y: number, target: Target, direction: Direction): 'value' | 'settled' | 'unknown' {
  if (precision === 'exact' || precision === 'rounded') return 'value';
  const met = meetsTarget(y, target, direction).met;
  if (target.comparator === 'at_least') return (precision === 'lower_bound') === met ? 'settled' : 'unknown';
  if (target.comparator === 'at_most') return (precision === 'upper_bound') === met ? 'settled' : 'unknown';
  return 'unknown';
}
