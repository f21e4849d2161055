/**
 * The checks and readings every progress method shares: are the data sufficient, which target applies (the plan's
 * level target, or the level equivalent of a 年均增长 target), and where does the latest value stand against it.
 *
 * Insufficient data: no baseline; no latest value; latest year ≤ baseline year; no target (neither a level nor a
 * growth target); target year T ≤ baseline year t0; y* = y0 while the target is not met (no change was required, the
 * progress ratio is undefined); a value that is not a finite number.
 *
 * States once the data suffice:
 * - met: y_t meets the target (comparator.ts), checked before anything else;
 * - fell_back: the baseline already met the target and y_t no longer does (y* lies on the wrong side of y0 for the
 *   direction y_t must still move) — every method gives its worst status, since ratios to y* − y0 mean nothing here;
 * - progressing: otherwise; y* − y0 has the sign of the change still needed.
 */
import type { Target } from '../plan/model';
import { err, ok, type Result } from '../result';
import type { LocalizedText } from '../text';
import { meetsTarget, type TargetCheck } from './comparator';
import { num, withUnit } from './format';
import { levelTargetFromGrowth } from './growthTarget';
import type { EvaluationInput } from './input';
import type { BaseWorkings } from './result';

export interface Observations {
  y0: number;
  t0: number;
  yt: number;
  t: number;
}

export type TargetState = 'met' | 'fell_back' | 'progressing';

export interface Prepared extends Observations {
  target: Target;
  yStar: number;
  T: number;
  check: TargetCheck;
  state: TargetState;
  /** Conversion of a growth target, band position. */
  notes: LocalizedText[];
}

export const REASONS = {
  noBaseline: { zh: '缺少基期值', en: 'No baseline value' },
  noLatest: { zh: '缺少最新值', en: 'No latest value' },
  notFinite: { zh: '输入含非数值', en: 'An input is not a finite number' },
  noTarget: { zh: '未设定目标值（亦无年均增速目标）', en: 'No target is set (neither a level nor an average-growth target)' },
} satisfies Record<string, LocalizedText>;

/** Baseline and latest value, checked. */
export function observations(input: EvaluationInput): Result<Observations, LocalizedText> {
  const { baseline, latest } = input;
  if (!baseline) return err(REASONS.noBaseline);
  if (!latest) return err(REASONS.noLatest);
  if (![baseline.value, baseline.year, latest.value, latest.year].every(Number.isFinite)) return err(REASONS.notFinite);
  if (latest.year <= baseline.year) {
    return err({
      zh: `最新值年份 ${latest.year} 不晚于基期年 ${baseline.year}，无法计算进展`,
      en: `The latest year ${latest.year} is not after the baseline year ${baseline.year}: no progress can be measured`,
    });
  }
  return ok({ y0: baseline.value, t0: baseline.year, yt: latest.value, t: latest.year });
}

/** The plan's level target, or the level equivalent of its growth target; null when there is neither. */
export function effectiveTarget(input: EvaluationInput, obs: Observations): Result<{ target: Target; notes: LocalizedText[] } | null, LocalizedText> {
  if (input.target) {
    const { value, year, tolerance } = input.target;
    if (![value, year, tolerance ?? 0].every(Number.isFinite)) return err(REASONS.notFinite);
    return ok({ target: input.target, notes: [] });
  }
  const growth = input.growthTarget ?? null;
  if (!growth) return ok(null);
  const converted = levelTargetFromGrowth(growth, obs.y0, obs.t0, input.indicator.direction);
  if (!converted.ok) return converted;
  return ok({ target: converted.value.target, notes: [converted.value.note] });
}

