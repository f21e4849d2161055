/**
 * Access control against the real HTTP server (listening on a loopback port), on both databases: the route × role
 * matrix with a 南山区 reporter in and out of scope, CSRF, session fixation, brute force, API tokens, and the
 * append-only audit log that records every write.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client';
import { queryRows } from '../src/db/raw';
import { buildApp } from '../src/server/app';
import { THROTTLE } from '../src/services/access/throttle';
import { createUser } from '../src/services/access/users';
import { prepare } from '../src/services/bootstrap';
import { drivers } from './support/databases';
import { plansDir, regionsDir, root } from './support/paths';
import { TEST_PASSWORD } from './support/session';

type Who = 'public' | 'admin' | 'planner' | 'statistician' | 'reporter' | 'viewer';
const ROLES: Who[] = ['public', 'admin', 'planner', 'statistician', 'reporter', 'viewer'];

/** Who each policy admits — written out here, independently of the code's own table. */
const ADMITS: Record<string, Who[]> = {
  public: ROLES,
  read: ['admin', 'planner', 'statistician', 'reporter', 'viewer'],
  'write:observations': ['admin', 'statistician', 'reporter'],
  'approve:observations': ['admin', 'planner'],
  'manage:users': ['admin'],
  'read:audit': ['admin', 'planner'],
  'read:microdata': ['admin', 'statistician'],
  'write:enterprises': ['admin', 'statistician'],
  'supervise:tasks': ['admin', 'planner'],
  'report:tasks': ['admin', 'planner', 'reporter'],
  'write:survey': ['admin', 'statistician'],
  'manage:regions': ['admin'],
  'assess:targets': ['admin', 'planner'],
};

/** A street of 南山区 (statistical division code) and its boundary: reference data an administrator may add. */
const street = { code: '440305001', name: { zh: '南头街道', en: 'Nantou Subdistrict' }, level: 'street', kind: 'administrative', parent: '440305', validFrom: '1990-01-01' };
const streetMap = {
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: { code: '440305001', name: '南头街道' }, geometry: { type: 'Polygon', coordinates: [[[113.9, 22.5], [113.92, 22.5], [113.92, 22.52], [113.9, 22.5]]] } }],
};

const figure = (region: string, value: number) => ({
  figures: [{ indicator: 'SVC_TRADE', region, period: '2023', value, unit: '亿美元', source: `access test ${region} ${value}`, publishedDate: '2024-03-01' }],
});

