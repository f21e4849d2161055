/**
 * Running the server for real (issue 12, points 3, 6, 7 and 9), on both databases: JSON log lines with the request
 * id for a 500 and no password in any line; security headers; TRUST_PROXY; the anonymous rate limit; a sign-in
 * throttle that an anonymous caller cannot turn into the administrator's lock-out; the console sign-in link; the
 * four-eyes rule; a reporter reading only its own regions' drafts and import reports; staff names hidden from the
 * public; and the PDF page that runs no script and reaches nothing.
 */
import { createServer } from 'node:http';
import { PassThrough } from 'node:stream';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client';
import { openBrowser } from '../src/reports/browser';
import { buildApp } from '../src/server/app';
import { configureFourEyes } from '../src/services/access/fourEyes';
import { THROTTLE } from '../src/services/access/throttle';
import { prepare } from '../src/services/bootstrap';
import { drivers } from './support/databases';
import { plansDir, regionsDir, root } from './support/paths';
import { pdfText } from './support/reportText';
import { signIn, TEST_PASSWORD } from './support/session';

const catalogueDir = path.join(root, 'catalogue');
const figure = (region: string, value: number, extra: Record<string, unknown> = {}) => ({
  figures: [{ indicator: 'SVC_TRADE', region, period: '2022', value, unit: '亿美元', source: `operations ${region} ${value}`, publishedDate: '2023-03-01' }],
  ...extra,
});

