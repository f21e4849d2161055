/**
 * The progress-evaluation methods by id, and all of them at once.
 *
 * @example
 * const all = evaluateAll(input);
 * all.time_proportional.status; // 'on_schedule'
 */
import { evaluate as cagrRatio } from './cagrRatio';
import { evaluate as escapAnticipated } from './escapAnticipated';
import type { EvaluationInput } from './input';
import { METHOD_IDS, type EvaluationResult, type MethodId } from './result';
import { evaluate as timeProportional } from './timeProportional';
import { evaluate as unsdProjection } from './unsdProjection';

export type EvaluationMethod = (input: EvaluationInput) => EvaluationResult;

export const METHODS: Record<MethodId, EvaluationMethod> = {
  time_proportional: timeProportional,
  cagr_ratio: cagrRatio,
  unsd_projection: unsdProjection,
  escap_anticipated: escapAnticipated,
};

export function evaluateAll(input: EvaluationInput): Record<MethodId, EvaluationResult> {
  return {
    time_proportional: METHODS.time_proportional(input),
    cagr_ratio: METHODS.cagr_ratio(input),
    unsd_projection: METHODS.unsd_projection(input),
    escap_anticipated: METHODS.escap_anticipated(input),
  };
}

export { METHOD_IDS };
