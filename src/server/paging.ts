/**
 * Every list the API returns comes in pages: `limit` (with a maximum per route) and `cursor`. A page is the JSON
 * array it always was; when more follow, the answer carries the next page's cursor in the `x-next-cursor` header
 * and a `Link: <…>; rel="next"` header with the URL to fetch. Cursors are opaque strings: small lists page by
 * position, figures by key (db/observationsPage.ts), so no page ever costs more than its own rows.
 *
 * @example
 * GET /api/observations?indicator=GDP&limit=500            → 500 figures, x-next-cursor: eyJrIjpb…
 * GET /api/observations?indicator=GDP&limit=500&cursor=eyJrIjpb…
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { BadRequestError } from '../services/errors';

export const NEXT_CURSOR_HEADER = 'x-next-cursor';

/** The paging parameters of a list route: at most `max` items a page, `max` unless asked. */
export function pageQuery(max: number, byDefault = max) {
  return z.object({
    limit: z.coerce.number().int().min(1).max(max).default(byDefault).describe(`items per page, at most ${max} (default ${byDefault}); when more follow, the x-next-cursor header holds the next page's cursor`),
    cursor: z.string().max(400).optional().describe('the next page: the x-next-cursor header of the page before (opaque)'),
  });
}

export const pageDescription = (what: string) => `${what}. Paged: limit and cursor; more pages are announced by the x-next-cursor and Link headers.`;

export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** The cursor's content, checked by `valid`; a cursor this server did not give is a 400 naming the field. */
export function decodeCursor<T>(cursor: string | undefined, valid: (v: unknown) => v is T): T | undefined {
  if (cursor === undefined) return undefined;
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    v = undefined;
  }
  if (!valid(v)) throw new BadRequestError('query field cursor: not a cursor this server gave (use the x-next-cursor header of the previous page)');
  return v;
}

/** Announces the next page (when there is one) on the reply. */
export function announceNext(req: FastifyRequest, reply: FastifyReply, cursor: string | null): void {
  if (cursor === null) return;
  const url = new URL(req.url, 'http://x');
  url.searchParams.set('cursor', cursor);
  reply.header(NEXT_CURSOR_HEADER, cursor).header('link', `<${url.pathname}${url.search}>; rel="next"`);
}

const isOffset = (v: unknown): v is { o: number } => typeof v === 'object' && v !== null && Number.isInteger((v as { o?: unknown }).o) && (v as { o: number }).o >= 0;

/** One page of a list computed whole (a plan's indicators, the regions): small by nature, paged by position. */
export function pageOf<T>(req: FastifyRequest, reply: FastifyReply, items: readonly T[], q: { limit: number; cursor?: string | undefined }): T[] {
  const from = decodeCursor(q.cursor, isOffset)?.o ?? 0;
  const page = items.slice(from, from + q.limit);
  announceNext(req, reply, from + q.limit < items.length ? encodeCursor({ o: from + q.limit }) : null);
  return page;
}
