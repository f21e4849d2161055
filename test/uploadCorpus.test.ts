/**
 * Uploads that once brought the server down (issue 12, point 2), against a real `plan-monitor serve` process: a zip
 * bomb, a million-row workbook, a truncated multipart body, one that stalls, one without a boundary, a huge body
 * from a caller who may not import (answered before the body is read), an out-of-scope file and two uploads at once
 * by one person. Each is a 4xx within seconds; the server's peak memory stays under 1 GB, no temporary file is left
 * behind, and the server still answers its health check at the end.
 */
import { request } from 'node:http';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, serve, type Served } from './support/processes';
import { TEST_PASSWORD } from './support/session';
import { millionRowWorkbook, zipBomb } from './support/workbooks';

const BOUNDARY = 'pm-upload-corpus';
const head = (fields: Record<string, string>, fileName: string) =>
  Buffer.from(
    Object.entries(fields).map(([k, v]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('') +
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
const tail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);

interface Answer {
  status: number;
  body: string;
  ms: number;
}

/**
 * Sends a request whose body is written in pieces: `body` is written whole, then — if `declared` is larger — the
 * request stays open without the rest (`then: 'stall'`), or the connection is closed (`then: 'cut'`).
 */
function send(url: string, opts: { headers: Record<string, string>; body: Buffer; declared?: number; then?: 'stall' | 'cut' | 'end'; trickle?: Buffer }): Promise<Answer> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const req = request({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', headers: { ...opts.headers, 'content-length': String(opts.declared ?? opts.body.length) } }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body: text, ms: performance.now() - t0 });
        req.destroy();
      });
    });
    req.on('error', (e) => {
      // A connection the server closed after answering is fine; one it closed without answering is reported.
      if (opts.then === 'cut') resolve({ status: 0, body: String(e), ms: performance.now() - t0 });
      else reject(e);
    });
    req.write(opts.body);
    if (opts.trickle) {
      // A huge body sent slowly: one more MiB every 100 ms until the answer comes (the socket is then destroyed).
      const timer = setInterval(() => (req.destroyed ? clearInterval(timer) : req.write(opts.trickle)), 100);
    } else if (opts.then === 'cut') setTimeout(() => req.socket?.destroy(), 200);
    else if (opts.then !== 'stall') req.end();
  });
}

