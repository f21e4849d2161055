/**
 * 评估与预警 in one read: a plan's evaluation (with the methods asked for) and, from the same evaluation, its
 * forecasts and one light per indicator. The CLI and the reports use this, so they show exactly the lights the
 * web app shows (the server's /forecasts route gives the same lights from the same functions).
 */
import type { Database } from '../../db/client';
import { getPlan } from '../../db/plans';
import type { PlanSummary } from '../../domain/plan/model';
import { NotFoundError } from '../errors';
import { forecastEvaluation, type ForecastOptions, type PlanForecasts } from '../forecast/forecastPlan';
import { evaluatePlan, type EvaluateOptions, type PlanEvaluation } from './evaluatePlan';

export interface PlanAssessment {
  plan: PlanSummary;
  evaluation: PlanEvaluation;
  forecasts: PlanForecasts;
}

export async function assessPlan(database: Database, planId: string, opts: EvaluateOptions & Pick<ForecastOptions, 'rules' | 'forecaster'>): Promise<PlanAssessment> {
  const plan = await getPlan(database.db, planId);
  if (!plan) throw new NotFoundError(`no plan with id "${planId}"`);
  const methods = opts.methods.includes('time_proportional') ? opts.methods : [...opts.methods, 'time_proportional' as const];
  const evaluation = await evaluatePlan(database, planId, { ...opts, methods });
  return { plan, evaluation, forecasts: forecastEvaluation(plan, evaluation, opts) };
}
