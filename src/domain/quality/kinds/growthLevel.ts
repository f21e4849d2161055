/**
 * A published growth rate against the two levels it connects: the same region, the period and the same period a
 * year earlier (2023 and 2022; 1–9月 2023 and 1–9月 2022). The levels' own growth is n = (L₁ / L₀ − 1) × 100.
 *   - nominal growth (现价, 名义): |g − n| within the tolerance;
 *   - real growth (可比价): the implied deflator d = ((1 + n/100) / (1 + g/100) − 1) × 100 must lie in the rule's
 *     range; without a range it is reported (skipped, with d), not judged;
 *   - growth of unstated basis: consistent if either reading is.
 * Rounding slack: half a unit of g, plus 100 × L₁/L₀ × (h(L₁)/L₁ + h(L₀)/L₀) for the levels' rounding. Published
 * growth rates are computed on revised prior-year levels, so a nominal tolerance of a few tenths is normal.
 */
import { halfUnit, type QualityFigure } from '../figure';
import type { Rule } from '../rules';
import type { ActiveRule } from '../ruleSet';
import { DIFFERENT_BASES, involved, involvedPresent, missingCell, named, sameBasis, type Env } from '../env';
import { allowance, show, within } from '../tolerance';
import { COMPARABLE } from './sum';

type GrowthRule = Extract<Rule, { kind: 'growth_level' }>;

export function checkGrowthLevel(rule: GrowthRule, active: ActiveRule, env: Env): void {
  const s = env.subject;
  const r = s.regionCode;
  if (s.indicatorCode === rule.growth) {
    if (!env.firstVisit(active, env.cells.keyOf(rule.growth, r, s.periodCode))) return;
    const before = env.cells.yearBefore(s);
    const l1 = env.get(rule.level, r, s.periodCode);
    const l0 = before === null ? undefined : env.get(rule.level, r, before);
    if (!l1 || !l0) {
      const missing = [...(l1 ? [] : [missingCell(rule.level, r, s.periodCode)]), ...(l0 || before === null ? [] : [missingCell(rule.level, r, before)])];
      return env.emit(active, 'skipped', () => growthFigures(s, l1, l0), () => ({ zh: `缺少 ${missing.join('、') || '上年同期'} 的数据，未检查`, en: `no figure for ${missing.join(', ') || 'the year before'}: not checked` }));
    }
    return judge(rule, active, env, s, l1, l0);
  }
  if (s.indicatorCode !== rule.level) return;
  if (env.subjectExcluded()) return env.emit(active, 'skipped', () => [involved(s, 'level')], () => COMPARABLE);
  // The level is the later figure of this year's growth and the earlier one of next year's.
  const before = env.cells.yearBefore(s);
  const g = env.get(rule.growth, r, s.periodCode);
  const l0 = before === null ? undefined : env.get(rule.level, r, before);
  if (g && l0 && env.firstVisit(active, env.cells.keyOf(rule.growth, r, s.periodCode))) judge(rule, active, env, g, s, l0);
  const after = env.cells.yearAfter(s);
  const gNext = after === null ? undefined : env.get(rule.growth, r, after);
  const l1Next = after === null ? undefined : env.get(rule.level, r, after);
  if (gNext && l1Next && after !== null && env.firstVisit(active, env.cells.keyOf(rule.growth, r, after))) judge(rule, active, env, gNext, l1Next, s);
}

