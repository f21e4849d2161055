/**
 * GET /api/plans/{planId}/forecasts: per indicator the forecast to the target year, its interval, the probability
 * of meeting the target and the early warning with its sentence (contracts §1).
 * GET /api/plans/{planId}/forecasts/backtest: how far each method's forecasts have been off on each series.
 * Public, like the evaluation they are computed from.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client';
import { DEFAULT_WARNING_RULES } from '../../domain/forecast/warning';
import { backtestPlan } from '../../services/forecast/backtestPlan';
import { forecastPlan } from '../../services/forecast/forecastPlan';
import { byDataVersion } from '../../services/cache/byDataVersion';
import { plansService } from '../../services/plans';
import { evaluationStates, planReader } from '../policy';
import { backtestQuery, errorResponse, forecastQuery, planBacktest, planForecasts, planParams } from '../../shared/api';

export const forecastRoutes = (database: Database): FastifyPluginAsyncZod =>
  async function routes(app) {
    app.get('/api/plans/:planId/forecasts', {
      config: { policy: 'public', answerCache: true },
      schema: {
        tags: ['forecast'],
        summary: 'Forecast of every indicator to its target year: model, path with 80%/95% intervals, probability of meeting the target, early warning and its sentence',
        params: planParams,
        querystring: forecastQuery,
        response: { 200: planForecasts, 400: errorResponse, 404: errorResponse },
      },
      handler: async (req) => {
        const q = req.query;
        const custom = q.redBelow !== undefined || q.yellowBelow !== undefined || q.redWhenBehind !== undefined;
        const rules = custom
          ? {
              redBelow: q.redBelow ?? DEFAULT_WARNING_RULES.redBelow,
              yellowBelow: q.yellowBelow ?? DEFAULT_WARNING_RULES.yellowBelow,
              redWhenBehind: q.redWhenBehind === undefined ? DEFAULT_WARNING_RULES.redWhenBehind : q.redWhenBehind === 'true',
            }
          : undefined;
        await plansService.get(database, req.params.planId, planReader(req));
        const states = evaluationStates(req, q.includeDrafts);
        // Who may see the plan was checked above; the result depends only on these (and the data).
        const key = JSON.stringify(['forecasts', req.params.planId, q.asOf, q.region ?? null, rules ?? null, states]);
        return byDataVersion(database, key, () =>
          forecastPlan(database, req.params.planId, { asOf: q.asOf, states, ...(q.region ? { regionCode: q.region } : {}), ...(rules ? { rules } : {}) }),
        );
      },
    });

    app.get('/api/plans/:planId/forecasts/backtest', {
      config: { policy: 'public', answerCache: true },
      schema: {
        tags: ['forecast'],
        summary: 'Rolling-origin backtest of every forecasting method on each indicator series: sMAPE, MASE, 80%/95% interval coverage',
        params: planParams,
        querystring: backtestQuery,
        response: { 200: planBacktest, 400: errorResponse, 404: errorResponse },
      },
      handler: async (req) => {
        await plansService.get(database, req.params.planId, planReader(req));
        const states = evaluationStates(req, req.query.includeDrafts);
        return backtestPlan(database, req.params.planId, { asOf: req.query.asOf, horizon: req.query.horizon, states, ...(req.query.region ? { regionCode: req.query.region } : {}) });
      },
    });
  };
