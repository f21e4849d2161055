// Data-quality benchmark (issue 20): every rule in force over 1,000,000 stored figures — the check behind the
// data-quality page, its API and `plan-monitor quality check` — on a PostgreSQL server (TEST_DATABASE_URL) and on
// embedded PGlite (a file in a temporary folder). Reference in the same run: the one query that reads the same
// figures in the form the rules use (the floor of any check that runs outside the database). Target: < 10 s on
// PostgreSQL. The figures are written straight into `observations` with COPY (consistent synthetic data, 0.2 % of
// values spoiled; bench/quality-figures.mts) — loading is not what is measured.
// Usage: TEST_DATABASE_URL=postgres://… node --import tsx bench/quality-check.mts [figures] [pglite|postgres|both]
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/client';
import { leanFigures } from '../src/db/quality';
import { prepare } from '../src/services/bootstrap';
import { qualityRun } from '../src/services/quality/run';
import { timed } from './cpu.mts';
import { storeSynthetic, syntheticFigures } from './quality-figures.mts';

const N = Number(process.argv[2] ?? 1_000_000);
const which = process.argv[3] ?? 'both';
const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
const root = path.resolve(import.meta.dirname, '..');
async function load(database: Database): Promise<number> {
  await prepare(database, { regionsDir: path.join(root, 'regions'), plansDir: path.join(root, 'plans'), catalogueDir: path.join(root, 'catalogue') });
  return storeSynthetic(database, syntheticFigures(N));
}

async function measure(name: string, database: Database, server?: { admin: pg.Client; database: string }): Promise<string> {
  const t0 = performance.now();
  const n = await load(database);
  const loadS = (performance.now() - t0) / 1000;
  const rss0 = process.memoryUsage().rss;
  let peak = rss0;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const read = await timed(() => leanFigures(database.db, database.driver, { states: ['approved', 'submitted', 'draft'] }), server);
  const figures = read.value.length;
  const run = await timed(() => qualityRun(database), server);
  const cached = await timed(() => qualityRun(database), server);
  clearInterval(timer);
  const fail = Object.values(run.value.counts).reduce((a, c) => a + c.fail, 0);
  const pass = Object.values(run.value.counts).reduce((a, c) => a + c.pass, 0);
  console.error(`${name}: loaded ${n} figures in ${loadS.toFixed(0)} s; ${run.value.rules.length} rules, ${pass} passed, ${fail} failed checks, ${run.value.violations.length} distinct violations`);
  const s = (ms: number, d = 2) => `${(ms / 1000).toFixed(d)} s`;
  return [
    `| ${name} | reading the ${figures.toLocaleString('en-US')} figures (one query, lean form) | ${s(read.wallMs)} | 1.00 | ${s(read.cpuMs)} | 1.00 |`,
    `| ${name} | **every rule over every figure** (read, preference, ${run.value.rules.length} rules, ${run.value.violations.length.toLocaleString('en-US')} violations kept) | **${s(run.wallMs)}** | ${(run.wallMs / read.wallMs).toFixed(2)} | **${s(run.cpuMs)}** | ${(run.cpuMs / read.cpuMs).toFixed(2)} |`,
    `| ${name} | the same again, data unchanged (the kept run: one version query) | ${s(cached.wallMs, 3)} | ${(cached.wallMs / read.wallMs).toFixed(3)} | ${s(cached.cpuMs, 3)} | |`,
    `| ${name} | peak RSS during the check | ${Math.round(peak / 2 ** 20)} MB | | | |`,
  ].join('\n');
}

const rows: string[] = [];
if (which !== 'pglite') {
  if (!url) throw new Error('set TEST_DATABASE_URL to a PostgreSQL server (npm test starts one: see scripts/ensure-postgres.sh), or pass pglite');
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const dbName = `pm_bench_quality_${Date.now()}`;
  await admin.query(`create database ${dbName}`);
  const u = new URL(url);
  u.pathname = `/${dbName}`;
  const database = await openDatabase({ driver: 'postgres', url: u.toString() });
  try {
    rows.push(await measure('PostgreSQL', database, { admin, database: dbName }));
  } finally {
    await database.close();
    await admin.query(`drop database ${dbName} with (force)`);
    await admin.end();
  }
}
if (which !== 'postgres') {
  const dir = await mkdtemp(path.join(tmpdir(), 'pm-bench-quality-'));
  const database = await openDatabase({ driver: 'pglite', dataDir: dir });
  try {
    rows.push(await measure('PGlite', database));
  } finally {
    await database.close();
    await rm(dir, { recursive: true, force: true });
  }
}
console.log(`data-quality check of ${N.toLocaleString('en-US')} figures (node ${process.version}); load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log('| database | what | wall time | ratio to reading | CPU time (node + server) | ratio |');
console.log('|---|---|---|---|---|---|');
console.log(rows.join('\n'));
