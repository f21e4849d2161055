/**
 * UNSD progress assessment by projection — United Nations Statistics Division, "The Sustainable Development Goals
 * Report 2023: Special Edition", progress assessment of targets with a numerical target value (technical note of
 * the 2023 progress assessment). The current trend (compound growth since the baseline) is projected to the target
 * year and compared with the change the target requires:
 *
 *     CAGR = (y_t / y0)^(1/(t − t0)) − 1
 *     ŷ_T  = y_t · (1 + CAGR)^(T − t)
 *     P    = (ŷ_T − y0) / (y* − y0)
 *
 * Status: P ≥ 0.95 (or y_t already meets the target) → on_track "Target met or almost met / on track";
 *         0.10 ≤ P < 0.95 → fair_progress "Fair progress, but acceleration needed";
 *         0 ≤ P < 0.10 → limited_or_stagnation "Limited progress or stagnation";
 *         P < 0 (ŷ_T on the wrong side of y0: moving away from the target) → deterioration "Deterioration".
 * The 0.95 and 0.10 cut-offs are those of the brief for the 2023 assessment; the separate "deterioration" category
 * (P < 0) reflects the report's distinction between stagnation and regression — how exactly the 2023 technical note
 * draws that line should be checked against the note itself before publishing.
 * Shares (unit %) are projected as levels. A decreasing indicator needs no special case (y* − y0 < 0).
 * Platform addition: a baseline that already met the target while y_t no longer does → deterioration.
 */
import type { LocalizedText } from '../text';
import { num, pct } from './format';
import type { EvaluationInput } from './input';
import { evaluateProjection, type ProjectionMethod } from './projectionMethod';
import type { EvaluationResult } from './result';

export const UNSD_THRESHOLDS = { onTrack: 0.95, fair: 0.1, deterioration: 0 } as const;

export const UNSD_STATUSES = ['on_track', 'fair_progress', 'limited_or_stagnation', 'deterioration'] as const;
export type UnsdStatus = (typeof UNSD_STATUSES)[number];

export const UNSD_LABELS: Record<UnsdStatus, LocalizedText> = {
  on_track: { zh: '已实现或接近实现目标/进展顺利', en: 'Target met or almost met / on track' },
  fair_progress: { zh: '有一定进展，但需加快', en: 'Fair progress, but acceleration needed' },
  limited_or_stagnation: { zh: '进展有限或停滞', en: 'Limited progress or stagnation' },
  deterioration: { zh: '倒退', en: 'Deterioration' },
};

const METHOD = 'unsd_projection';
const FORMULA = 'CAGR = (y_t/y0)^(1/(t − t0)) − 1; ŷ_T = y_t(1 + CAGR)^(T − t); P = (ŷ_T − y0)/(y* − y0); on_track if y_t meets the target or P ≥ 0.95; fair_progress if 0.10 ≤ P < 0.95; limited_or_stagnation if 0 ≤ P < 0.10; deterioration if P < 0';
const SOURCE = 'United Nations Statistics Division, The Sustainable Development Goals Report 2023: Special Edition — progress assessment (projection of the current trend to the target year)';

const unsd: ProjectionMethod<UnsdStatus> = {
  method: METHOD,
  formula: FORMULA,
  source: SOURCE,
  thresholds: { ...UNSD_THRESHOLDS },
  labels: UNSD_LABELS,
  names: { projected: 'projected', ratio: 'P' },
  met: 'on_track',
  regressed: 'deterioration',
  noProjection: { zh: '基期值或最新值不为正数，年均增长率无定义，无法外推', en: 'The baseline or latest value is not positive: no compound growth rate, no projection' },
  classify(P) {
    const th = UNSD_THRESHOLDS;
    const status: UnsdStatus = P >= th.onTrack ? 'on_track' : P >= th.fair ? 'fair_progress' : P >= th.deterioration ? 'limited_or_stagnation' : 'deterioration';
    const comparison =
      status === 'on_track' ? `P ≥ ${th.onTrack}` : status === 'fair_progress' ? `${th.fair} ≤ P < ${th.onTrack}` : status === 'limited_or_stagnation' ? `0 ≤ P < ${th.fair}` : 'P < 0';
    return { status, comparison };
  },
  rule({ y0, t0, yt, t, yStar, T }, pr, cmp, label) {
    return {
      zh: `年均增长 CAGR = (${num(yt)} / ${num(y0)})^(1/${t - t0}) − 1 = ${pct(pr.cagr)}，按此外推 ${T} 年 ŷ = ${num(yt)} × (1 + CAGR)^${T - t} = ${num(pr.projected)}，P = (${num(pr.projected)} − ${num(y0)}) / (${num(yStar)} − ${num(y0)}) = ${num(pr.ratio)}，${cmp}：${label.zh}。`,
      en: `Growth CAGR = (${num(yt)} / ${num(y0)})^(1/${t - t0}) − 1 = ${pct(pr.cagr)}; projected to ${T}: ŷ = ${num(yt)} × (1 + CAGR)^${T - t} = ${num(pr.projected)}; P = (${num(pr.projected)} − ${num(y0)}) / (${num(yStar)} − ${num(y0)}) = ${num(pr.ratio)}, ${cmp}: ${label.en}.`,
    };
  },
};

export const evaluate = (input: EvaluationInput): EvaluationResult => evaluateProjection(unsd, input);
