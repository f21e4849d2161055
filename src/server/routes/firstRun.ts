/** First run: the sign-in page asks whether an administrator exists (public: it says no names, only yes or no). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client';
import { firstRunState } from '../../services/access/firstRun';
import { firstRunResponse } from '../../shared/api';

export const firstRunRoutes = (database: Database): FastifyPluginAsyncZod =>
  async function routes(app) {
    app.get('/api/auth/first-run', {
      config: { policy: 'public' },
      schema: { tags: ['access'], summary: 'Whether an administrator exists yet, and the console command that creates the first one', response: { 200: firstRunResponse } },
      handler: () => firstRunState(database),
    });
  };
