/**
 * Open SDG "progress status" calculation (sdg-build's progress measure, shown on Open SDG national reporting
 * platforms), which Open SDG adopted from Statistics Canada's progress assessment for its Sustainable Development
 * Goals Data Hub.
 *
 * With a target (y* by T):
 *     CAGR_a = (y_t / y0)^(1/(t − t0)) − 1      actual compound annual growth
 *     CAGR_r = (y* / y0)^(1/(T − t0)) − 1      required compound annual growth
 *     ratio  = CAGR_a / CAGR_r
 *   y_t already meets the target → target_achieved; ratio ≥ 0.95 → substantial_progress (on track);
 *   0.60 ≤ ratio < 0.95 → moderate_progress; 0 ≤ ratio < 0.60 → limited_progress; ratio < 0 → deterioration.
 *   A decreasing indicator needs no inversion here: both rates are negative when it falls towards its target, so the
 *   ratio is positive (this is how Open SDG's ratio behaves for a "negative" direction).
 *
 * Without a target (neither a level nor a growth target): CAGR_a alone, multiplied by −1 for a decreasing indicator
 * (Open SDG inverts the growth for direction "negative"), classified with the thresholds 0.01 / 0.005 / 0:
 *   ≥ 0.01 substantial; 0.005 ≤ · < 0.01 moderate; 0 ≤ · < 0.005 limited; < 0 deterioration.
 *   These are the no-target limits as we know them from sdg-build (limits high 0.01, med 0.005, low 0); they should be
 *   checked against the current Open SDG documentation ("Progress status" / progress calculation) before publishing.
 *
 * Status wording is Open SDG's ("Target achieved", "Substantial progress/on track", "Moderate progress", "Limited
 * progress", "Deterioration"); the Chinese labels are ours.
 * Shares (unit %) are used as levels, as Open SDG does with percentages: CAGR of the share itself, not of pp.
 * CAGR is undefined when y0 ≤ 0, y_t ≤ 0 (or y* ≤ 0 with a target) → insufficient_data.
 * Platform addition: a baseline that already met the target while y_t no longer does → deterioration.
 */
import type { LocalizedText } from '../text';
import { finite, num, pct } from './format';
import type { EvaluationInput } from './input';
import { baseWorkings } from './inputs';
import { effectiveTarget, observations, prepare, stateRule, withPrepared } from './prepare';
import { evaluated, insufficient, type BaseWorkings, type EvaluationResult } from './result';

export const CAGR_RATIO_THRESHOLDS = { high: 0.95, med: 0.6, low: 0 } as const;
/** No-target limits on the (direction-adjusted) actual CAGR; to be checked against the Open SDG documentation. */
export const CAGR_NO_TARGET_THRESHOLDS = { high: 0.01, med: 0.005, low: 0 } as const;

export const CAGR_RATIO_STATUSES = ['target_achieved', 'substantial_progress', 'moderate_progress', 'limited_progress', 'deterioration'] as const;
export type CagrRatioStatus = (typeof CAGR_RATIO_STATUSES)[number];

export const CAGR_RATIO_LABELS: Record<CagrRatioStatus, LocalizedText> = {
  target_achieved: { zh: '已实现目标', en: 'Target achieved' },
  substantial_progress: { zh: '显著进展/进展顺利', en: 'Substantial progress/on track' },
  moderate_progress: { zh: '中等进展', en: 'Moderate progress' },
  limited_progress: { zh: '有限进展', en: 'Limited progress' },
  deterioration: { zh: '倒退', en: 'Deterioration' },
};

const METHOD = 'cagr_ratio';
const FORMULA_TARGET = 'CAGR_a = (y_t/y0)^(1/(t − t0)) − 1; CAGR_r = (y*/y0)^(1/(T − t0)) − 1; ratio = CAGR_a/CAGR_r; target_achieved if y_t meets the target; ≥ 0.95 substantial; ≥ 0.60 moderate; ≥ 0 limited; < 0 deterioration';
const FORMULA_NO_TARGET = 'CAGR_a = (y_t/y0)^(1/(t − t0)) − 1, × −1 for a decreasing indicator; ≥ 0.01 substantial; ≥ 0.005 moderate; ≥ 0 limited; < 0 deterioration';
const SOURCE = 'Open SDG progress status calculation (sdg-build progress measure), adopted from Statistics Canada’s progress assessment (Sustainable Development Goals Data Hub)';

const SHARE_NOTE: LocalizedText = {
  zh: '比重指标按水平值计算年均增长率（与 Open SDG 对百分比指标的处理相同）',
  en: 'Share indicator: compound growth is computed on the share as a level (as Open SDG does with percentages)',
};
const CAGR_UNDEFINED: LocalizedText = {
  zh: '基期值、最新值或目标值不为正数，年均增长率（CAGR）无定义',
  en: 'The baseline, latest or target value is not positive: the compound annual growth rate (CAGR) is undefined',
};

type Limits = { high: number; med: number; low: number };

function classify(x: number, l: Limits): Exclude<CagrRatioStatus, 'target_achieved'> {
  if (x >= l.high) return 'substantial_progress';
  if (x >= l.med) return 'moderate_progress';
  if (x >= l.low) return 'limited_progress';
  return 'deterioration';
}

