// Enterprise import benchmark (issue 18): 1,000,000 enterprise-month rows (synthetic, our template's long layout:
// 统一社会信用代码, 统计期, 指标, 数值) imported into a PostgreSQL server by the real use case, against PostgreSQL's own
// COPY in the same run:
//   - like for like: COPY of the very rows the import stored (every column, in primary-key order) into a table with
//     the same partitioning, indexes, checks and foreign keys, in a transaction with the same session settings the
//     import ran with (session_replication_role, as the import sets it when the role may) — the target is ≥ 0.5 of it;
//   - the same, with the foreign-key triggers on (what a role without that right pays);
//   - bare: COPY of the CSV file into an unindexed table of text and numeric columns (reported).
// Prints rows/s, ratios, CPU time (this process, and the server processes of the bench database) and peak RSS.
// Usage: TEST_DATABASE_URL=postgres://… node --import tsx bench/enterprise-import-1m.mts [rows]
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { openDatabase } from '../src/db/client';
import { listRegions } from '../src/db/regions';
import { prepare } from '../src/services/bootstrap';
import { SYSTEM } from '../src/services/access/audit';
import { enterpriseConfig } from '../src/services/enterprises/config';
import { importEnterpriseFile } from '../src/services/enterprises/import/importEnterprises';
import { IMPORT_WORK_MEM } from '../src/db/enterprises/importStaging';
import { syntheticEnterprises, syntheticOptions, writeSyntheticFiles } from '../src/services/enterprises/synthetic';

const N = Number(process.argv[2] ?? 1_000_000);
const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
if (!url) throw new Error('set TEST_DATABASE_URL to a PostgreSQL server (npm test starts one: see scripts/ensure-postgres.sh)');
const root = path.resolve(import.meta.dirname, '..');
if (process.argv[2] === '--generate') {
  await generate(process.argv[3] ?? '.', Number(process.argv[4]));
  process.exit(0);
}
if (process.argv[2] === '--dry-run') {
  // In a process of its own, so that neither its heap nor its warmed-up code counts for the import measured after.
  const database = await openDatabase({ driver: 'postgres', url: process.argv[3] ?? '' });
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const dry = await importEnterpriseFile(database, { file: process.argv[4] ?? '', audit: SYSTEM, dryRun: true });
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  await database.close();
  process.stdout.write(JSON.stringify({ ms, cpuMs: (c.user + c.system) / 1000, newFigures: dry.counts.newFigures }));
  process.exit(0);
}
const load0 = loadavg();

