/**
 * The forecasting methods a user can choose or backtest by name: the default combination and its members, the
 * random walk with drift (the benchmark a short trending series must beat; on annual data it is also the ARIMA
 * member), plus the log-linear trend (constant growth, the reading behind "年均增长x%").
 */
import { autoEtsForecast } from '../../domain/forecast/etsAuto';
import { logLinearForecast } from '../../domain/forecast/logLinear';
import type { Forecaster } from '../../domain/forecast/model';
import { randomWalkDriftForecast } from '../../domain/forecast/randomWalkDrift';
import { thetaForecast } from '../../domain/forecast/theta';
import { arimaForecast } from './arima';
import { autoForecast } from './autoForecast';

export const FORECAST_METHODS = {
  auto: autoForecast,
  ets: (y, h, m) => autoEtsForecast(y, h, m),
  theta: (y, h, m) => thetaForecast(y, h, m),
  arima: arimaForecast,
  loglinear: (y, h) => logLinearForecast(y, h),
  drift: (y, h) => randomWalkDriftForecast(y, h),
} satisfies Record<string, Forecaster>;

export type ForecastMethodId = keyof typeof FORECAST_METHODS;
export const FORECAST_METHOD_IDS = Object.keys(FORECAST_METHODS) as ForecastMethodId[];
