/**
 * Districts and the city, one indicator and period: Σ districts = city (equal), or Σ districts ≤ city (at_most: the
 * city minus a part no district holds, and a check that works while only some districts have reported — parts are
 * never negative, so the ones present must not exceed the total). `parts: children` are the regions under the total
 * that existed on the period's last day (a district founded in 2018 is no part of 2016).
 */
import type { QualityFigure } from '../figure';
import type { Rule } from '../rules';
import type { ActiveRule } from '../ruleSet';
import { missingCell, type Env } from '../env';
import { COMPARABLE, judgeSum, totalAndParts } from './sum';

export function checkRegionSum(rule: Extract<Rule, { kind: 'region_sum' }>, active: ActiveRule, env: Env): void {
  const s = env.subject;
  const partRegions = rule.parts === 'children' ? env.children(rule.total, s.period, s.periodCode) : rule.parts;
  if (s.regionCode !== rule.total && !partRegions.includes(s.regionCode)) return;
  const ind = s.indicatorCode;
  const p = s.periodCode;
  if (!env.firstVisit(active, env.cells.keyOf(ind, rule.total, p))) return;
  const total = env.get(ind, rule.total, p);
  const present: QualityFigure[] = [];
  const absent: string[] = [];
  for (const r of partRegions) {
    const f = env.get(ind, r, p);
    if (f) present.push(f);
    else absent.push(r);
  }
  if (env.subjectExcluded()) return env.emit(active, 'skipped', () => totalAndParts(total, present), () => COMPARABLE);
  const missing = [...(total ? [] : [rule.total]), ...(rule.relation === 'equal' ? absent : [])];
  if (!total || missing.length > 0 || present.length === 0) {
    const list = missing.length > 0 ? missing.map((r) => missingCell(ind, r, p)) : [`${ind} ${p}（${partRegions.join('、')}）`];
    return env.emit(active, 'skipped', () => totalAndParts(total, present), () => ({ zh: `缺少 ${list.join('、')} 的数据，未检查`, en: `no figure for ${list.join(', ')}: not checked` }));
  }
  judgeSum(rule, active, env, total, present);
}
