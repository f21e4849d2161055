/**
 * What a report needs from the forecasts (contract section 4): per indicator, the forecast at the target year with
 * its intervals, the probability of meeting the target, the warning and the forecast path for the chart.
 *
 * The forecasts come from `forecastPlan` (src/services/forecast/forecastPlan.ts, built on branch issue-5-forecast).
 * Until that service is merged, `loadForecasts` answers null and the reports write "预测暂缺" — the one place to
 * wire it is here.
 */
import type { Database } from './database';
import type { AsOf } from '../domain/evaluation/asOf';
import type { LocalizedText } from '../domain/text';

export interface ForecastPoint {
  year: number;
  point: number;
  lo80: number;
  hi80: number;
  lo95: number;
  hi95: number;
}

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

/**
 * @returns null while the forecast service is not part of this build (the report then says "预测暂缺").
 */
export async function loadForecasts(_database: Database, _planId: string, _asOf: AsOf, _regionCode: string): Promise<ForecastsByIndicator> {
  return null;
}
