/** Range and sign: the figure lies within [min, max] (a share within 0–100; a level ≥ 0). Bounds are inclusive. */
import type { Rule } from '../rules';
import type { ActiveRule } from '../ruleSet';
import { involved, type Env } from '../env';
import { show } from '../tolerance';

export function checkRange(rule: Extract<Rule, { kind: 'range' }>, active: ActiveRule, env: Env): void {
  const s = env.subject;
  const v = s.valueStd;
  const below = rule.min !== undefined && v < rule.min;
  const above = rule.max !== undefined && v > rule.max;
  const outcome = below || above ? 'fail' : 'pass';
  if (!env.tally(active, outcome)) return;
  const bounds = `${rule.min === undefined ? '−∞' : show(rule.min)}–${rule.max === undefined ? '+∞' : show(rule.max)}`;
  env.record(
    active,
    outcome,
    [involved(s, 'subject')],
    outcome === 'fail'
      ? { zh: `${show(v)} 超出允许范围 ${bounds}`, en: `${show(v)} lies outside the allowed range ${bounds}` }
      : { zh: `${show(v)} 在允许范围 ${bounds} 内`, en: `${show(v)} lies within ${bounds}` },
  );
}
