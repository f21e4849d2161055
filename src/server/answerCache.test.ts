import { sql } from 'drizzle-orm';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/client';
import { answerCache, callerKey } from './answerCache';

let database: Database;
let app: FastifyInstance;
let calls = 0;

beforeAll(async () => {
  database = await openDatabase({ driver: 'pglite', dataDir: null });
  await database.migrate();
  app = Fastify();
  // The caller, as server/policy.ts would decide it: here from a test header.
  app.addHook('onRequest', async (req) => {
    const who = req.headers['x-who'];
    req.principal =
      who === undefined ? { kind: 'public' } : { kind: 'user', userId: Number(who), username: `u${String(who)}`, role: 'planner', regions: [], departments: [], via: 'session' };
  });
  await app.register(answerCache, { database, maxBytes: 64 * 1024 });
  app.get('/units', { config: { answerCache: true } }, async (req, reply) => {
    calls++;
    const rows = await database.db.execute(sql`select code from units order by code`);
    reply.header('x-next-cursor', 'next-page').header('x-request-id', String(calls));
    return { calls, units: (rows as unknown as { rows: Array<{ code: string }> }).rows.map((r) => r.code), who: req.principal.kind };
  });
  app.get('/missing', { config: { answerCache: true } }, async (_req, reply) => {
    calls++;
    return reply.code(404).send({ error: 'no such thing' });
  });
  app.get('/big', { config: { answerCache: true } }, async () => {
    calls++;
    return 'x'.repeat(20 * 1024);
  });
  app.get('/plain', async () => ({ calls: ++calls }));
  app.get('/sized/:n', { config: { answerCache: true } }, async () => ({ calls: ++calls, fill: 'y'.repeat(7 * 1024) }));
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const get = (url: string, who?: number) => app.inject({ url, headers: who === undefined ? {} : { 'x-who': String(who) } });
const addUnit = (code: string) => database.db.execute(sql`insert into units (code, name_zh, name_en, kind) values (${code}, ${code}, ${code}, 'department')`);

describe('answers kept until the data changes', () => {
  it('sends the kept answer, with its paging headers, until a write commits; then the new one', async () => {
    calls = 0;
    const first = await get('/units');
    const again = await get('/units');
    expect(calls).toBe(1);
    expect(again.body).toBe(first.body);
    expect(again.headers['x-next-cursor']).toBe('next-page');
    expect(again.headers['content-type']).toBe(first.headers['content-type']);
    // Not part of the answer: each response has its own.
    expect(again.headers['x-request-id']).toBeUndefined();

    await addUnit('ac-1');
    const after = await get('/units');
    expect(calls).toBe(2);
    expect(after.json()).toMatchObject({ calls: 2, units: ['ac-1'] });
    // Another query string is another answer.
    await get('/units?x=1');
    expect(calls).toBe(3);
  });

  it('keeps one answer per caller: the public, and each user', async () => {
    calls = 0;
    await get('/units?who');
    await get('/units?who', 7);
    await get('/units?who', 8);
    expect(calls).toBe(3);
    expect((await get('/units?who', 7)).json()).toMatchObject({ who: 'user' });
    expect((await get('/units?who')).json()).toMatchObject({ who: 'public' });
    expect(calls).toBe(3);
    expect(callerKey({ kind: 'public' })).not.toBe(callerKey({ kind: 'system', name: 'cli' }));
  });

  it('keeps neither refusals, nor routes that did not opt in, nor an answer too big for the store', async () => {
    calls = 0;
    await get('/missing');
    await get('/missing');
    await get('/plain');
    await get('/plain');
    expect(calls).toBe(4);
    await get('/big');
    await get('/big');
    expect(calls).toBe(6);
  });

  it('drops the least recently used answers beyond its byte bound', async () => {
    calls = 0;
    // 64 KiB: answers of ~7 KiB each, ten of them do not fit.
    for (let n = 0; n < 10; n++) await get(`/sized/${n}`);
    expect(calls).toBe(10);
    await get('/sized/9');
    expect(calls).toBe(10);
    await get('/sized/0');
    expect(calls).toBe(11);
  });
});
