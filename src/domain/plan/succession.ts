/**
 * 规划衔接: a plan whose base year is the last year of an earlier plan of the same region takes over from it (the
 * 15th five-year plan, base year 2025, from the 14th, 2021–2025). Where an indicator is the same (the same code in
 * the catalogue), the earlier plan's final value — the target year's value its 总结评估 judged — is offered as the
 * later plan's 基期值, and a printed 基期值 that differs from it is pointed out: the two documents must agree, or
 * the difference must have a reason (a revision, a new census basis).
 */
import type { Baseline, PlanSummary } from './model';
import type { LocalizedText } from '../text';

/**
 * The plans a plan takes over from: same region, ending in its base year, starting before it. Several may qualify
 * (a services plan and a logistics plan both ending in 2025); an indicator is offered from each that has it.
 */
export function predecessorsOf(plan: Pick<PlanSummary, 'id' | 'regionCode' | 'baseYear' | 'period'>, plans: readonly PlanSummary[]): PlanSummary[] {
  return plans.filter((p) => p.id !== plan.id && p.regionCode === plan.regionCode && p.period.end === plan.baseYear && p.period.start < plan.period.start);
}

/** How a printed 基期值 stands to the offered final value. */
export type BaselineAgreement = 'not_printed' | 'agrees' | 'differs';

/** The agreement in words (no_value: the earlier plan has no final value yet), the same on the plan page and in the CLI. */
export const BASELINE_AGREEMENT_LABELS: Record<BaselineAgreement | 'no_value', LocalizedText> = {
  agrees: { zh: '一致', en: 'agrees' },
  differs: { zh: '不一致', en: 'differs' },
  not_printed: { zh: '规划未列基期值，可采用', en: 'not printed: may be taken' },
  no_value: { zh: '上期终期值暂缺', en: 'no final value yet' },
};

export interface BaselineComparison {
  agreement: BaselineAgreement;
  /** printed − offered, in the indicator's unit; null unless a printed value of the same year exists. */
  difference: number | null;
}

/** Decimals a printed number shows (2.5 → 1, 24000 → 0): the precision it was published with. */
export function printedDecimals(value: number): number {
  const text = String(value);
  if (/e/i.test(text)) return 0;
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/**
 * Compares a printed 基期值 with the offered value: they agree when the offered value, rounded to the decimals the
 * printed one shows, is the printed one (a plan prints 9.6 for 9.62), i.e. within half a unit of its last decimal.
 * A printed baseline of another year is not comparable and counts as not printed for this year.
 */
export function compareBaseline(printed: Baseline | null, offered: { value: number; year: number }): BaselineComparison {
  if (!printed || printed.year !== offered.year) return { agreement: 'not_printed', difference: null };
  const difference = Math.round((printed.value - offered.value) * 1e9) / 1e9;
  // Within half a unit of the printed last decimal (ties included, either way): the printed value is that rounding.
  const halfUnit = 0.5 * 10 ** -printedDecimals(printed.value);
  const same = Math.abs(printed.value - offered.value) <= halfUnit * (1 + 1e-9);
  return { agreement: same ? 'agrees' : 'differs', difference };
}
