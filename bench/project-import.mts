// Project dispatch import benchmark (issue 16): a unit's table of 10,000 projects for one month (CSV and XLSX),
// imported by the real use case — every cell checked, projects, plan versions (baselines) and records classified
// against what is stored, committed in one transaction — against PostgreSQL's COPY of the same CSV into a bare
// table, in the same run. Then the same file again (nothing changes). The plan is data: 10,000 project items are
// added to a copy of the bundled plan's rows in the bench database.
// Usage: TEST_DATABASE_URL=postgres://… node --import tsx bench/project-import.mts [rows]
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { openDatabase } from '../src/db/client';
import { prepare } from '../src/services/bootstrap';
import { importProjects } from '../src/services/supervision/projectImport';

const N = Number(process.argv[2] ?? 10_000);
const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
if (!url) throw new Error('set TEST_DATABASE_URL to a PostgreSQL server (npm test starts one: see scripts/ensure-postgres.sh)');
const root = path.resolve(import.meta.dirname, '..');
const PLAN = 'shenzhen-services-14th-fyp';

const admin = new pg.Client({ connectionString: url });
await admin.connect();
const name = `pm_bench_projects_${Date.now()}`;
await admin.query(`create database ${name}`);
const u = new URL(url);
u.pathname = `/${name}`;
const database = await openDatabase({ driver: 'postgres', url: u.toString() });
const dir = await mkdtemp(path.join(tmpdir(), 'pm-bench-projects-'));
try {
  await prepare(database, { regionsDir: path.join(root, 'regions'), plansDir: path.join(root, 'plans'), catalogueDir: path.join(root, 'catalogue') });
  await database.db.execute(sql`
    insert into plan_items (plan_id, key, kind, ordinal, title_zh, title_en, location)
    select ${PLAN}, 'pb-' || g, 'project', 100000 + g, '基准项目' || g, 'Bench project ' || g, '{"chapter":"五","column":"专栏2"}'::jsonb from generate_series(1, ${N}) g`);
  const head = ['规划项目', '项目代码', '所在区', '责任单位', '报告期', '总投资（亿元）', '年度计划投资（亿元）', '本年累计完成投资（亿元）', '开工以来累计完成投资（亿元）', '项目阶段', '计划开工日期', '实际开工日期', '计划竣工日期', '形象进度'];
  const districts = ['南山区', '福田区', '罗湖区', '宝安区', '龙岗区', '龙华区'];
  const rows = Array.from({ length: N }, (_, i) => {
    const g = i + 1;
    return [`pb-${g}`, `2024-440305-70-01-${String(g).padStart(6, '0')}`, districts[g % 6] ?? '', '市交通运输局', '2025-06', String(10 + (g % 90)), String(2 + (g % 9)), String((g % 7) * 0.35), String(3 + (g % 11)), '续建', '2024-03-01', '2024-03-15', '2027-12-31', `第${g % 30}层施工`];
  });
  const csv = path.join(dir, 'dispatch.csv');
  await writeFile(csv, `${[head, ...rows].map((r) => r.join(',')).join('\n')}\n`);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('调度表');
  ws.addRow(head);
  for (const r of rows) ws.addRow(r);
  const xlsx = path.join(dir, 'dispatch.xlsx');
  await wb.xlsx.writeFile(xlsx);

  const raw = new pg.Client({ connectionString: u.toString() });
  await raw.connect();
  await raw.query('create table bare (item text, code text, district text, unit text, period text, total numeric, annual numeric, ytd numeric, since numeric, phase text, planned_start date, actual_start date, planned_completion date, image text)');
  let t0 = performance.now();
  await pipeline(createReadStream(csv), raw.query(copyFrom('copy bare from stdin with (format csv, header true)')));
  const copyMs = performance.now() - t0;
  await raw.end();

  t0 = performance.now();
  const dry = await importProjects(database, { planId: PLAN, file: xlsx, dryRun: true });
  const dryMs = performance.now() - t0;
  t0 = performance.now();
  const first = await importProjects(database, { planId: PLAN, file: csv });
  const csvMs = performance.now() - t0;
  t0 = performance.now();
  const again = await importProjects(database, { planId: PLAN, file: xlsx });
  const againMs = performance.now() - t0;
  if (!first.committed || first.counts.new !== N || again.counts.unchanged !== N || dry.counts.new !== N) throw new Error(`unexpected: ${JSON.stringify([dry.counts, first.counts, again.counts])}`);
  const line = (what: string, ms: number) => `| ${what} | ${(ms / 1000).toFixed(2)} s | ${Math.round(N / (ms / 1000)).toLocaleString('en-US')} | ${(copyMs / ms).toFixed(3)} |`;
  console.log(`project dispatch import of ${N.toLocaleString('en-US')} rows into PostgreSQL (node ${process.version}); load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log('| path | time | rows/s | ratio to COPY |');
  console.log('|---|---|---|---|');
  console.log(line('PostgreSQL COPY of the CSV into a bare table', copyMs));
  console.log(line('import, XLSX, dry run (read, check, classify; rolled back)', dryMs));
  console.log(line('import, CSV (checked, classified, committed: projects, baselines, records)', csvMs));
  console.log(line('the same table again as XLSX (nothing changes)', againMs));
} finally {
  await database.close();
  await admin.query(`drop database ${name} with (force)`);
  await admin.end();
  await rm(dir, { recursive: true, force: true });
}
