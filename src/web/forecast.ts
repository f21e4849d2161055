/**
 * Forecasts (contracts.md §1: GET /api/plans/{planId}/forecasts, built on the forecasting branch). Until that route
 * is in this build the app says "预测暂缺" instead of failing.
 */
import { useEffect, useState } from 'react';
import { api, ApiError, PLAN_ID } from './api';

export interface ForecastPoint { year: number; point: number; lo80: number; hi80: number; lo95: number; hi95: number }
export interface IndicatorForecast {
  indicatorCode: string;
  name: { zh: string; en: string };
  unit: string;
  status: 'ok' | 'insufficient_data' | 'no_target';
  reason?: { zh: string; en: string };
  model: string | null;
  history: { year: number; value: number }[];
  path: ForecastPoint[];
  targetYear: number | null;
  atTarget: ForecastPoint | null;
  comparator: string | null;
  target: number | null;
  band: [number, number] | null;
  probability: number | null;
  requiredGrowth: number | null;
  forecastGrowth: number | null;
  warning: { level: 'red' | 'yellow' | 'green' | 'none'; rule: { zh: string; en: string }; sentence: { zh: string; en: string } };
}
export interface PlanForecasts { planId: string; asOf: string; regionCode: string; indicators: IndicatorForecast[] }

/** The plan's forecasts as of a year, or null while loading or when the platform has none yet. */
export function useForecasts(asOf: string, region = '440300'): { forecasts: PlanForecasts | null; available: boolean; loading: boolean } {
  const [state, setState] = useState<{ forecasts: PlanForecasts | null; available: boolean; loading: boolean }>({ forecasts: null, available: true, loading: true });
  useEffect(() => {
    let live = true;
    api<PlanForecasts>(`/api/plans/${PLAN_ID}/forecasts?asOf=${encodeURIComponent(asOf)}&region=${region}`).then(
      (forecasts) => live && setState({ forecasts, available: true, loading: false }),
      (e: unknown) => live && setState({ forecasts: null, available: !(e instanceof ApiError && e.status === 404), loading: false }),
    );
    return () => {
      live = false;
    };
  }, [asOf, region]);
  return state;
}
