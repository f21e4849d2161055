/**
 * Approvals that flow (issue 15) against the real HTTP server on both databases: the queue says which actions each
 * person may take; an approver approves a draft directly (one audited step) when the four-eyes rule allows; bulk
 * approve / return with one comment is all or none; an administrator approves an import batch after review.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client';
import { queryRows } from '../src/db/raw';
import { buildApp } from '../src/server/app';
import { configureFourEyes } from '../src/services/access/fourEyes';
import { createUser } from '../src/services/access/users';
import { prepare } from '../src/services/bootstrap';
import type { FigureWithActionsDto, ObservationDto } from '../src/shared/api';
import { drivers } from './support/databases';
import { plansDir, regionsDir, root } from './support/paths';
import { TEST_PASSWORD } from './support/session';

type Who = 'admin' | 'planner' | 'statistician' | 'reporter';

describe.each(drivers)('approvals that flow on $name', ({ open }) => {
  let database: Database;
  let app: FastifyInstance;
  let base: string;
  const headers: Partial<Record<Who, Record<string, string>>> = {};
  let n = 0;

  async function call<T = unknown>(method: string, url: string, who: Who, body?: unknown): Promise<{ status: number; body: T }> {
    const h: Record<string, string> = { ...headers[who] };
    if (body !== undefined) h['content-type'] = 'application/json';
    const res = await fetch(`${base}${url}`, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as T };
  }

  /** Enters figures as `who` (drafts) and returns them as stored, with the batch id. */
  async function enter(who: Who, count: number, region = '440300'): Promise<{ batchId: number; figures: ObservationDto[] }> {
    const tag = `流转测试 ${++n}`;
    const figures = Array.from({ length: count }, (_, i) => ({ indicator: 'SVC_TRADE', region, period: String(2010 + i), value: 100.5 + i, unit: '亿美元', source: tag, publishedDate: '2024-03-01' }));
    const res = await call<{ batchId: number }>('POST', '/api/observations', who, { figures });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const list = await call<ObservationDto[]>('GET', `/api/observations?indicator=SVC_TRADE&region=${region}`, 'admin');
    return { batchId: res.body.batchId, figures: list.body.filter((o) => o.source.publication === tag) };
  }

  const queue = async (who: Who, state: string) => (await call<{ items: FigureWithActionsDto[] }>('GET', `/api/approvals?state=${state}`, who)).body.items;

  beforeAll(async () => {
    database = await open();
    await prepare(database, { regionsDir, plansDir, catalogueDir: path.join(root, 'catalogue') });
    app = await buildApp(database);
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    for (const role of ['admin', 'planner', 'statistician', 'reporter'] as const) {
      await createUser(database, { username: `f-${role}`, password: TEST_PASSWORD, role, regions: role === 'reporter' ? ['440305'] : [] });
      const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: `f-${role}`, password: TEST_PASSWORD }) });
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      headers[role] = { cookie, 'x-csrf-token': ((await res.json()) as { csrfToken: string }).csrfToken };
    }
  });
  afterEach(() => configureFourEyes('below-admin'));
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('offers each person only the actions they may take', async () => {
    const { figures } = await enter('statistician', 1);
    const f = figures[0];
    if (!f) throw new Error('no figure');
    const forPlanner = (await queue('planner', 'draft')).find((x) => x.id === f.id);
    expect(forPlanner?.actions).toEqual(['approve']);
    const forAdmin = (await queue('admin', 'draft')).find((x) => x.id === f.id);
    expect(forAdmin?.actions).toEqual(['submit', 'approve', 'edit', 'withdraw']);
    // A writer may also withdraw a draft (已撤回) — the administrator writes figures too.
    // Under FOUR_EYES=everyone an administrator's own draft offers no approval.
    configureFourEyes('everyone');
    const own = (await enter('admin', 1)).figures[0];
    expect((await queue('admin', 'draft')).find((x) => x.id === own?.id)?.actions).toEqual(['submit', 'edit', 'withdraw']);
  });

  it('approves a draft directly in one audited step; refuses it where the four-eyes rule does not allow', async () => {
    const { figures } = await enter('statistician', 1);
    const f = figures[0];
    if (!f?.approval) throw new Error('no figure');
    const res = await call<{ observation: ObservationDto }>('POST', `/api/observations/${f.id}/approve`, 'planner', { version: f.approval.version });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.observation.approval).toMatchObject({ state: 'approved', submittedBy: 'f-planner', decidedBy: 'f-planner', version: f.approval.version + 1 });
    const audits = await queryRows<{ action: string }>(database.db, sql.raw(`select action from audit_log where entity = 'observation' and entity_id = '${f.id}' order by id`));
    expect(audits.map((a) => a.action)).toEqual(['figure.approve_direct']);

    configureFourEyes('everyone');
    const own = (await enter('admin', 1)).figures[0];
    if (!own?.approval) throw new Error('no figure');
    const refused = await call<{ error: string }>('POST', `/api/observations/${own.id}/approve`, 'admin', { version: own.approval.version });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toContain('four eyes');
  });

  it('approves and returns in bulk with one comment, all or none', async () => {
    const { figures } = await enter('statistician', 3);
    const items = figures.map((f) => ({ id: f.id, version: f.approval?.version ?? 0 }));
    // One stale version: nothing changes, and the error names the figure.
    const first = items[0];
    if (!first) throw new Error('no figure');
    const stale = await call<{ error: string }>('POST', '/api/approvals/bulk', 'planner', { action: 'approve', items: [...items.slice(1), { id: first.id, version: 99 }] });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toContain(`figure ${first.id}`);
    expect((await queue('planner', 'draft')).filter((x) => items.some((i) => i.id === x.id))).toHaveLength(3);

    // Return needs the one comment.
    const submitted = await call<{ items: ObservationDto[] }>('POST', '/api/approvals/bulk', 'admin', { action: 'submit', items });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    const again = submitted.body.items.map((f) => ({ id: f.id, version: f.approval?.version ?? 0 }));
    expect((await call('POST', '/api/approvals/bulk', 'planner', { action: 'reject', items: again })).status).toBe(400);
    const returned = await call<{ items: ObservationDto[] }>('POST', '/api/approvals/bulk', 'planner', { action: 'reject', items: again, comment: '与公报不符' });
    expect(returned.status).toBe(200);
    expect(returned.body.items.map((f) => f.approval)).toEqual(again.map(() => expect.objectContaining({ state: 'rejected', comment: '与公报不符', decidedBy: 'f-planner' })));

    const fresh = (await enter('statistician', 2)).figures.map((f) => ({ id: f.id, version: f.approval?.version ?? 0 }));
    const approved = await call<{ items: ObservationDto[] }>('POST', '/api/approvals/bulk', 'planner', { action: 'approve', items: fresh, comment: '已核对' });
    expect(approved.status).toBe(200);
    expect(approved.body.items.map((f) => f.approval?.state)).toEqual(['approved', 'approved']);
    expect((await call('POST', '/api/approvals/bulk', 'statistician', { action: 'approve', items: fresh })).status).toBe(403);
  });

  it("approves an administrator's import batch after review, once", async () => {
    const { batchId, figures } = await enter('admin', 4);
    expect(figures.every((f) => f.approval?.state === 'draft')).toBe(true);
    const res = await call<{ items: ObservationDto[] }>('POST', `/api/imports/${batchId}/approve`, 'admin', { comment: '导入后已核对' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.items.map((f) => f.id).sort()).toEqual(figures.map((f) => f.id).sort());
    expect(res.body.items.every((f) => f.approval?.state === 'approved')).toBe(true);
    expect((await call('POST', `/api/imports/${batchId}/approve`, 'admin', {})).status).toBe(404);
    const audits = await queryRows<{ n: number }>(database.db, sql.raw(`select count(*)::int as n from audit_log where action = 'import.approve_all' and entity_id = '${batchId}'`));
    expect(audits[0]?.n).toBe(1);
  });
});
