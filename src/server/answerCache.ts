/**
 * Read routes whose answer is a function of the request, the caller and the data — an evaluation, the forecasts, a
 * page of figures — keep the answer as sent (serialised, with the public's staff names already replaced) until the
 * data changes: the data version (db/dataVersion.ts) is read before the handler runs, and a stored answer is sent
 * again only while the version is the same. Any committed write, on this process or another sharing the database,
 * moves it, so an answer is never staler than the database. Routes opt in with `config: { answerCache: true }`;
 * routes whose answer depends on anything else (the session, the clock) or whose every read is audited do not.
 *
 * Why at the HTTP layer and not only below it (services/cache/byDataVersion.ts keeps the computed evaluation): with
 * fifty clients on two cores, serialising and checking an evaluation of nine indicators for every request costs
 * more than all else; an answer sent again costs one small query.
 *
 * The key is the caller (public, or the user with role, regions, departments and token scopes — what the answer's
 * permissions are decided by; the user's row is data, so a change of role moves the version) and the URL (path and
 * query), and the day (an answer without an as-of is as of today). Only 200 answers are kept, with the headers that belong to them (type, paging).
 *
 * @example
 * app.get('/api/plans/:planId/evaluation', { config: { policy: 'public', answerCache: true }, … });
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Database } from '../db/client';
import type { Principal } from '../domain/access/roles';
import { dataVersionOf } from '../services/cache/byDataVersion';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Keep this route's 200 answers until the data version moves (server/answerCache.ts). */
    answerCache?: boolean;
  }
}

/** The headers that are part of an answer (not of one response: request id, cookies, security headers). */
const ANSWER_HEADERS = ['content-type', 'content-disposition', 'link', 'x-next-cursor', 'x-figure-count'] as const;

export interface AnswerCacheOptions {
  database: Database;
  /** Bytes of answers kept at most, least recently used dropped first (default 64 MiB). */
  maxBytes?: number;
}

interface Stored {
  version: string;
  body: string;
  headers: Record<string, string>;
  bytes: number;
}

export function callerKey(p: Principal): string {
  if (p.kind !== 'user') return p.kind === 'public' ? 'public' : `system:${p.name}`;
  return JSON.stringify([p.userId, p.role, p.regions, p.departments, p.via, p.tokenScopes ?? null]);
}

export const answerCache = fp<AnswerCacheOptions>(async (app, { database, maxBytes = 64 * 1024 * 1024 }) => {
  const stored = new Map<string, Stored>();
  let bytes = 0;
  const pending = new WeakMap<FastifyRequest, { key: string; version: string }>();

  const drop = (key: string) => {
    const old = stored.get(key);
    if (!old) return;
    stored.delete(key);
    bytes -= old.bytes;
  };

  app.addHook('preHandler', async (req: FastifyRequest, reply: FastifyReply) => {
    if (req.method !== 'GET' || req.routeOptions.config.answerCache !== true) return;
    // The day too: a request without an as-of is answered as of today.
    const key = `${new Date().toISOString().slice(0, 10)} ${callerKey(req.principal)} ${req.url}`;
    const version = await dataVersionOf(database);
    const hit = stored.get(key);
    if (hit && hit.version === version) {
      // Most recently used last, so the oldest goes first.
      stored.delete(key);
      stored.set(key, hit);
      return reply.headers(hit.headers).send(hit.body);
    }
    pending.set(req, { key, version });
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const p = pending.get(req);
    if (!p || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    const headers: Record<string, string> = {};
    for (const h of ANSWER_HEADERS) {
      const v = reply.getHeader(h);
      if (v !== undefined) headers[h] = String(v);
    }
    const size = Buffer.byteLength(payload) + p.key.length * 2;
    if (size > maxBytes / 8) return payload; // one answer may not push out most of the others
    drop(p.key);
    stored.set(p.key, { version: p.version, body: payload, headers, bytes: size });
    bytes += size;
    for (const [key] of stored) {
      if (bytes <= maxBytes) break;
      drop(key);
    }
    return payload;
  });
});
