// API under load (issue 12): `plan-monitor serve` on a fresh data folder (PGlite) or on a PostgreSQL server
// (TEST_DATABASE_URL), driven over loopback by a bounded load generator — SECONDS (default 30) at CONCURRENCY (default
// 50) — per target: the plan's evaluation, its forecasts, a page of figures, and the cockpit page (index.html and its
// three API calls, as a browser opening it makes them). Reference in the same run: GET /api/health under the same
// load (the floor of any request on this server and machine). Prints requests/s, p50/p99, errors, the ratio of p99 to
// the reference, and the load average. Target: 0 errors, p99 < 250 ms on PostgreSQL.
// Usage: node --import tsx bench/api-load.mts [pglite|postgres]
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

const driver = (process.argv[2] ?? 'pglite') as 'pglite' | 'postgres';
const SECONDS = Number(process.env.SECONDS_PER_TARGET ?? 30);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 50);
const root = path.resolve(import.meta.dirname, '..');
const PLAN = 'shenzhen-services-14th-fyp';
const year = new Date().getUTCFullYear();

const dataDir = await mkdtemp(path.join(tmpdir(), 'pm-bench-load-'));
let databaseUrl = '';
let dropDb: (() => Promise<void>) | null = null;
if (driver === 'postgres') {
  const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error('postgres: set TEST_DATABASE_URL (npm test starts a server: scripts/ensure-postgres.sh)');
  const name = `pm_bench_load_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  databaseUrl = u.toString();
  dropDb = async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  };
}

const child = spawn(process.execPath, [path.join(root, 'bin/plan-monitor.mjs'), 'serve'], {
  env: { ...process.env, DATA_DIR: dataDir, PORT: '0', DATABASE_URL: databaseUrl, RATE_LIMIT_ANON: '0', LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
let out = '';
child.stdout.on('data', (d: Buffer) => (out += d.toString()));
const t0 = Date.now();
while (!/ready in/.test(out)) {
  if (child.exitCode !== null || Date.now() - t0 > 300_000) throw new Error(`server did not start:\n${out}`);
  await new Promise((r) => setTimeout(r, 100));
}
const base = /listening on (http:\/\/\S+)/.exec(out)?.[1] ?? '';
const { hostname, port } = new URL(base);
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function get(p: string): Promise<{ status: number; ms: number }> {
  const start = performance.now();
  return new Promise((resolve) => {
    const req = request({ host: hostname, port, path: p, agent, headers: { accept: p === '/' ? 'text/html' : 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - start }));
    });
    req.on('error', () => resolve({ status: 0, ms: performance.now() - start }));
    req.setTimeout(30_000, () => req.destroy());
    req.end();
  });
}

const TARGETS: Array<{ name: string; paths: string[] }> = [
  { name: 'GET /api/health (reference)', paths: ['/api/health'] },
  { name: `evaluation (asOf ${year})`, paths: [`/api/plans/${PLAN}/evaluation?asOf=${year}`] },
  { name: `forecasts (asOf ${year})`, paths: [`/api/plans/${PLAN}/forecasts?asOf=${year}&region=440300`] },
  { name: 'observations, a page of 200', paths: ['/api/observations?limit=200', '/api/observations?indicator=GDP,RETAIL&limit=200'] },
  { name: 'cockpit page (html + 3 API calls)', paths: ['/', `/api/plans/${PLAN}/evaluation?asOf=${year}`, `/api/plans/${PLAN}`, `/api/plans/${PLAN}/forecasts?asOf=${year}&region=440300`] },
];

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))] ?? Number.NaN;
// Warm-up: the first evaluation and forecast are computed once, then served until the data changes.
for (const t of TARGETS) for (const p of t.paths) await get(p);
const load1 = loadavg()[0] ?? 0;
const rows: string[] = [];
let reference = Number.NaN;
for (const t of TARGETS) {
  const times: number[] = [];
  let errors = 0;
  const until = performance.now() + SECONDS * 1000;
  let i = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) {
        const r = await get(t.paths[i++ % t.paths.length] ?? '/api/health');
        times.push(r.ms);
        if (r.status !== 200) errors++;
      }
    }),
  );
  times.sort((a, b) => a - b);
  const p99 = pct(times, 99);
  if (Number.isNaN(reference)) reference = p99;
  rows.push(`| ${t.name} | ${(times.length / SECONDS).toFixed(0)} | ${pct(times, 50).toFixed(1)} | ${p99.toFixed(1)} | ${errors} | ${(p99 / reference).toFixed(1)}× |`);
}
const status = await import('node:fs/promises').then((fs) => fs.readFile(`/proc/${child.pid}/status`, 'utf8')).catch(() => '');
const peak = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
child.kill('SIGTERM');
await new Promise((r) => child.once('exit', r));
agent.destroy();
await rm(dataDir, { recursive: true, force: true });
await dropDb?.();

console.log(`API under load on ${driver}: ${SECONDS} s per target at concurrency ${CONCURRENCY}, loopback, keep-alive; load average ${load1.toFixed(1)} at start, ${(loadavg()[0] ?? 0).toFixed(1)} at end (2 cores); server peak RSS ${peak.toFixed(0)} MB`);
console.log('| target | requests/s | p50 ms | p99 ms | errors | p99 / reference |');
console.log('|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
