/**
 * Early warning (预警): a level per indicator from the probability that its target is met and the evaluation's
 * status, by a configurable rule set, with one sentence in Chinese and English saying what the forecast says.
 *
 * Default rules (issue 5): red when P < 0.3 or the evaluation says the indicator is behind (滞后); yellow when
 * 0.3 ≤ P < 0.7; green when P ≥ 0.7; none when there is neither a probability nor a behind status.
 */
import type { LocalizedText } from '../text';

export type WarningLevel = 'red' | 'yellow' | 'green' | 'none';

export interface WarningRules {
  /** Below this probability: red. */
  redBelow: number;
  /** Below this probability (and not red): yellow; at or above: green. */
  yellowBelow: number;
  /** Whether an evaluation status of 滞后 (behind) makes the warning red whatever the probability. */
  redWhenBehind: boolean;
}

export const DEFAULT_WARNING_RULES: WarningRules = { redBelow: 0.3, yellowBelow: 0.7, redWhenBehind: true };

export interface Warning {
  level: WarningLevel;
  rule: LocalizedText;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

export function warningLevel(probability: number | null, behind: boolean, rules: WarningRules = DEFAULT_WARNING_RULES): Warning {
  if (rules.redWhenBehind && behind) {
    return { level: 'red', rule: { zh: '评估结果为滞后（红色预警规则：进度滞后即为红色）', en: 'The evaluation says behind (rule: behind schedule is red)' } };
  }
  if (probability === null) return { level: 'none', rule: { zh: '无法计算达标概率，不作预警', en: 'No probability of meeting the target could be computed; no warning' } };
  if (probability < rules.redBelow) {
    return { level: 'red', rule: { zh: `达标概率低于${pct(rules.redBelow)}`, en: `Probability of meeting the target below ${pct(rules.redBelow)}` } };
  }
  if (probability < rules.yellowBelow) {
    return {
      level: 'yellow',
      rule: { zh: `达标概率在${pct(rules.redBelow)}至${pct(rules.yellowBelow)}之间`, en: `Probability of meeting the target between ${pct(rules.redBelow)} and ${pct(rules.yellowBelow)}` },
    };
  }
  return { level: 'green', rule: { zh: `达标概率不低于${pct(rules.yellowBelow)}`, en: `Probability of meeting the target at least ${pct(rules.yellowBelow)}` } };
}

/** Checks a rule set a user supplied: 0 ≤ redBelow ≤ yellowBelow ≤ 1. */
export function checkWarningRules(rules: WarningRules): string | null {
  if (!(rules.redBelow >= 0 && rules.redBelow <= rules.yellowBelow && rules.yellowBelow <= 1)) {
    return `warning rules need 0 ≤ redBelow ≤ yellowBelow ≤ 1 (got redBelow ${rules.redBelow}, yellowBelow ${rules.yellowBelow})`;
  }
  return null;
}
