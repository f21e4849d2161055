// Import benchmark (issue 3): 1,000,000 observation rows from CSV into a PostgreSQL server, against PostgreSQL's
// own COPY of the same file into a bare table, in the same run. Prints rows/s, the ratio to COPY, and peak memory
// (RSS) of the import. Usage: TEST_DATABASE_URL=postgres://… node --import tsx bench/import-1m.mts [rows]
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { openDatabase } from '../src/db/client';
import { prepare } from '../src/services/bootstrap';
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
          for (const src of ['统计公报', '媒体报道', '统计部门发布', '第三方转录', '其他政府发布', '媒体报道']) {
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
let t0 = performance.now();
await pipeline(createReadStream(file), raw.query(copyFrom("copy bare from stdin with (format csv, header true)")));
const copyMs = performance.now() - t0;
await raw.end();

// Ours: the real import use case (checks every cell, classifies against stored figures, one transaction).
const database = await openDatabase({ driver: 'postgres', url: benchUrl.toString() });
await prepare(database, { regionsDir: path.join(root, 'regions'), plansDir: path.join(root, 'plans'), catalogueDir: path.join(root, 'catalogue') });
let peakRss = process.memoryUsage().rss;
const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
t0 = performance.now();
const report = await importObservations(database, { file });
const oursMs = performance.now() - t0;
clearInterval(timer);
await database.close();
await admin.query(`drop database ${dbName} with (force)`);
await admin.end();
await rm(dir, { recursive: true, force: true });

if (!report.committed || report.counts.new + report.counts.revision !== N) throw new Error(`import did not add every row: ${JSON.stringify(report.counts)} ${report.errors.join('; ')}`);
const rate = (ms: number) => Math.round(N / (ms / 1000)).toLocaleString('en-US');
console.log(`import of ${N.toLocaleString('en-US')} rows into PostgreSQL (node ${process.version})`);
console.log('| path | time | rows/s | ratio to COPY |');
console.log('|---|---|---|---|');
console.log(`| PostgreSQL COPY into a bare table | ${(copyMs / 1000).toFixed(1)} s | ${rate(copyMs)} | 1.00 |`);
console.log(`| plan-monitor import (checked, classified, committed) | ${(oursMs / 1000).toFixed(1)} s | ${rate(oursMs)} | ${(copyMs / oursMs).toFixed(2)} |`);
console.log(`peak RSS during import: ${Math.round(peakRss / 2 ** 20)} MB (target < 500 MB); target ratio ≥ 0.5`);
