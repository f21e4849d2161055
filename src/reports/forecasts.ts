/**
 * What a report needs from the forecasts (contract section 4): per indicator, the forecast at the target year with
 * its intervals, the probability of meeting the target, the warning and the forecast path for the chart.
 *
 * The forecasts come from the same assessment as the evaluation (src/services/evaluation/assessPlan.ts), which fits
 * the series the evaluation chose. An indicator without a forecast (too few figures, no target, or a target year
 * already past) reads "预测暂缺".
 */
import type { LocalizedText } from '../domain/text';
import type { ForecastPoint } from '../domain/forecast/attainment';
import type { PlanForecasts } from '../services/forecast/forecastPlan';

export type { ForecastPoint };

export type WarningLevel = 'red' | 'yellow' | 'green' | 'none';

export interface ReportForecast {
  indicatorCode: string;
  path: ForecastPoint[];
  atTarget: ForecastPoint | null;
  probability: number | null;
  warning: { level: WarningLevel; sentence: LocalizedText } | null;
}

/** Forecasts keyed by indicator code, or null when no forecast service is available. */
export type ForecastsByIndicator = Map<string, ReportForecast> | null;

export function reportForecasts(plan: PlanForecasts): Map<string, ReportForecast> {
  return new Map(
    plan.indicators.map((f) => [
      f.indicatorCode,
      {
        indicatorCode: f.indicatorCode,
        path: f.status === 'ok' ? f.path : [],
        atTarget: f.status === 'ok' ? f.atTarget : null,
        probability: f.status === 'ok' ? f.probability : null,
        warning: f.status !== 'ok' || f.warning.level === 'none' ? null : { level: f.warning.level, sentence: f.warning.sentence },
      },
    ]),
  );
}
