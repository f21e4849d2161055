/**
 * No input makes the server fail (issue 12, point 4): every route of the OpenAPI document is fed a corpus of hostile
 * values — NUL bytes, invalid UTF-8, lone surrogates, huge and odd numbers, impossible and future dates, long text,
 * wrong JSON types — in each path parameter, each query parameter and each field of its JSON body, as the public and
 * as a signed-in administrator, on both databases. Any answer is fine but a 5xx.
 */
import type { FastifyInstance } from 'fastify';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client';
import { buildApp } from '../src/server/app';
import { prepare } from '../src/services/bootstrap';
import { drivers } from './support/databases';
import { plansDir, regionsDir, root } from './support/paths';
import { signIn } from './support/session';

/** Raw text for a URL: already percent-encoded where the bytes are not valid UTF-8 on purpose. */
const URL_CORPUS = [
  '%00', 'a%00b', '%FF%FE', '%ED%A0%80', '%C0%AF', '', '%20', '1e308', '-1', '0', '1.5', 'NaN', 'Infinity', '99999999999999999999999',
  '2023-02-30', '9999-12-31', '2999-01-01', '0000-00-00', '1900', '%27%20or%201%3D1%20--', 'x'.repeat(3000), '%E6%B7%B1%E5%9C%B3', 'true', '[]', '%7B%7D',
];
/** JSON values for a body field. */
const JSON_CORPUS: unknown[] = ['a\u0000b', '\u0000', '\ud800', '\udfff x', '', 'x'.repeat(100_000), 1e308, -1, 0, 1.5, 2 ** 53 + 1, -(2 ** 31), null, true, [], {}, ['\u0000'], { a: '\u0000' }, '2023-02-30', '2999-01-01', '=1+1'];

/** A body that passes validation for each route that takes one, so that every field's mutation reaches the use case. */
const BODIES: Record<string, Record<string, unknown>> = {
  'POST /api/auth/login': { username: 'fuzz-nobody', password: 'not-the-password' },
  'POST /api/users': { username: 'fuzz-user', password: 'Fuzz-Password-2025!', role: 'viewer' },
  'POST /api/tokens': { name: 'fuzz', scopes: ['read'] },
  'POST /api/observations': { figures: [{ indicator: 'RETAIL', region: '440300', period: '2019', value: 1, unit: '亿元', source: 'fuzz' }], dryRun: true },
  'PATCH /api/observations/{id}': { version: 1, value: 1 },
  'POST /api/observations/{id}/corrections': { value: 1 },
  'POST /api/observations/{id}/submit': { version: 1 },
  'POST /api/observations/{id}/approve': { version: 1 },
  'POST /api/observations/{id}/reject': { version: 1, comment: 'fuzz' },
  'POST /api/plans/{planId}/reports/{kind}': { sections: [{ id: 'problems', text: 'fuzz' }] },
};
const PATH_DEFAULTS: Record<string, string> = { planId: 'shenzhen-services-14th-fyp', kind: 'annual', id: '1' };
/** Query parameters a route needs to get past validation; the rest start absent. */
const QUERY_DEFAULTS: Record<string, string> = { asOf: '2023', indicator: 'RETAIL', period: '2019', t: 'x', format: 'xlsx' };

interface Operation {
  method: string;
  path: string;
  params: Array<{ name: string; in: 'path' | 'query' }>;
  body: Record<string, unknown> | null;
}

