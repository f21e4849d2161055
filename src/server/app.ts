/**
 * Builds the HTTP application (Fastify + zod + OpenAPI). Tests call `buildApp` and `app.inject` in-process;
 * `serve` adds a listening port.
 */
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '../db/client';
import { healthResponse } from '../shared/api';
import { requirePolicies } from './policy';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import { AuthError } from '../services/access/auth';
import { accessRoutes } from './routes/access';
import { BadRequestError, ConflictError, ForbiddenError, NotFoundError, TooLargeError } from '../services/errors';
import { evaluationRoutes } from './routes/evaluation';
import { forecastRoutes } from './routes/forecasts';
import { realForecastRoutes } from './routes/realForecast';
import { observationRoutes } from './routes/observations';
import { approvalRoutes } from './routes/approval';
import { approvalFlowRoutes } from './routes/approvalFlow';
import { firstRunRoutes } from './routes/firstRun';
import { planRoutes } from './routes/plans';
import { reportRoutes } from './routes/reports';
import { geoRoutes } from './routes/geo';
import { enterpriseRoutes } from './routes/enterprises';
import { regionRoutes } from './routes/regions';
import { unitRoutes } from './routes/units';
import { assessmentRoutes } from './routes/assessments';
import { supervisionRoutes } from './routes/supervision';
import { projectRoutes } from './routes/projects';
import { adminRoutes } from './routes/admin';
import { qualityRoutes } from './routes/quality';
import { prosperityRoutes } from './routes/prosperity';
import { serveWebApp } from './web';
import { version } from './version';
import { DataFileError } from '../services/yamlFile';
import { answerCache } from './answerCache';
import { closeSilentSockets } from './silentSockets';
import { hardening, type HardeningOptions } from './hardening';
import { publicNames } from './publicNames';
import type { FourEyesRule } from '../domain/access/fourEyes';
import { configureFourEyes } from '../services/access/fourEyes';
import { fastifyLogging, type LogOptions } from './logging';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from './upload/limits';

export interface AppOptions extends HardeningOptions {
  /** JSON-line request and error logs (server/logging.ts); off when absent (tests). */
  log?: LogOptions;
  /** Behind a reverse proxy: true, a hop count or the proxies' addresses (TRUST_PROXY). */
  trustProxy?: boolean | number | string[];
  /** Uploads: the largest file and the most rows an import takes over HTTP. */
  upload?: Partial<UploadLimits>;
  /** Who may approve their own figures (FOUR_EYES); default below-admin. */
  fourEyes?: FourEyesRule;
}

/** A hop count becomes the function Fastify takes for it: trust the nearest `n` proxies. */
function trustProxyOption(t: AppOptions['trustProxy']): boolean | string | string[] | ((address: string, hop: number) => boolean) {
  if (typeof t === 'number') return (_address, hop) => hop < t;
  return t ?? false;
}

export async function buildApp(database: Database, opts: AppOptions = {}): Promise<FastifyInstance> {
  // trustProxy: behind a reverse proxy, the client address and https come from X-Forwarded-* (audit, Secure cookie).
  const app = Fastify({
    ...fastifyLogging(opts.log),
    trustProxy: trustProxyOption(opts.trustProxy),
    // Request ids are unique across restarts: the audit log keeps them for good.
    genReqId: () => randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(fastifyCookie);
  await app.register(closeSilentSockets);
  // The request id goes back to the client: the same id is in the audit log, so a write can be traced both ways.
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', String(req.id));
  });
  requirePolicies(app, database);
  configureFourEyes(opts.fourEyes ?? 'below-admin');
  await app.register(hardening, opts);
  await app.register(publicNames, { database });
  await app.register(answerCache, { database });

  app.setErrorHandler((error, _req, reply) => {
    if (error instanceof NotFoundError) return reply.code(404).send({ error: error.message });
    // A data file that does not check (a plan, region or rule file named on this machine): the file and line are in the message.
    if (error instanceof BadRequestError || error instanceof DataFileError) return reply.code(400).send({ error: error.message });
    if (error instanceof ForbiddenError) return reply.code(403).send({ error: error.message });
    if (error instanceof ConflictError) return reply.code(409).send({ error: error.message });
    if (error instanceof TooLargeError) return reply.code(413).send({ error: error.message });
    if (error instanceof AuthError) {
      if (error.retryAfter !== undefined) reply.header('retry-after', String(error.retryAfter));
      return reply.code(error.status).send({ error: error.message });
    }
    const e = error as { validation?: unknown; statusCode?: number; message: string };
    if (e.validation) return reply.code(400).send({ error: e.message });
    if (e.statusCode !== undefined && e.statusCode < 500) return reply.code(e.statusCode).send({ error: e.message });
    _req.log.error({ err: error }, 'request failed');
    return reply.code(500).send({ error: `internal error (request ${String(_req.id)})` });
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
  // Uploads are streamed to a temporary file, never held in memory, within the bounds of server/upload/limits.ts.
  await app.register(fastifyMultipart, { limits: { fileSize: opts.upload?.maxBytes ?? DEFAULT_UPLOAD_LIMITS.maxBytes, files: 1, fields: 8, fieldSize: 64 * 1024, parts: 10 } });
  await app.register(accessRoutes(database));
  await app.register(planRoutes(database));
  await app.register(observationRoutes(database, opts.upload));
  await app.register(evaluationRoutes(database));
  await app.register(approvalRoutes(database));
  await app.register(approvalFlowRoutes(database));
  await app.register(firstRunRoutes(database));
  await app.register(reportRoutes(database));
  await app.register(forecastRoutes(database));
  await app.register(realForecastRoutes(database));
  await app.register(enterpriseRoutes(database, opts.upload));
  await app.register(geoRoutes(database));
  await app.register(regionRoutes(database));
  await app.register(unitRoutes(database));
  await app.register(assessmentRoutes(database));
  await app.register(supervisionRoutes(database));
  await app.register(projectRoutes(database));
  await app.register(adminRoutes(database));
  await app.register(qualityRoutes(database));
  await app.register(prosperityRoutes(database, opts.upload));
  await serveWebApp(app);
  await app.ready();
  return app;
}