const clockTicks = 100; // USER_HZ on Linux
async function processCpuMs(pid: number): Promise<number> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / clockTicks;
  } catch {
    return 0;
  }
}
async function serverCpuMs(client: pg.Client, database: string): Promise<Map<number, number>> {
  const { rows } = await client.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1', [database]);
  return new Map(await Promise.all(rows.map(async (r) => [r.pid, await processCpuMs(r.pid)] as [number, number])));
}
const cpuSpent = (before: Map<number, number>, after: Map<number, number>) => [...after].reduce((s, [pid, t]) => s + t - (before.get(pid) ?? 0), 0);
const nodeCpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const admin = new pg.Client({ connectionString: url });
await admin.connect();
const dbName = `pm_bench_ent_${Date.now()}`;
await admin.query(`create database ${dbName}`);
const benchUrl = new URL(url);
benchUrl.pathname = `/${dbName}`;
const dir = await mkdtemp(path.join(tmpdir(), 'pm-bench-ent-'));
try {
  const database = await openDatabase({ driver: 'postgres', url: benchUrl.toString() });
  await prepare(database, { regionsDir: path.join(root, 'regions'), plansDir: path.join(root, 'plans'), catalogueDir: path.join(root, 'catalogue'), enterprises: { dir: path.join(root, 'enterprises'), sample: false } });

  // The population is made by a child process, so the import's peak memory below is the import's own.
  const made = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--generate', dir, String(N)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (made.status !== 0) throw new Error(`generating the synthetic files failed (${made.status})`);
  const files = JSON.parse(made.stdout) as { registry: string; figures: string; enterprises: number };
  const figures = files.figures;
  const population = { length: files.enterprises };
  let t0 = performance.now();
  const reg = await importEnterpriseFile(database, { file: files.registry, synthetic: true, audit: SYSTEM });
  const registryMs = performance.now() - t0;
  if (!reg.committed) throw new Error(`registry import failed: ${JSON.stringify(reg.rejected.slice(0, 3))} ${reg.errors.join('; ')}`);

  // Where Node's share goes: the same file read and checked (cells, duplicates and falls per series, the registry
  // version of every figure), nothing written — a dry run, which takes the fresh path up to its COPY.
  const dryRun = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--dry-run', benchUrl.toString(), figures], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (dryRun.status !== 0) throw new Error(`the dry run failed (${dryRun.status})`);
  const dry = JSON.parse(dryRun.stdout) as { ms: number; cpuMs: number; newFigures: number };
  if (dry.newFigures !== N) throw new Error(`the dry run did not count every row: ${dry.newFigures}`);

  // Ours.
  let peakRss = process.memoryUsage().rss;
  const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  let cpu0 = await serverCpuMs(admin, dbName);
  const node0 = nodeCpuMs();
  t0 = performance.now();
  const report = await importEnterpriseFile(database, { file: figures, audit: SYSTEM });
  const oursMs = performance.now() - t0;
  const oursNodeCpu = nodeCpuMs() - node0;
  const oursServerCpu = cpuSpent(cpu0, await serverCpuMs(admin, dbName));
  clearInterval(timer);
  if (!report.committed || report.counts.newFigures !== N) throw new Error(`import did not add every row: ${JSON.stringify(report.counts)} ${report.errors.join('; ')} ${JSON.stringify(report.rejected.slice(0, 3))}`);
  // Did the import run with row triggers off (the session may set session_replication_role)? The reference then does too.
  const raw = new pg.Client({ connectionString: benchUrl.toString() });
  await raw.connect();
  const replica = await raw.query("select set_config('session_replication_role', 'replica', true)").then(
    () => true,
    () => false,
  );

  // What a million figures take on disk (docs/SCALE.md).
  const sizes = await raw.query<{ name: string; bytes: string }>(`select c.relname as name, pg_relation_size(c.oid)::text as bytes from pg_inherits i
    join pg_class p on p.oid = i.inhrelid join pg_class c on c.oid = p.oid or c.oid in (select indexrelid from pg_index where indrelid = p.oid)
    where i.inhparent = 'enterprise_figures'::regclass order by 1`);
  // The rows as stored, every column, in primary-key order.
  const columns = 'period_end, item_code, period_start, uscc, revision, region_code, period_code, value, industry_code, above_designated_size, import_batch_id';
  const rowsFile = path.join(dir, 'rows.tsv');
  await pipeline(raw.query(copyTo(`copy (select ${columns} from enterprise_figures order by period_end, item_code, period_start, uscc, revision, region_code) to stdout`)), createWriteStream(rowsFile));

  async function copyReference(table: string, withReplica: boolean): Promise<{ ms: number; cpuMs: number }> {
    await raw.query(`create table ${table} (like enterprise_figures including all) partition by range (period_end)`);
    await raw.query(`create table ${table}_2024 partition of ${table} for values from (202401) to (202501)`);
    await raw.query(`alter table ${table} add foreign key (uscc) references enterprises (uscc), add foreign key (item_code) references enterprise_items (code),
      add foreign key (region_code) references regions (code), add foreign key (industry_code) references industries (code),
      add foreign key (import_batch_id) references enterprise_import_batches (id)`);
    const before = await serverCpuMs(admin, dbName);
    const start = performance.now();
    await raw.query('begin');
    if (withReplica) await raw.query('set local session_replication_role = replica');
    await raw.query(`set local work_mem = '${IMPORT_WORK_MEM}'`);
    await pipeline(createReadStream(rowsFile), raw.query(copyFrom(`copy ${table} (${columns}) from stdin`)));
    await raw.query('commit');
    const ms = performance.now() - start;
    const cpuMs = cpuSpent(before, await serverCpuMs(admin, dbName));
    await raw.query(`drop table ${table}`);
    return { ms, cpuMs };
  }
  const likeForLike = await copyReference('ref_same_settings', replica);
  const withTriggers = await copyReference('ref_fk_triggers', false);

  // Bare: the CSV file into an unindexed table.
  await raw.query('create table bare (uscc text, period text, item text, value numeric)');
  cpu0 = await serverCpuMs(admin, dbName);
  t0 = performance.now();
  await pipeline(createReadStream(figures), raw.query(copyFrom('copy bare from stdin with (format csv, header true)')));
  const bareMs = performance.now() - t0;
  const bareCpu = cpuSpent(cpu0, await serverCpuMs(admin, dbName));
  await raw.end();
  await database.close();

  const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const rate = (ms: number) => Math.round(N / (ms / 1000)).toLocaleString('en-US');
  console.log(`enterprise import of ${N.toLocaleString('en-US')} rows into PostgreSQL (node ${process.version}); load average at start ${load0.map((l) => l.toFixed(1)).join(' ')}, at end ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`(registry of ${population.length.toLocaleString('en-US')} enterprises, ${reg.counts.newVersions.toLocaleString('en-US')} versions, imported first in ${sec(registryMs)}; session_replication_role = replica allowed: ${replica})`);
  console.log('| path | time | rows/s | CPU time (server + node) |');
  console.log('|---|---|---|---|');
  console.log(`| PostgreSQL COPY of the CSV into a bare table | ${sec(bareMs)} | ${rate(bareMs)} | ${sec(bareCpu)} |`);
  console.log(`| PostgreSQL COPY of the stored rows, same partitioning, indexes, checks, foreign keys and session settings | ${sec(likeForLike.ms)} | ${rate(likeForLike.ms)} | ${sec(likeForLike.cpuMs)} |`);
  console.log(`| … the same with the foreign-key triggers on | ${sec(withTriggers.ms)} | ${rate(withTriggers.ms)} | ${sec(withTriggers.cpuMs)} |`);
  console.log(`| plan-monitor enterprise import (checked, registry resolved, classified, committed) | ${sec(oursMs)} | ${rate(oursMs)} | ${sec(oursServerCpu)} + ${sec(oursNodeCpu)} |`);
  console.log(`| … of which reading and checking the file alone (a dry run in its own process: Node, nothing written) | ${sec(dry.ms)} | ${rate(dry.ms)} | node ${sec(dry.cpuMs)} |`);
  console.log(`ratio to the like-for-like COPY: ${(likeForLike.ms / oursMs).toFixed(2)} (target ≥ 0.5: ${likeForLike.ms / oursMs >= 0.5 ? 'met' : 'NOT met'}); by CPU ${(likeForLike.cpuMs / (oursServerCpu + oursNodeCpu)).toFixed(2)}`);
  console.log(`ratio to the COPY with foreign-key triggers: ${(withTriggers.ms / oursMs).toFixed(2)}; ratio to the bare COPY: ${(bareMs / oursMs).toFixed(2)}`);
  console.log(`on disk: ${sizes.rows.map((r) => `${r.name} ${(Number(r.bytes) / 2 ** 20).toFixed(0)} MB`).join(', ')}`);
  console.log(`peak RSS during the import: ${Math.round(peakRss / 2 ** 20)} MB (target < 500 MB: ${peakRss < 500 * 2 ** 20 ? 'met' : 'NOT met'})`);
} finally {
  await admin.query(`drop database if exists ${dbName} with (force)`);
  await admin.end();
  await rm(dir, { recursive: true, force: true });
}

/** The synthetic population (12 months × 3 items per enterprise) and exactly n figure rows, as files in `dir`. */
async function generate(dir: string, n: number): Promise<void> {
  const database = await openDatabase({ driver: 'pglite', dataDir: null });
  await prepare(database, { regionsDir: path.join(root, 'regions'), plansDir: path.join(root, 'plans'), catalogueDir: path.join(root, 'catalogue') });
  const regions = await listRegions(database.db);
  await database.close();
  const config = await enterpriseConfig();
  const population = syntheticEnterprises(syntheticOptions(config, regions, { seed: 18, enterprises: Math.ceil((n / 36) * 1.12), from: 202401, to: 202412 }));
  const files = await writeSyntheticFiles(dir, population, ['REVENUE', 'PAYROLL', 'EMPLOYEES'], 18);
  const text = await readFile(files.figures, 'utf8');
  let end = 0;
  for (let i = 0; i <= n; i++) {
    const next = text.indexOf('\n', end);
    if (next < 0) throw new Error(`the synthetic file has fewer than ${n} figure rows`);
    end = next + 1;
  }
  const figures = path.join(dir, 'figures-n.csv');
  const out = createWriteStream(figures);
  out.end(text.slice(0, end));
  await new Promise<void>((r) => out.once('finish', () => r()));
  process.stdout.write(JSON.stringify({ registry: files.registry, figures, enterprises: population.length }));
}
