/**
 * 指标信号灯: one light per indicator, by one rule, used everywhere (cockpit cards and counts, warning list,
 * indicator page, CLI, reports).
 *
 * 1. The status light (./standing.ts): the final verdict after the target year, else the progress status —
 *    绿 green: 已完成, 超额完成, 基本完成, 提前完成, 快于/基本符合序时进度, 符合目标区间, 达到年均增速要求;
 *    黄 yellow: 高于目标区间 (flagged: to be explained), 低于目标区间 without a progress reading;
 *    红 red: 未完成, 滞后于序时进度, 未达年均增速要求, 反向变化;
 *    灰 grey: no reading — a figure is missing (and the standing says which, and how to supply it), 待终期数据, 无法判定.
 * 2. In progress only, the forecast's light: 红 when the probability of meeting the target is below 30%, 黄 below
 *    70%, 绿 otherwise (thresholds: domain/forecast/warning.ts, configurable).
 * 3. The indicator's light is the worse of the two; a grey one is no signal, so the other decides, and the light is
 *    grey only when neither gives one. After the target year no forecast counts: the verdict alone.
 *
 * 预警 (a warning) is a red light; 关注 a yellow one. A warning list is the indicators with red or yellow lights,
 * one line each, so its counts equal the cockpit's.
 */
import type { LocalizedText } from '../text';

export const LIGHTS = ['green', 'yellow', 'red', 'grey'] as const;
export type Light = (typeof LIGHTS)[number];

export const LIGHT_LABELS: Record<Light, LocalizedText> = {
  green: { zh: '正常', en: 'On track' },
  yellow: { zh: '关注', en: 'Watch' },
  red: { zh: '预警', en: 'Warning' },
  grey: { zh: '数据不足', en: 'No reading' },
};

/** Status codes of every reading (verdicts, progress methods, band, growth) and their light. */
export const STANDING_LIGHTS: Record<string, Light> = {
  // final verdicts
  exceeded: 'green', completed: 'green', basically_completed: 'green', above_band: 'yellow', not_completed: 'red', undetermined: 'grey', pending: 'grey',
  // progress (序时进度 and the band of 左右 targets)
  completed_early: 'green', ahead: 'green', on_schedule: 'green', within_band: 'green', below_band: 'yellow', behind: 'red',
  // the other progress methods (shown beside 序时进度)
  on_track: 'green', substantial_progress: 'green', maintain_progress: 'green', target_achieved: 'green',
  fair_progress: 'yellow', limited_progress: 'yellow', accelerate_progress: 'yellow', limited_or_stagnation: 'yellow', moderate_progress: 'yellow',
  deterioration: 'red', reverse_trend: 'red', wrong_direction: 'red',
  insufficient_data: 'grey', no_target: 'grey',
  // qualitative targets, by their recorded assessment
  achieved: 'green', largely_achieved: 'green', at_risk: 'yellow', not_achieved: 'red', not_assessed: 'grey',
};

const SEVERITY: Record<Light, number> = { grey: 0, green: 1, yellow: 2, red: 3 };

/** The worse of two lights; grey is no signal, so it loses to any other. */
export function worse(a: Light, b: Light): Light {
  return SEVERITY[a] >= SEVERITY[b] ? a : b;
}

export interface ForecastSignal {
  /** Probability that the target is met; null when no forecast could be made. */
  probability: number | null;
  /** The forecast's own level (domain/forecast/warning.ts); 'none' when it gives none. */
  level: 'red' | 'yellow' | 'green' | 'none';
  sentence: LocalizedText;
}

export interface IndicatorLight {
  light: Light;
  /** What set the light. */
  basis: 'status' | 'forecast' | 'status_and_forecast' | 'none';
  /** Why, in one or two sentences: the status and, where it counts, the forecast. */
  reasons: LocalizedText[];
}

/**
 * @example
 * indicatorLight({ phase: 'progress', light: 'green', sentence }, { probability: 0.24, level: 'red', sentence }) // red: the forecast decides
 */
export function indicatorLight(standing: { phase: 'progress' | 'final'; light: Light; sentence: LocalizedText }, forecast: ForecastSignal | null): IndicatorLight {
  const status = standing.light;
  if (standing.phase === 'final' || !forecast || forecast.level === 'none') {
    return { light: status, basis: status === 'grey' ? 'none' : 'status', reasons: [standing.sentence] };
  }
  const f: Light = forecast.level;
  const light = worse(status, f);
  const basis = status === 'grey' ? 'forecast' : SEVERITY[f] > SEVERITY[status] ? 'forecast' : SEVERITY[f] === SEVERITY[status] ? 'status_and_forecast' : 'status';
  return { light, basis, reasons: [standing.sentence, forecast.sentence] };
}
