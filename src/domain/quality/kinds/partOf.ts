/**
 * A part never exceeds its total (one region and period): 金融业增加值 ≤ 第三产业增加值. For parts that may overlap
 * (finance is within modern services), each part is compared alone; `sum` with relation at_most compares their sum.
 */
import { halfUnit, type QualityFigure } from '../figure';
import type { Rule } from '../rules';
import type { ActiveRule } from '../ruleSet';
import { DIFFERENT_BASES, involvedPresent, missingCell, named, sameBasis, type Env } from '../env';
import { allowance, show, within } from '../tolerance';
import { COMPARABLE } from './sum';

export function checkPartOf(rule: Extract<Rule, { kind: 'part_of' }>, active: ActiveRule, env: Env): void {
  const s = env.subject;
  const { regionCode: r, periodCode: p } = s;
  const total = env.get(rule.total, r, p);
  const parts = s.indicatorCode === rule.total ? rule.parts : [s.indicatorCode];
  for (const code of parts) {
    if (!env.firstVisit(active, env.cells.keyOf(code, r, p))) continue;
    const part = env.get(code, r, p);
    if (env.subjectExcluded()) {
      env.emit(active, 'skipped', () => totalAndPart(total, part), () => COMPARABLE);
      continue;
    }
    if (!total || !part) {
      // A total without this part is nothing to report for the total; the part without its total is.
      if (s.indicatorCode !== rule.total) {
        env.emit(active, 'skipped', () => totalAndPart(total, part), () => ({ zh: `缺少 ${missingCell(rule.total, r, p)} 的数据，未检查`, en: `no figure for ${missingCell(rule.total, r, p)}: not checked` }));
      }
      continue;
    }
    if (!sameBasis(env, [total, part])) {
      env.emit(active, 'skipped', () => totalAndPart(total, part), () => DIFFERENT_BASES);
      continue;
    }
    compare(active, env, total, part, rule.tolerance);
  }
}

function compare(active: ActiveRule, env: Env, total: QualityFigure, part: QualityFigure, tolerance: Extract<Rule, { kind: 'part_of' }>['tolerance']) {
  const excess = Math.max(0, part.valueStd - total.valueStd);
  const allowed = allowance(tolerance, total.valueStd, halfUnit(total.valueStd) + halfUnit(part.valueStd));
  const ok = within(excess, allowed, Math.max(Math.abs(total.valueStd), Math.abs(part.valueStd)));
  if (!env.tally(active, ok ? 'pass' : 'fail')) return;
  env.record(active, ok ? 'pass' : 'fail', totalAndPart(total, part), {
    zh: `${named(part)} ${ok ? '≤' : '>'} ${named(total)}${ok ? '' : `：超出 ${show(excess)}，允许 ${show(allowed)}`}`,
    en: `${named(part)} ${ok ? '≤' : '>'} ${named(total)}${ok ? '' : `: exceeds by ${show(excess)}, allowed ${show(allowed)}`}`,
  }, total);
}

/** The total and the part, those present (built only for a kept result: Env.emit). */
function totalAndPart(total: QualityFigure | undefined, part: QualityFigure | undefined) {
  return involvedPresent([total, 'total'], [part, 'part']);
}