/** Every route of the API with its policy and a request that exercises it. */
const ROUTES: Array<{ method: string; url: string; policy: string; body?: unknown; doc?: string }> = [
  { method: 'GET', url: '/api/health', policy: 'public' },
  { method: 'GET', url: '/api/plans', policy: 'public' },
  { method: 'GET', url: '/api/plans/shenzhen-services-14th-fyp', policy: 'public' },
  { method: 'GET', url: '/api/plans/shenzhen-services-14th-fyp/indicators', policy: 'public' },
  { method: 'GET', url: '/api/plans/shenzhen-services-14th-fyp/items?kind=park', policy: 'public' },
  { method: 'GET', url: '/api/plans/shenzhen-services-14th-fyp/baseline-offers', policy: 'public' },
  { method: 'GET', url: '/api/plans/shenzhen-services-14th-fyp/evaluation?asOf=2023', policy: 'public' },
  { method: 'GET', url: '/api/plans/shenzhen-services-14th-fyp/reports/final?asOf=2025&format=xlsx', policy: 'read' },
  { method: 'GET', url: '/api/plans/shenzhen-services-14th-fyp/reports/final/draft?asOf=2025', policy: 'read' },
  { method: 'POST', url: '/api/plans/shenzhen-services-14th-fyp/reports/final?asOf=2025&format=xlsx', policy: 'read', body: { sections: [{ id: 'problems', text: '（一）access test' }] } },
  { method: 'GET', url: '/api/plans/shenzhen-services-14th-fyp/forecasts?asOf=2023', policy: 'public' },
  { method: 'GET', url: '/api/plans/shenzhen-services-14th-fyp/forecasts/backtest?asOf=2023', policy: 'public' },
  { method: 'GET', url: '/api/forecasts/real?growth=GDP_GROWTH&level=GDP&region=440300&asOf=2023', policy: 'public' },
  { method: 'GET', url: '/api/indicators', policy: 'public' },
  { method: 'GET', url: '/api/regions', policy: 'public' },
  { method: 'GET', url: '/api/regions/geo', policy: 'public' },
  { method: 'POST', url: '/api/regions', policy: 'manage:regions', body: { regions: [street] } },
  { method: 'POST', url: '/api/plans/shenzhen-services-14th-fyp/indicators/GDP/assessments', policy: 'assess:targets', body: { targetYear: 2025, assessment: 'on_track', evidence: 'x' }, doc: '/api/plans/{planId}/indicators/{code}/assessments' },
  { method: 'GET', url: '/api/plans/shenzhen-services-14th-fyp/indicators/GDP/assessments', policy: 'public', doc: '/api/plans/{planId}/indicators/{code}/assessments' },
  { method: 'PUT', url: '/api/regions/440305/boundaries', policy: 'manage:regions', body: streetMap },
  { method: 'GET', url: '/api/measurement-units?limit=5', policy: 'public' },
  { method: 'GET', url: '/api/observations?indicator=GDP', policy: 'public' },
  { method: 'GET', url: '/api/observations/candidates?indicator=GDP&period=2022', policy: 'public' },
  { method: 'GET', url: '/api/observations/derived?indicator=RETAIL', policy: 'public' },
  { method: 'GET', url: '/api/observations/template', policy: 'public' },
  { method: 'GET', url: '/api/observations/export?format=csv&indicator=GDP', policy: 'public' },
  { method: 'GET', url: '/api/imports/1', policy: 'read' },
  { method: 'GET', url: '/api/approvals', policy: 'approve:observations' },
  { method: 'POST', url: '/api/observations/999999/submit', policy: 'write:observations', body: { version: 1 } },
  { method: 'POST', url: '/api/observations/999999/approve', policy: 'approve:observations', body: { version: 1 } },
  { method: 'POST', url: '/api/observations/999999/reject', policy: 'approve:observations', body: { version: 1, comment: 'x' } },
  { method: 'POST', url: '/api/observations/999999/withdraw', policy: 'write:observations', body: { version: 1 } },
  { method: 'GET', url: '/api/observations/999999/actions', policy: 'read' },
  { method: 'PATCH', url: '/api/observations/999999', policy: 'write:observations', body: { version: 1, value: 1 } },
  { method: 'POST', url: '/api/approvals/bulk', policy: 'approve:observations', body: { action: 'approve', items: [{ id: 999999, version: 1 }] } },
  { method: 'POST', url: '/api/imports/999999/approve', policy: 'approve:observations', body: {}, doc: '/api/imports/{batchId}/approve' },
  { method: 'POST', url: '/api/observations/999999/corrections', policy: 'write:observations', body: { value: 1 } },
  { method: 'GET', url: '/api/auth/me', policy: 'public' },
  { method: 'GET', url: '/api/auth/first-run', policy: 'public' },
  { method: 'GET', url: '/api/auth/ticket?t=unknown', policy: 'public' },
  { method: 'POST', url: '/api/observations', policy: 'write:observations', body: figure('440305', 1) },
  { method: 'POST', url: '/api/observations/import', policy: 'write:observations' },
  { method: 'GET', url: '/api/users', policy: 'manage:users' },
  { method: 'POST', url: '/api/users', policy: 'manage:users', body: { username: 'x', password: 'short', role: 'viewer' } },
  { method: 'GET', url: '/api/audit', policy: 'read:audit' },
  { method: 'POST', url: '/api/tokens', policy: 'read', body: { name: 't', scopes: ['read'] } },
  { method: 'DELETE', url: '/api/tokens/999999', policy: 'read' },
  { method: 'POST', url: '/api/auth/logout', policy: 'read' },
  { method: 'POST', url: '/api/auth/login', policy: 'public', body: { username: 'nobody', password: 'x' } },
  { method: 'GET', url: '/api/enterprises?q=x', policy: 'read:microdata' },
  { method: 'GET', url: '/api/enterprises/9144030071526726XG', policy: 'read:microdata' },
  { method: 'POST', url: '/api/enterprises/import', policy: 'write:enterprises' },
  { method: 'GET', url: '/api/industry-aggregates?item=REVENUE&period=2024', policy: 'public' },
  { method: 'GET', url: '/api/industry-aggregates/periods?item=REVENUE', policy: 'public' },
  { method: 'GET', url: '/api/industries', policy: 'public' },
  { method: 'GET', url: '/api/enterprise-items', policy: 'public' },
  // 督促检查 (issue 16). Ids that do not exist answer 404 to those admitted: never 401/403.
  { method: 'GET', url: '/api/plans/shenzhen-services-14th-fyp/tasks?light=red&limit=10', policy: 'read' },
  { method: 'GET', url: '/api/plans/shenzhen-services-14th-fyp/supervision/board?by=unit', policy: 'read' },
  { method: 'GET', url: '/api/plans/shenzhen-services-14th-fyp/supervision/settings', policy: 'read' },
  { method: 'PUT', url: '/api/plans/shenzhen-services-14th-fyp/supervision/settings', policy: 'supervise:tasks', body: { cycle: 'quarterly', dueDays: 10, warnDays: 15, behindTolerance: 0.05 } },
  { method: 'GET', url: '/api/plans/shenzhen-services-14th-fyp/reminders', policy: 'read' },
  { method: 'GET', url: '/api/tasks/999999', policy: 'read', doc: '/api/tasks/{taskId}' },
  { method: 'POST', url: '/api/tasks/999999/assign', policy: 'supervise:tasks', body: { leadUnit: 1 }, doc: '/api/tasks/{taskId}/assign' },
  { method: 'POST', url: '/api/tasks/999999/accept', policy: 'report:tasks', doc: '/api/tasks/{taskId}/accept' },
  { method: 'POST', url: '/api/tasks/999999/subtasks', policy: 'supervise:tasks', body: { title: 'x', leadUnit: 1 }, doc: '/api/tasks/{taskId}/subtasks' },
  { method: 'POST', url: '/api/tasks/999999/reports', policy: 'report:tasks', body: { period: '2024Q1', narrative: 'x' }, doc: '/api/tasks/{taskId}/reports' },
  { method: 'POST', url: '/api/tasks/999999/notices', policy: 'supervise:tasks', body: { text: 'x', replyBy: '2099-01-01' }, doc: '/api/tasks/{taskId}/notices' },
  { method: 'POST', url: '/api/task-reports/999999/review', policy: 'supervise:tasks', body: { decision: 'approve' } },
  { method: 'POST', url: '/api/task-reports/999999/attachments', policy: 'report:tasks' },
  { method: 'GET', url: '/api/task-attachments/999999', policy: 'read' },
  { method: 'POST', url: '/api/task-notices/999999/reply', policy: 'report:tasks', body: { text: 'x' } },
  { method: 'POST', url: '/api/task-notices/999999/review', policy: 'supervise:tasks', body: { decision: 'accept' } },
  { method: 'GET', url: '/api/units?limit=5', policy: 'read' },
  { method: 'POST', url: '/api/units', policy: 'manage:users', body: { code: 'access-test', name: { zh: '访问测试单位', en: 'Access test unit' }, kind: 'department' } },
  { method: 'POST', url: '/api/units/999999/members', policy: 'manage:users', body: { username: 'u-viewer' } },
  { method: 'GET', url: '/api/plans/shenzhen-services-14th-fyp/projects?year=2024', policy: 'read' },
  { method: 'POST', url: '/api/plans/shenzhen-services-14th-fyp/projects/import', policy: 'report:tasks' },
  { method: 'GET', url: '/api/plans/shenzhen-services-14th-fyp/projects/template', policy: 'read' },
  { method: 'GET', url: '/api/quality/violations', policy: 'read' },
  { method: 'GET', url: '/api/quality/summary', policy: 'read' },
  { method: 'GET', url: '/api/quality/violations/export', policy: 'read' },
  { method: 'POST', url: '/api/quality/acknowledgements', policy: 'approve:observations', body: { key: 'no-such-rule:1', comment: 'access test' } },
  { method: 'GET', url: '/api/quality/figures?ids=1', policy: 'read' },
  { method: 'GET', url: '/api/quality/completeness?plan=shenzhen-services-14th-fyp', policy: 'read' },
  { method: 'GET', url: '/api/quality/completeness/items?plan=shenzhen-services-14th-fyp', policy: 'read' },
  { method: 'GET', url: '/api/prosperity/surveys', policy: 'public' },
  { method: 'GET', url: '/api/prosperity/surveys/shenzhen-services-bcs', policy: 'public' },
  { method: 'GET', url: '/api/prosperity/surveys/shenzhen-services-bcs/waves', policy: 'read' },
  { method: 'POST', url: '/api/prosperity/surveys/shenzhen-services-bcs/waves', policy: 'write:survey', body: { period: '2026-03' } },
  { method: 'GET', url: '/api/prosperity/waves/777777/response-rates', policy: 'read' },
  { method: 'POST', url: '/api/prosperity/surveys/777777/responses/import', policy: 'write:survey' },
  { method: 'GET', url: '/api/prosperity/indices?kind=diffusion', policy: 'public' },
  { method: 'GET', url: '/api/prosperity/surveys/shenzhen-services-bcs/export', policy: 'public' },
];

