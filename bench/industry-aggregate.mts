// Industry aggregate benchmark (issue 18): industry × district totals of one item for one period over 100,000
// synthetic enterprises, on PostgreSQL (target < 200 ms) and on PGlite (reported). Measured in the same run:
//   - the aggregate query itself (class × region sums, counts and largest contributions of one period: what the
//     cube is built from), median of 15;
//   - the whole use case behind GET /api/industry-aggregates (this period and last year's, 可比口径 join, roll-up of both
//     trees, primary and complementary suppression with the exact audit), median of 7, nothing cached;
//   - reference: a plain count and sum of the same rows (the least any aggregate over them costs).
// Usage: TEST_DATABASE_URL=postgres://… node --import tsx bench/industry-aggregate.mts [enterprises]
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/client';
import { baseCells, comparableCells, syntheticShare } from '../src/db/enterprises/aggregates';
import { buildCube } from '../src/domain/enterprise/cube';
import { suppress } from '../src/domain/confidentiality/suppression';
import { queryRows } from '../src/db/raw';
import { listRegions } from '../src/db/regions';
import { DEFAULT_RULES } from '../src/domain/confidentiality/suppression';
import { syntheticEnterprises, syntheticFigures } from '../src/domain/enterprise/synthetic/generate';
import { prepare } from '../src/services/bootstrap';
import { SYSTEM } from '../src/services/access/audit';
import { forgetAggregates, industryAggregates, industryTrees } from '../src/services/enterprises/aggregates';
import { enterpriseConfig } from '../src/services/enterprises/config';
import { importEnterpriseFile } from '../src/services/enterprises/import/importEnterprises';
import { syntheticOptions, writeSyntheticFiles } from '../src/services/enterprises/synthetic';

const ENTERPRISES = Number(process.argv[2] ?? 100_000);
const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
if (!url) throw new Error('set TEST_DATABASE_URL to a PostgreSQL server (npm test starts one)');
const root = path.resolve(import.meta.dirname, '..');
const load0 = loadavg();
const dir = await mkdtemp(path.join(tmpdir(), 'pm-bench-agg-'));
const PERIOD = { code: '2025-01~09', start: 202501, end: 202509 };

