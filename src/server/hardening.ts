/**
 * Secure defaults, configured in one place and on for every server: security headers (a Content-Security-Policy
 * that allows only our own scripts, frame-ancestors 'none', nosniff, a strict referrer policy), a rate limit for
 * clients that are not signed in, a refusal of NUL bytes and lone surrogates in any query, path or JSON field
 * (PostgreSQL text and jsonb cannot hold them: they would otherwise surface as a 500), and a ceiling on the size of
 * any answer.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { BadRequestError } from '../services/errors';
import { webRoot } from './web';

export interface HardeningOptions {
  /** Requests per minute per client address for clients not signed in; 0 or absent: no limit. */
  rateLimitAnon?: number;
  /** Largest answer in bytes (default 64 MiB). */
  responseMaxBytes?: number;
}

export const DEFAULT_RESPONSE_MAX_BYTES = 64 * 1024 * 1024;

export const hardening = fp<HardeningOptions>(async (app: FastifyInstance, opts) => {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        // The web app's one inline script (index.html asks for the cockpit's data early) is allowed by its hash.
        scriptSrc: ["'self'", ...inlineScriptHashes()],
        scriptSrcAttr: ["'none'"],
        // Ant Design and ECharts set style attributes from script.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // Sent on every answer; browsers heed it only over https (behind a TLS proxy). Subdomains are not ours to bind.
    strictTransportSecurity: { maxAge: 15_552_000, includeSubDomains: false },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });

  const anon = opts.rateLimitAnon ?? 0;
  if (anon > 0) {
    await app.register(fastifyRateLimit, {
      max: anon,
      timeWindow: 60_000,
      // After the policy hook: who is asking is known. Signed-in users, the local admin channel and the web app's
      // static files (cached, cheap) are not counted; the public API is, per client address (TRUST_PROXY decides it).
      hook: 'onRequest',
      allowList: (req) => req.principal.kind !== 'public' || !req.url.startsWith('/api/'),
      keyGenerator: (req) => req.ip,
      errorResponseBuilder: (_req, ctx) => ({ statusCode: 429, error: `too many requests from your address (${ctx.max} a minute without signing in): try again in ${ctx.after}` }),
    });
  }

  app.addHook('preValidation', async (req) => {
    for (const [where, value] of [['query', req.query], ['path', req.params], ['body', req.body]] as const) {
      const field = nulField(value);
      if (field !== null) throw new BadRequestError(`${where} field ${field || '(value)'}: contains a NUL byte (\\u0000) or a lone surrogate (\\ud800–\\udfff), which no text may hold`);
    }
  });

  const max = opts.responseMaxBytes ?? DEFAULT_RESPONSE_MAX_BYTES;
  app.addHook('onSend', async (req, reply, payload) => {
    const size = typeof payload === 'string' ? Buffer.byteLength(payload) : Buffer.isBuffer(payload) ? payload.length : 0;
    if (size <= max) return payload;
    req.log.warn({ size, max }, 'answer over the response ceiling refused');
    reply.code(413).type('application/json; charset=utf-8').removeHeader('content-disposition');
    const mb = (n: number) => `${Math.ceil(n / 1024 / 1024)} MB`;
    return JSON.stringify({ error: `the answer would be ${mb(size)}, more than the ${mb(max)} this server sends at once: narrow the request (filters, a page with limit), or export with the plan-monitor command on the server` });
  });
});

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The dotted path of the first string holding a NUL byte or a lone surrogate ('' for the value itself), or null. */
export function nulField(value: unknown, at = ''): string | null {
  // A lone surrogate is no Unicode text either: PostgreSQL's jsonb (the audit log) refuses it.
  if (typeof value === 'string') return value.includes('\u0000') || LONE_SURROGATE.test(value) ? at : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const f = nulField(value[i], `${at}[${i}]`);
      if (f !== null) return f;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('\u0000')) return at ? `${at}.${k}` : k;
      const f = nulField(v, at ? `${at}.${k}` : k);
      if (f !== null) return f;
    }
  }
  return null;
}

/** sha256 sources of the inline scripts of the built web app's index.html (none when it is not built). */
function inlineScriptHashes(): string[] {
  let html: string;
  try {
    html = readFileSync(path.join(webRoot, 'index.html'), 'utf8');
  } catch {
    return [];
  }
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => `'sha256-${createHash('sha256').update(m[1] ?? '').digest('base64')}'`);
}
