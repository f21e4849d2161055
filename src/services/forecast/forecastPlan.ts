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
import type { IndicatorEvaluation } from '../../domain/evaluation/indicator';
import { indicatorLight, type IndicatorLight } from '../../domain/evaluation/lights';
import type { LocalizedText } from '../../domain/text';
import type { Forecaster } from '../../domain/forecast/model';
import { checkWarningRules, type WarningRules } from '../../domain/forecast/warning';
import { BadRequestError, NotFoundError } from '../errors';
import { evaluatePlan, type PlanEvaluation } from '../evaluation/evaluatePlan';
import type { PlanSummary } from '../../domain/plan/model';
import type { ApprovalState } from '../../domain/observation/approval';
import { autoForecast } from './autoForecast';

export type { IndicatorForecast };

export interface PlanLight extends IndicatorLight {
  indicatorCode: string;
  phase: 'progress' | 'final';
  missing: LocalizedText | null;
}

export interface PlanForecasts {
  planId: string;
  /** Which figures the forecasts rest on (as the evaluation: approved only unless drafts were asked for). */
  figures: 'approved' | 'including_drafts';
  asOf: string;
  regionCode: string;
  indicators: IndicatorForecast[];
  /** One light per indicator (domain/evaluation/lights.ts): the status and the forecast, by one rule. */
  lights: PlanLight[];
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
  return forecastEvaluation(plan, evaluation, opts);
}

/**
 * Forecasts from an evaluation already made (same figures, same as-of), and the one light per indicator: what
 * reports and the CLI use, so that the evaluation is read once and every place shows the same lights.
 */
export function forecastEvaluation(plan: PlanSummary, evaluation: PlanEvaluation, opts: Pick<ForecastOptions, 'rules' | 'forecaster'> = {}): PlanForecasts {
  const forecaster = opts.forecaster ?? autoForecast;
  const ctx = { planEndYear: plan.period.end, isPlanRegion: evaluation.regionCode === plan.regionCode, ...(opts.rules ? { rules: opts.rules } : {}) };
  const indicators = evaluation.indicators.map((e) => forecastIndicator(e, forecaster, ctx));
  return {
    planId: plan.id,
    figures: evaluation.figures,
    asOf: evaluation.asOf.text,
    regionCode: evaluation.regionCode,
    indicators,
    lights: evaluation.indicators.map((e, i) => lightOfIndicator(e, indicators[i] ?? null)),
  };
}

/** The indicator's one light: its standing and, while in progress, its forecast. */
export function lightOfIndicator(e: IndicatorEvaluation, f: IndicatorForecast | null): PlanLight {
  const signal = f && f.status === 'ok' ? { probability: f.probability, level: f.warning.level, sentence: f.warning.sentence } : null;
  return { indicatorCode: e.indicator.code, phase: e.standing.phase, missing: e.standing.missing, ...indicatorLight(e.standing, signal) };
}

/** An as-of given as a year, a date or already parsed; a bad one is a 400. */
export function parseAsOfOption(value: AsOf | string | number): AsOf {
  if (typeof value === 'object') return value;
  const parsed = parseAsOf(String(value));
  if (!parsed.ok) throw new BadRequestError(parsed.error);
  return parsed.value;
}
