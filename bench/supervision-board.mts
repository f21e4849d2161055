// Supervision board benchmark (issue 16): 5,000 tasks × 12 progress reports (plus 3 time nodes each and 1 notice in
// 10) of the bundled plan — its 170 plan-item tasks and 4,830 sub-tasks — on embedded PGlite and, when
// TEST_DATABASE_URL is set, on PostgreSQL. Timed: the board as the route computes it (tasks with their plan items,
// report facts, nodes, notices and projects read; every light computed; roll-ups by chapter, unit and district).
// Reference in the same run: reading the same rows with one plain query each (tasks, reports, nodes) — the floor any
// board pays. Target: the board under 300 ms on both drivers.
// Usage: [TEST_DATABASE_URL=postgres://…] node --import tsx bench/supervision-board.mts [tasks] [runs]
import { sql } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/client';
import { queryRows } from '../src/db/raw';
import { prepare } from '../src/services/bootstrap';
import { lightCounts, loadBoard, rollup } from '../src/services/supervision/board';

const TASKS = Number(process.argv[2] ?? 5000);
const RUNS = Number(process.argv[3] ?? 9);
const PLAN = 'shenzhen-services-14th-fyp';
const root = path.resolve(import.meta.dirname, '..');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

async function seed(database: Database): Promise<void> {
  await prepare(database, { regionsDir: path.join(root, 'regions'), plansDir: path.join(root, 'plans'), catalogueDir: path.join(root, 'catalogue') });
  const { db } = database;
  // Every plan-item task assigned; sub-tasks spread over them; lead units round-robin over the registry.
  await db.execute(sql`update tasks set state = 'in_progress', assigned_at = '2025-01-05', lead_unit_id = (select id from units order by id offset (tasks.id % 29) limit 1) where plan_id = ${PLAN}`);
  await db.execute(sql`
    insert into tasks (plan_id, parent_id, kind, title_zh, lead_unit_id, state, start_date, deadline, assigned_at)
    select ${PLAN}, p.id, 'subtask', '分解任务 ' || g, (select id from units order by id offset (g % 29) limit 1), 'in_progress', '2025-01-01', '2026-12-31', '2025-01-05'
    from generate_series(1, ${TASKS - 170}) g
    join lateral (select id from tasks where plan_id = ${PLAN} and item_key is not null order by id offset (g % 170) limit 1) p on true`);
  await db.execute(sql`
    insert into task_nodes (task_id, ordinal, title, due, done_on)
    select t.id, n, '节点' || n, date '2025-03-31' + (n * 150 + t.id % 60), case when n = 1 then date '2025-03-20' end
    from tasks t cross join generate_series(1, 3) n where t.plan_id = ${PLAN}`);
  await db.execute(sql`
    insert into task_reports (task_id, unit_id, period_code, state, narrative, percent, submitted_at, late)
    select t.id, t.lead_unit_id, '2025-' || lpad(m::text, 2, '0'), case when m = 12 and t.id % 3 = 0 then 'submitted' when t.id % 17 = m then 'returned' else 'approved' end,
      '本月进展：按计划推进', least(100, m * 8 + t.id % 7), make_date(2025, m, 1) + interval '40 days', t.id % 11 = 0
    from tasks t cross join generate_series(1, 12) m where t.plan_id = ${PLAN}`);
  await db.execute(sql`
    insert into task_notices (task_id, seq, text, reply_by, state, issued_at)
    select t.id, 1, '请说明进度滞后原因', date '2026-01-20', case when t.id % 20 = 0 then 'replied' else 'issued' end, '2026-01-10'
    from tasks t where t.plan_id = ${PLAN} and t.id % 10 = 0`);
  await db.execute(sql`analyze`);
}

async function measure(name: string, database: Database): Promise<string> {
  await seed(database);
  const counts = (await queryRows<{ tasks: number; reports: number }>(database.db, sql`select (select count(*)::int from tasks) as tasks, (select count(*)::int from task_reports) as reports`))[0];
  const at = new Date('2026-02-15T12:00:00Z');
  const regions = (c: string) => ({ zh: c, en: c });
  const board: number[] = [];
  const floor: number[] = [];
  let lights = '';
  for (let i = 0; i < RUNS + 2; i++) {
    let t0 = performance.now();
    const b = await loadBoard(database, PLAN, { at });
    for (const by of ['chapter', 'unit', 'district'] as const) rollup(b.tasks, by, regions);
    const c = lightCounts(b.tasks);
    const ms = performance.now() - t0;
    lights = `green ${c.green}, yellow ${c.yellow}, red ${c.red}, grey ${c.grey}`;
    t0 = performance.now();
    await Promise.all([
      queryRows(database.db, sql`select * from tasks where plan_id = ${PLAN}`),
      queryRows(database.db, sql`select r.task_id, r.period_code, r.state, r.percent, r.submitted_at from task_reports r join tasks t on t.id = r.task_id where t.plan_id = ${PLAN}`),
      queryRows(database.db, sql`select n.task_id, n.due, n.done_on from task_nodes n join tasks t on t.id = n.task_id where t.plan_id = ${PLAN}`),
    ]);
    const ref = performance.now() - t0;
    if (i >= 2) {
      board.push(ms);
      floor.push(ref);
    }
  }
  const b = median(board);
  const f = median(floor);
  return [
    `| ${name} | ${counts?.tasks} tasks, ${counts?.reports} reports | ${f.toFixed(0)} ms | ${b.toFixed(0)} ms | ${(b / f).toFixed(2)} | ${b < 300 ? 'met' : 'NOT met'} |`,
    `  lights: ${lights}`,
  ].join('\n');
}

const lines: string[] = [];
const lite = await openDatabase({ driver: 'pglite', dataDir: null });
try {
  lines.push(await measure('PGlite', lite));
} finally {
  await lite.close();
}
const url = process.env.TEST_DATABASE_URL;
if (url) {
  const name = `pm_bench_board_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const server = await openDatabase({ driver: 'postgres', url: u.toString() });
  try {
    lines.push(await measure('PostgreSQL', server));
  } finally {
    await server.close();
    await admin.query(`drop database ${name} with (force)`);
    await admin.end();
  }
}
console.log(`supervision board, median of ${RUNS} runs (node ${process.version}); load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log('| driver | data | reading the rows (reference) | board (lights + roll-ups) | ratio | target < 300 ms |');
console.log('|---|---|---|---|---|---|');
console.log(lines.join('\n'));
