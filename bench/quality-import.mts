// Data-quality benchmark (issue 20): the dry run of a 10,000-row import with the rules (every row checked against
// the approved figures and the file's other rows, results listed per row) against the same dry run without them
// (the rule files taken out of the database), in the same run, alternating, median of the rounds. With the rules
// twice: reading the approved figures the rows reach, and reusing those kept from the previous check (unchanged). The database
// holds the bundled data and 60,000 approved synthetic figures (history for the rows; bench/quality-figures.mts);
// the file continues the same series (the next years). Target: with rules ≤ 1.5× without.
// Usage: node --import tsx bench/quality-import.mts [rounds] [pglite|postgres|both]   (postgres: TEST_DATABASE_URL)
import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/client';
import { listRuleFiles, replaceRuleFiles } from '../src/db/quality';
import { prepare } from '../src/services/bootstrap';
import { SYSTEM } from '../src/services/access/audit';
import { importObservations } from '../src/services/import/importObservations';
import { forgetKeptApproved } from '../src/services/quality/check';
import { startEngineThread } from '../src/services/quality/engineThread';
import { timed } from './cpu.mts';
import { storeSynthetic, syntheticFigures } from './quality-figures.mts';

const ROUNDS = Number(process.argv[2] ?? 5);
const which = process.argv[3] ?? 'both';
const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
const root = path.resolve(import.meta.dirname, '..');
const CONTEXT = 60_000;
const ROWS = 10_000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

const dir = await mkdtemp(path.join(tmpdir(), 'pm-bench-qimport-'));
const file = path.join(dir, 'figures.csv');
{
  const rows = ['指标代码,地区,期间,数值,单位,价格口径,来源类型,来源,发布日期'];
  let i = 0;
  for (const f of syntheticFigures(CONTEXT + ROWS, { sources: 1 })) {
    if (i++ < CONTEXT) continue;
    rows.push(`${f.indicator},${f.region},${f.period},${f.value},${f.unit},现价,统计公报,bench file,${f.published}`);
  }
  await writeFile(file, `${rows.join('\n')}\n`);
}

async function measure(name: string, database: Database, server?: { admin: pg.Client; database: string }): Promise<string> {
  await prepare(database, { regionsDir: path.join(root, 'regions'), plansDir: path.join(root, 'plans'), catalogueDir: path.join(root, 'catalogue'), datasetsDir: path.join(root, 'datasets') });
  await storeSynthetic(database, syntheticFigures(CONTEXT, { sources: 1 }));
  const rules = await listRuleFiles(database.db);
  // As a server does at start (the rules of a file's rows run on their own thread).
  if (!(await startEngineThread())) throw new Error("the data-quality engine's thread did not start");
  const dryRun = async () => {
    const { value: r, wallMs, cpuMs } = await timed(() => importObservations(database, { file, dryRun: true, audit: SYSTEM }), server);
    // A few spoilt shares above 100 % are refused by the cell checks, as they should be.
    if (r.errors.length > 0 || r.counts.rejected > 10 || r.rows !== ROWS) throw new Error(`the dry run did not check every row: ${JSON.stringify(r.counts)} ${r.errors.join('; ')}`);
    return { ms: wallMs, cpu: cpuMs, quality: r.quality.counts };
  };
  // Three variants: without rules; with rules, the approved figures kept from the previous check reused (nothing
  // changed since: a dry run repeated); with rules, nothing kept (the approved figures read, as the first check
  // after any change).
  const variants = ['with', 'without', 'cold'] as const;
  const wall = { with: [] as number[], without: [] as number[], cold: [] as number[] };
  const cpu = { with: [] as number[], without: [] as number[], cold: [] as number[] };
  let counts = { pass: 0, errors: 0, warnings: 0, skipped: 0 };
  for (let i = 0; i <= ROUNDS; i++) {
    // Round 0 warms up and is not counted; then the order rotates, so drift hits every variant alike.
    for (let k = 0; k < variants.length; k++) {
      const v = variants[(i + k) % variants.length] ?? 'with';
      await replaceRuleFiles(database.db, v === 'without' ? [] : rules);
      if (v === 'cold') forgetKeptApproved(database);
      const r = await dryRun();
      if (v !== 'without') counts = r.quality;
      if (i > 0) {
        wall[v].push(r.ms);
        cpu[v].push(r.cpu);
      }
    }
  }
  await replaceRuleFiles(database.db, rules);
  const wo = median(wall.without);
  const cwo = median(cpu.without);
  console.error(`${name}: rule results of the dry run ${JSON.stringify(counts)}`);
  const row = (label: string, v: 'with' | 'cold') =>
    `| ${name} | ${label} | ${(median(wall[v]) / 1000).toFixed(2)} s | **${(median(wall[v]) / wo).toFixed(2)}** | ${(median(cpu[v]) / 1000).toFixed(2)} s | **${(median(cpu[v]) / cwo).toFixed(2)}** |`;
  const results = `${counts.pass + counts.errors + counts.warnings + counts.skipped} rule results: ${counts.errors} errors, ${counts.warnings} warnings`;
  return [
    `| ${name} | dry run without rules | ${(wo / 1000).toFixed(2)} s | 1.00 | ${(cwo / 1000).toFixed(2)} s | 1.00 |`,
    row(`dry run with ${rules.length} rule files, approved figures read (nothing kept) (${results})`, 'cold'),
    row(`dry run with ${rules.length} rule files, the approved figures kept from the previous check reused`, 'with'),
  ].join('\n');
}

const rows: string[] = [];
try {
  if (which !== 'postgres') {
    const database = await openDatabase({ driver: 'pglite', dataDir: null });
    try {
      rows.push(await measure('PGlite', database));
    } finally {
      await database.close();
    }
  }
  if (which !== 'pglite') {
    if (!url) throw new Error('set TEST_DATABASE_URL for the PostgreSQL run, or pass pglite');
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const dbName = `pm_bench_qimport_${Date.now()}`;
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
} finally {
  await rm(dir, { recursive: true, force: true });
}
console.log(`dry run of a ${ROWS.toLocaleString('en-US')}-row import, median of ${ROUNDS} rounds each (node ${process.version}); load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log('| database | what | wall time | ratio | CPU time (node + server) | ratio |');
console.log('|---|---|---|---|---|---|');
console.log(rows.join('\n'));
console.log('target: ≤ 1.5');
