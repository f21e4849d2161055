/**
 * What `plan-monitor tasks`, `quality` and `prosperity` ask of a running server, on both databases: requests on the
 * local admin channel (a real Unix socket and token, server/adminChannel.ts) act as the operator — the supervision
 * lists show every task, the admin routes import a dispatch table and a wave's answers from files on this machine,
 * send reminders, check a rule file and draw a panel — each write audited as `cli`, each refusal said as the
 * command says it. (The same commands as processes beside `plan-monitor serve`: cliBesideServer.test.ts.)
 */
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withCheckChar } from '../src/domain/enterprise/uscc';
import { SYSTEM } from '../src/services/access/audit';
import { importEnterpriseFile } from '../src/services/enterprises/import/importEnterprises';
import type { Database } from '../src/db/client';
import { lockFolder, type FolderLock } from '../src/db/folderLock';
import { queryRows } from '../src/db/raw';
import { openAdminChannel, type AdminChannel } from '../src/server/adminChannel';
import { buildApp } from '../src/server/app';
import { page } from '../src/server/routes/supervision';
import { prepare } from '../src/services/bootstrap';
import { loadBoard } from '../src/services/supervision/board';
import { drivers } from './support/databases';
import { plansDir, regionsDir, root } from './support/paths';
import { PLAN, taskOf, unitId, unitUser } from './support/supervision';

const UNIT = '市文化广电旅游体育局';
// A frame of enterprises for the survey (no panel yet): two large ones, taken with certainty, and four small ones —
// all in the enterprise registry, as a panel's members must be.
const LARGE = [withCheckChar('91440300MA5F00001'), withCheckChar('91440300MA5F00002')];
const SMALL = Array.from({ length: 4 }, (_, i) => withCheckChar(`91440300MA5F1000${i}`));
const FRAME = [
  '统一社会信用代码,行业代码,区划代码,企业规模,营业收入,从业人员',
  `${LARGE[0]},6513,440305,large,250000,1200`,
  `${LARGE[1]},7212,440304,large,180000,900`,
  ...SMALL.map((u, i) => `${u},6513,440305,small,${1000 + i},${20 + i}`),
].join('\n');
const REGISTRY = [
  '统一社会信用代码,单位名称,行业代码,区划代码,规模以上,企业规模,成立日期',
  `${LARGE[0]},甲软件有限公司,6513,440305,是,大型,2010-05-01`,
  `${LARGE[1]},乙咨询有限公司,7212,440304,是,大型,2012-01-01`,
  ...SMALL.map((u, i) => `${u},丙${i}软件有限公司,6513,440305,否,小型,2018-01-01`),
].join('\n');

describe('a page of a supervision list', () => {
  const items = [{ id: 5 }, { id: 2 }, { id: 9 }, { id: 1 }, { id: 7 }];
  const all = (limit: number) => {
    const out: number[] = [];
    let after: string | undefined;
    for (;;) {
      const p = page(items, (t) => t.id, { limit, ...(after === undefined ? {} : { after }) });
      out.push(...p.items.map((t) => t.id));
      if (p.next === null) return out;
      after = p.next;
    }
  };
  it('walks a list in its own order, not its key\'s (the reminders: most overdue first), skipping and repeating nothing', () => {
    expect(all(2)).toEqual([5, 2, 9, 1, 7]);
    expect(all(1)).toEqual([5, 2, 9, 1, 7]);
    expect(all(5)).toEqual([5, 2, 9, 1, 7]);
  });
  it('goes on by the key when the cursor\'s item is gone', () => {
    expect(page(items, (t) => t.id, { limit: 10, after: '6' }).items.map((t) => t.id)).toEqual([9, 7]);
  });
});

