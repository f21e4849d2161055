/**
 * Identities of a total and its parts, one region and period: total = Σ parts (equal, e.g. GDP = 第一产业 + 第二产业 +
 * 第三产业 within rounding), or Σ parts ≤ total (at_most, parts that need not exhaust it). The rounding slack is half
 * a unit in the last digit of every figure compared.
 */
import { halfUnit, type QualityFigure } from '../figure';
import type { Rule, Tolerance } from '../rules';
import type { InvolvedFigure } from '../result';
import type { ActiveRule } from '../ruleSet';
import { DIFFERENT_BASES, involvedPresent, missingCell, named, sameBasis, type Env } from '../env';
import { allowance, show, within } from '../tolerance';

export function checkSum(rule: Extract<Rule, { kind: 'sum' }>, active: ActiveRule, env: Env): void {
  const s = env.subject;
  const { regionCode: r, periodCode: p } = s;
  if (!env.firstVisit(active, env.cells.keyOf(rule.total, r, p))) return;
  const total = env.get(rule.total, r, p);
  // Plain loops: this runs for every figure of a file, and intermediate objects per part were garbage by the ton.
  const present: QualityFigure[] = [];
  const missing: string[] = total ? [] : [rule.total];
  for (const c of rule.parts) {
    const f = env.get(c, r, p);
    if (f) present.push(f);
    else missing.push(c);
  }
  if (env.subjectExcluded()) return env.emit(active, 'skipped', () => totalAndParts(total, present), () => COMPARABLE);
  if (!total || (rule.relation === 'equal' && missing.length > 0) || present.length === 0) {
    return env.emit(active, 'skipped', () => totalAndParts(total, present), () => ({
      zh: `缺少 ${missing.map((c) => missingCell(c, r, p)).join('、')} 的数据，未检查`,
      en: `no figure for ${missing.map((c) => missingCell(c, r, p)).join(', ')}: not checked`,
    }));
  }
  judgeSum(rule, active, env, total, present);
}

/** The total and the parts present (built only for a kept result: Env.emit). */
export function totalAndParts(total: QualityFigure | undefined, present: readonly QualityFigure[]): InvolvedFigure[] {
  return involvedPresent([total, 'total'], ...present.map((f) => [f, 'part'] as const));
}

/**
 * A total against the sum of the parts present (a sum rule, districts and the city): same price basis first, then
 * the difference (equal) or the excess of the parts (at_most) within the tolerance, rounding slack of every figure.
 */
export function judgeSum(rule: { relation: 'equal' | 'at_most'; tolerance?: Tolerance | undefined }, active: ActiveRule, env: Env, total: QualityFigure, present: readonly QualityFigure[]): void {
  if (!sameBasis(env, [total, ...present])) return env.emit(active, 'skipped', () => totalAndParts(total, present), () => DIFFERENT_BASES, total);
  const sum = present.reduce((a, f) => a + f.valueStd, 0);
  const difference = rule.relation === 'equal' ? Math.abs(total.valueStd - sum) : Math.max(0, sum - total.valueStd);
  const slack = halfUnit(total.valueStd) + present.reduce((a, f) => a + halfUnit(f.valueStd), 0);
  const allowed = allowance(rule.tolerance, total.valueStd, slack);
  const ok = within(difference, allowed, Math.max(Math.abs(total.valueStd), Math.abs(sum)));
  if (env.tally(active, ok ? 'pass' : 'fail')) env.record(active, ok ? 'pass' : 'fail', totalAndParts(total, present), sumMessage(rule.relation, total, present, sum, total.valueStd - sum, allowed, ok), total);
}

export function sumMessage(relation: 'equal' | 'at_most', total: QualityFigure, parts: readonly QualityFigure[], sum: number, gap: number, allowed: number, ok: boolean) {
  const terms = parts.map((f) => show(f.valueStd)).join(' + ');
  const sign = relation === 'equal' ? (ok ? '=' : '≠') : ok ? '≥' : '<';
  return {
    zh: `${named(total)} ${sign} ${parts.map(named).join(' + ')}：${terms} = ${show(sum)}，差 ${show(gap)}，允许 ${show(allowed)}`,
    en: `${named(total)} ${sign} ${parts.map(named).join(' + ')}: ${terms} = ${show(sum)}, difference ${show(gap)}, allowed ${show(allowed)}`,
  };
}

export const COMPARABLE = {
  zh: '可比价的总量数据不参与现价恒等式检查',
  en: 'an amount at comparable prices is not compared in current-price identities',
};
