/**
 * ESCAP anticipated progress — United Nations ESCAP, "Asia and the Pacific SDG Progress Report" (annual; the
 * methodology annex / technical note), anticipated progress of indicators with a target value: will the target be
 * reached by its year if the current trend continues?
 *
 * What this module implements (the shape of ESCAP's method, as we understand it):
 *     CAGR = (y_t / y0)^(1/(t − t0)) − 1                 current trend, compound growth since the baseline
 *     ŷ_T  = y_t · (1 + CAGR)^(T − t)                    expected value at the target year
 *     R    = (ŷ_T − y0) / (y* − y0)                      expected change / required change
 *   R ≥ 1 (or y_t already meets the target) → maintain_progress "Maintain progress to achieve target";
 *   0 ≤ R < 1 → accelerate_progress "Accelerate progress to achieve target";
 *   R < 0 → reverse_trend "Regression: reverse trend to achieve target".
 *
 * Uncertain, to be checked against the methodology annex of the edition one cites before publishing:
 * - the category wording above follows the reports' anticipated-progress dashboards as we recall them;
 * - the cut-off between "maintain" and "accelerate" is taken as R = 1 (the expected value reaches the target); we are
 *   not certain whether an edition applies a margin below 1;
 * - we are not certain whether recent editions state the index as a ratio of expected to required change (used here)
 *   or as a ratio of actual to required growth rates (the Statistics Canada / Open SDG form, see cagrRatio.ts);
 * - stagnation (R = 0) is counted as "accelerate"; ESCAP's treatment of exact stagnation is not known to us;
 * - ESCAP's separate method for indicators without a target is not implemented: no target → insufficient_data.
 * Shares (unit %) are projected as levels. A decreasing indicator needs no special case (y* − y0 < 0).
 * Platform addition: a baseline that already met the target while y_t no longer does → reverse_trend.
 */
import type { LocalizedText } from '../text';
import { num, pct } from './format';
import type { EvaluationInput } from './input';
import { evaluateProjection, type ProjectionMethod } from './projectionMethod';
import type { EvaluationResult } from './result';

export const ESCAP_THRESHOLDS = { maintain: 1, regression: 0 } as const;

export const ESCAP_STATUSES = ['maintain_progress', 'accelerate_progress', 'reverse_trend'] as const;
export type EscapStatus = (typeof ESCAP_STATUSES)[number];

export const ESCAP_LABELS: Record<EscapStatus, LocalizedText> = {
  maintain_progress: { zh: '保持当前进展即可实现目标', en: 'Maintain progress to achieve target' },
  accelerate_progress: { zh: '需加快进展方能实现目标', en: 'Accelerate progress to achieve target' },
  reverse_trend: { zh: '倒退：需扭转趋势方能实现目标', en: 'Regression: reverse trend to achieve target' },
};

const METHOD = 'escap_anticipated';
const FORMULA = 'CAGR = (y_t/y0)^(1/(t − t0)) − 1; ŷ_T = y_t(1 + CAGR)^(T − t); R = (ŷ_T − y0)/(y* − y0); maintain if y_t meets the target or R ≥ 1; accelerate if 0 ≤ R < 1; reverse trend if R < 0';
const SOURCE = 'UN ESCAP, Asia and the Pacific SDG Progress Report — methodology annex, anticipated progress (expected value at the target year from the current trend, compared with the target)';

const escap: ProjectionMethod<EscapStatus> = {
  method: METHOD,
  formula: FORMULA,
  source: SOURCE,
  thresholds: { ...ESCAP_THRESHOLDS },
  labels: ESCAP_LABELS,
  names: { projected: 'expected', ratio: 'R' },
  met: 'maintain_progress',
  regressed: 'reverse_trend',
  noProjection: { zh: '基期值或最新值不为正数，年均增长率无定义，无法预期', en: 'The baseline or latest value is not positive: no compound growth rate, no expected value' },
  classify(R) {
    const th = ESCAP_THRESHOLDS;
    const status: EscapStatus = R >= th.maintain ? 'maintain_progress' : R >= th.regression ? 'accelerate_progress' : 'reverse_trend';
    const comparison = status === 'maintain_progress' ? `R ≥ ${th.maintain}` : status === 'accelerate_progress' ? `${th.regression} ≤ R < ${th.maintain}` : `R < ${th.regression}`;
    return { status, comparison };
  },
  rule({ y0, yStar, T }, pr, cmp, label) {
    const R = pr.ratio;
    return {
      zh: `按当前趋势（年均增长 ${pct(pr.cagr)}）${T} 年预期值 ${num(pr.projected)}，目标 ${num(yStar)}；预期变化/所需变化 R = (${num(pr.projected)} − ${num(y0)}) / (${num(yStar)} − ${num(y0)}) = ${num(R)}，${cmp}：${label.zh}。`,
      en: `On the current trend (compound growth ${pct(pr.cagr)}) the expected value in ${T} is ${num(pr.projected)} against the target ${num(yStar)}; expected/required change R = (${num(pr.projected)} − ${num(y0)}) / (${num(yStar)} − ${num(y0)}) = ${num(R)}, ${cmp}: ${label.en}.`,
    };
  },
};

export const evaluate = (input: EvaluationInput): EvaluationResult => evaluateProjection(escap, input);
