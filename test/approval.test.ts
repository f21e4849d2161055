/**
 * Approval of figures (审核) against the real HTTP server on both databases: draft → submitted → approved (locked),
 * rejection and editing, corrections as new vintages, what the public and evaluations see, and two people acting
 * on the same figure at once — one wins, the other gets 409, nothing is lost.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client';
import { queryRows } from '../src/db/raw';
import { buildApp } from '../src/server/app';
import { createUser } from '../src/services/access/users';
import { prepare } from '../src/services/bootstrap';
import { loadPlanFile } from '../src/services/loadPlan';
import type { ObservationDto, PlanEvaluationDto } from '../src/shared/api';
import { drivers } from './support/databases';
import { fixture, plansDir, regionsDir, root } from './support/paths';
import { TEST_PASSWORD } from './support/session';

/** The database's own message for a refused statement (the driver wraps it as the cause). */
async function refusal(statement: Promise<unknown>): Promise<string> {
  try {
    await statement;
  } catch (e) {
    const cause = (e as { cause?: unknown }).cause;
    return cause instanceof Error ? cause.message : String(e);
  }
  return 'not refused';
}

type Who = 'public' | 'admin' | 'planner' | 'planner2' | 'statistician' | 'reporter' | 'viewer';
const PLAN = 'shenzhen-services-14th-fyp';

