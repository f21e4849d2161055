/**
 * Forecasts (contracts.md §1: GET /api/plans/{planId}/forecasts). Where a platform has no forecasts (404), the app
 * says "预测暂缺" instead of failing.
 */
import { useEffect, useState } from 'react';
import { ApiError, fetchOnce, type PlanForecastsDto } from './api';
import { draftsParam } from './drafts';

export type PlanForecasts = PlanForecastsDto;
export type IndicatorForecast = PlanForecastsDto['indicators'][number];

/** Without a region the server forecasts for the plan's own region (the address index.html requests early). */
export const forecastsUrl = (planId: string, asOf: string, region: string | null = null, includeDrafts = false) =>
  `/api/plans/${encodeURIComponent(planId)}/forecasts?asOf=${encodeURIComponent(asOf)}${region ? `&region=${region}` : ''}${draftsParam(includeDrafts)}`;

/** The plan's forecasts as of a year, or null while loading or when the platform has none yet. */
export function useForecasts(planId: string | null, asOf: string, region: string | null = null, includeDrafts = false): { forecasts: PlanForecasts | null; available: boolean; loading: boolean } {
  const [state, setState] = useState<{ forecasts: PlanForecasts | null; available: boolean; loading: boolean }>({ forecasts: null, available: true, loading: true });
  useEffect(() => {
    let live = true;
    if (!planId) return;
    setState((s) => ({ ...s, loading: true }));
    fetchOnce<PlanForecasts>(forecastsUrl(planId, asOf, region, includeDrafts)).then(
      (forecasts) => live && setState({ forecasts, available: true, loading: false }),
      (e: unknown) => live && setState({ forecasts: null, available: !(e instanceof ApiError && e.status === 404), loading: false }),
    );
    return () => {
      live = false;
    };
  }, [planId, asOf, region, includeDrafts]);
  return state;
}