describe.each(drivers)('the admin channel for the tasks, quality and prosperity commands on $name', ({ open }) => {
  let database: Database;
  let app: FastifyInstance;
  let dir: string;
  let lock: FolderLock;
  let channel: AdminChannel | null;
  let token: string;

  /** A request on the admin socket with the server's token, as the plan-monitor command sends it. */
  const admin = (method: string, url: string, body?: unknown) =>
    new Promise<{ status: number; body: unknown }>((resolve, reject) => {
      const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
      const req = request({ socketPath: channel?.socket ?? '', method, path: url, headers: { 'x-admin-token': token, ...(payload ? { 'content-type': 'application/json' } : {}) } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null') as unknown }));
      });
      req.on('error', reject);
      req.end(payload);
    });
  const audited = async (action: string) => (await queryRows<{ actor: string }>(database.db, sql`select actor_name as actor from audit_log where action = ${action} order by id`)).map((r) => r.actor);
  const file = async (name: string, text: string) => {
    const p = path.join(dir, name);
    await writeFile(p, text);
    return p;
  };

  beforeAll(async () => {
    database = await open();
    // The survey without its synthetic demo: no panel yet, so the panel can be drawn; the industry classification
    // without the synthetic enterprise sample: the registry is the test's own.
    await prepare(database, { regionsDir, plansDir, catalogueDir: path.join(root, 'catalogue'), prosperityDir: path.join(root, 'prosperity'), enterprises: { dir: path.join(root, 'enterprises'), sample: false } });
    app = await buildApp(database);
    await app.ready();
    dir = await mkdtemp(path.join(tmpdir(), 'pm-admin-'));
    const registered = await importEnterpriseFile(database, { file: await file('registry.csv', REGISTRY), audit: SYSTEM });
    expect(registered.committed, JSON.stringify(registered.rejected.slice(0, 3))).toBe(true);
    lock = lockFolder(path.join(dir, 'pglite'), 'adminCommands.test');
    channel = await openAdminChannel(app, { dataDir: dir, lock, url: 'http://127.0.0.1:0', warn: (m) => expect.fail(m) });
    token = (await readFile(path.join(dir, 'admin.token'), 'utf8')).trim();
  }, 300_000);
  afterAll(async () => {
    await channel?.close();
    lock?.release();
    await app.close();
    await database.close();
  });

  it('shows the operator every task and every unit\'s reminders through the public routes', async () => {
    const planner = await unitUser(app, database, 'ac-planner', 'planner', ['市发展改革委']);
    const park = await taskOf(app, planner, 'park', 'k-01');
    const assigned = await app.inject({ method: 'POST', url: `/api/tasks/${park}/assign`, headers: planner, payload: { leadUnit: await unitId(database, UNIT) } });
    expect(assigned.statusCode, assigned.body).toBe(200);

    const tasks = await admin('GET', `/api/plans/${PLAN}/tasks?limit=500`);
    expect(tasks.status).toBe(200);
    expect((tasks.body as { total: number }).total).toBe((await loadBoard(database, PLAN)).tasks.length);
    const reminders = await admin('GET', `/api/plans/${PLAN}/reminders?lang=en`);
    expect(reminders.status).toBe(200);
    expect(reminders.body).toMatchObject({ items: [{ unit: { name: { zh: UNIT } }, items: [{ taskId: park, what: 'accept', text: 'Nanshan Sci-Tech Finance City: assigned, please accept' }] }], next: null });
    const board = await admin('GET', `/api/plans/${PLAN}/supervision/board?by=unit`);
    expect(board.status).toBe(200);
  });

  it('imports a dispatch table from a file on this machine, audited as cli; a bad cell is refused with 422', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('调度表');
    ws.addRow(['规划项目', '责任单位', '报告期', '年度计划投资（万元）', '本年累计完成投资（万元）']);
    ws.addRow(['深圳歌剧院', UNIT, '2025年6月', '80000', '-5']);
    const bad = path.join(dir, 'bad.xlsx');
    await wb.xlsx.writeFile(bad);
    ws.getRow(2).getCell(5).value = '36000';
    const good = path.join(dir, 'good.xlsx');
    await wb.xlsx.writeFile(good);

    const refused = await admin('POST', '/api/admin/projects/import', { planId: PLAN, file: bad });
    expect(refused).toMatchObject({ status: 422, body: { committed: false, rejected: [{ file: 'bad.xlsx', row: 2, column: '本年累计完成投资（万元）' }] } });
    expect(await admin('POST', '/api/admin/projects/import', { planId: PLAN, file: good, dryRun: true })).toMatchObject({ status: 200, body: { dryRun: true, committed: false, counts: { new: 1 } } });
    expect(await audited('project.import')).toEqual([]);
    expect(await admin('POST', '/api/admin/projects/import', { planId: PLAN, file: good })).toMatchObject({ status: 200, body: { committed: true, counts: { new: 1 }, unit: { name: UNIT } } });
    expect(await audited('project.import')).toEqual(['cli']);
    expect(await admin('POST', '/api/admin/projects/import', { planId: 'no-such-plan', file: good })).toMatchObject({ status: 404 });
  });

  it('sends the reminders through the server\'s notifier and gives back what its log notifier wrote', async () => {
    const sent = await admin('POST', '/api/admin/reminders/send', { planId: PLAN });
    expect(sent.status).toBe(200);
    const body = sent.body as { sent: Array<{ unit: string; delivered: boolean }>; log: string[] };
    expect(body.sent).toEqual([expect.objectContaining({ planId: PLAN, unit: UNIT, delivered: true, detail: 'written to the log' })]);
    expect(body.log).toHaveLength(1);
    expect(body.log[0]).toMatch(/^【督办提醒】[\s\S]*市文化广电旅游体育局[\s\S]*已交办，请签收/);
    expect((await admin('POST', '/api/admin/reminders/send', { asOf: '2026-02-30' })).status).toBe(400);
  });

  it('checks a rule file or a calendar against this database, naming the line of a mistake', async () => {
    const calendar = path.join(root, 'plans/calendars', `${PLAN}.yaml`);
    expect(await admin('POST', '/api/admin/quality/validate', { file: calendar })).toEqual({ status: 200, body: { file: calendar, valid: true, kind: 'calendar', entries: 4 } });
    const source = await readFile(path.join(root, 'catalogue/quality', `${PLAN}.yaml`), 'utf8');
    const broken = await file('broken.yaml', source.replace('severity: warning', 'severity: notice'));
    const line = source.split('\n').findIndex((l) => l.includes('severity: warning')) + 1;
    expect(await admin('POST', '/api/admin/quality/validate', { file: broken })).toEqual({ status: 400, body: { error: `${broken}:${line}: rules[1].severity: unknown severity "notice" (expected error | warning)` } });
  });

  it('draws the panel from a frame file once, then imports a wave\'s answers into a wave it opens, all audited as cli', async () => {
    const frame = await file('frame.csv', FRAME);
    const draw = await admin('POST', '/api/admin/prosperity/panel', { frame, seed: 7, joined: '2026-01' });
    expect(draw.status, JSON.stringify(draw.body)).toBe(200);
    expect((draw.body as { members: Array<{ uscc: string }> }).members.map((m) => m.uscc)).toEqual(expect.arrayContaining(LARGE));
    expect(await admin('POST', '/api/admin/prosperity/panel', { frame, seed: 8, joined: '2026-01' })).toMatchObject({ status: 409, body: { error: expect.stringContaining('has a panel already') } });
    expect(await audited('survey_panel_drawn')).toEqual(['cli']);

    const answers = await file('answers.csv', `统一社会信用代码,BUSINESS.current\n${LARGE[0]},上升\n${LARGE[1]},下降\n`);
    const unknown = await file('unknown.csv', '统一社会信用代码,BUSINESS.current\n91440300XXXXXXXXX1,上升\n');
    expect(await admin('POST', '/api/admin/prosperity/import', { file: unknown, wave: '2026-01', dryRun: true })).toMatchObject({ status: 422, body: { committed: false, rejected: [{ row: 2, column: '统一社会信用代码' }] } });
    const imported = await admin('POST', '/api/admin/prosperity/import', { file: answers, wave: '2026-01' });
    expect(imported).toMatchObject({ status: 200, body: { committed: true, survey: 'shenzhen-services-bcs', wave: { period: '2026-01' }, counts: { answers: 2, added: 2 } } });
    expect(await audited('survey_wave_opened')).toEqual(['cli']);
    expect(await audited('survey_import')).toEqual(['cli']);
    expect(await admin('POST', '/api/admin/prosperity/import', { file: answers, wave: '2026-13' })).toMatchObject({ status: 400 });

    // The rates of the wave, labelled, as the CLI prints them.
    const waveId = (imported.body as { wave: { id: number } }).wave.id;
    const rates = await admin('GET', `/api/prosperity/waves/${waveId}/response-rates`);
    expect(rates.body).toMatchObject({ wave: { id: waveId, period: '2026-01' }, rows: expect.arrayContaining([{ group: 'all', label: { zh: expect.any(String), en: 'all enterprises' }, panel: 6, responded: 2, rate: 2 / 6 }]) });
  });
});
