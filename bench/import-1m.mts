// Import benchmark (issue 3): 1,000,000 observation rows from CSV into a PostgreSQL server, against PostgreSQL's
// own COPY of the same file into a bare table, in the same run. Prints rows/s, the ratio to COPY, and peak memory
// (RSS) of the import. Usage: TEST_DATABASE_URL=postgres://… node --import tsx bench/import-1m.mts [rows]
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { openDatabase } from '../src/db/client';
import { prepare } from '../src/services/bootstrap';
import { SYSTEM } from '../src/services/access/audit';
import { importObservations } from '../src/services/import/importObservations';

const N = Number(process.argv[2] ?? 1_000_000);
const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
if (!url) throw new Error('set TEST_DATABASE_URL to a PostgreSQL server (npm test starts one: see scripts/ensure-postgres.sh)');
const root = path.resolve(import.meta.dirname, '..');

// A realistic file: the 12 regions × plan and catalogue indicators × monthly periods, each figure a distinct row.
const dir = await mkdtemp(path.join(tmpdir(), 'pm-bench-import-'));
const file = path.join(dir, 'observations.csv');
{
  const out = createWriteStream(file);
  out.write('指标代码,地区,期间,数值,单位,价格口径,数据状态,来源类型,来源,发布日期\n');
  const indicators = ['GDP', 'TERTIARY_VA', 'FIN_VA', 'RETAIL', 'LOGISTICS_VA', 'CULTURE_VA', 'ICT_VA', 'MODERN_SVC_VA', 'PRIMARY_VA', 'SECONDARY_VA'];
  const regions = ['440300', '440303', '440304', '440305', '440306', '440307', '440308', '440309', '440310', '440311', '440300-DP', '440300-SS'];
  let i = 0;
  outer: for (let year = 1950; ; year++) {
    for (let month = 1; month <= 12; month++) {
      for (const ind of indicators) {
        for (const reg of regions) {
          for (const src of ['统计公报', '媒体报道', '统计局发布', '第三方转录', '其他政府发布', '媒体报道']) {
            if (i++ >= N) break outer;
            const pub = `${year + (month === 12 ? 1 : 0)}-${String((month % 12) + 1).padStart(2, '0')}-15`;
            const ok = out.write(`${ind},${reg},${year}-${String(month).padStart(2, '0')},${(i * 1.37).toFixed(2)},亿元,现价,最终,${src},bench source ${i % 97},${pub}\n`);
            if (!ok) await new Promise<void>((r) => out.once('drain', () => r()));
          }
        }
      }
    }
  }
  await new Promise<void>((r) => out.end(() => r()));
}

// The machine is shared and its load varies from run to run, so besides wall time the bench reports CPU time: of
// this process, and of the PostgreSQL server processes serving the bench database (read from /proc: the server
// runs on this machine). CPU time is what the work costs, whatever else the machine is doing.
const clockTicks = 100; // USER_HZ on Linux
async function processCpuMs(pid: number): Promise<number> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks;
  } catch {
    return 0;
  }
}
async function serverCpuMs(client: pg.Client, database: string): Promise<Map<number, number>> {
  const { rows } = await client.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1', [database]);
  return new Map(await Promise.all(rows.map(async (r) => [r.pid, await processCpuMs(r.pid)] as [number, number])));
}
function cpuSpent(before: Map<number, number>, after: Map<number, number>): number {
  let ms = 0;
  for (const [pid, t] of after) ms += t - (before.get(pid) ?? 0);
  return ms;
}
const nodeCpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

// Reference: COPY of the same file into a bare table with the same columns, as text.
const admin = new pg.Client({ connectionString: url });
await admin.connect();
const dbName = `pm_bench_${Date.now()}`;
await admin.query(`create database ${dbName}`);
const benchUrl = new URL(url);
benchUrl.pathname = `/${dbName}`;
const raw = new pg.Client({ connectionString: benchUrl.toString() });
await raw.connect();
await raw.query('create table bare (indicator text, region text, period text, value numeric, unit text, price_basis text, status text, source_kind text, source text, published date)');
let cpu0 = await serverCpuMs(admin, dbName);
let t0 = performance.now();
await pipeline(createReadStream(file), raw.query(copyFrom("copy bare from stdin with (format csv, header true)")));
const copyMs = performance.now() - t0;
const copyCpuMs = cpuSpent(cpu0, await serverCpuMs(admin, dbName));

