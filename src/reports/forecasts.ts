/**
 * What a report needs from the forecasts (contract section 4): per indicator, the forecast at the target year with
 * its intervals, the probability of meeting the target, the warning and the forecast path for the chart.
 *
 * The forecasts come from `forecastPlan` (src/services/forecast/forecastPlan.ts), which fits the same series the
 * evaluation chose. An indicator without a forecast (too few figures, no target) reads "预测暂缺".
 */
import type { ApprovalState } from '../domain/observation/approval';
import type { Database } from './database';
import type { AsOf } from '../domain/evaluation/asOf';
import type { LocalizedText } from '../domain/text';
import type { ForecastPoint } from '../domain/forecast/attainment';
import { forecastPlan } from '../services/forecast/forecastPlan';

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

export async function loadForecasts(database: Database, planId: string, asOf: AsOf, regionCode: string, states: readonly ApprovalState[]): Promise<ForecastsByIndicator> {
  const plan = await forecastPlan(database, planId, { asOf, regionCode, states });
  return new Map(
    plan.indicators.map((f) => [
      f.indicatorCode,
      {
        indicatorCode: f.indicatorCode,
        path: f.status === 'ok' ? f.path : [],
        atTarget: f.status === 'ok' ? f.atTarget : null,
        probability: f.status === 'ok' ? f.probability : null,
        warning: f.warning.level === 'none' ? null : { level: f.warning.level, sentence: f.warning.sentence },
      },
    ]),
  );
}
