/**
 * What a progress evaluation reads: one plan indicator, its target, its baseline (基期值 y0 at t0) and the latest
 * value (y_t at t) known at the evaluation date. The caller picks the latest value; evaluation never looks up data.
 */
import type { Target } from '../plan/model';
import type { Direction } from '../plan/terms';

/** 年均增长x%: an average-growth target for the level of the indicator, in percent per year (negative for a decline). */
export interface GrowthTarget {
  ratePercent: number;
  fromYear: number;
  toYear: number;
}

export interface EvaluationInput {
  indicator: { code: string; unit: string; direction: Direction; isShare: boolean };
  /** 目标值, from the plan (value, year, comparator at_least | about | at_most, tolerance). */
  target: Target | null;
  /** Optional average-growth target: "年均增长x%" — growth of the level per year, in percent. */
  growthTarget?: GrowthTarget | null;
  /** y0 at t0. */
  baseline: { value: number; year: number } | null;
  /** y_t at t: the value the evaluation uses, as of the evaluation date. */
  latest: { value: number; year: number } | null;
}