describe.each(drivers)('approval of figures on $name', ({ open }) => {
  let database: Database;
  let app: FastifyInstance;
  let base: string;
  const headers: Partial<Record<Who, Record<string, string>>> = { public: {} };

  async function call<T = unknown>(method: string, url: string, who: Who, body?: unknown): Promise<{ status: number; body: T }> {
    const h: Record<string, string> = { ...headers[who] };
    if (body !== undefined) h['content-type'] = 'application/json';
    const res = await fetch(`${base}${url}`, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as T };
  }

  /** Enters one figure as `who` and returns it as stored (a draft, unless an approver asked otherwise). */
  async function enter(who: Who, f: { indicator: string; region: string; period: string; value: number; unit: string }, approve = false): Promise<ObservationDto> {
    const source = `审核测试 ${f.indicator} ${f.region} ${f.period} ${f.value}`;
    const res = await call<{ committed: boolean }>('POST', '/api/observations', who, { figures: [{ ...f, source, publishedDate: '2024-03-01' }], approve });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const list = await call<ObservationDto[]>('GET', `/api/observations?indicator=${f.indicator}&region=${f.region}&period=${f.period}`, 'admin');
    const stored = list.body.find((o) => o.source.publication === source);
    if (!stored) throw new Error(`figure ${source} was not stored`);
    return stored;
  }

  const evaluation = (who: Who, extra = '') => call<PlanEvaluationDto>('GET', `/api/plans/${PLAN}/evaluation?asOf=2023&method=time_proportional${extra}`, who);
  const latestTertiary = (e: PlanEvaluationDto) => e.indicators.find((i) => i.indicator.code === 'TERTIARY_VA')?.latest?.value ?? null;

  beforeAll(async () => {
    database = await open();
    // Regions, the catalogue and the bundled plan, but no bundled figures: every figure here is the test's own.
    await prepare(database, { regionsDir, plansDir, catalogueDir: path.join(root, 'catalogue') });
    // A plan in preparation (published: false in its file) — the public must not see it.
    await loadPlanFile(database, fixture('plans/fictional-15th.yaml'));
    app = await buildApp(database);
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    const roles = { admin: 'admin', planner: 'planner', planner2: 'planner', statistician: 'statistician', reporter: 'reporter', viewer: 'viewer' } as const;
    for (const [who, role] of Object.entries(roles)) {
      await createUser(database, { username: `a-${who}`, password: TEST_PASSWORD, role, regions: role === 'reporter' ? ['440305'] : [] });
      const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: `a-${who}`, password: TEST_PASSWORD }) });
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      headers[who as Who] = { cookie, 'x-csrf-token': ((await res.json()) as { csrfToken: string }).csrfToken };
    }
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('takes a figure from draft through submitted to approved; only then do the public and evaluations use it', async () => {
    const f = await enter('statistician', { indicator: 'TERTIARY_VA', region: '440300', period: '2023', value: 21566.38, unit: '亿元' });
    expect(f.approval).toMatchObject({ state: 'draft', version: 1, enteredBy: 'a-statistician', submittedBy: null, decidedBy: null });

    // Not yet approved: the public does not see it, and no evaluation uses it.
    expect((await call<ObservationDto[]>('GET', '/api/observations?indicator=TERTIARY_VA', 'public')).body).toEqual([]);
    expect((await call('GET', '/api/observations?indicator=TERTIARY_VA&state=draft', 'public')).status).toBe(401);
    expect(latestTertiary((await evaluation('viewer')).body)).toBeNull();

    const submitted = await call<{ observation: ObservationDto }>('POST', `/api/observations/${f.id}/submit`, 'statistician', { version: 1 });
    expect(submitted.status).toBe(200);
    expect(submitted.body.observation.approval).toMatchObject({ state: 'submitted', version: 2, submittedBy: 'a-statistician' });
    const queue = await call<{ items: ObservationDto[] }>('GET', '/api/approvals', 'planner');
    expect(queue.body.items.map((o) => o.id)).toContain(f.id);

    // The planner acts on what it saw (version 2); a stale version is a conflict that changes nothing.
    const stale = await call<{ error: string }>('POST', `/api/observations/${f.id}/approve`, 'planner', { version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatch(/version 2, you sent 1/);
    const approved = await call<{ observation: ObservationDto }>('POST', `/api/observations/${f.id}/approve`, 'planner', { version: 2, comment: '与统计公报一致' });
    expect(approved.status).toBe(200);
    expect(approved.body.observation.approval).toMatchObject({ state: 'approved', version: 3, decidedBy: 'a-planner', comment: '与统计公报一致' });

    expect((await call<ObservationDto[]>('GET', '/api/observations?indicator=TERTIARY_VA', 'public')).body.map((o) => o.id)).toEqual([f.id]);
    const publicEval = (await evaluation('public')).body;
    expect(publicEval.figures).toBe('approved');
    expect(latestTertiary(publicEval)).toBe(21566.38);
  });

  it('locks an approved figure: no edit, no second submission, not even through SQL; a correction is a new vintage', async () => {
    const f = await enter('admin', { indicator: 'GDP', region: '440300', period: '2022', value: 32387.68, unit: '亿元' }, true);
    expect(f.approval).toMatchObject({ state: 'approved', decidedBy: 'a-admin' });
    const edit = await call<{ error: string }>('PATCH', `/api/observations/${f.id}`, 'statistician', { version: f.approval?.version, value: 1 });
    expect(edit.status).toBe(409);
    expect(edit.body.error).toMatch(/locked.*correction/);
    expect((await call('POST', `/api/observations/${f.id}/submit`, 'statistician', { version: f.approval?.version })).status).toBe(409);
    expect(await refusal(database.db.execute(sql`update observations set value = 1 where id = ${f.id}`))).toMatch(/approved and locked/);
    expect(await refusal(database.db.execute(sql`delete from observations where id = ${f.id}`))).toMatch(/never deleted/);

    const corr = await call<{ observation: ObservationDto }>('POST', `/api/observations/${f.id}/corrections`, 'statistician', { value: 32422.02, notes: '第五次经济普查后修订' });
    expect(corr.status).toBe(200);
    const c = corr.body.observation;
    expect(c.id).not.toBe(f.id);
    expect(c).toMatchObject({ value: 32422.02, approval: { state: 'draft', corrects: f.id, enteredBy: 'a-statistician' } });
    // Until the correction is approved the original stands; afterwards the correction replaces it.
    const before = await call<{ chosen: ObservationDto }>('GET', '/api/observations/candidates?indicator=GDP&period=2022', 'public');
    expect(before.body.chosen.id).toBe(f.id);
    await call('POST', `/api/observations/${c.id}/submit`, 'statistician', { version: 1 });
    expect((await call('POST', `/api/observations/${c.id}/approve`, 'planner', { version: 2 })).status).toBe(200);
    const after = await call<{ chosen: ObservationDto; candidates: Array<{ observation: ObservationDto; rank: number | null; reason: { zh: string } }> }>(
      'GET', '/api/observations/candidates?indicator=GDP&period=2022', 'public',
    );
    expect(after.body.chosen.id).toBe(c.id);
    expect(after.body.candidates.find((x) => x.observation.id === f.id)).toMatchObject({ rank: null, reason: { zh: expect.stringContaining('已被更正') } });
    // Both figures are kept.
    expect((await call<ObservationDto[]>('GET', '/api/observations?indicator=GDP&period=2022', 'public')).body).toHaveLength(2);
  });

  it('rejects with a reason; the rejected figure is edited back to a draft and submitted again', async () => {
    const f = await enter('reporter', { indicator: 'TERTIARY_VA', region: '440305', period: '2022', value: 6000, unit: '亿元' });
    await call('POST', `/api/observations/${f.id}/submit`, 'reporter', { version: 1 });
    expect((await call('POST', `/api/observations/${f.id}/reject`, 'planner', { version: 2 })).status).toBe(400);
    const rejected = await call<{ observation: ObservationDto }>('POST', `/api/observations/${f.id}/reject`, 'planner', { version: 2, comment: '与区统计局口径不一致' });
    expect(rejected.body.observation.approval).toMatchObject({ state: 'rejected', version: 3, comment: '与区统计局口径不一致' });
    const edited = await call<{ observation: ObservationDto }>('PATCH', `/api/observations/${f.id}`, 'reporter', { version: 3, value: 6123.4 });
    expect(edited.status).toBe(200);
    expect(edited.body.observation).toMatchObject({ value: 6123.4, approval: { state: 'draft', version: 4, comment: null } });
    expect((await call('POST', `/api/observations/${f.id}/submit`, 'reporter', { version: 4 })).status).toBe(200);
  });

  it('keeps a 南山区 reporter to its own figures in the workflow too', async () => {
    const futian = await enter('statistician', { indicator: 'TERTIARY_VA', region: '440304', period: '2022', value: 5000, unit: '亿元' });
    const res = await call<{ error: string }>('POST', `/api/observations/${futian.id}/submit`, 'reporter', { version: 1 });
    expect(res.status).toBe(403);
    expect((await call('PATCH', `/api/observations/${futian.id}`, 'reporter', { version: 1, value: 1 })).status).toBe(403);
    const still = (await call<ObservationDto[]>('GET', '/api/observations?indicator=TERTIARY_VA&region=440304', 'admin')).body[0];
    expect(still).toMatchObject({ value: 5000, approval: { state: 'draft', version: 1 } });
  });

  it('withdraws a figure not yet approved: kept, counted nowhere, locked; offered only to its writers; never an approved one', async () => {
    const f = await enter('reporter', { indicator: 'TERTIARY_VA', region: '440305', period: '2021', value: 5321.77, unit: '亿元' });
    // What each person may do with it now, as the figure's history offers it.
    const actions = async (who: Who) => (await call<{ actions: string[] }>('GET', `/api/observations/${f.id}/actions`, who)).body.actions;
    expect(await actions('reporter')).toEqual(['submit', 'edit', 'withdraw']);
    expect(await actions('planner')).toEqual(['approve']);
    expect((await call('GET', `/api/observations/${f.id}/actions`, 'public')).status).toBe(401);

    await call('POST', `/api/observations/${f.id}/submit`, 'reporter', { version: 1 });
    // Sent: the writer may still take it back while it waits for a decision; another region's writer may not.
    expect(await actions('reporter')).toEqual(['withdraw']);
    const other = await enter('statistician', { indicator: 'TERTIARY_VA', region: '440304', period: '2021', value: 4000, unit: '亿元' });
    expect((await call<{ error: string }>('POST', `/api/observations/${other.id}/withdraw`, 'reporter', { version: 1 })).status).toBe(403);
    expect((await call('POST', `/api/observations/${f.id}/withdraw`, 'planner', { version: 2 })).status).toBe(403);

    const withdrawn = await call<{ observation: ObservationDto }>('POST', `/api/observations/${f.id}/withdraw`, 'reporter', { version: 2, comment: '重复报送' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.observation.approval).toMatchObject({ state: 'withdrawn', version: 3, comment: '重复报送' });
    expect(await actions('reporter')).toEqual([]);
    // Counted nowhere: not in the approvals queue, not in an evaluation with drafts; kept in the history.
    const queue = await call<{ items: ObservationDto[] }>('GET', '/api/approvals?state=draft,submitted,rejected', 'planner');
    expect(queue.body.items.map((o) => o.id)).not.toContain(f.id);
    const withDrafts = (await call<PlanEvaluationDto>('GET', `/api/plans/${PLAN}/evaluation?asOf=2023&region=440305&includeDrafts=true`, 'planner')).body;
    expect(JSON.stringify(withDrafts)).not.toContain(`"id":${f.id},`);
    expect(JSON.stringify(withDrafts)).not.toContain('5321.77');
    const history = await call<ObservationDto[]>('GET', '/api/observations?indicator=TERTIARY_VA&region=440305&period=2021', 'admin');
    expect(history.body.find((o) => o.id === f.id)?.approval?.state).toBe('withdrawn');
    // Locked: no edit, no submission, no second withdrawal, not even through SQL.
    expect((await call('PATCH', `/api/observations/${f.id}`, 'reporter', { version: 3, value: 1 })).status).toBe(409);
    expect((await call('POST', `/api/observations/${f.id}/submit`, 'reporter', { version: 3 })).status).toBe(409);
    expect((await call<{ error: string }>('POST', `/api/observations/${f.id}/withdraw`, 'reporter', { version: 3 })).body.error).toMatch(/a withdrawn figure cannot be withdrawn/);
    expect(await refusal(database.db.execute(sql`update observations set approval_state = 'draft' where id = ${f.id}`))).toMatch(/withdrawn and is locked/);
    // Audited, as the writer.
    const audit = await queryRows<{ action: string; actor: string }>(database.db, sql`select action, actor_name as actor from audit_log where entity = 'observation' and entity_id = ${String(f.id)} order by id`);
    expect(audit).toEqual([{ action: 'figure.submit', actor: 'a-reporter' }, { action: 'figure.withdraw', actor: 'a-reporter' }]);

    // An approved figure is never withdrawn: it is corrected (a new vintage).
    const approved = await enter('admin', { indicator: 'RETAIL', region: '440300', period: '2021', value: 9498.12, unit: '亿元' }, true);
    expect(await actions('statistician')).not.toContain('withdraw');
    expect((await call<{ actions: string[] }>('GET', `/api/observations/${approved.id}/actions`, 'statistician')).body.actions).toEqual(['correct']);
    const refused = await call<{ error: string }>('POST', `/api/observations/${approved.id}/withdraw`, 'statistician', { version: approved.approval?.version });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatch(/locked.*correction/);
  });

  it('lets two planners approve the same figure at once: one wins, the other gets 409, one audit record', async () => {
    const f = await enter('statistician', { indicator: 'RETAIL', region: '440300', period: '2023', value: 10486.19, unit: '亿元' });
    await call('POST', `/api/observations/${f.id}/submit`, 'statistician', { version: 1 });
    const [a, b] = await Promise.all([
      call('POST', `/api/observations/${f.id}/approve`, 'planner', { version: 2 }),
      call('POST', `/api/observations/${f.id}/reject`, 'planner2', { version: 2, comment: '重复' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const decisions = await queryRows<{ action: string }>(database.db, sql`select action from audit_log where entity = 'observation' and entity_id = ${String(f.id)} and action in ('figure.approve', 'figure.reject')`);
    expect(decisions).toHaveLength(1);
    const final = (await call<ObservationDto[]>('GET', `/api/observations?indicator=RETAIL&period=2023`, 'admin')).body.find((o) => o.id === f.id);
    expect(final?.approval?.version).toBe(3);
    expect(final?.approval?.state).toBe(a.status === 200 ? 'approved' : 'rejected');
  });

  it('lets two writers edit the same draft at once without a lost update', async () => {
    const f = await enter('statistician', { indicator: 'RETAIL', region: '440300', period: '2022', value: 9708.28, unit: '亿元' });
    const [a, b] = await Promise.all([
      call<{ observation: ObservationDto }>('PATCH', `/api/observations/${f.id}`, 'statistician', { version: 1, value: 9708.3 }),
      call<{ observation: ObservationDto }>('PATCH', `/api/observations/${f.id}`, 'admin', { version: 1, value: 9708.5 }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? 9708.3 : 9708.5;
    const stored = (await call<ObservationDto[]>('GET', `/api/observations?indicator=RETAIL&period=2022`, 'admin')).body.find((o) => o.id === f.id);
    expect(stored).toMatchObject({ value: winner, approval: { version: 2 } });
    // The audit holds the one edit that happened, old → new.
    const edits = await queryRows<{ old: { value: number }; new: { value: number } }>(
      database.db, sql`select old_value as old, new_value as new from audit_log where action = 'figure.edit' and entity_id = ${String(f.id)}`,
    );
    expect(edits).toEqual([{ old: expect.objectContaining({ value: 9708.28 }), new: expect.objectContaining({ value: winner }) }]);
  });

  it('evaluates with drafts only for planners and administrators, and says so', async () => {
    await enter('statistician', { indicator: 'TERTIARY_VA', region: '440300', period: '2023', value: 21700, unit: '亿元' });
    expect((await evaluation('public', '&includeDrafts=true')).status).toBe(401);
    expect((await evaluation('statistician', '&includeDrafts=true')).status).toBe(403);
    const planner = await evaluation('planner', '&includeDrafts=true');
    expect(planner.status).toBe(200);
    expect(planner.body.figures).toBe('including_drafts');
    // Same source kind and vintage: the figure entered last wins, and that is the draft.
    expect(latestTertiary(planner.body)).toBe(21700);
    const approvedOnly = await evaluation('planner');
    expect(approvedOnly.body.figures).toBe('approved');
    expect(latestTertiary(approvedOnly.body)).toBe(21566.38);
  });

  it('drafts a report on approved figures, or with drafts for a planner — and the text says so', async () => {
    type Draft = { sections: Array<{ id: string; text: string }> };
    const overview = (d: Draft) => d.sections.find((x) => x.id === 'overview')?.text ?? '';
    const approved = await call<Draft>('GET', `/api/plans/${PLAN}/reports/midterm/draft?asOf=2023`, 'viewer');
    expect(approved.status).toBe(200);
    expect(overview(approved.body)).not.toContain('尚未审核');
    expect((await call('GET', `/api/plans/${PLAN}/reports/midterm/draft?asOf=2023&includeDrafts=true`, 'viewer')).status).toBe(403);
    const withDrafts = await call<Draft>('GET', `/api/plans/${PLAN}/reports/midterm/draft?asOf=2023&includeDrafts=true`, 'planner');
    expect(withDrafts.status).toBe(200);
    expect(overview(withDrafts.body)).toContain('本稿包含尚未审核的数据');
  });

  it('refuses an approving import to a role that may not approve', async () => {
    const res = await call<{ error: string }>('POST', '/api/observations', 'statistician', {
      figures: [{ indicator: 'GDP', region: '440300', period: '2021', value: 30664.85, unit: '亿元', source: '审核测试 import', publishedDate: '2022-03-01' }],
      approve: true,
    });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatch(/may not approve/);
  });

  it('shows the public published plans only; a plan in preparation needs a session', async () => {
    const publicList = (await call<Array<{ id: string }>>('GET', '/api/plans', 'public')).body.map((p) => p.id);
    expect(publicList).toEqual([PLAN]);
    expect((await call('GET', '/api/plans/demo-eco-15th-fyp', 'public')).status).toBe(404);
    expect((await call('GET', '/api/plans/demo-eco-15th-fyp/evaluation?asOf=2026', 'public')).status).toBe(404);
    expect((await call<Array<{ id: string }>>('GET', '/api/plans', 'viewer')).body.map((p) => p.id).sort()).toEqual(['demo-eco-15th-fyp', PLAN]);
    expect((await call('GET', '/api/plans/demo-eco-15th-fyp/evaluation?asOf=2026', 'viewer')).status).toBe(200);
  });

  it('scopes the queue to one plan: its indicators, in its region and the regions within it', async () => {
    const ours = await enter('statistician', { indicator: 'DEMO_PM25', region: '440300', period: '2023', value: 16.5, unit: '微克/立方米' });
    const theirs = await enter('statistician', { indicator: 'RETAIL', region: '440305', period: '2022', value: 999, unit: '亿元' });
    const ids = async (plan: string) => (await call<{ items: ObservationDto[] }>('GET', `/api/approvals?state=draft&plan=${plan}`, 'planner')).body.items.map((o) => o.id);
    const demo = await ids('demo-eco-15th-fyp');
    expect(demo).toContain(ours.id);
    expect(demo).not.toContain(theirs.id);
    // 440305 (南山区) lies within the 14th plan's 440300: its district figure is the 14th plan's to approve.
    const services = await ids('shenzhen-services-14th-fyp');
    expect(services).toContain(theirs.id);
    expect(services).not.toContain(ours.id);
    const all = (await call<{ items: ObservationDto[] }>('GET', '/api/approvals?state=draft', 'planner')).body.items.map((o) => o.id);
    expect(all).toEqual(expect.arrayContaining([ours.id, theirs.id]));
    expect((await call('GET', '/api/approvals?state=draft&plan=no-such-plan', 'planner')).status).toBe(404);
  });
});
