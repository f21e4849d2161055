/**
 * A share equals its numerator over its denominator × 100 (the catalogue's formula), one region and period:
 * 服务业增加值占GDP比重 = 第三产业增加值 / GDP × 100. Rounding slack: half a unit of the published share, plus what
 * the rounding of numerator and denominator moves the quotient, |q| × (h(N)/|N| + h(D)/|D|).
 */
import { halfUnit, type QualityFigure } from '../figure';
import type { Rule } from '../rules';
import type { ActiveRule } from '../ruleSet';
import { DIFFERENT_BASES, involvedPresent, missingCell, named, sameBasis, type Env } from '../env';
import { allowance, show, within } from '../tolerance';

export function checkShare(rule: Extract<Rule, { kind: 'share' }>, active: ActiveRule, env: Env): void {
  const s = env.subject;
  const { regionCode: r, periodCode: p } = s;
  for (const code of rule.indicators) {
    const formula = env.indicators.get(code)?.share;
    if (!formula) continue;
    if (s.indicatorCode !== code && s.indicatorCode !== formula.numerator && s.indicatorCode !== formula.denominator) continue;
    if (!env.firstVisit(active, env.cells.keyOf(code, r, p))) continue;
    const share = env.get(code, r, p);
    const num = env.get(formula.numerator, r, p);
    const den = env.get(formula.denominator, r, p);
    // An amount at comparable prices is not a cell; a share (in %) always is.
    if (env.subjectExcluded()) {
      env.emit(active, 'skipped', () => shareFigures(share, num, den), () => ({ zh: '可比价的总量数据不参与占比检查', en: 'an amount at comparable prices is not used for shares' }));
      continue;
    }
    if (!share || !num || !den) {
      // Only the share's own check reports a missing figure; a level without a published share is the usual case.
      if (s.indicatorCode === code) {
        const missing = [[formula.numerator, num], [formula.denominator, den]].filter(([, f]) => !f).map(([c]) => missingCell(String(c), r, p));
        env.emit(active, 'skipped', () => shareFigures(share, num, den), () => ({ zh: `缺少 ${missing.join('、')} 的数据，未检查`, en: `no figure for ${missing.join(', ')}: not checked` }));
      }
      continue;
    }
    if (!sameBasis(env, [share, num, den])) {
      env.emit(active, 'skipped', () => shareFigures(share, num, den), () => DIFFERENT_BASES, share);
      continue;
    }
    if (den.valueStd === 0) {
      env.emit(active, 'skipped', () => shareFigures(share, num, den), () => ({ zh: '分母为0，未检查', en: 'the denominator is 0: not checked' }), share);
      continue;
    }
    const quotient = (num.valueStd / den.valueStd) * 100;
    const difference = Math.abs(share.valueStd - quotient);
    const slack = halfUnit(share.valueStd) + Math.abs(quotient) * (halfUnit(num.valueStd) / Math.abs(num.valueStd || 1) + halfUnit(den.valueStd) / Math.abs(den.valueStd));
    const allowed = allowance(rule.tolerance, share.valueStd, slack);
    const ok = within(difference, allowed, Math.max(Math.abs(share.valueStd), Math.abs(quotient)));
    if (!env.tally(active, ok ? 'pass' : 'fail')) continue;
    env.record(active, ok ? 'pass' : 'fail', shareFigures(share, num, den), {
      zh: `${named(share)} ${ok ? '=' : '≠'} ${named(num)} ÷ ${named(den)} × 100 = ${show(quotient)}：差 ${show(share.valueStd - quotient)}，允许 ${show(allowed)}`,
      en: `${named(share)} ${ok ? '=' : '≠'} ${named(num)} ÷ ${named(den)} × 100 = ${show(quotient)}: difference ${show(share.valueStd - quotient)}, allowed ${show(allowed)}`,
    }, share);
  }
}

/** The share, its numerator and denominator, those present (built only for a kept result: Env.emit). */
function shareFigures(share: QualityFigure | undefined, num: QualityFigure | undefined, den: QualityFigure | undefined) {
  return involvedPresent([share, 'share'], [num, 'numerator'], [den, 'denominator']);
}
