/**
 * 景气信号灯 (business-climate signal lights): each component's value gets one of five lights from four thresholds,
 * and the lights are scored and summed into a composite signal, as 中国经济景气监测中心 (NBS) publishes its 预警指数:
 *
 *   蓝灯 过冷 1 point · 浅蓝灯 偏冷 2 · 绿灯 正常 3 · 黄灯 偏热 4 · 红灯 过热 5
 *   预警指数 = Σ points / (3 × components with a value) × 100     (100 = every light green)
 *
 * A value at a threshold takes the warmer light (value ≥ t₄ → 红). A counter-cyclical component (e.g. a price or
 * inventory index where a rise means cooling demand) is read with its thresholds reversed: value ≤ t₁ → 红.
 *
 * The composite thresholds default to the bands of 景气对策信号 of Taiwan's National Development Council (nine
 * components, 9–45 points: 蓝 ≤ 16, 浅蓝 17–22, 绿 23–31, 黄 32–37, 红 ≥ 38), restated on the 预警指数 scale
 * (points / 27 × 100: 62.96, 85.19, 118.52, 140.74) so they hold for any number of components; for nine components
 * they give exactly the published bands. Every threshold is data (the survey file), not code.
 */
import type { LocalizedText } from '../text';

export const LIGHTS = ['blue', 'lightBlue', 'green', 'yellow', 'red'] as const;
export type Light = (typeof LIGHTS)[number];

export const LIGHT_LABELS: Record<Light, LocalizedText> = {
  blue: { zh: '蓝灯（过冷）', en: 'blue (too cold)' },
  lightBlue: { zh: '浅蓝灯（偏冷）', en: 'light blue (cool)' },
  green: { zh: '绿灯（正常）', en: 'green (normal)' },
  yellow: { zh: '黄灯（偏热）', en: 'yellow (warm)' },
  red: { zh: '红灯（过热）', en: 'red (overheated)' },
};

/** Points of each light: 1 (蓝) to 5 (红). */
export const LIGHT_POINTS: Record<Light, number> = { blue: 1, lightBlue: 2, green: 3, yellow: 4, red: 5 };

/** Four increasing thresholds between the five lights: 蓝 | t₁ | 浅蓝 | t₂ | 绿 | t₃ | 黄 | t₄ | 红. */
export type Thresholds = readonly [number, number, number, number];

/** On the 预警指数 scale, from the NDC's nine-component bands (see above). */
export const DEFAULT_COMPOSITE_THRESHOLDS: Thresholds = [(17 / 27) * 100, (23 / 27) * 100, (32 / 27) * 100, (38 / 27) * 100];

/**
 * @example
 * lightOf(52.3, [45, 48, 53, 56])       // 'green'
 * lightOf(56, [45, 48, 53, 56])         // 'red' (a threshold takes the warmer light)
 * lightOf(44, [45, 48, 53, 56], true)   // 'red' (counter-cyclical: low is hot)
 */
export function lightOf(value: number, t: Thresholds, inverted = false): Light {
  if (!inverted) {
    if (value >= t[3]) return 'red';
    if (value >= t[2]) return 'yellow';
    if (value >= t[1]) return 'green';
    if (value >= t[0]) return 'lightBlue';
    return 'blue';
  }
  if (value <= t[0]) return 'red';
  if (value <= t[1]) return 'yellow';
  if (value <= t[2]) return 'green';
  if (value <= t[3]) return 'lightBlue';
  return 'blue';
}

export interface SignalComponent {
  code: string;
  thresholds: Thresholds;
  inverted?: boolean;
}

export interface SignalRow {
  /** Per component: its value and light (null where the value is missing). */
  lights: Record<string, { value: number | null; light: Light | null }>;
  /** Σ points over the components with a value. */
  points: number;
  /** Components with a value. */
  counted: number;
  /** 预警指数: points / (3 · counted) × 100; null when no component has a value. */
  score: number | null;
  light: Light | null;
}

/** The signal of one period from the components' values. */
export function signalRow(components: readonly SignalComponent[], values: Readonly<Record<string, number | null>>, compositeThresholds: Thresholds = DEFAULT_COMPOSITE_THRESHOLDS): SignalRow {
  const lights: SignalRow['lights'] = {};
  let points = 0;
  let counted = 0;
  for (const c of components) {
    const v = values[c.code] ?? null;
    const light = v === null ? null : lightOf(v, c.thresholds, c.inverted ?? false);
    lights[c.code] = { value: v, light };
    if (light) {
      points += LIGHT_POINTS[light];
      counted++;
    }
  }
  const score = counted > 0 ? (points / (3 * counted)) * 100 : null;
  return { lights, points, counted, score, light: score === null ? null : lightOf(score, compositeThresholds) };
}

/** Checks that thresholds increase strictly; the message names the first pair out of order. */
export function thresholdProblem(t: readonly number[]): string | null {
  if (t.length !== 4) return `four thresholds are needed (蓝|浅蓝|绿|黄|红), got ${t.length}`;
  for (let i = 1; i < 4; i++) if (!((t[i] ?? 0) > (t[i - 1] ?? 0))) return `thresholds must increase: ${t[i - 1]} then ${t[i]}`;
  return null;
}
