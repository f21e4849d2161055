/** The status light of an indicator: the evaluation's status codes, sorted into green / yellow / red / grey. */
import type { PlanEvaluationDto } from './api';

export type Light = 'green' | 'yellow' | 'red' | 'grey';
export type IndicatorEvaluation = PlanEvaluationDto['indicators'][number];

const LIGHTS: Record<string, Light> = {
  completed: 'green', ahead: 'green', on_schedule: 'green', on_track: 'green', substantial_progress: 'green', maintain_progress: 'green', target_achieved: 'green',
  fair_progress: 'yellow', limited_progress: 'yellow', accelerate_progress: 'yellow', limited_or_stagnation: 'yellow', moderate_progress: 'yellow',
  behind: 'red', deterioration: 'red', reverse_trend: 'red', wrong_direction: 'red',
  insufficient_data: 'grey',
};

export const lightOf = (status: string | undefined): Light => (status ? (LIGHTS[status] ?? 'grey') : 'grey');

/** Colours with at least 4.5:1 contrast against white for text, and their words. */
export const LIGHT_STYLE: Record<Light, { colour: string; zh: string; en: string }> = {
  green: { colour: '#15803d', zh: '正常', en: 'On track' },
  yellow: { colour: '#a16207', zh: '关注', en: 'Watch' },
  red: { colour: '#b91c1c', zh: '预警', en: 'Warning' },
  grey: { colour: '#4b5563', zh: '数据不足', en: 'No data' },
};

/** The method whose status lights the indicator: 序时进度 (time-proportional), the common practice of Chinese plan reviews. */
export const PRIMARY_METHOD = 'time_proportional';

export function primaryResult(ev: IndicatorEvaluation) {
  return ev.results[PRIMARY_METHOD] ?? Object.values(ev.results)[0];
}

/** Completion A = (y_t − y0)/(y* − y0) of the primary method, or null. */
export function completion(ev: IndicatorEvaluation): number | null {
  const a = primaryResult(ev)?.workings.intermediate.A;
  return typeof a === 'number' ? a : null;
}

/** Time elapsed E = (t − t0)/(T − t0), or null. */
export function elapsed(ev: IndicatorEvaluation): number | null {
  const e = primaryResult(ev)?.workings.intermediate.E;
  return typeof e === 'number' ? e : null;
}
