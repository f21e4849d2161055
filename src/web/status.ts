/**
 * The light of an indicator as the server gives it: one rule (domain/evaluation/lights.ts), applied by the server
 * to the status and the forecast (GET …/forecasts → lights). Until the forecasts arrive, or where a platform has
 * none, the status light alone (GET …/evaluation → standing.light) — the same rule with no forecast. Nothing here
 * re-decides a light; this file only picks the server's answer and says how to draw it.
 */
import type { PlanEvaluationDto, PlanForecastsDto } from './api';
import { LIGHT_LABELS, STANDING_LIGHTS } from '../shared/labels';

export type Light = 'green' | 'yellow' | 'red' | 'grey';
export type IndicatorEvaluation = PlanEvaluationDto['indicators'][number];
export type IndicatorLightDto = PlanForecastsDto['lights'][number];

/** The light of a method's status (for the per-method cards of the indicator page). */
export const lightOf = (status: string | undefined): Light => (status ? (STANDING_LIGHTS[status] ?? 'grey') : 'grey');

/** Colours with at least 4.5:1 contrast against white for text, and their words. */
export const LIGHT_STYLE: Record<Light, { colour: string; zh: string; en: string }> = {
  green: { colour: '#15803d', ...LIGHT_LABELS.green },
  yellow: { colour: '#a16207', ...LIGHT_LABELS.yellow },
  red: { colour: '#b91c1c', ...LIGHT_LABELS.red },
  grey: { colour: '#4b5563', ...LIGHT_LABELS.grey },
};

/** Each indicator's light: the server's combined light where the forecasts are in, else its status light. */
export function lightsOf(indicators: readonly IndicatorEvaluation[], forecasts: PlanForecastsDto | null): Map<string, IndicatorLightDto> {
  const fromServer = new Map(forecasts?.lights.map((x) => [x.indicatorCode, x]) ?? []);
  return new Map(
    indicators.map((ev) => {
      const s = ev.standing;
      const own: IndicatorLightDto = { indicatorCode: ev.indicator.code, light: s.light, basis: s.light === 'grey' ? 'none' : 'status', phase: s.phase, reasons: [s.sentence], missing: s.missing };
      return [ev.indicator.code, fromServer.get(ev.indicator.code) ?? own];
    }),
  );
}

/** The method whose status is shown beside the light in progress: 序时进度 (time-proportional), the common practice of Chinese plan reviews. */
export const PRIMARY_METHOD = 'time_proportional';

export function primaryResult(ev: IndicatorEvaluation) {
  return ev.results[PRIMARY_METHOD] ?? Object.values(ev.results)[0];
}

/**
 * Completion: in progress, A = (y_t − y0)/(y* − y0) of 序时进度; after the target year, y_T / y* of the verdict.
 * Null when there is none.
 */
export function completion(ev: IndicatorEvaluation): number | null {
  if (ev.standing.phase === 'final') return ev.standing.verdict?.completionRate ?? null;
  const a = primaryResult(ev)?.workings.intermediate.A;
  return typeof a === 'number' ? a : null;
}

/** Time elapsed E = (t − t0)/(T − t0) in progress, or null (after the target year all of it has). */
export function elapsed(ev: IndicatorEvaluation): number | null {
  if (ev.standing.phase === 'final') return null;
  const e = primaryResult(ev)?.workings.intermediate.E;
  return typeof e === 'number' ? e : null;
}