async function load(database: Database): Promise<{ registry: string; figures: string; enterprises: number; rows: number }> {
  await prepare(database, { regionsDir: path.join(root, 'regions'), plansDir: path.join(root, 'plans'), catalogueDir: path.join(root, 'catalogue'), enterprises: { dir: path.join(root, 'enterprises'), sample: false } });
  const config = await enterpriseConfig();
  const population = syntheticEnterprises(syntheticOptions(config, await listRegions(database.db), { seed: 100, enterprises: ENTERPRISES, from: 202401, to: 202509 }));
  const files = await writeSyntheticFiles(dir, population, [], 100);
  // Figures of 营业收入 for 1–9月 of 2024 and 2025 only: the period and the one it is compared with.
  const figures = path.join(dir, 'figures-2.csv');
  const out = createWriteStream(figures);
  out.write('统一社会信用代码,统计期,指标,数值\n');
  let rows = 0;
  for (const e of population) {
    for (const f of syntheticFigures(e, ['REVENUE'], 100)) {
      if (f.period !== '2024-01~09' && f.period !== '2025-01~09') continue;
      rows++;
      if (!out.write(`${f.uscc},${f.period},${f.item},${f.value}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
    }
  }
  await new Promise<void>((r) => out.end(() => r()));
  return { registry: files.registry, figures, enterprises: population.length, rows };
}

async function time(runs: number, fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  return ms.sort((a, b) => a - b)[Math.floor(ms.length / 2)] ?? Number.NaN;
}

async function measure(database: Database, label: string): Promise<string[]> {
  const t0 = performance.now();
  const data = await load(database);
  for (const f of [data.registry, data.figures]) {
    const r = await importEnterpriseFile(database, { file: f, synthetic: true, audit: SYSTEM });
    if (!r.committed) throw new Error(`${label}: import of ${f} failed: ${r.errors.join('; ')} ${JSON.stringify(r.rejected.slice(0, 3))}`);
  }
  const loadMs = performance.now() - t0;
  const q = { itemCode: 'REVENUE', periodStart: PERIOD.start, periodEnd: PERIOD.end, aboveDesignatedSize: true };
  const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from enterprise_figures where period_end = ${PERIOD.end} and item_code = 'REVENUE' and period_start = ${PERIOD.start} and above_designated_size`);
  const reference = await time(15, () => queryRows(database.db, sql`select count(*), sum(value) from enterprise_figures where period_end = ${PERIOD.end} and item_code = 'REVENUE' and period_start = ${PERIOD.start} and superseded_at is null and above_designated_size`));
  const query = await time(15, () => baseCells(database.db, q));
  const cells = (await baseCells(database.db, q)).length;
  // Where a cold request goes: its parts one by one (the request runs the two years' and the 可比口径 reads at once).
  const comparable = await time(5, () => comparableCells(database.db, q, { periodStart: PERIOD.start - 100, periodEnd: PERIOD.end - 100 }));
  const synthetic = await time(5, () => syntheticShare(database.db, q));
  const base = await baseCells(database.db, q);
  const trees = industryTrees(await enterpriseConfig(), await listRegions(database.db));
  const cubeMs = await time(5, async () => buildCube(base, trees));
  const cube = buildCube(base, trees);
  const suppressMs = await time(5, async () => suppress(cube.cells, cube.relations, DEFAULT_RULES));
  // Cold: everything computed afresh (the kept results forgotten before each request).
  const whole = await time(5, () => {
    forgetAggregates(database);
    return industryAggregates(database, { item: 'REVENUE', period: PERIOD.code }, { microdata: false, audit: SYSTEM }, DEFAULT_RULES);
  });
  // Warm: the cube of the same data is kept until the next import (services/enterprises/aggregates.ts).
  const warm = await time(7, () => industryAggregates(database, { item: 'REVENUE', period: PERIOD.code, industry: 'I' }, { microdata: false, audit: SYSTEM }, DEFAULT_RULES));
  const r = await industryAggregates(database, { item: 'REVENUE', period: PERIOD.code, industry: 'I' }, { microdata: false, audit: SYSTEM }, DEFAULT_RULES);
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  return [
    `| ${label}: aggregate query (class × region cells of one period) | ${ms(query)} | ${(query / reference).toFixed(1)}× | ${query < 200 ? 'met' : 'NOT met'} (< 200 ms on PostgreSQL) |`,
    `| ${label}: whole use case, cold (this and last year, 可比口径, roll-up, suppression with the audit) | ${ms(whole)} | ${(whole / reference).toFixed(1)}× | — |`,
    `| ${label}: whole use case, warm (the suppressed cube kept until the next import) | ${ms(warm)} | ${(warm / reference).toFixed(1)}× | — |`,
    `| ${label}: reference, count and sum of the same rows | ${ms(reference)} | 1.0× | — |`,
    `(${label}, a cold request's parts: 可比口径 join ${ms(comparable)}, synthetic count ${ms(synthetic)}, cube of one period ${ms(cubeMs)}, its suppression ${ms(suppressMs)} — each twice for the two years but the join and the count)`,
    `(${label}: ${data.enterprises.toLocaleString('en-US')} enterprises, ${data.rows.toLocaleString('en-US')} figure rows loaded in ${(loadMs / 1000).toFixed(0)} s; ${n.toLocaleString('en-US')} 规上 figures in the period, ${cells} class × region cells; section I: ${r.suppressedCells} of ${r.cells.length} cells suppressed for the public)`,
  ];
}

const admin = new pg.Client({ connectionString: url });
await admin.connect();
const dbName = `pm_bench_agg_${Date.now()}`;
await admin.query(`create database ${dbName}`);
const lines: string[] = [];
try {
  const u = new URL(url);
  u.pathname = `/${dbName}`;
  const server = await openDatabase({ driver: 'postgres', url: u.toString() });
  lines.push(...(await measure(server, 'PostgreSQL')));
  await server.close();
  const embedded = await openDatabase({ driver: 'pglite', dataDir: null });
  lines.push(...(await measure(embedded, 'PGlite')));
  await embedded.close();
} finally {
  await admin.query(`drop database if exists ${dbName} with (force)`);
  await admin.end();
  await rm(dir, { recursive: true, force: true });
}
console.log(`industry × district aggregate of 营业收入 1–9月 over ${ENTERPRISES.toLocaleString('en-US')} synthetic enterprises (node ${process.version}); load average at start ${load0.map((l) => l.toFixed(1)).join(' ')}, at end ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log('| what | median | ratio to reference | target |');
console.log('|---|---|---|---|');
for (const l of lines) console.log(l);
