/**
 * Request and error logs: JSON lines (pino, Fastify's logger) on standard output, one per request start and end and
 * one per failure, each with the request id that the audit log and the `x-request-id` header also carry. Nothing
 * secret is written: request headers are not logged at all (so no cookie, token or CSRF token), bodies never (so no
 * password), and the one-time sign-in ticket is cut out of a logged URL.
 */
import type { FastifyServerOptions } from 'fastify';

export interface LogOptions {
  level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Where the lines go (default standard output); tests pass a stream to read them. */
  stream?: NodeJS.WritableStream;
}

/** Hides the value of secrets that may travel in a query string (the console sign-in ticket `t`). */
export const scrubUrl = (url: string): string => url.replace(/([?&]t=)[^&#]*/g, '$1[hidden]');

export function fastifyLogging(opts: LogOptions | undefined): Pick<FastifyServerOptions, 'logger'> {
  if (!opts) return { logger: false };
  return {
    logger: {
      level: opts.level,
      ...(opts.stream ? { stream: opts.stream } : {}),
      serializers: {
        req: (req: { method: string; url: string; ip?: string; id?: string }) => ({ method: req.method, url: scrubUrl(req.url), remoteAddress: req.ip }),
      },
    },
  };
}