describe.each(drivers)('fuzzing every documented route on $name', ({ open }) => {
  let database: Database;
  let app: FastifyInstance;
  let admin: Record<string, string>;
  let writer: Record<string, string>;
  let manager: Record<string, string>;
  beforeAll(async () => {
    database = await open();
    await prepare(database, { regionsDir, plansDir, catalogueDir: path.join(root, 'catalogue') });
    app = await buildApp(database);
    // Signed in before the fuzzing: its failed sign-ins slow this address down (the throttle), as they should.
    admin = await signIn(app, database, 'fuzz-admin', 'admin');
    writer = await signIn(app, database, 'fuzz-writer', 'statistician');
    // A second administrator's session: the fuzz signs in again with the first one's cookie, which ends that session.
    manager = await signIn(app, database, 'fuzz-manager', 'admin');
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  async function operations(): Promise<Operation[]> {
    const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json<{ paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string }> }>> }>();
    return Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.entries(ops).map(([m, op]) => {
        const method = m.toUpperCase();
        return {
          method,
          path: p,
          params: (op.parameters ?? []).filter((x): x is { name: string; in: 'path' | 'query' } => x.in === 'path' || x.in === 'query'),
          body: BODIES[`${method} ${p}`] ?? (method === 'GET' || method === 'DELETE' ? null : {}),
        };
      }),
    );
  }

  function url(op: Operation, values: Record<string, string>): string {
    const p = op.path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? PATH_DEFAULTS[name] ?? 'x');
    const query = op.params.filter((x) => x.in === 'query' && values[x.name] !== undefined).map((x) => `${x.name}=${values[x.name]}`);
    return query.length > 0 ? `${p}?${query.join('&')}` : p;
  }

  it('answers every route × every hostile value without a 5xx', { timeout: 900_000 }, async () => {
    const ops = await operations();
    expect(ops.length).toBeGreaterThan(30);
    const failures: string[] = [];
    let sent = 0;
    const send = async (op: Operation, values: Record<string, string>, body: unknown, raw?: Buffer) => {
      // Signing out — or in again with the session's cookie, which replaces it — would end the administrator's
      // session for the rest of the run: only the public does those here.
      const as = op.path === '/api/auth/logout' || op.path === '/api/auth/login' ? [{}] : [{}, admin];
      for (const headers of as) {
        const target = url(op, values);
        const res = await app.inject({
          method: op.method as 'GET',
          url: target,
          headers: { ...headers, ...(body !== undefined || raw ? { 'content-type': 'application/json' } : {}) },
          ...(raw ? { payload: raw } : body !== undefined ? { payload: JSON.stringify(body) } : {}),
        });
        sent++;
        if (res.statusCode >= 500) failures.push(`${op.method} ${target.slice(0, 120)} ${raw ? `raw ${raw.toString('latin1').slice(0, 60)}` : JSON.stringify(body)?.slice(0, 80)} as ${Object.keys(headers).length ? 'admin' : 'public'}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
    };
    for (const op of ops) {
      const base: Record<string, string> = {};
      for (const p of op.params) if (QUERY_DEFAULTS[p.name] !== undefined && p.in === 'query') base[p.name] = QUERY_DEFAULTS[p.name] ?? '';
      const body = op.body ?? undefined;
      for (const p of op.params) for (const v of URL_CORPUS) await send(op, { ...base, [p.name]: v }, body);
      if (op.body) {
        for (const [field] of Object.entries(op.body)) for (const v of JSON_CORPUS) await send(op, base, { ...op.body, [field]: v });
        const figures = op.body.figures as Array<Record<string, unknown>> | undefined;
        if (figures?.[0]) for (const field of Object.keys(figures[0])) for (const v of JSON_CORPUS) await send(op, base, { ...op.body, figures: [{ ...figures[0], [field]: v }] });
        // The body as bytes: invalid UTF-8 inside a string, a NUL escaped, a truncated document, not JSON at all.
        for (const raw of [Buffer.from('{"username":"\xff\xfe","password":"x"}', 'latin1'), Buffer.from('{"a":"\\u0000"}'), Buffer.from('{"figures":['), Buffer.from('not json'), Buffer.from('[]'), Buffer.from('null')]) await send(op, base, undefined, raw);
      }
    }
    expect(sent).toBeGreaterThan(1000);
    expect(failures).toEqual([]);
  });

  it('names the field: a NUL byte, a future as-of date or publication date, an unknown region scope', async () => {
    const nul = await app.inject({ method: 'GET', url: '/api/observations?indicator=a%00b' });
    expect(nul.statusCode).toBe(400);
    expect(nul.json<{ error: string }>().error).toContain('query field indicator: contains a NUL byte');
    const body = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'a\u0000b', password: 'x' } });
    expect(body.json<{ error: string }>().error).toContain('body field username');
    const future = await app.inject({ method: 'GET', url: '/api/plans/shenzhen-services-14th-fyp/evaluation?asOf=2999-01-01' });
    expect(future.statusCode).toBe(400);
    expect(future.json<{ error: string }>().error).toMatch(/asOf.*in the future/s);
    const published = await app.inject({
      method: 'POST', url: '/api/observations', headers: writer,
      payload: { figures: [{ indicator: 'RETAIL', region: '440300', period: '2019', value: 1, unit: '亿元', source: 'future', publishedDate: '2999-01-01' }] },
    });
    expect(published.statusCode).toBe(422);
    expect(published.json<{ rejected: Array<{ column: string; reason: string }> }>().rejected[0]).toMatchObject({ column: 'publishedDate', reason: expect.stringContaining('in the future') });
    const scope = await app.inject({ method: 'POST', url: '/api/users', headers: manager, payload: { username: 'fuzz-reporter', password: 'Fuzz-Password-2025!', role: 'reporter', regions: ['999999'] } });
    expect(scope.statusCode).toBe(400);
    expect(scope.json<{ error: string }>().error).toContain('regions: 999999 is not a region');
  });
});
