/**
 * Where a command runs. On a PostgreSQL server, or on an embedded folder nobody holds, it opens the database
 * itself (and holds the folder while it runs). When a server holds the embedded folder, opening it a second time
 * would lose figures (db/folderLock.ts), so the command goes through that server's local admin channel
 * (server/adminChannel.ts) — same checks, same audit, as the operator. When another command holds the folder, it
 * says which and stops.
 */
import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import type { Database } from '../db/client';
import { FolderBusyError, type LockHolder } from '../db/folderLock';
import { openPrepared } from '../services/bootstrap';
import { readCommandSettings } from '../services/settings';

export interface ServerAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A running server reached through its admin channel. */
export interface ServerClient {
  holder: LockHolder;
  request(method: string, path: string, body?: unknown): Promise<ServerAnswer>;
  /** The answer's JSON; a status outside `accept` (default 2xx) throws with the server's message. */
  json<T>(method: string, path: string, body?: unknown, accept?: readonly number[]): Promise<T>;
  /** The same with the answer's headers (a list paged by x-next-cursor whose body is not an array). */
  answer<T>(method: string, path: string, body?: unknown, accept?: readonly number[]): Promise<{ status: number; headers: ServerAnswer['headers']; body: T }>;
  /** Every page of a paged list (GET, limit + cursor, the next cursor in x-next-cursor), in order. */
  pages<T>(path: string): Promise<T[]>;
}

export type Target = { kind: 'direct'; database: Database } | { kind: 'server'; server: ServerClient };

export interface TargetOptions {
  /** false: open without migrating or loading. */
  prepare?: boolean;
  /** Give a survey with no panel the synthetic demo, as `serve` does (the prosperity commands). */
  prosperityDemo?: boolean;
}

/** Opens the database, or finds the server that holds it. */
export async function openTarget(opts: TargetOptions = {}): Promise<Target> {
  const settings = readCommandSettings();
  try {
    if (opts.prepare === false) {
      const { openDatabase } = await import('../db/client');
      return { kind: 'direct', database: await openDatabase(settings.database) };
    }
    return { kind: 'direct', database: (await openPrepared({ ...settings, ...(opts.prosperityDemo ? { prosperityDemo: true } : {}) })).database };
  } catch (e) {
    if (!(e instanceof FolderBusyError) || !e.holder?.channel) throw e;
    return { kind: 'server', server: await serverClient(e) };
  }
}

/** Runs a command on the database directly, or through the server that holds it. */
export async function onDatabase<T>(direct: (database: Database) => Promise<T>, viaServer: (server: ServerClient) => Promise<T>, opts: TargetOptions = {}): Promise<T> {
  const target = await openTarget(opts);
  if (target.kind === 'server') return viaServer(target.server);
  try {
    return await direct(target.database);
  } finally {
    await target.database.close();
  }
}

async function serverClient(busy: FolderBusyError): Promise<ServerClient> {
  const holder = busy.holder;
  const channel = holder?.channel;
  if (!holder || !channel) throw busy;
  let token: string;
  try {
    token = (await readFile(channel.tokenFile, 'utf8')).trim();
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'EACCES' ? 'it runs as another user: run this command as that user' : (e as Error).message;
    throw new Error(`${busy.message}\nIts admin channel could not be used (${channel.tokenFile}: ${why}).`);
  }
  const send = (method: string, path: string, body?: unknown) =>
    new Promise<ServerAnswer>((resolve, reject) => {
      const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
      const req = request(
        {
          socketPath: channel.socket,
          method,
          path,
          headers: { 'x-admin-token': token, ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}) },
          agent: false,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
          res.on('error', reject);
        },
      );
      req.on('error', (e) => reject(new Error(`the server (pid ${holder.pid}) did not answer on its admin channel ${channel.socket} (${e.message}); if it has just stopped, run this again`)));
      req.end(payload);
    });
  const answer = async <T>(method: string, path: string, body?: unknown, accept: readonly number[] = []) => {
    const res = await send(method, path, body);
    const text = res.body.toString('utf8');
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null;
    }
    if ((res.status < 200 || res.status >= 300) && !accept.includes(res.status)) throw new ServerError(res.status, parsed && typeof parsed === 'object' && 'error' in parsed ? String(parsed.error) : `HTTP ${res.status}: ${text.slice(0, 200)}`);
    return { status: res.status, headers: res.headers, body: parsed as T };
  };
  return {
    holder,
    request: send,
    answer,
    async json<T>(method: string, path: string, body?: unknown, accept: readonly number[] = []) {
      return (await answer<T>(method, path, body, accept)).body;
    },
    async pages<T>(path: string) {
      const out: T[] = [];
      let cursor: string | null = null;
      do {
        const res = await send('GET', `${path}${path.includes('?') ? '&' : '?'}${cursor ? `cursor=${encodeURIComponent(cursor)}` : ''}`);
        const text = res.body.toString('utf8');
        if (res.status !== 200) throw new ServerError(res.status, `HTTP ${res.status}: ${text.slice(0, 200)}`);
        out.push(...(JSON.parse(text) as T[]));
        const next = res.headers['x-next-cursor'];
        cursor = typeof next === 'string' && next !== '' ? next : null;
      } while (cursor !== null);
      return out;
    },
  };
}

/** The server refused: its message is the command's message (main.ts prints it as it is). */
export class ServerError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** A query string from options, leaving out those not given. */
export function query(params: Record<string, string | number | boolean | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/**
 * Every item of a list paged by `after`, whose body holds the page's items and the next cursor ({ items, next }:
 * the supervision lists), in order; `first` is the first page, for the fields beside the items (asOf …).
 */
export async function afterPages<T, P extends { items: T[]; next: string | null } = { items: T[]; next: string | null }>(server: ServerClient, path: string): Promise<{ first: P; items: T[] }> {
  const first = await server.json<P>('GET', path);
  const items = [...first.items];
  for (let next = first.next; next !== null; ) {
    const page: P = await server.json<P>('GET', `${path}${path.includes('?') ? '&' : '?'}after=${encodeURIComponent(next)}`);
    items.push(...page.items);
    next = page.next;
  }
  return { first, items };
}