function judge(rule: GrowthRule, active: ActiveRule, env: Env, g: QualityFigure, l1: QualityFigure, l0: QualityFigure): void {
  if (!sameBasis(env, [l1, l0])) return env.emit(active, 'skipped', () => growthFigures(g, l1, l0), () => DIFFERENT_BASES, g);
  if (l0.valueStd <= 0) return env.emit(active, 'skipped', () => growthFigures(g, l1, l0), () => ({ zh: '上年同期水平不为正，未检查', en: 'the level a year before is not positive: not checked' }), g);
  const ratio = l1.valueStd / l0.valueStd;
  const nominal = (ratio - 1) * 100;
  const slack = halfUnit(g.valueStd) + 100 * ratio * (halfUnit(l1.valueStd) / Math.abs(l1.valueStd || 1) + halfUnit(l0.valueStd) / l0.valueStd);
  const allowed = allowance(rule.tolerance, g.valueStd, slack);
  const gap = g.valueStd - nominal;
  const nominalOk = within(Math.abs(gap), allowed, Math.max(Math.abs(g.valueStd), Math.abs(nominal), 1));
  const deflator = ((1 + nominal / 100) / (1 + g.valueStd / 100) - 1) * 100;
  const range = rule.deflator;
  const deflatorOk = range ? deflator >= range.min - allowed - 1e-9 && deflator <= range.max + allowed + 1e-9 : null;
  const basis = g.priceBasis;
  const outcome = basis === 'current' ? (nominalOk ? 'pass' : 'fail') : basis === 'comparable' ? (deflatorOk === null ? 'skipped' : deflatorOk ? 'pass' : 'fail') : nominalOk || deflatorOk === true ? 'pass' : 'fail';
  if (!env.tally(active, outcome)) return;
  const levels = `${named(l1)} ÷ ${named(l0)} − 1 = ${show(nominal)}%`;
  const rangeText = range ? `${show(range.min)}%～${show(range.max)}%` : '';
  const ok = outcome === 'pass';
  let message: { zh: string; en: string };
  if (basis === 'current') {
    message = {
      zh: `名义增速 ${named(g)}% 与现价水平的增速 ${levels} ${ok ? '相符' : '不符'}：差 ${show(gap)} 个百分点，允许 ${show(allowed)}`,
      en: `nominal growth ${named(g)}% ${ok ? 'agrees' : 'disagrees'} with the levels' growth ${levels}: difference ${show(gap)} points, allowed ${show(allowed)}`,
    };
  } else if (basis === 'comparable' && outcome === 'skipped') {
    message = {
      zh: `实际增速 ${named(g)}%，现价水平增速 ${levels}，隐含价格指数变动 ${show(deflator)}%；规则未给出价格指数范围，仅列示`,
      en: `real growth ${named(g)}%, levels' growth ${levels}, implied deflator ${show(deflator)}%; the rule states no deflator range: reported, not judged`,
    };
  } else if (basis === 'comparable') {
    message = {
      zh: `实际增速 ${named(g)}%，现价水平增速 ${levels}，隐含价格指数变动 ${show(deflator)}%，${ok ? '在' : '超出'}规则范围 ${rangeText}${ok ? '内' : ''}（允许误差 ${show(allowed)}）`,
      en: `real growth ${named(g)}%, levels' growth ${levels}, implied deflator ${show(deflator)}% ${ok ? 'within' : 'outside'} the rule's range ${rangeText} (allowed error ${show(allowed)})`,
    };
  } else {
    message = {
      zh: `${named(g)}% 未注明价格口径：按名义增速与 ${levels} 差 ${show(gap)} 个百分点（允许 ${show(allowed)}）${range ? `；按实际增速隐含价格指数变动 ${show(deflator)}%（范围 ${rangeText}）` : ''}，${ok ? '至少一种口径相符' : '两种口径均不相符'}`,
      en: `${named(g)}% states no price basis: read as nominal it differs from ${levels} by ${show(gap)} points (allowed ${show(allowed)})${range ? `; read as real it implies a deflator of ${show(deflator)}% (range ${rangeText})` : ''}: ${ok ? 'consistent under at least one reading' : 'consistent under neither reading'}`,
    };
  }
  env.record(active, outcome, growthFigures(g, l1, l0), message, g);
}

/** The growth rate and the two levels it connects, those present (built only for a kept result: Env.emit). */
function growthFigures(g: QualityFigure, l1: QualityFigure | undefined, l0: QualityFigure | undefined) {
  return involvedPresent([g, 'growth'], [l1, 'level'], [l0, 'previous']);
}
