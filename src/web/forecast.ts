/**
 * Forecasts (contracts.md §1: GET /api/plans/{planId}/forecasts). Where a platform has no forecasts (404), the app
 * says "预测暂缺" instead of failing.
 */
import { useEffect, useState } from 'react';
import { ApiError, PLAN_ID, fetchOnce, type PlanForecastsDto } from './api';
import { draftsParam } from './drafts';

export type PlanForecasts = PlanForecastsDto;
export type IndicatorForecast = PlanForecastsDto['indicators'][number];

export const forecastsUrl = (asOf: string, region = '440300', includeDrafts = false) =>
  `/api/plans/${PLAN_ID}/forecasts?asOf=${encodeURIComponent(asOf)}&region=${region}${draftsParam(includeDrafts)}`;

/** The plan's forecasts as of a year, or null while loading or when the platform has none yet. */
export function useForecasts(asOf: string, region = '440300', includeDrafts = false): { forecasts: PlanForecasts | null; available: boolean; loading: boolean } {
  const [state, setState] = useState<{ forecasts: PlanForecasts | null; available: boolean; loading: boolean }>({ forecasts: null, available: true, loading: true });
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    fetchOnce<PlanForecasts>(forecastsUrl(asOf, region, includeDrafts)).then(
      (forecasts) => live && setState({ forecasts, available: true, loading: false }),
      (e: unknown) => live && setState({ forecasts: null, available: !(e instanceof ApiError && e.status === 404), loading: false }),
    );
    return () => {
      live = false;
    };
  }, [asOf, region, includeDrafts]);
  return state;
}
