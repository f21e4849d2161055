/**
 * How a plan's targets are judged where the plan itself does not say: per plan (the plan file's `evaluation:`
 * section), with these defaults. Documented in docs/EVALUATION.md.
 *
 * - `exceedMargin`: how far past its target (as a share of the target) a value must be to be 超额完成 rather than
 *   已完成. Default 0: any value strictly past the target exceeds it; a value exactly on it completes it.
 * - `overshoot`: a value past a 左右 (about) band on the side the indicator should move to (above 16%左右 for a share
 *   that should grow): 'flag' (default) judges it 高于目标区间 — not what the plan asked for, shown in yellow so that
 *   it is explained, never silently "met"; 'met' counts it as completed.
 */
export interface EvaluationSettings {
  exceedMargin: number;
  overshoot: 'flag' | 'met';
}

export const DEFAULT_EVALUATION_SETTINGS: EvaluationSettings = { exceedMargin: 0, overshoot: 'flag' };
