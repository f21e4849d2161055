/** The inputs every result's workings echo, so a reader can redo the arithmetic from the result alone. */
import type { EvaluationInput } from './input';
import type { BaseWorkings } from './result';

export function describeInputs(input: EvaluationInput): Record<string, number | string | null> {
  const { indicator, target, baseline, latest } = input;
  const growth = input.growthTarget ?? null;
  return {
    code: indicator.code,
    unit: indicator.unit,
    direction: indicator.direction,
    isShare: indicator.isShare ? 'yes' : 'no',
    y0: baseline?.value ?? null,
    t0: baseline?.year ?? null,
    yt: latest?.value ?? null,
    t: latest?.year ?? null,
    targetValue: target?.value ?? null,
    T: target?.year ?? growth?.toYear ?? null,
    comparator: target?.comparator ?? null,
    tolerance: target?.tolerance ?? null,
    growthRatePercent: growth?.ratePercent ?? null,
    growthFromYear: growth?.fromYear ?? null,
    growthToYear: growth?.toYear ?? null,
  };
}

export function baseWorkings(input: EvaluationInput, formula: string, source: string, thresholds: Record<string, number>): BaseWorkings {
  return { formula, source, inputs: describeInputs(input), intermediate: {}, thresholds, aboveBand: false, belowBand: false, notes: [] };
}
