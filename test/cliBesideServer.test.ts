/**
 * The tasks, quality and prosperity commands beside a running server (issue 12, point 1), as an operator runs them:
 * child processes on one embedded folder. With `plan-monitor serve` holding the folder each command goes through
 * its admin channel; then, the server stopped, the same command opens the folder itself — and prints the same
 * (JSON when piped, the table on a terminal), with the same exit code. The writes made through the channel (a
 * dispatch table, a wave's answers) are there afterwards, audited as the operator (`cli`).
 */
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/raw';
import { openDatabase } from '../src/db/client';
import { panelMembers } from '../src/db/prosperity';
import { root } from './support/paths';
import { bin, cli, serve, type Served } from './support/processes';
import { TEST_PASSWORD } from './support/session';

const PLAN = 'shenzhen-services-14th-fyp';
const UNIT = '市文化广电旅游体育局';

let dir: string;
/** The same settings for every process; the C locale speaks Chinese (cli/output.ts). */
let env: Record<string, string>;
const files: Record<string, string> = {};

type Outcome = { code: number; stdout: string; stderr: string };

/** A command on a terminal (util-linux `script` gives it one): tables instead of JSON; stdout and stderr as one. */
async function tty(args: string[]): Promise<Outcome> {
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const child = spawn('script', ['-qec', [process.execPath, bin, ...args].map(quote).join(' '), '/dev/null'], { env: { ...process.env, DATABASE_URL: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  // Decoded whole: a chunk may end inside a character.
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (d: Buffer) => stdout.push(d));
  child.stderr.on('data', (d: Buffer) => stderr.push(d));
  const code = await new Promise<number>((resolve) => child.once('close', (c) => resolve(c ?? -1)));
  return { code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') };
}

/** The moment a quality check ran differs between two runs; nothing else may. */
const steady = (o: Outcome): Outcome => ({ ...o, stdout: o.stdout.replace(/"checkedAt": "[^"]+"/g, '"checkedAt": "…"') });
const plain = (s: string) => stripVTControlCharacters(s);

/** Every converted command, with JSON (piped) or on a terminal, including refusals. */
const commands = (): Array<{ name: string; args: string[]; terminal?: boolean }> => [
  { name: 'tasks list (JSON)', args: ['tasks', 'list', '--plan', PLAN, '--kind', 'project', '--as-of', '2025-06-30'] },
  { name: 'tasks list of a unit (table)', args: ['tasks', 'list', '--plan', PLAN, '--unit', UNIT, '--as-of', '2030-06-30'], terminal: true },
  { name: 'tasks list in English (table)', args: ['--lang', 'en', 'tasks', 'list', '--plan', PLAN, '--unit', UNIT, '--as-of', '2030-06-30'], terminal: true },
  { name: 'tasks list, unknown plan', args: ['tasks', 'list', '--plan', 'no-such-plan'] },
  { name: 'tasks list, unknown unit', args: ['tasks', 'list', '--plan', PLAN, '--unit', '无此单位'] },
  { name: 'tasks import, dry run (JSON)', args: ['tasks', 'import', files.good ?? '', '--plan', PLAN, '--dry-run'] },
  { name: 'tasks import, dry run (text)', args: ['tasks', 'import', files.good ?? '', '--plan', PLAN, '--dry-run'], terminal: true },
  { name: 'tasks import, a bad cell', args: ['tasks', 'import', files.bad ?? '', '--plan', PLAN] },
  { name: 'tasks import, no such file', args: ['tasks', 'import', path.join(dir, 'missing.xlsx'), '--plan', PLAN] },
  { name: 'tasks remind (JSON)', args: ['tasks', 'remind', '--plan', PLAN, '--as-of', '2030-06-30'] },
  { name: 'tasks remind in English (text)', args: ['tasks', 'remind', '--plan', PLAN, '--as-of', '2030-06-30', '--lang', 'en'], terminal: true },
  { name: 'tasks remind --send', args: ['tasks', 'remind', '--send', '--plan', PLAN, '--as-of', '2030-06-30'] },
  { name: 'quality check (JSON)', args: ['quality', 'check', '--plan', PLAN] },
  { name: 'quality check in English (table)', args: ['--lang', 'en', 'quality', 'check', '--plan', PLAN], terminal: true },
  { name: 'quality validate', args: ['quality', 'validate', path.join(root, 'plans/calendars', `${PLAN}.yaml`)] },
  { name: 'quality validate, a mistake', args: ['quality', 'validate', files.rules ?? ''] },
  { name: 'prosperity compute signals (JSON)', args: ['prosperity', 'compute', '--kind', 'signals', '--from', '2025-10', '--to', '2026-01'] },
  { name: 'prosperity compute climate (table)', args: ['prosperity', 'compute', '--kind', 'climate', '--from', '2025-12', '--group', 'all'], terminal: true },
  { name: 'prosperity compute --xlsx', args: ['--lang', 'en', 'prosperity', 'compute', '--xlsx', files.xlsx ?? ''] },
  { name: 'prosperity compute, bad period', args: ['prosperity', 'compute', '--kind', 'diffusion', '--from', '2026-13'] },
  { name: 'prosperity waves (JSON)', args: ['prosperity', 'waves'] },
  { name: 'prosperity waves of a wave in English (table)', args: ['--lang', 'en', 'prosperity', 'waves', '--wave', '2026-01'], terminal: true },
  { name: 'prosperity import, dry run', args: ['prosperity', 'import', files.answers ?? '', '--wave', '2026-01', '--dry-run'] },
  { name: 'prosperity panel, drawn already', args: ['prosperity', 'panel', '--frame', files.frame ?? '', '--joined', '2026-01'] },
  // Converted before (issue 18); here for their words in both languages.
  { name: 'enterprises aggregate (table)', args: ['enterprises', 'aggregate', '--item', 'REVENUE', '--period', '2024'], terminal: true },
  { name: 'enterprises aggregate in English (table)', args: ['--lang', 'en', 'enterprises', 'aggregate', '--item', 'REVENUE', '--period', '2024'], terminal: true },
];

async function runAll(): Promise<Record<string, Outcome>> {
  const out: Record<string, Outcome> = {};
  for (const c of commands()) out[c.name] = steady(c.terminal ? await tty(c.args) : await cli(c.args, env));
  return out;
}

/** GET on the admin channel, as the CLI does (the token from the data folder). */
async function adminGet<T>(p: string): Promise<T> {
  const token = (await readFile(path.join(dir, 'admin.token'), 'utf8')).trim();
  return new Promise<T>((resolve, reject) => {
    const req = request({ socketPath: path.join(dir, 'admin.sock'), path: p, headers: { 'x-admin-token': token } }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve(JSON.parse(body) as T));
    });
    req.on('error', reject);
    req.end();
  });
}

let server: Served | null = null;
let beside: Record<string, Outcome> = {};

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pm-beside-'));
  env = { DATA_DIR: dir, REMINDER_TIME: 'off', LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
  // The folder made by a command (the survey with its synthetic panel, as serve makes it); three of its panel members answer.
  expect((await cli(['prosperity', 'waves'], env)).code).toBe(0);
  const database = await openDatabase({ driver: 'pglite', dataDir: path.join(dir, 'pglite') });
  const members = (await panelMembers(database.db, 'shenzhen-services-bcs')).slice(0, 3);
  // The frame's columns for these members, from their registry rows (the panel keeps only the key and its weights).
  const registry = await queryRows<{ uscc: string; industry: string; region: string; size: string | null }>(
    database.db,
    sql`select distinct on (uscc) uscc, industry_code as industry, region_code as region, size_class as size from enterprise_versions
        where uscc in (${sql.join(members.map((m) => sql`${m.uscc}`), sql`, `)}) order by uscc, valid_from desc`,
  );
  const row = new Map(registry.map((r) => [r.uscc, r]));
  await database.close();
  files.answers = path.join(dir, 'answers.csv');
  await writeFile(files.answers, `统一社会信用代码,BUSINESS.current,BUSINESS.expected\n${members.map((m, i) => `${m.uscc},${['上升', '持平', '下降'][i]},持平`).join('\n')}\n`);
  files.frame = path.join(dir, 'frame.csv');
  await writeFile(files.frame, `统一社会信用代码,行业代码,区划代码,企业规模,营业收入,从业人员\n${members.map((m) => `${m.uscc},${row.get(m.uscc)?.industry ?? ''},${row.get(m.uscc)?.region ?? ''},${row.get(m.uscc)?.size ?? 'small'},${m.revenue ?? 1},${m.employees ?? 1}`).join('\n')}\n`);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('调度表');
  ws.addRow(['规划项目', '责任单位', '报告期', '年度计划投资（万元）', '本年累计完成投资（万元）']);
  ws.addRow(['深圳歌剧院', UNIT, '2025年6月', '80000', '-5']);
  files.bad = path.join(dir, 'bad.xlsx');
  await wb.xlsx.writeFile(files.bad);
  ws.getRow(2).getCell(5).value = '36000';
  files.good = path.join(dir, 'good.xlsx');
  await wb.xlsx.writeFile(files.good);
  const rules = await readFile(path.join(root, 'catalogue/quality', `${PLAN}.yaml`), 'utf8');
  files.xlsx = path.join(dir, 'indices.xlsx');
  files.rules = path.join(dir, 'rules.yaml');
  await writeFile(files.rules, rules.replace('severity: warning', 'severity: notice'));

  server = await serve({ ...env, LOG_LEVEL: 'warn' });
}, 400_000);

afterAll(() => {
  server?.child.kill('SIGKILL');
});

describe('the tasks, quality and prosperity commands beside a running server', () => {
  it('write through the admin channel, audited as the operator, and the server sees the writes at once', { timeout: 400_000 }, async () => {
    const url = server?.url ?? '';
    const imported = await cli(['tasks', 'import', files.good ?? '', '--plan', PLAN], env);
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ committed: true, counts: { new: 1 }, unit: { name: UNIT } });
    const answered = await cli(['prosperity', 'import', files.answers ?? '', '--wave', '2026-01'], env);
    expect(answered.code, answered.stderr).toBe(0);
    expect(JSON.parse(answered.stdout)).toMatchObject({ committed: true, wave: { period: '2026-01' }, counts: { added: 3, rejectedRows: 0 } });

    const audit = await adminGet<Array<{ actorName: string; action: string }>>('/api/audit?limit=50');
    expect(audit.filter((e) => ['project.import', 'survey_wave_opened', 'survey_import'].includes(e.action)).map((e) => `${e.action} by ${e.actorName}`).sort()).toEqual([
      'project.import by cli', 'survey_import by cli', 'survey_wave_opened by cli',
    ]);

    // A task assigned in the web app (an administrator signed in): the reminders have something to say.
    const created = await cli(['users', 'create', '--admin', '--username', 'ops', '--password-stdin'], env, `${TEST_PASSWORD}\n`);
    expect(created.code, created.stderr).toBe(0);
    const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'ops', password: TEST_PASSWORD }) });
    const session = { cookie: (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '', 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken };
    const units = (await (await fetch(`${url}/api/units?limit=500`, { headers: session })).json()) as { items: Array<{ id: number; name: { zh: string } }> };
    const unit = units.items.find((u) => u.name.zh === UNIT)?.id;
    const parks = (await (await fetch(`${url}/api/plans/${PLAN}/tasks?kind=park&limit=1`, { headers: session })).json()) as { items: Array<{ id: number }> };
    const assigned = await fetch(`${url}/api/tasks/${parks.items[0]?.id}/assign`, { method: 'POST', headers: { ...session, 'content-type': 'application/json' }, body: JSON.stringify({ leadUnit: unit }) });
    expect(assigned.status, await assigned.text()).toBe(200);

    beside = await runAll();
    // Each went through the server: nothing was refused for a busy folder.
    for (const [name, o] of Object.entries(beside)) expect(`${name}: ${o.stderr}${o.stdout}`).not.toContain('in use by');
  });

  it('print the same and exit alike once the server has stopped and they open the folder themselves', { timeout: 400_000 }, async () => {
    expect(Object.keys(beside).length).toBe(commands().length);
    server?.child.kill('SIGTERM');
    expect(await server?.exited).toBe(0);
    server = null;
    const direct = await runAll();
    for (const c of commands()) expect(direct[c.name], c.name).toEqual(beside[c.name]);

    // What they printed, the same either way.
    const o = (name: string) => direct[name] ?? { code: -1, stdout: '', stderr: '' };
    const json = <T>(name: string) => JSON.parse(o(name).stdout) as T;
    expect(json<{ tasks: Array<{ kind: string; title: { zh: string } }> }>('tasks list (JSON)').tasks.find((t) => t.title.zh === '深圳歌剧院')).toMatchObject({ kind: 'project' });
    expect(plain(o('tasks list of a unit (table)').stdout)).toMatch(/牵头单位[\s\S]*南山科技金融城[\s\S]*已交办[\s\S]*红灯/);
    expect(plain(o('tasks list in English (table)').stdout)).toMatch(/Lead unit[\s\S]*Nanshan Sci-Tech[\s\S]*Assigned[\s\S]*Red/);
    expect(o('tasks list, unknown plan')).toMatchObject({ code: 1, stderr: 'no plan with id "no-such-plan"\n' });
    expect(o('tasks list, unknown unit')).toMatchObject({ code: 1, stderr: 'error: --unit "无此单位" is not a unit (plan-monitor tasks list shows units by name)\n' });
    expect(json('tasks import, dry run (JSON)')).toMatchObject({ dryRun: true, committed: false, counts: { new: 0, unchanged: 1 } });
    expect(plain(o('tasks import, dry run (text)').stdout)).toContain('试导入：未写入 — 1 行：新增 0，修订 0，未变 1');
    expect(o('tasks import, a bad cell').code).toBe(1);
    expect(JSON.parse(o('tasks import, a bad cell').stdout)).toMatchObject({ committed: false, rejected: [{ row: 2, column: '本年累计完成投资（万元）', reason: 'investment cannot be negative (-5)' }] });
    expect(o('tasks import, no such file')).toEqual({ code: 1, stdout: '', stderr: `${path.join(dir, 'missing.xlsx')}: (file): cannot read the file (ENOENT)\n` });
    const reminders = json<{ units: Array<{ unit: { name: { zh: string } }; text: string }> }>('tasks remind (JSON)').units;
    expect(reminders.map((u) => u.unit.name.zh)).toEqual([UNIT]);
    expect(reminders[0]?.text).toContain('已交办，请签收');
    expect(plain(o('tasks remind in English (text)').stdout)).toMatch(/^\[Supervision reminder\] Municipal Bureau of Culture[\s\S]*Nanshan Sci-Tech Finance City: progress for 2026Q4 not reported[\s\S]*Nanshan Sci-Tech Finance City: assigned, please accept/);
    expect(json('tasks remind --send')).toMatchObject([{ planId: PLAN, unit: UNIT, delivered: true, detail: 'written to the log' }]);
    expect(o('tasks remind --send').stderr).toContain(`【督办提醒】`);
    expect(json<{ summary: { total: number } }>('quality check (JSON)').summary.total).toBeGreaterThan(0);
    expect(plain(o('quality check in English (table)').stdout)).toMatch(/Severity[\s\S]*warning[\s\S]*figures checked by \d+ rules/);
    expect(json('quality validate')).toEqual({ file: path.join(root, 'plans/calendars', `${PLAN}.yaml`), valid: true, kind: 'calendar', entries: 4 });
    expect(o('quality validate, a mistake')).toMatchObject({ code: 1, stdout: '' });
    expect(o('quality validate, a mistake').stderr).toMatch(new RegExp(`^${files.rules}:\\d+: rules\\[1\\]\\.severity: unknown severity "notice"`));
    expect(json<{ signals: { periods: string[] } }>('prosperity compute signals (JSON)').signals.periods).toEqual(['2025-10', '2025-11', '2025-12', '2026-01']);
    expect(plain(o('prosperity compute climate (table)').stdout)).toMatch(/合成数据[\s\S]*期别[\s\S]*2025-12[\s\S]*企业景气指数[\s\S]*企业家信心指数/);
    expect(o('prosperity compute --xlsx')).toMatchObject({ code: 0, stdout: '', stderr: `wrote ${files.xlsx}\n` });
    expect((await stat(files.xlsx ?? '')).size).toBeGreaterThan(10_000);
    expect(o('prosperity compute, bad period')).toMatchObject({ code: 1, stderr: 'error: --from: a month 2024-03 or a quarter 2024Q1\n' });
    expect(json<Array<{ period: string; responded: number }>>('prosperity waves (JSON)')[0]).toMatchObject({ period: '2026-01', responded: 3 });
    expect(plain(o('prosperity waves of a wave in English (table)').stdout)).toMatch(/Group[\s\S]*Responded[\s\S]*all enterprises +│ \d+ +│ 3 +│ \d+\.\d%/);
    expect(json('prosperity import, dry run')).toMatchObject({ dryRun: true, committed: false, counts: { unchanged: 3, added: 0 } });
    expect(plain(o('enterprises aggregate (table)').stdout)).toMatch(/^营业收入（万元），2024年1-12月比2023年1-12月，规模以上企业；合成数据 \d+\/\d+\r?\n[\s\S]*行业[\s\S]*对外[\s\S]*公布/);
    expect(plain(o('enterprises aggregate in English (table)').stdout)).toMatch(/^Operating revenue \(万元\), 2024年1-12月 vs 2023年1-12月, enterprises above the size threshold; synthetic \d+\/\d+\r?\n[\s\S]*Industry[\s\S]*Public[\s\S]*published/);
    expect(o('prosperity panel, drawn already')).toMatchObject({ code: 1, stderr: expect.stringContaining('has a panel already') });
  });
});
