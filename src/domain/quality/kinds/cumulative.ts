/**
 * Cumulative periods: amounts of a flow from January never decrease within a year — 1–2月 ≤ 一季度 ≤ 1–5月 ≤ 上半年
 * ≤ 1–9月 ≤ 全年. The figure is compared with its nearest neighbours in that chain (the one ending before it and
 * the one ending after it), within rounding slack and the tolerance.
 */
import { halfUnit, type QualityFigure } from '../figure';
import type { Rule } from '../rules';
import type { ActiveRule } from '../ruleSet';
import { DIFFERENT_BASES, involved, involvedPresent, named, sameBasis, type Env } from '../env';
import { allowance, show, within } from '../tolerance';
import { monthRange } from '../../period/period';
import { COMPARABLE } from './sum';

export function checkCumulative(rule: Extract<Rule, { kind: 'cumulative' }>, active: ActiveRule, env: Env): void {
  const s = env.subject;
  const { start, end } = monthRange(s.period);
  if (start.month !== 1 || start.year !== end.year) return;
  if (env.subjectExcluded()) return env.emit(active, 'skipped', () => [involved(s, 'subject')], () => COMPARABLE);
  let before: string | null = null;
  let after: string | null = null;
  let beforeEnd = 0;
  let afterEnd = 13;
  for (const c of env.cells.januaryChain(s.indicatorCode, s.regionCode, start.year)) {
    if (c.endMonth < end.month && c.endMonth > beforeEnd) [before, beforeEnd] = [c.periodCode, c.endMonth];
    if (c.endMonth > end.month && c.endMonth < afterEnd) [after, afterEnd] = [c.periodCode, c.endMonth];
  }
  const earlier = before === null ? undefined : env.get(s.indicatorCode, s.regionCode, before);
  const later = after === null ? undefined : env.get(s.indicatorCode, s.regionCode, after);
  if (!earlier && !later) {
    return env.emit(active, 'skipped', () => [involved(s, 'subject')], () => ({ zh: `${start.year}年没有其他从1月起的累计数据，未检查`, en: `no other figure from January of ${start.year}: not checked` }));
  }
  // A pair is named by its later figure's cell.
  if (earlier && env.firstVisit(active, env.cells.keyOf(s.indicatorCode, s.regionCode, s.periodCode))) pair(rule, active, env, earlier, s);
  if (later && after !== null && env.firstVisit(active, env.cells.keyOf(s.indicatorCode, s.regionCode, after))) pair(rule, active, env, s, later);
}

function pair(rule: Extract<Rule, { kind: 'cumulative' }>, active: ActiveRule, env: Env, earlier: QualityFigure, later: QualityFigure): void {
  if (!sameBasis(env, [earlier, later])) return env.emit(active, 'skipped', () => pairFigures(earlier, later), () => DIFFERENT_BASES, later);
  const drop = Math.max(0, earlier.valueStd - later.valueStd);
  const allowed = allowance(rule.tolerance, later.valueStd, halfUnit(earlier.valueStd) + halfUnit(later.valueStd));
  const ok = within(drop, allowed, Math.max(Math.abs(earlier.valueStd), Math.abs(later.valueStd)));
  if (!env.tally(active, ok ? 'pass' : 'fail')) return;
  env.record(active, ok ? 'pass' : 'fail', pairFigures(earlier, later), {
    zh: `累计数 ${named(earlier)} ${ok ? '≤' : '>'} ${named(later)}${ok ? '' : `：后期累计数反而减少 ${show(drop)}，允许 ${show(allowed)}`}`,
    en: `cumulative ${named(earlier)} ${ok ? '≤' : '>'} ${named(later)}${ok ? '' : `: the later cumulative amount is lower by ${show(drop)}, allowed ${show(allowed)}`}`,
  }, later);
}

/** The two figures of a pair (built only for a kept result: Env.emit). */
function pairFigures(earlier: QualityFigure, later: QualityFigure) {
  return involvedPresent([earlier, 'earlier'], [later, 'later']);
}