/** "0.6 ≤ ratio < 0.95" for the band the value fell in. */
function comparison(x: string, status: CagrRatioStatus, l: Limits): string {
  switch (status) {
    case 'substantial_progress':
      return `${x} ≥ ${l.high}`;
    case 'moderate_progress':
      return `${l.med} ≤ ${x} < ${l.high}`;
    case 'limited_progress':
      return `${l.low} ≤ ${x} < ${l.med}`;
    default:
      return `${x} < ${l.low}`;
  }
}

export function evaluate(input: EvaluationInput): EvaluationResult {
  const obs = observations(input);
  const eff = obs.ok ? effectiveTarget(input, obs.value) : null;
  if (obs.ok && eff?.ok && eff.value === null) return evaluateWithoutTarget(input, obs.value);

  const base = baseWorkings(input, FORMULA_TARGET, SOURCE, { ...CAGR_RATIO_THRESHOLDS });
  const prepared = prepare(input);
  if (!prepared.ok) return insufficient(METHOD, prepared.error, base);
  const p = prepared.value;
  const { y0, t0, yt, t, yStar, T } = p;
  const unit = input.indicator.unit;
  const notes = input.indicator.isShare ? [SHARE_NOTE] : [];
  const defined = y0 > 0 && yt > 0 && yStar > 0;
  const cagrA = defined ? (yt / y0) ** (1 / (t - t0)) - 1 : null;
  const cagrR = defined ? (yStar / y0) ** (1 / (T - t0)) - 1 : null;
  const ratio = cagrA !== null && cagrR !== null && cagrR !== 0 ? cagrA / cagrR : null;
  const workings = withPrepared(base, p, { cagrActual: finite(cagrA), cagrRequired: finite(cagrR), ratio: finite(ratio) }, notes);
  if (p.state === 'met' || p.state === 'fell_back') {
    const status: CagrRatioStatus = p.state === 'met' ? 'target_achieved' : 'deterioration';
    return evaluated(METHOD, status, CAGR_RATIO_LABELS, workings, stateRule(p, unit, CAGR_RATIO_LABELS[status]));
  }
  if (cagrA === null || cagrR === null || ratio === null) return insufficient(METHOD, CAGR_UNDEFINED, workings);
  const status = classify(ratio, CAGR_RATIO_THRESHOLDS);
  const label = CAGR_RATIO_LABELS[status];
  const band = comparison('ratio', status, CAGR_RATIO_THRESHOLDS);
  const rule: LocalizedText = {
    zh: `实际年均增长 CAGR_a = (${num(yt)} / ${num(y0)})^(1/${t - t0}) − 1 = ${pct(cagrA)}，所需年均增长 CAGR_r = (${num(yStar)} / ${num(y0)})^(1/${T - t0}) − 1 = ${pct(cagrR)}，比值 ratio = CAGR_a / CAGR_r = ${num(ratio)}（${band}）：${label.zh}。`,
    en: `Actual growth CAGR_a = (${num(yt)} / ${num(y0)})^(1/${t - t0}) − 1 = ${pct(cagrA)}, required growth CAGR_r = (${num(yStar)} / ${num(y0)})^(1/${T - t0}) − 1 = ${pct(cagrR)}, ratio = CAGR_a / CAGR_r = ${num(ratio)} (${band}): ${label.en}.`,
  };
  return evaluated(METHOD, status, CAGR_RATIO_LABELS, workings, rule);
}

function evaluateWithoutTarget(input: EvaluationInput, o: { y0: number; t0: number; yt: number; t: number }): EvaluationResult {
  const base: BaseWorkings = {
    ...baseWorkings(input, FORMULA_NO_TARGET, SOURCE, { ...CAGR_NO_TARGET_THRESHOLDS }),
    notes: [
      { zh: '无目标值：按 Open SDG 无目标情形，仅以实际年均增长率分级', en: 'No target: Open SDG’s no-target variant classifies the actual compound growth alone' },
      ...(input.indicator.isShare ? [SHARE_NOTE] : []),
    ],
  };
  const { y0, t0, yt, t } = o;
  if (y0 <= 0 || yt <= 0) return insufficient(METHOD, CAGR_UNDEFINED, base);
  const cagrA = (yt / y0) ** (1 / (t - t0)) - 1;
  const sign = input.indicator.direction === 'decrease' ? -1 : 1;
  const adjusted = sign * cagrA;
  const workings: BaseWorkings = { ...base, intermediate: { cagrActual: finite(cagrA), cagrDirectionAdjusted: finite(adjusted) } };
  const status = classify(adjusted, CAGR_NO_TARGET_THRESHOLDS);
  const label = CAGR_RATIO_LABELS[status];
  const inv = sign < 0 ? { zh: '，越小越好，取相反数', en: '; decreasing indicator, sign inverted' } : { zh: '', en: '' };
  const band = comparison('x', status, CAGR_NO_TARGET_THRESHOLDS);
  const rule: LocalizedText = {
    zh: `无目标值；实际年均增长 CAGR_a = (${num(yt)} / ${num(y0)})^(1/${t - t0}) − 1 = ${pct(cagrA)}${inv.zh}，x = ${num(adjusted, 6)}（${band}）：${label.zh}。`,
    en: `No target; actual growth CAGR_a = (${num(yt)} / ${num(y0)})^(1/${t - t0}) − 1 = ${pct(cagrA)}${inv.en}, x = ${num(adjusted, 6)} (${band}): ${label.en}.`,
  };
  return evaluated(METHOD, status, CAGR_RATIO_LABELS, workings, rule);
}