describe.each(drivers)('operations on $name', ({ open }) => {
  let database: Database;
  let app: FastifyInstance;
  const lines: string[] = [];
  beforeAll(async () => {
    database = await open();
    await prepare(database, { regionsDir, plansDir, catalogueDir });
    const stream = new PassThrough();
    stream.on('data', (d: Buffer) => lines.push(...d.toString().split('\n').filter(Boolean)));
    app = await buildApp(database, { log: { level: 'info', stream }, trustProxy: ['127.0.0.1'] });
  });
  afterAll(async () => {
    configureFourEyes('below-admin');
    await app.close();
    await database.close();
  });

  it('logs JSON lines with the request id — a 500 among them — and never a password', async () => {
    const broken = await open();
    const brokenLines: string[] = [];
    const stream = new PassThrough();
    stream.on('data', (d: Buffer) => brokenLines.push(...d.toString().split('\n').filter(Boolean)));
    const brokenApp = await buildApp(broken, { log: { level: 'info', stream } });
    await broken.close();
    const res = await brokenApp.inject({ method: 'GET', url: '/api/indicators' });
    expect(res.statusCode).toBe(500);
    const id = String(res.headers['x-request-id']);
    expect(res.json<{ error: string }>().error).toContain(id);
    const failure = brokenLines.map((l) => JSON.parse(l) as { level: number; reqId?: string; err?: { message: string } }).find((l) => l.level >= 50);
    expect(failure).toMatchObject({ reqId: id, err: { message: expect.any(String) } });
    await brokenApp.close();

    const secret = 'Never-Logged-Passw0rd!';
    await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody-here', password: secret } });
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.filter((l) => l.includes(secret))).toEqual([]);
    expect(lines.every((l) => typeof (JSON.parse(l) as { reqId?: string }).reqId === 'string' || !l.includes('"req"'))).toBe(true);
  });

  it('sends security headers, and trusts the proxy it is told to for the address and https', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    await signIn(app, database, 'ops-proxy', 'viewer');
    const viaProxy = await app.inject({
      method: 'POST', url: '/api/auth/login', remoteAddress: '127.0.0.1',
      headers: { 'x-forwarded-for': '203.0.113.9', 'x-forwarded-proto': 'https' },
      payload: { username: 'ops-proxy', password: TEST_PASSWORD },
    });
    expect(String(viaProxy.headers['set-cookie'])).toContain('Secure');
    // Not from the trusted proxy: the header is ignored.
    const direct = await app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '198.51.100.4', headers: { 'x-forwarded-proto': 'https' }, payload: { username: 'ops-proxy', password: TEST_PASSWORD } });
    expect(String(direct.headers['set-cookie'])).not.toContain('Secure');
  });

  it('limits anonymous requests per address (429), not signed-in ones', async () => {
    const limited = await buildApp(database, { rateLimitAnon: 5 });
    const viewer = await signIn(limited, database, 'ops-rate', 'viewer');
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await limited.inject({ method: 'GET', url: '/api/plans', remoteAddress: '192.0.2.1' })).statusCode);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    expect((await limited.inject({ method: 'GET', url: '/api/plans', remoteAddress: '192.0.2.2' })).statusCode).toBe(200);
    for (let i = 0; i < 7; i++) expect((await limited.inject({ method: 'GET', url: '/api/plans', remoteAddress: '192.0.2.1', headers: viewer })).statusCode).toBe(200);
    await limited.close();
  });

  it('cannot be turned into the administrator\'s lock-out: 20 failures from one address slow that address, not the owner elsewhere', { timeout: 60_000 }, async () => {
    await signIn(app, database, 'ops-chief', 'admin');
    const attempt = (password: string, remoteAddress: string) => app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { username: 'ops-chief', password } });
    const attacker = '198.51.100.66';
    const answers = [];
    for (let i = 0; i < 20; i++) answers.push((await attempt('Wrong-Password-1', attacker)).statusCode);
    expect(answers.slice(0, THROTTLE.pair.free)).toEqual(Array(THROTTLE.pair.free).fill(401));
    expect(answers.slice(THROTTLE.pair.free + 1).every((s) => s === 429)).toBe(true);
    expect((await attempt(TEST_PASSWORD, attacker)).statusCode).toBe(429);
    // The owner, from elsewhere: at most the account's short delay, then in.
    let owner = await attempt(TEST_PASSWORD, '203.0.113.50');
    if (owner.statusCode === 429) {
      const wait = Number(owner.headers['retry-after']);
      expect(wait).toBeLessThanOrEqual(THROTTLE.account.maxSeconds);
      await new Promise((r) => setTimeout(r, wait * 1000));
      owner = await attempt(TEST_PASSWORD, '203.0.113.50');
    }
    expect(owner.statusCode).toBe(200);
  });

  it('holds approvers to the four-eyes rule (FOUR_EYES=everyone), and lets another approver approve', async () => {
    const chief = await signIn(app, database, 'ops-admin-a', 'admin');
    const other = await signIn(app, database, 'ops-admin-b', 'admin');
    configureFourEyes('everyone');
    try {
      const direct = await app.inject({ method: 'POST', url: '/api/observations', headers: chief, payload: figure('440300', 11, { approve: true }) });
      expect(direct.statusCode).toBe(403);
      expect(direct.json<{ error: string }>().error).toContain('four eyes');
      expect((await app.inject({ method: 'POST', url: '/api/observations', headers: chief, payload: figure('440300', 12) })).statusCode).toBe(200);
      const [draft] = (await app.inject({ method: 'GET', url: '/api/observations?indicator=SVC_TRADE&state=draft', headers: chief })).json<Array<{ id: number; approval: { version: number } }>>();
      expect(draft).toBeDefined();
      const id = draft?.id ?? 0;
      expect((await app.inject({ method: 'POST', url: `/api/observations/${id}/submit`, headers: chief, payload: { version: 1 } })).statusCode).toBe(200);
      const own = await app.inject({ method: 'POST', url: `/api/observations/${id}/approve`, headers: chief, payload: { version: 2 } });
      expect(own.statusCode).toBe(403);
      expect((await app.inject({ method: 'POST', url: `/api/observations/${id}/approve`, headers: other, payload: { version: 2 } })).statusCode).toBe(200);
      // The public sees who approved it by role, not by name; a signed-in reader sees the name.
      const seen = (headers: Record<string, string>) => app.inject({ method: 'GET', url: '/api/observations?indicator=SVC_TRADE&period=2022&region=440300', headers });
      const publicView = (await seen({})).json<Array<{ id: number; approval: { enteredBy: string; decidedBy: string } }>>().find((o) => o.id === id);
      expect(publicView?.approval).toMatchObject({ enteredBy: '系统管理员', decidedBy: '系统管理员' });
      expect(JSON.stringify((await seen({})).json())).not.toContain('ops-admin');
      expect((await seen(chief)).json<Array<{ id: number; approval: { decidedBy: string } }>>().find((o) => o.id === id)?.approval.decidedBy).toBe('ops-admin-b');
    } finally {
      configureFourEyes('below-admin');
    }
  });

  it('lets a reporter read the drafts and import reports of its own regions only', async () => {
    const nanshan = await signIn(app, database, 'ops-nanshan', 'reporter', ['440305']);
    const futian = await signIn(app, database, 'ops-futian', 'reporter', ['440304']);
    expect((await app.inject({ method: 'POST', url: '/api/observations', headers: nanshan, payload: figure('440305', 21) })).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/api/observations', headers: futian, payload: figure('440304', 22) })).statusCode).toBe(200);
    const drafts = (await app.inject({ method: 'GET', url: '/api/observations?indicator=SVC_TRADE&state=draft', headers: nanshan })).json<Array<{ regionCode: string }>>();
    expect(drafts.map((d) => d.regionCode)).toEqual(['440305']);
    const boundary = 'ops';
    const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="futian.csv"\r\nContent-Type: text/csv\r\n\r\n指标代码,地区,期间,数值,单位,来源,发布日期\nSVC_TRADE,440304,2021,5,亿美元,ops import,2022-03-01\r\n--${boundary}--\r\n`;
    const imported = await app.inject({ method: 'POST', url: '/api/observations/import', headers: { ...futian, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
    const batchId = imported.json<{ batchId: number }>().batchId;
    expect(batchId).toBeGreaterThan(0);
    expect((await app.inject({ method: 'GET', url: `/api/imports/${batchId}`, headers: futian })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: `/api/imports/${batchId}`, headers: nanshan })).statusCode).toBe(404);
  });

  it('pages every list: limit, and the next page by the x-next-cursor header', async () => {
    const first = await app.inject({ method: 'GET', url: '/api/regions?limit=5' });
    expect(first.json<unknown[]>()).toHaveLength(5);
    const cursor = String(first.headers['x-next-cursor']);
    expect(first.headers.link).toContain('rel="next"');
    const all = (await app.inject({ method: 'GET', url: '/api/regions' })).json<Array<{ code: string }>>();
    const second = (await app.inject({ method: 'GET', url: `/api/regions?limit=5&cursor=${cursor}` })).json<Array<{ code: string }>>();
    expect(second.map((r) => r.code)).toEqual(all.slice(5, 10).map((r) => r.code));
    expect((await app.inject({ method: 'GET', url: '/api/observations?limit=100000' })).statusCode).toBe(400);
    // Past the response ceiling, an answer is refused whole rather than built and sent.
    const small = await buildApp(database, { responseMaxBytes: 2000 });
    const refused = await small.inject({ method: 'GET', url: '/api/regions' });
    expect(refused.statusCode).toBe(413);
    expect(refused.json<{ error: string }>().error).toContain('narrow the request');
    await small.close();
    expect((await app.inject({ method: 'GET', url: '/api/observations?cursor=bogus' })).statusCode).toBe(400);
  });
});

describe('the PDF page', () => {
  it('runs no script and reaches nothing', { timeout: 120_000 }, async () => {
    let requests = 0;
    const server = createServer((_req, res) => {
      requests++;
      res.end('x');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    const browser = await openBrowser();
    try {
      const html = `<p>原文</p><img src="http://127.0.0.1:${port}/i.png"><link rel="stylesheet" href="http://127.0.0.1:${port}/s.css"><script>document.body.textContent = 'SCRIPT RAN'; fetch('http://127.0.0.1:${port}/f');</script>`;
      const { text } = await pdfText(await browser.pdf(html, 'footer'));
      expect(text).toContain('原文');
      expect(text).not.toContain('SCRIPT RAN');
      expect(requests).toBe(0);
    } finally {
      await browser.close();
      server.close();
    }
  });
});
