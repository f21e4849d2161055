/**
 * The evaluation methods' workings in words (issue 15): each intermediate value and threshold the domain records
 * under a short symbol (yStar, AminusE, cagr…) with its name and how to show it, so the indicator page prints a
 * derivation people read ("完成进度与时间进度之差 A − E = −3.97个百分点") and keeps the symbol in a tooltip.
 */
import type { LocalizedText } from '../domain/text';

/** How a number is shown: in the indicator's unit, as a percent of a fraction, in percentage points, or plain. */
export type WorkingKind = 'value' | 'fraction' | 'points' | 'plain' | 'years';

export const WORKING_TERMS: Readonly<Record<string, { name: LocalizedText; symbol: string; kind: WorkingKind }>> = {
  yStar: { name: { zh: '目标值', en: 'target' }, symbol: 'y*', kind: 'value' },
  E: { name: { zh: '时间进度', en: 'elapsed time' }, symbol: 'E', kind: 'fraction' },
  A: { name: { zh: '完成进度', en: 'achieved progress' }, symbol: 'A', kind: 'fraction' },
  AminusE: { name: { zh: '完成进度与时间进度之差', en: 'progress ahead of time' }, symbol: 'A − E', kind: 'fraction' },
  cagr: { name: { zh: '年均增长率', en: 'compound annual growth' }, symbol: 'CAGR', kind: 'fraction' },
  expected: { name: { zh: '按趋势的目标年预期值', en: 'expected value in the target year' }, symbol: 'ŷ', kind: 'value' },
  projected: { name: { zh: '按趋势的目标年预测值', en: 'projected value in the target year' }, symbol: 'ŷ', kind: 'value' },
  R: { name: { zh: '预期变化与所需变化之比', en: 'expected ÷ required change' }, symbol: 'R', kind: 'plain' },
  P: { name: { zh: '预测变化与所需变化之比', en: 'projected ÷ required change' }, symbol: 'P', kind: 'plain' },
  cagrActual: { name: { zh: '实际年均增长率', en: 'actual compound growth' }, symbol: 'CAGRₐ', kind: 'fraction' },
  cagrRequired: { name: { zh: '所需年均增长率', en: 'required compound growth' }, symbol: 'CAGRᵣ', kind: 'fraction' },
  ratio: { name: { zh: '实际与所需增长之比', en: 'actual ÷ required growth' }, symbol: 'CR', kind: 'plain' },
  years: { name: { zh: '已过年数', en: 'years elapsed' }, symbol: 'n', kind: 'years' },
  achievedRate: { name: { zh: '实际年均增速', en: 'achieved annual growth' }, symbol: 'g', kind: 'fraction' },
  requiredRate: { name: { zh: '目标年均增速', en: 'required annual growth' }, symbol: 'r', kind: 'fraction' },
  gapPercentagePoints: { name: { zh: '增速差', en: 'growth gap' }, symbol: 'g − r', kind: 'points' },
  band: { name: { zh: '序时进度容差', en: 'tolerance around schedule' }, symbol: '±', kind: 'fraction' },
  high: { name: { zh: '较大进展下限', en: 'substantial progress from' }, symbol: 'high', kind: 'fraction' },
  med: { name: { zh: '一般进展下限', en: 'moderate progress from' }, symbol: 'med', kind: 'fraction' },
  low: { name: { zh: '倒退界限', en: 'deterioration below' }, symbol: 'low', kind: 'fraction' },
  maintain: { name: { zh: '保持进度界限', en: 'maintain progress from' }, symbol: 'R ≥', kind: 'plain' },
  regression: { name: { zh: '趋势逆转界限', en: 'reverse trend below' }, symbol: 'R <', kind: 'plain' },
  onTrack: { name: { zh: '按期实现下限', en: 'on track from' }, symbol: 'P ≥', kind: 'fraction' },
  fair: { name: { zh: '一定进展下限', en: 'fair progress from' }, symbol: 'P ≥', kind: 'fraction' },
  deterioration: { name: { zh: '倒退界限', en: 'deterioration below' }, symbol: 'P <', kind: 'fraction' },
  tolerancePercentagePoints: { name: { zh: '增速容差', en: 'growth tolerance' }, symbol: '±', kind: 'points' },
};