export function prepare(input: EvaluationInput): Result<Prepared, LocalizedText> {
  const obs = observations(input);
  if (!obs.ok) return obs;
  const eff = effectiveTarget(input, obs.value);
  if (!eff.ok) return eff;
  if (!eff.value) return err(REASONS.noTarget);
  const { y0, t0, yt } = obs.value;
  const { target, notes } = eff.value;
  const T = target.year;
  if (T <= t0) {
    return err({ zh: `目标年 ${T} 不晚于基期年 ${t0}`, en: `The target year ${T} is not after the baseline year ${t0}` });
  }
  const yStar = target.value;
  const check = meetsTarget(yt, target, input.indicator.direction);
  const bandNotes = bandNote(check);
  const all = bandNotes ? [...notes, bandNotes] : notes;
  if (check.met) return ok({ ...obs.value, target, yStar, T, check, state: 'met', notes: all });
  if (yStar === y0) {
    return err({
      zh: `目标值 ${num(yStar)} 等于基期值，无需变化，进展比例无定义；最新值 ${num(yt)} 未满足目标`,
      en: `The target ${num(yStar)} equals the baseline, so no change was required and the progress ratio is undefined; the latest value ${num(yt)} does not meet it`,
    });
  }
  const state: TargetState = Math.sign(yStar - y0) === check.need ? 'progressing' : 'fell_back';
  return ok({ ...obs.value, target, yStar, T, check, state, notes: all });
}

function bandNote(check: TargetCheck): LocalizedText | null {
  if (check.band === null || check.band === 'within' || check.lower === null || check.upper === null) return null;
  const range = `[${num(check.lower)}, ${num(check.upper)}]`;
  return check.band === 'above'
    ? { zh: `最新值高于目标区间 ${range}`, en: `The latest value is above the target band ${range}` }
    : { zh: `最新值低于目标区间 ${range}`, en: `The latest value is below the target band ${range}` };
}

/** Band flags and notes of a prepared evaluation, added to a method's workings. */
export function withPrepared(base: BaseWorkings, p: Prepared, intermediate: Record<string, number | null>, extraNotes: LocalizedText[] = []): BaseWorkings {
  return {
    ...base,
    intermediate: { yStar: p.yStar, ...intermediate },
    aboveBand: p.check.band === 'above',
    belowBand: p.check.band === 'below',
    notes: [...base.notes, ...p.notes, ...extraNotes],
  };
}

/** "不低于 25000 亿元" / "at least 25000 亿元". */
export function targetText(target: Target, unit: string): LocalizedText {
  const v = withUnit(target.value, unit);
  switch (target.comparator) {
    case 'at_least':
      return { zh: `不低于 ${v}`, en: `at least ${v}` };
    case 'at_most':
      return { zh: `不高于 ${v}`, en: `at most ${v}` };
    case 'about': {
      const tol = num(Math.abs(target.tolerance ?? 0));
      return { zh: `${v} 左右（±${tol}）`, en: `about ${v} (±${tol})` };
    }
  }
}

/** The rule sentence of the states every method reads the same way (met, fell back). */
export function stateRule(p: Prepared, unit: string, label: LocalizedText): LocalizedText {
  const tt = targetText(p.target, unit);
  if (p.state === 'met') {
    const over = p.check.overshoot && p.check.lower !== null && p.check.upper !== null ? `[${num(p.check.lower)}, ${num(p.check.upper)}]` : null;
    const side = p.check.band === 'above' ? { zh: '高于', en: 'above' } : { zh: '低于', en: 'below' };
    return {
      zh: `最新值 ${withUnit(p.yt, unit)}（${p.t}年）已满足 ${p.T} 年目标（${tt.zh}）${over ? `，但${side.zh}目标区间 ${over}` : ''}：${label.zh}。`,
      en: `The latest value ${withUnit(p.yt, unit)} (${p.t}) already meets the ${p.T} target (${tt.en})${over ? `, though ${side.en} the target band ${over}` : ''}: ${label.en}.`,
    };
  }
  return {
    zh: `基期值 ${withUnit(p.y0, unit)}（${p.t0}年）已满足 ${p.T} 年目标（${tt.zh}），但最新值 ${withUnit(p.yt, unit)}（${p.t}年）不再满足：${label.zh}。`,
    en: `The baseline ${withUnit(p.y0, unit)} (${p.t0}) already met the ${p.T} target (${tt.en}) but the latest value ${withUnit(p.yt, unit)} (${p.t}) no longer does: ${label.en}.`,
  };
}