describe('the upload corpus against a running server', () => {
  let server: Served;
  let dir: string;
  let uploadTmp: string;
  const who: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'pm-corpus-'));
    // The server's own temporary folder, so that what it leaves behind can be counted.
    uploadTmp = path.join(dir, 'tmp');
    await mkdir(uploadTmp);
    const env = { DATA_DIR: path.join(dir, 'data'), TMPDIR: uploadTmp, RATE_LIMIT_ANON: '0', UPLOAD_IDLE_SECONDS: '3', LOG_LEVEL: 'warn' };
    server = await serve(env);
    for (const [name, role, region] of [['c-writer', 'statistician', ''], ['c-viewer', 'viewer', ''], ['c-reporter', 'reporter', '440305']] as const) {
      const made = await cli(['users', 'create', '--username', name, '--role', role, ...(region ? ['--region', region] : []), '--password-stdin'], env, `${TEST_PASSWORD}\n`);
      expect(made.code, made.stderr).toBe(0);
      const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: name, password: TEST_PASSWORD }) });
      who[name] = { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '', 'x-csrf-token': ((await res.json()) as { csrfToken: string }).csrfToken };
    }
  }, 300_000);
  afterAll(() => server?.child.kill('SIGKILL'));

  const url = () => `${server.url}/api/observations/import`;
  const multipart = { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` };
  const file = async (name: string, make: (f: string) => Promise<void>) => {
    const f = path.join(dir, name);
    await make(f);
    return Buffer.concat([head({ dryRun: 'true' }, name), await readFile(f), tail]);
  };

  it('refuses a zip bomb with 413, having inflated no more than its limit', { timeout: 120_000 }, async () => {
    const res = await send(url(), { headers: { ...who['c-writer'], ...multipart }, body: await file('bomb.xlsx', (f) => zipBomb(f)) });
    expect(res.status, res.body).toBe(413);
    expect(res.body).toContain('zip bomb');
    expect(res.ms).toBeLessThan(15_000);
  });

  it('refuses a million-row workbook with 413 before reading its rows', { timeout: 180_000 }, async () => {
    const res = await send(url(), { headers: { ...who['c-writer'], ...multipart }, body: await file('million.xlsx', (f) => millionRowWorkbook(f)) });
    expect(res.status, res.body).toBe(413);
    expect(res.body).toContain('more than 500000 rows');
    expect(res.ms).toBeLessThan(15_000);
  });

  it('answers a body cut off, a stalled body and a multipart without a boundary with 400', { timeout: 60_000 }, async () => {
    const partial = Buffer.concat([head({}, 'cut.csv'), Buffer.from('指标代码,地区,期间,数值,单位,来源\n'.repeat(1000))]);
    const stalled = await send(url(), { headers: { ...who['c-writer'], ...multipart }, body: partial, declared: 10 << 20, then: 'stall' });
    expect(stalled.status, stalled.body).toBe(400);
    expect(stalled.body).toContain('stalled');
    expect(stalled.ms).toBeLessThan(10_000);
    // Cut off: the sender is gone, so there is no one to answer; the server must simply not keep anything.
    await send(url(), { headers: { ...who['c-writer'], ...multipart }, body: partial, declared: 10 << 20, then: 'cut' });
    // Noticed when the connection closes, well before the idle time (3 s here): the writer's slot is free again.
    await new Promise((r) => setTimeout(r, 500));
    const noBoundary = await send(url(), { headers: { ...who['c-writer'], 'content-type': 'multipart/form-data' }, body: partial });
    expect(noBoundary.status, noBoundary.body).toBe(400);
    const ended = await send(url(), { headers: { ...who['c-writer'], ...multipart }, body: partial });
    expect(ended.status, ended.body).toBe(400);
  });

  it('answers a caller who may not import before reading its huge body (401, 403)', { timeout: 60_000 }, async () => {
    const mb = Buffer.alloc(1 << 20, 0x41);
    const huge = 500 << 20;
    for (const [headers, status] of [[{}, 401], [who['c-viewer'], 403]] as const) {
      const res = await send(url(), { headers: { ...headers, ...multipart }, body: head({}, 'huge.csv'), declared: huge, trickle: mb });
      expect(res.status).toBe(status);
      expect(res.ms).toBeLessThan(5_000);
    }
  });

  it('refuses a reporter\'s file at its first row outside the reporter\'s region (403), and a second upload at once (429)', { timeout: 120_000 }, async () => {
    const rows = ['指标代码,地区,期间,数值,单位,来源', 'RETAIL,440304,2019,1,亿元,scope', ...Array.from({ length: 100_000 }, (_, i) => `RETAIL,440305,${1900 + (i % 100)},${i},亿元,scope ${i}`)].join('\n');
    const body = Buffer.concat([head({}, 'scope.csv'), Buffer.from(rows), tail]);
    const out = await send(url(), { headers: { ...who['c-reporter'], ...multipart }, body });
    expect(out.status, out.body).toBe(403);
    expect(JSON.parse(out.body)).toMatchObject({ forbidden: true, committed: false, rows: 1 });
    // Two at once by one person: the second waits for no one, it is told to.
    const slow = send(url(), { headers: { ...who['c-writer'], ...multipart }, body: head({}, 'slow.csv'), declared: 1 << 20, then: 'stall' });
    await new Promise((r) => setTimeout(r, 500));
    const second = await send(url(), { headers: { ...who['c-writer'], ...multipart }, body });
    expect(second.status, second.body).toBe(429);
    expect((await slow).status).toBe(400);
  });

  it('stayed under 1 GB of memory, left no temporary file, and still answers', async () => {
    const status = await readFile(`/proc/${server.child.pid}/status`, 'utf8');
    const peakKb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
    expect(peakKb).toBeGreaterThan(0);
    expect(peakKb).toBeLessThan(1024 * 1024);
    await new Promise((r) => setTimeout(r, 500));
    expect((await readdir(uploadTmp)).filter((f) => f.startsWith('pm-upload-') || f.startsWith('pm-spool-'))).toEqual([]);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    await writeFile(path.join(dir, 'peak-rss-kb.txt'), String(peakKb));
  });
});
