/**
 * Forecasts every indicator of a plan's indicator system as of a year or date (contracts §1 and §4): the series the
 * evaluation chose (src/services/evaluation/evaluatePlan.ts, same figures, same as-of rule), forecast to the target
 * year with the default combination (median of ETS, Theta, ARIMA), the probability of meeting the target, the
 * early warning and its sentence. Reports and the web app call this; the HTTP route presents it as is.
 */
import type { Database } from '../../db/client';
import { getPlan } from '../../db/plans';
import { parseAsOf, type AsOf } from '../../domain/evaluation/asOf';
import { forecastIndicator, type IndicatorForecast } from '../../domain/forecast/indicator';
import type { Forecaster } from '../../domain/forecast/model';
import { checkWarningRules, type WarningRules } from '../../domain/forecast/warning';
import { BadRequestError, NotFoundError } from '../errors';
import { evaluatePlan } from '../evaluation/evaluatePlan';
import type { ApprovalState } from '../../domain/observation/approval';
import { autoForecast } from './autoForecast';

export type { IndicatorForecast };

export interface PlanForecasts {
  planId: string;
  /** Which figures the forecasts rest on (as the evaluation: approved only unless drafts were asked for). */
  figures: 'approved' | 'including_drafts';
  asOf: string;
  regionCode: string;
  indicators: IndicatorForecast[];
}

export interface ForecastOptions {
  /** A year ('2023' or 2023), a date ('2024-06-30'), or a parsed AsOf. */
  asOf: AsOf | string | number;
  regionCode?: string;
  rules?: WarningRules;
  /** The forecasting method (default: the median combination). */
  forecaster?: Forecaster;
  /** Approval states of the figures to use (default approved only, as the evaluation). */
  states?: readonly ApprovalState[];
}

export async function forecastPlan(database: Database, planId: string, opts: ForecastOptions): Promise<PlanForecasts> {
  const asOf = parseAsOfOption(opts.asOf);
  if (opts.rules) {
    const problem = checkWarningRules(opts.rules);
    if (problem) throw new BadRequestError(problem);
  }
  const plan = await getPlan(database.db, planId);
  if (!plan) throw new NotFoundError(`no plan with id "${planId}"`);
  const evaluation = await evaluatePlan(database, planId, {
    asOf,
    methods: ['time_proportional'],
    ...(opts.regionCode ? { regionCode: opts.regionCode } : {}),
    ...(opts.states ? { states: opts.states } : {}),
  });
  const forecaster = opts.forecaster ?? autoForecast;
  const ctx = { planEndYear: plan.period.end, isPlanRegion: evaluation.regionCode === plan.regionCode, ...(opts.rules ? { rules: opts.rules } : {}) };
  return {
    planId,
    figures: evaluation.figures,
    asOf: asOf.text,
    regionCode: evaluation.regionCode,
    indicators: evaluation.indicators.map((e) => forecastIndicator(e, forecaster, ctx)),
  };
}

/** An as-of given as a year, a date or already parsed; a bad one is a 400. */
export function parseAsOfOption(value: AsOf | string | number): AsOf {
  if (typeof value === 'object') return value;
  const parsed = parseAsOf(String(value));
  if (!parsed.ok) throw new BadRequestError(parsed.error);
  return parsed.value;
}
