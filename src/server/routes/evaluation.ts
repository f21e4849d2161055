/** GET /api/plans/{planId}/evaluation: where each indicator stands, by which rule, from which figure. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client';
import { parseAsOf } from '../../domain/evaluation/asOf';
import { METHOD_IDS, type MethodId } from '../../domain/evaluation/result';
import { evaluatePlan } from '../../services/evaluation/evaluatePlan';
import { BadRequestError } from '../../services/errors';
import { errorResponse, evaluationQuery, planEvaluation, planParams } from '../../shared/api';
import { presentEvaluation } from '../presenters/evaluation';
import { evaluationStates, planReader } from '../policy';
import { byDataVersion } from '../../services/cache/byDataVersion';
import { plansService } from '../../services/plans';

export function parseMethods(list: readonly string[] | undefined): MethodId[] {
  if (!list || list.length === 0) return [...METHOD_IDS];
  for (const m of list) {
    if (!(METHOD_IDS as readonly string[]).includes(m)) throw new BadRequestError(`unknown method "${m}" (methods: ${METHOD_IDS.join(', ')})`);
  }
  return list as MethodId[];
}

export const evaluationRoutes = (database: Database): FastifyPluginAsyncZod =>
  async function routes(app) {
    app.get('/api/plans/:planId/evaluation', {
      config: { policy: 'public', answerCache: true },
      schema: {
        tags: ['evaluation'],
        summary: 'Progress of every indicator of the plan as of a year or date: value used, its source, status and workings per method',
        params: planParams,
        querystring: evaluationQuery,
        response: { 200: planEvaluation, 400: errorResponse, 404: errorResponse },
      },
      handler: async (req) => {
        await plansService.get(database, req.params.planId, planReader(req));
        const asOf = parseAsOf(req.query.asOf);
        if (!asOf.ok) throw new BadRequestError(asOf.error);
        const methods = parseMethods(req.query.method);
        const states = evaluationStates(req, req.query.includeDrafts);
        // Who may see the plan was checked above; the result depends only on these (and the data).
        const key = JSON.stringify(['evaluation', req.params.planId, asOf.value.text, methods, req.query.region ?? null, states]);
        return byDataVersion(database, key, async () =>
          presentEvaluation(
            await evaluatePlan(database, req.params.planId, {
              asOf: asOf.value,
              methods,
              ...(req.query.region ? { regionCode: req.query.region } : {}),
              states,
            }),
          ),
        );
      },
    });
  };
