/**
 * 序时进度 — time-proportional progress, the standard practice of Chinese government mid-term plan evaluation
 * (规划实施中期评估, e.g. the mid-term evaluations of five-year plans organised by 国家发展改革委 and local 发展改革委):
 * the share of the required change achieved so far is compared with the share of plan time elapsed.
 *
 *     E = (t − t0) / (T − t0)          elapsed share of plan time, baseline year t0 to target year T
 *     A = (y_t − y0) / (y* − y0)       achieved share of the required change
 *
 * Status: y_t already meets the target (respecting the comparator) → completed_early 提前完成 before the target
 *         year, completed 已完成 in it (a target met only in its own year was not met early);
 *         a 左右 (about) target is read against its band instead: inside → within_band 符合目标区间, past it on the
 *         side the indicator should move to → above_band 高于目标区间 (flagged) — never "completed" before its year;
 *         A ≥ E + band → ahead 快于序时进度; |A − E| < band → on_schedule 基本符合序时进度; else behind 滞后于序时进度.
 * A baseline that already met the target while y_t no longer does → behind.
 *
 * Shares (isShare, unit %) work on percentage points directly: A = (y_t − y0)/(y* − y0) is a ratio of pp.
 * A decreasing indicator (at_most, PM2.5 17 → 15) needs no special case: y* − y0 < 0 and y_t − y0 < 0 when it falls.
 */
import type { LocalizedText } from '../text';
import { finite, num, pct } from './format';
import type { EvaluationInput } from './input';
import { baseWorkings } from './inputs';
import { prepare, stateRule, withPrepared } from './prepare';
import { evaluated, insufficient, type EvaluationResult } from './result';

/**
 * Width of the "on schedule" band, in progress points (0.05 = 5 percentage points of progress). The platform's
 * convention, not a published standard: configurable.
 */
export const TIME_PROPORTIONAL_BAND = 0.05;

export const TIME_PROPORTIONAL_STATUSES = ['completed_early', 'completed', 'within_band', 'above_band', 'ahead', 'on_schedule', 'behind'] as const;
export type TimeProportionalStatus = (typeof TIME_PROPORTIONAL_STATUSES)[number];

export const TIME_PROPORTIONAL_LABELS: Record<TimeProportionalStatus, LocalizedText> = {
  completed_early: { zh: '提前完成', en: 'Completed ahead of time' },
  completed: { zh: '已完成', en: 'Completed' },
  within_band: { zh: '符合目标区间', en: 'Within the target band' },
  above_band: { zh: '高于目标区间', en: 'Above the target band' },
  ahead: { zh: '快于序时进度', en: 'Ahead of schedule' },
  on_schedule: { zh: '基本符合序时进度', en: 'Broadly on schedule' },
  behind: { zh: '滞后于序时进度', en: 'Behind schedule' },
};

const METHOD = 'time_proportional';
const FORMULA = 'E = (t − t0)/(T − t0); A = (y_t − y0)/(y* − y0); completed if y_t meets the target; ahead if A ≥ E + band; on_schedule if |A − E| < band; behind otherwise';
const SOURCE = '序时进度：规划实施中期评估的通行做法（如国家发展改革委组织的五年规划中期评估）/ Time-proportional progress: common practice of Chinese mid-term plan evaluation (e.g. NDRC mid-term evaluations of five-year plans)';

export function evaluate(input: EvaluationInput, band: number = TIME_PROPORTIONAL_BAND): EvaluationResult {
  const base = baseWorkings(input, FORMULA, SOURCE, { band });
  const prepared = prepare(input);
  if (!prepared.ok) return insufficient(METHOD, prepared.error, base);
  const p = prepared.value;
  const { y0, t0, yt, t, yStar, T } = p;
  const unit = input.indicator.unit;
  const E = (t - t0) / (T - t0);
  const A = yStar === y0 ? null : (yt - y0) / (yStar - y0);
  const shareNote: LocalizedText[] = input.indicator.isShare
    ? [{ zh: '比重指标：A 直接按百分点计算', en: 'Share indicator: A is computed on percentage points directly' }]
    : [];
  const workings = withPrepared(base, p, { E, A: finite(A), AminusE: A === null ? null : finite(A - E) }, shareNote);
  if (p.state !== 'progressing' || A === null) {
    const met: TimeProportionalStatus = p.check.band === 'within' ? 'within_band' : p.check.overshoot ? 'above_band' : t < T ? 'completed_early' : 'completed';
    const status: TimeProportionalStatus = p.state === 'met' ? met : 'behind';
    return evaluated(METHOD, status, TIME_PROPORTIONAL_LABELS, workings, stateRule(p, unit, TIME_PROPORTIONAL_LABELS[status]));
  }
  const d = A - E;
  const status: TimeProportionalStatus = d >= band ? 'ahead' : Math.abs(d) < band ? 'on_schedule' : 'behind';
  const label = TIME_PROPORTIONAL_LABELS[status];
  const cmp = status === 'ahead' ? `A − E = ${pct(d)} ≥ ${pct(band)}` : status === 'on_schedule' ? `|A − E| = ${pct(Math.abs(d))} < ${pct(band)}` : `A − E = ${pct(d)} ≤ ${pct(-band)}`;
  const rule: LocalizedText = {
    zh: `时间进度 E = (${t} − ${t0}) / (${T} − ${t0}) = ${pct(E)}，完成进度 A = (${num(yt)} − ${num(y0)}) / (${num(yStar)} − ${num(y0)}) = ${pct(A)}，${cmp}：${label.zh}。`,
    en: `Elapsed time E = (${t} − ${t0}) / (${T} − ${t0}) = ${pct(E)}, achieved progress A = (${num(yt)} − ${num(y0)}) / (${num(yStar)} − ${num(y0)}) = ${pct(A)}, ${cmp}: ${label.en}.`,
  };
  return evaluated(METHOD, status, TIME_PROPORTIONAL_LABELS, workings, rule);
}
