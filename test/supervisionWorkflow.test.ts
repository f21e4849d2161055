/**
 * 督促检查 through the HTTP API on both databases: every step of the workflow (交办 → 签收 → 填报 → 审核 → 办结) and
 * every refused step (409, nothing changed), each write with its audit entry; a district unit sees and reports only
 * its own tasks; lights move with the records; a supervision notice on a red task, its reply and review.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client';
import { queryRows } from '../src/db/raw';
import { buildApp } from '../src/server/app';
import { prepare } from '../src/services/bootstrap';
import { drivers } from './support/databases';
import { plansDir, regionsDir, root } from './support/paths';
import { PLAN, quarterOf, taskOf, unitId, unitUser } from './support/supervision';

describe.each(drivers)('supervision workflow on $name', ({ open }) => {
  let database: Database;
  let app: FastifyInstance;
  let planner: Record<string, string>;
  let nanshan: Record<string, string>;
  let futian: Record<string, string>;
  let task: number;
  const period = quarterOf(new Date());

  const call = async (method: 'GET' | 'POST' | 'PUT', url: string, headers: Record<string, string>, payload?: unknown) => {
    const res = await app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
    return { status: res.statusCode, body: res.json<Record<string, unknown>>() };
  };
  const auditOf = async (entity: string, id: number) =>
    (await queryRows<{ action: string }>(database.db, sql`select action from audit_log where entity = ${entity} and entity_id = ${String(id)} order by id`)).map((r) => r.action);

  beforeAll(async () => {
    database = await open();
    await prepare(database, { regionsDir, plansDir, catalogueDir: path.join(root, 'catalogue') });
    app = await buildApp(database);
    planner = await unitUser(app, database, 'sv-planner', 'planner', ['市发展改革委']);
    nanshan = await unitUser(app, database, 'sv-nanshan', 'reporter', ['南山区人民政府']);
    futian = await unitUser(app, database, 'sv-futian', 'reporter', ['福田区人民政府']);
    task = await taskOf(app, planner, 'park', 'k-01'); // 南山科技金融城
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('makes every measure, project, base and park of the plan a task: 58 + 73 + 13 + 26', async () => {
    const { body } = await call('GET', `/api/plans/${PLAN}/supervision/board?by=chapter`, planner);
    expect(body.byKind).toMatchObject({ measure: { grey: 58 }, project: { grey: 73 }, base: { grey: 13 }, park: { grey: 26 } });
    // Paged from the start: at most `limit` items and a cursor.
    const first = await call('GET', `/api/plans/${PLAN}/tasks?limit=50`, planner);
    expect(first.body).toMatchObject({ total: 170 });
    expect((first.body.items as unknown[]).length).toBe(50);
    const second = await call('GET', `/api/plans/${PLAN}/tasks?limit=500&after=${String(first.body.next)}`, planner);
    expect((second.body.items as unknown[]).length).toBe(120);
    expect(second.body.next).toBeNull();
  });

  it('walks 交办 → 签收 → 填报 → 退回 → 填报 → 审核通过并办结, refusing every step out of turn with 409', async () => {
    const nanshanUnit = await unitId(database, '南山区人民政府');
    const finance = await unitId(database, '市地方金融管理局');
    // Out of turn before 交办: 签收 and 填报 are refused (the reporter cannot see it yet: 404; the planner cannot report: 403).
    expect((await call('POST', `/api/tasks/${task}/accept`, nanshan)).status).toBe(404);
    const assigned = await call('POST', `/api/tasks/${task}/assign`, planner, {
      leadUnit: nanshanUnit, coUnits: [finance], deadline: '2027-12-31', indicators: ['FIN_SHARE_GDP'],
      nodes: [{ title: '出台园区建设方案', due: '2027-06-30', expectedOutput: '方案印发' }],
    });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    expect(assigned.body.task).toMatchObject({ state: 'assigned', leadUnit: { id: nanshanUnit }, coUnits: [{ id: finance }], indicatorCodes: ['FIN_SHARE_GDP'] });
    const nodeId = (assigned.body.nodes as Array<{ id: number }>)[0]?.id;

    // 填报 before 签收: 409.
    const early = await call('POST', `/api/tasks/${task}/reports`, nanshan, { period, narrative: '启动' });
    expect(early.status).toBe(409);
    expect(String(early.body.error)).toContain('签收 first');
    // The 福田区 unit neither sees nor accepts 南山区's task.
    expect((await call('POST', `/api/tasks/${task}/accept`, futian)).status).toBe(404);
    expect((await call('POST', `/api/tasks/${task}/accept`, nanshan)).status).toBe(200);
    expect((await call('POST', `/api/tasks/${task}/accept`, nanshan)).status).toBe(409);
    // Re-assignment after 签收 is refused.
    expect((await call('POST', `/api/tasks/${task}/assign`, planner, { leadUnit: finance })).status).toBe(409);

    const first = await call('POST', `/api/tasks/${task}/reports`, nanshan, { period, narrative: '方案起草中', percent: 30, problems: '用地指标紧张', coordination: '请市规划和自然资源局协调', nodes: [{ nodeId, status: 'in_progress' }] });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect((await call('POST', `/api/tasks/${task}/reports`, nanshan, { period, narrative: '又一份' })).status).toBe(409);
    const reportId = Number(first.body.id);
    // 审核 is the plan owner's: the unit may not review its own report; a return needs a reason.
    expect((await call('POST', `/api/task-reports/${reportId}/review`, nanshan, { decision: 'approve' })).status).toBe(403);
    expect((await call('POST', `/api/task-reports/${reportId}/review`, planner, { decision: 'return' })).status).toBe(400);
    const returned = await call('POST', `/api/task-reports/${reportId}/review`, planner, { decision: 'return', comment: '请补充园区入驻企业数量' });
    expect(returned.body).toMatchObject({ state: 'returned', reviewComment: '请补充园区入驻企业数量' });
    expect((await call('POST', `/api/task-reports/${reportId}/review`, planner, { decision: 'approve' })).status).toBe(409);

    const again = await call('POST', `/api/tasks/${task}/reports`, nanshan, { period, narrative: '方案已印发，入驻企业126家', percent: 100, nodes: [{ nodeId, status: 'done' }], close: true });
    expect(again.status).toBe(201);
    const approved = await call('POST', `/api/task-reports/${Number(again.body.id)}/review`, planner, { decision: 'approve' });
    expect(approved.body).toMatchObject({ state: 'approved' });
    const detail = await call('GET', `/api/tasks/${task}`, planner);
    expect(detail.body.task).toMatchObject({ state: 'completed', light: 'green', reasons: [{ code: 'completed' }] });
    expect((detail.body.nodes as Array<{ doneOn: string | null }>)[0]?.doneOn).toBe(new Date().toISOString().slice(0, 10));
    // After 办结 nothing more is reported.
    expect((await call('POST', `/api/tasks/${task}/reports`, nanshan, { period, narrative: '再报' })).status).toBe(409);

    expect(await auditOf('task', task)).toEqual(['task.assign', 'task.accept', 'task.close']);
    expect(await auditOf('task_report', reportId)).toEqual(['task.report', 'task_report.return']);
    expect(await auditOf('task_report', Number(again.body.id))).toEqual(['task.report', 'task_report.approve']);
  });

  it('shows a district unit only its own tasks, and refuses its writes elsewhere', async () => {
    const mine = await call('GET', `/api/plans/${PLAN}/tasks?limit=500`, nanshan);
    expect((mine.body.items as Array<{ id: number }>).map((t) => t.id)).toEqual([task]);
    const theirs = await call('GET', `/api/plans/${PLAN}/tasks?limit=500`, futian);
    expect(theirs.body.items).toEqual([]);
    expect((await call('GET', `/api/tasks/${task}`, futian)).status).toBe(404);
    expect((await call('POST', `/api/tasks/${task}/reports`, futian, { period, narrative: 'x' })).status).toBe(404);
    // A viewer reads every task but writes none.
    const viewer = await unitUser(app, database, 'sv-viewer', 'viewer', []);
    expect((await call('GET', `/api/tasks/${task}`, viewer)).status).toBe(200);
    expect((await call('POST', `/api/tasks/${task}/accept`, viewer)).status).toBe(403);
  });

  it('turns a task red when its node is overdue, issues a 督办单 on it (not on a green task), and keeps the reply and its review', async () => {
    const base = await taskOf(app, planner, 'base', 'b-05'); // 蛇口国际海洋城 (南山)
    const nanshanUnit = await unitId(database, '南山区人民政府');
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const soon = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    await call('POST', `/api/tasks/${base}/assign`, planner, { leadUnit: nanshanUnit, nodes: [{ title: '完成片区规划', due: yesterday }] });
    const red = await call('GET', `/api/tasks/${base}`, planner);
    expect(red.body.task).toMatchObject({ light: 'red', reasons: [{ code: 'node_overdue' }] });
    const green = await taskOf(app, planner, 'park', 'k-01');
    expect((await call('POST', `/api/tasks/${green}/notices`, planner, { text: '请说明', replyBy: soon })).status).toBe(409);
    const notice = await call('POST', `/api/tasks/${base}/notices`, planner, { text: '片区规划逾期，请说明原因并提出措施', replyBy: soon });
    expect(notice.status, JSON.stringify(notice.body)).toBe(201);
    const id = Number(notice.body.id);
    expect((await call('POST', `/api/task-notices/${id}/review`, planner, { decision: 'accept' })).status).toBe(409);
    expect((await call('POST', `/api/task-notices/${id}/reply`, futian, { text: 'x' })).status).toBe(404);
    expect((await call('POST', `/api/task-notices/${id}/reply`, nanshan, { text: '已完成初稿，月底前报审' })).body).toMatchObject({ state: 'replied' });
    expect((await call('POST', `/api/task-notices/${id}/review`, planner, { decision: 'return', comment: '请明确完成时间' })).body).toMatchObject({ state: 'returned', reviewComment: '请明确完成时间' });
    expect((await call('POST', `/api/task-notices/${id}/reply`, nanshan, { text: '6月30日前完成' })).body).toMatchObject({ state: 'replied', replyText: '6月30日前完成' });
    expect(await auditOf('task_notice', id)).toEqual(['task_notice.issue', 'task_notice.reply', 'task_notice.return', 'task_notice.reply']);
    // The unit's inbox says what is due.
    const inbox = await call('GET', `/api/plans/${PLAN}/reminders`, nanshan);
    const items = (inbox.body.items as Array<{ unit: { id: number }; text: string }>);
    expect(items.map((u) => u.unit.id)).toEqual([nanshanUnit]);
    expect(items[0]?.text).toContain('时间节点“完成片区规划”已逾期1天');
    expect(items[0]?.text).toContain('请签收');
  });

  it('lets the plan owner set the reporting cycle, and checks the period against it', async () => {
    const put = await call('PUT', `/api/plans/${PLAN}/supervision/settings`, planner, { cycle: 'monthly', dueDays: 5, warnDays: 10, behindTolerance: 0.1 });
    expect(put.body).toMatchObject({ cycle: 'monthly', dueDays: 5 });
    expect((await call('PUT', `/api/plans/${PLAN}/supervision/settings`, nanshan, { cycle: 'monthly', dueDays: 5, warnDays: 10, behindTolerance: 0.1 })).status).toBe(403);
    const t = await taskOf(app, planner, 'park', 'k-02');
    await call('POST', `/api/tasks/${t}/assign`, planner, { leadUnit: await unitId(database, '南山区人民政府') });
    await call('POST', `/api/tasks/${t}/accept`, nanshan);
    const wrong = await call('POST', `/api/tasks/${t}/reports`, nanshan, { period, narrative: '季度口径' });
    expect(wrong.status).toBe(400);
    expect(String(wrong.body.error)).toContain('is not a monthly period');
    await call('PUT', `/api/plans/${PLAN}/supervision/settings`, planner, { cycle: 'quarterly', dueDays: 10, warnDays: 15, behindTolerance: 0.05 });
  });
});
