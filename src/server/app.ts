/**
 * Builds the HTTP application (Fastify + zod + OpenAPI). Tests call `buildApp` and `app.inject` in-process;
 * `serve` adds a listening port.
 */
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '../db/client';
import { healthResponse } from '../shared/api';
import { requirePolicies } from './policy';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import { AuthError } from '../services/access/auth';
import { accessRoutes } from './routes/access';
import { BadRequestError, ConflictError, ForbiddenError, NotFoundError } from '../services/errors';
import { evaluationRoutes } from './routes/evaluation';
import { forecastRoutes } from './routes/forecasts';
import { realForecastRoutes } from './routes/realForecast';
import { observationRoutes } from './routes/observations';
import { approvalRoutes } from './routes/approval';
import { planRoutes } from './routes/plans';
import { reportRoutes } from './routes/reports';
import { geoRoutes } from './routes/geo';
import { regionRoutes } from './routes/regions';
import { unitRoutes } from './routes/units';
import { serveWebApp } from './web';
import { version } from './version';

export interface AppOptions {
  logger?: boolean;
  trustProxy?: boolean;
}

export async function buildApp(database: Database, opts: AppOptions = {}): Promise<FastifyInstance> {
  // trustProxy: behind a reverse proxy, the client address and https come from X-Forwarded-* (audit, Secure cookie).
  const app = Fastify({ logger: opts.logger ?? false, trustProxy: opts.trustProxy ?? false }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(fastifyCookie);
  // The request id goes back to the client: the same id is in the audit log, so a write can be traced both ways.
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', String(req.id));
  });
  requirePolicies(app, database);

  app.setErrorHandler((error, _req, reply) => {
    if (error instanceof NotFoundError) return reply.code(404).send({ error: error.message });
    if (error instanceof BadRequestError) return reply.code(400).send({ error: error.message });
    if (error instanceof ForbiddenError) return reply.code(403).send({ error: error.message });
    if (error instanceof ConflictError) return reply.code(409).send({ error: error.message });
    if (error instanceof AuthError) return reply.code(error.status).send({ error: error.message });
    const e = error as { validation?: unknown; statusCode?: number; message: string };
    if (e.validation) return reply.code(400).send({ error: e.message });
    if (e.statusCode !== undefined && e.statusCode < 500) return reply.code(e.statusCode).send({ error: e.message });
    app.log.error(error);
    return reply.code(500).send({ error: 'internal error' });
  });

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Plan Monitor API (规划监测评估平台)', version, description: 'Plans, indicators, targets and figures.' },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  app.get('/api/health', {
    config: { policy: 'public' },
    schema: { tags: ['system'], summary: 'Liveness and which database driver is in use', response: { 200: healthResponse } },
    handler: () => ({ status: 'ok' as const, driver: database.driver, version }),
  });
  // Uploads are streamed to a temporary file, never held in memory; 200 MB is several million rows.
  // The form fields (dryRun, onError, mapping) are small: their number and size are bounded as well.
  await app.register(fastifyMultipart, { limits: { fileSize: 200 * 1024 * 1024, files: 1, fields: 8, fieldSize: 64 * 1024, parts: 10 } });
  await app.register(accessRoutes(database));
  await app.register(planRoutes(database));
  await app.register(observationRoutes(database));
  await app.register(evaluationRoutes(database));
  await app.register(approvalRoutes(database));
  await app.register(reportRoutes(database));
  await app.register(forecastRoutes(database));
  await app.register(realForecastRoutes(database));
  await app.register(geoRoutes(database));
  await app.register(regionRoutes(database));
  await app.register(unitRoutes(database));
  await serveWebApp(app);
  await app.ready();
  return app;
}