/**
 * Routes of the local admin channel (policy `system`, hidden from the OpenAPI document): only the plan-monitor command on
 * this machine reaches them, through the server's socket and token (test/adminCommands.test.ts); on the HTTP port they
 * are refused to everyone, whatever the body names.
 */
const SYSTEM_ROUTES: Array<{ method: string; url: string; body: unknown }> = [
  { method: 'POST', url: '/api/admin/migrate', body: {} },
  { method: 'POST', url: '/api/admin/plans/load', body: { file: '/etc/passwd' } },
  { method: 'POST', url: '/api/admin/regions/load', body: { files: ['/etc/passwd'] } },
  { method: 'POST', url: '/api/admin/units/load', body: { file: '/etc/passwd' } },
  { method: 'POST', url: '/api/admin/import', body: { file: '/etc/passwd' } },
  { method: 'POST', url: '/api/admin/sign-in', body: { username: 'u-admin' } },
  { method: 'POST', url: '/api/admin/enterprises/import', body: { file: '/etc/passwd' } },
  { method: 'POST', url: '/api/admin/enterprises/indicators', body: {} },
  { method: 'POST', url: '/api/admin/projects/import', body: { planId: 'shenzhen-services-14th-fyp', file: '/etc/passwd' } },
  { method: 'POST', url: '/api/admin/reminders/send', body: {} },
  { method: 'POST', url: '/api/admin/quality/validate', body: { file: '/etc/passwd' } },
  { method: 'POST', url: '/api/admin/prosperity/import', body: { file: '/etc/passwd', wave: '2026-01' } },
  { method: 'POST', url: '/api/admin/prosperity/panel', body: { frame: '/etc/passwd', seed: 1, joined: '2026-01' } },
];