// Ours: the real import use case (checks every cell, classifies against stored figures, one transaction).
const database = await openDatabase({ driver: 'postgres', url: benchUrl.toString() });
await prepare(database, { regionsDir: path.join(root, 'regions'), plansDir: path.join(root, 'plans'), catalogueDir: path.join(root, 'catalogue') });
let peakRss = process.memoryUsage().rss;
const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
cpu0 = await serverCpuMs(admin, dbName);
const node0 = nodeCpuMs();
t0 = performance.now();
const report = await importObservations(database, { file, audit: SYSTEM });
const oursMs = performance.now() - t0;
const oursNodeCpuMs = nodeCpuMs() - node0;
const oursServerCpuMs = cpuSpent(cpu0, await serverCpuMs(admin, dbName));
clearInterval(timer);

// The floor that the indexes and constraints of `observations` impose, whatever reads the file: COPY of the very
// rows the import stored (every column, in fingerprint order) into a copy of the table with the same indexes and
// checks — without (LIKE … INCLUDING ALL copies no foreign keys) and then with its three foreign keys.
const floorColumns = 'indicator_code, region_code, period_code, period_type, period_start, period_end, value, unit, value_std, price_basis, status, source_kind, source_publication, source_publisher, source_link, quote, notes, published_date, published_date_estimated, import_batch_id, origin, fingerprint';
const floorFile = path.join(dir, 'rows.tsv');
await pipeline(raw.query(copyTo(`copy (select ${floorColumns} from observations order by fingerprint) to stdout`)), createWriteStream(floorFile));
async function copyFloor(table: string, foreignKeys: boolean): Promise<{ ms: number; cpuMs: number }> {
  await raw.query(`create table ${table} (like observations including all)`);
  if (foreignKeys) {
    await raw.query(`alter table ${table} add foreign key (indicator_code) references indicators (code), add foreign key (region_code) references regions (code),
      add foreign key (import_batch_id) references import_batches (id)`);
  }
  const before = await serverCpuMs(admin, dbName);
  const start = performance.now();
  await pipeline(createReadStream(floorFile), raw.query(copyFrom(`copy ${table} (${floorColumns}) from stdin`)));
  const ms = performance.now() - start;
  const cpuMs = cpuSpent(before, await serverCpuMs(admin, dbName));
  await raw.query(`drop table ${table}`);
  return { ms, cpuMs };
}
const floorNoFk = await copyFloor('floor_indexed', false);
const floorFk = await copyFloor('floor_constrained', true);
await raw.end();
await database.close();
await admin.query(`drop database ${dbName} with (force)`);
await admin.end();
await rm(dir, { recursive: true, force: true });

if (!report.committed || report.counts.new + report.counts.revision !== N) throw new Error(`import did not add every row: ${JSON.stringify(report.counts)} ${report.errors.join('; ')}`);
const rate = (ms: number) => Math.round(N / (ms / 1000)).toLocaleString('en-US');
const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const line = (what: string, ms: number, cpu: string) => `| ${what} | ${sec(ms)} | ${rate(ms)} | ${(copyMs / ms).toFixed(2)} | ${cpu} |`;
console.log(`import of ${N.toLocaleString('en-US')} rows into PostgreSQL (node ${process.version}); load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log('| path | time | rows/s | ratio to COPY | CPU time (server + node) |');
console.log('|---|---|---|---|---|');
console.log(line('PostgreSQL COPY into a bare table', copyMs, sec(copyCpuMs)));
console.log(line('COPY of the stored rows into a table with the indexes and checks of `observations`', floorNoFk.ms, sec(floorNoFk.cpuMs)));
console.log(line('… and its three foreign keys (the indexed, constrained floor)', floorFk.ms, sec(floorFk.cpuMs)));
console.log(line('plan-monitor import (checked, classified, committed)', oursMs, `${sec(oursServerCpuMs)} + ${sec(oursNodeCpuMs)}`));
console.log(`ratio to the constrained COPY floor: ${(floorFk.ms / oursMs).toFixed(2)}`);
console.log(`peak RSS during import: ${Math.round(peakRss / 2 ** 20)} MB (target < 500 MB); target ratio ≥ 0.5`);
