/**
 * The answer to "where does this indicator stand, and by which rule?": a status with its label, and the workings
 * (formula, source publication, inputs, intermediate numbers, thresholds and the one-sentence rule) that produced it.
 */
import type { LocalizedText } from '../text';
import type { CagrRatioStatus } from './cagrRatio';
import type { EscapStatus } from './escapAnticipated';
import type { TimeProportionalStatus } from './timeProportional';
import type { UnsdStatus } from './unsdProjection';

export const METHOD_IDS = ['time_proportional', 'cagr_ratio', 'unsd_projection', 'escap_anticipated'] as const;
export type MethodId = (typeof METHOD_IDS)[number];

export type StatusCode = TimeProportionalStatus | CagrRatioStatus | UnsdStatus | EscapStatus;

export interface Workings {
  formula: string;
  /** The publication (or practice) the method comes from. */
  source: string;
  inputs: Record<string, number | string | null>;
  intermediate: Record<string, number | null>;
  thresholds: Record<string, number>;
  /** One sentence, in both languages, saying why this status, with the numbers. */
  rule: LocalizedText;
  /** The latest value lies above the band of an `about` target (高于目标区间); for an increasing indicator that counts as met, flagged. */
  aboveBand: boolean;
  /** The latest value lies below the band of an `about` target (低于目标区间); for a decreasing indicator that counts as met, flagged. */
  belowBand: boolean;
  /** Further remarks: a growth target converted to a level, how shares are treated, a band overshoot. */
  notes: LocalizedText[];
}

/** A result of any evaluation: `M` names the method, `S` its status codes. */
export type Evaluation<M extends string, S extends string> =
  | { method: M; status: S; label: LocalizedText; workings: Workings }
  | { method: M; status: 'insufficient_data'; label: LocalizedText; reason: LocalizedText; workings: Workings };

export type EvaluationResult = Evaluation<MethodId, StatusCode>;

export const INSUFFICIENT_DATA_LABEL: LocalizedText = { zh: '数据不足，无法评估', en: 'Insufficient data' };

/** The workings every result starts from, before the method adds its numbers. */
export type BaseWorkings = Omit<Workings, 'rule'>;

export function insufficient<M extends string>(method: M, reason: LocalizedText, base: BaseWorkings): Evaluation<M, never> {
  return { method, status: 'insufficient_data', label: INSUFFICIENT_DATA_LABEL, reason, workings: { ...base, rule: reason } };
}

export function evaluated<M extends string, S extends string>(
  method: M,
  status: S,
  labels: Record<S, LocalizedText>,
  base: BaseWorkings,
  rule: LocalizedText,
): Evaluation<M, S> {
  return { method, status, label: labels[status], workings: { ...base, rule } };
}