describe.each(drivers)('access control on $name', ({ open }) => {
  let database: Database;
  let app: FastifyInstance;
  let base: string;
  const headers: Partial<Record<Who, Record<string, string>>> = {};
  /** Request ids of every successful write made through the API in this file. */
  const writes: string[] = [];

  async function call(method: string, url: string, opts: { who?: Who; body?: unknown; headers?: Record<string, string> } = {}) {
    const h: Record<string, string> = { ...(opts.who ? headers[opts.who] : {}), ...opts.headers };
    if (opts.body !== undefined) h['content-type'] = 'application/json';
    const res = await fetch(`${base}${url}`, { method, headers: h, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
    // A write is a successful non-GET request that changed something (a figure posted again changes nothing).
    const body = res.headers.get('content-type')?.includes('json') ? ((await res.clone().json()) as { committed?: boolean }) : null;
    if (method !== 'GET' && res.status < 300 && body?.committed !== false) writes.push(res.headers.get('x-request-id') ?? '?');
    return res;
  }

  async function login(username: string, password = TEST_PASSWORD, extra: Record<string, string> = {}) {
    const res = await call('POST', '/api/auth/login', { body: { username, password }, headers: extra });
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const body = (await res.json()) as { csrfToken?: string };
    return { res, cookie, csrf: body.csrfToken ?? '' };
  }

  beforeAll(async () => {
    database = await open();
    await prepare(database, { regionsDir, plansDir, catalogueDir: path.join(root, 'catalogue') });
    app = await buildApp(database);
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    for (const role of ['admin', 'planner', 'statistician', 'reporter', 'viewer'] as const) {
      await createUser(database, { username: `u-${role}`, password: TEST_PASSWORD, role, regions: role === 'reporter' ? ['440305'] : [] });
      const s = await login(`u-${role}`);
      headers[role] = { cookie: s.cookie, 'x-csrf-token': s.csrf };
    }
    headers.public = {};
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('lists every API route in the matrix', async () => {
    const doc = (await (await fetch(`${base}/api/docs/json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)).sort();
    const inMatrix = [...new Set(ROUTES.map((r) => `${r.method} ${r.doc ?? r.url.split('?')[0]?.replace('shenzhen-services-14th-fyp', '{planId}').replace('/reports/final', '/reports/{kind}').replace('9144030071526726XG', '{uscc}').replace(/\/(1|999999)(?=\/|$)/, '/{id}').replace('/regions/440305/', '/regions/{code}/').replace('shenzhen-services-bcs', '{survey}').replace('/777777', '/{waveId}')}`))].sort();
    expect(inMatrix).toEqual(documented);
  });

  it('refuses every route of the admin channel on the HTTP port, to every role, and keeps them out of the API document', async () => {
    // Every /api/admin/ route the source declares is in the list.
    const sources = await Promise.all((await readdir(path.join(root, 'src/server/routes'))).filter((f) => f.endsWith('.ts')).map((f) => readFile(path.join(root, 'src/server/routes', f), 'utf8')));
    const declared = sources.flatMap((t) => [...t.matchAll(/app\.(get|post|put|patch|delete)\('(\/api\/admin\/[^']+)'/g)].map((m) => `${m[1]?.toUpperCase()} ${m[2]}`));
    expect(declared.sort()).toEqual(SYSTEM_ROUTES.map((r) => `${r.method} ${r.url}`).sort());
    const doc = (await (await fetch(`${base}/api/docs/json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/api/admin/'))).toEqual([]);
    const wrong: string[] = [];
    for (const route of SYSTEM_ROUTES) {
      for (const who of ROLES) {
        const res = await call(route.method, route.url, { who, body: route.body });
        const expected = who === 'public' ? 401 : 403;
        if (res.status !== expected) wrong.push(`${route.method} ${route.url} as ${who}: ${res.status}, expected ${expected}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('allows or denies every route for every role as its policy says', async () => {
    const wrong: string[] = [];
    // Sign-in and sign-out change the caller's own session; they have tests of their own below.
    for (const route of ROUTES.filter((r) => !r.url.startsWith('/api/auth/log'))) {
      for (const who of ROLES) {
        const res = await call(route.method, route.url, { who, ...(route.body === undefined ? {} : { body: route.body }) });
        const admitted = ADMITS[route.policy]?.includes(who) ?? false;
        const denied = res.status === 401 || res.status === 403;
        // The import route without a file answers 400 to those it admits; a denial is always 401/403.
        if (admitted === denied) wrong.push(`${route.method} ${route.url} as ${who}: ${res.status}`);
        if (!admitted && who === 'public' && res.status !== 401) wrong.push(`${route.method} ${route.url} as public: ${res.status}, expected 401`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('lets a 南山区 reporter write 南山区 figures, and refuses 福田区 with 403 writing nothing', async () => {
    const ok = await call('POST', '/api/observations', { who: 'reporter', body: figure('南山区', 42) });
    expect(ok.status).toBe(200);
    const before = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from observations`);
    const out = await call('POST', '/api/observations', { who: 'reporter', body: { figures: [...figure('南山区', 43).figures, ...figure('福田区', 44).figures] } });
    expect(out.status).toBe(403);
    const body = (await out.json()) as { forbidden: boolean; committed: boolean; rejected: Array<{ reason: string }> };
    expect(body).toMatchObject({ forbidden: true, committed: false });
    expect(body.rejected[0]?.reason).toBe('region 440304 is outside your scope: you may not write its figures');
    expect(await queryRows(database.db, sql`select count(*)::int as n from observations`)).toEqual(before);
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const res = await call('POST', '/api/observations', { body: figure('440300', 7), headers: { cookie: headers.statistician?.cookie ?? '' } });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: string }).error).toContain('CSRF');
  });

  it('gives a new session id at every sign-in (no fixation) and ends the old one', async () => {
    const first = await login('u-viewer');
    const second = await login('u-viewer', TEST_PASSWORD, { cookie: first.cookie });
    expect(second.cookie).not.toBe(first.cookie);
    const me = await call('GET', '/api/auth/me', { headers: { cookie: first.cookie } });
    expect(((await me.json()) as { signedIn: boolean }).signedIn).toBe(false);
    const out = await call('POST', '/api/auth/logout', { headers: { cookie: second.cookie, 'x-csrf-token': second.csrf } });
    expect(out.status).toBe(204);
    expect(((await (await call('GET', '/api/auth/me', { headers: { cookie: second.cookie } })).json()) as { signedIn: boolean }).signedIn).toBe(false);
  });

  it(`slows an account down after ${THROTTLE.pair.free} wrong passwords from one address (429 with Retry-After, even with the right one)`, async () => {
    await createUser(database, { username: 'victim', password: TEST_PASSWORD, role: 'viewer' });
    for (let i = 0; i < THROTTLE.pair.free; i++) expect((await login('victim', 'Wrong-Password-99')).res.status).toBe(401);
    const slowed = (await login('victim')).res;
    expect(slowed.status).toBe(429);
    expect(Number(slowed.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('accepts a scoped API token without CSRF, and refuses it once revoked', async () => {
    const created = await call('POST', '/api/tokens', { who: 'statistician', body: { name: 'nightly import', scopes: ['write:observations'] } });
    expect(created.status).toBe(201);
    const { id, token } = (await created.json()) as { id: number; token: string };
    const bearer = { authorization: `Bearer ${token}` };
    expect((await call('POST', '/api/observations', { body: figure('440300', 8), headers: bearer })).status).toBe(200);
    expect((await call('DELETE', `/api/tokens/${id}`, { who: 'statistician' })).status).toBe(204);
    const after = await call('POST', '/api/observations', { body: figure('440300', 9), headers: bearer });
    expect(after.status).toBe(401);
    // A token is held to its scopes: this one may not read the audit log even though its user's role may not either.
    const viewerToken = await call('POST', '/api/tokens', { who: 'viewer', body: { name: 'x', scopes: ['write:observations'] } });
    expect(viewerToken.status).toBe(403);
  });

  it('records every write in the audit log, and the log cannot be changed', async () => {
    const logged = await queryRows<{ request_id: string }>(database.db, sql`select distinct request_id from audit_log where request_id is not null`);
    const ids = new Set(logged.map((r) => r.request_id));
    expect(writes.length).toBeGreaterThan(10);
    expect(writes.filter((w) => !ids.has(w))).toEqual([]);
    for (const statement of [sql`update audit_log set actor_name = 'someone else'`, sql`delete from audit_log`, sql`truncate audit_log`]) {
      await expect(database.db.execute(statement)).rejects.toThrow();
    }
    const res = await call('GET', '/api/audit?limit=5', { who: 'planner' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as unknown[]).length).toBe(5);
    const csv = await call('GET', '/api/audit?format=csv&limit=100000', { who: 'admin' });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // a BOM, so Excel opens it as UTF-8
    const lines = bytes.subarray(3).toString('utf8').trim().split('\n');
    expect(lines[0]).toBe('id,at,actor,action,entity,entity_id,old_value,new_value,client_address,request_id');
    const total = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from audit_log`);
    expect(lines.length - 1).toBeGreaterThanOrEqual((total[0]?.n ?? 0) - 1);
  });
});
