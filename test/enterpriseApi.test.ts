/**
 * The enterprise routes over HTTP, on both databases: search paged by cursor, an enterprise's page, every microdata
 * read in the audit log, the import by upload (dry run, then commit), and the public refusal.
 */
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client';
import { withCheckChar } from '../src/domain/enterprise/uscc';
import { buildApp } from '../src/server/app';
import { prepare } from '../src/services/bootstrap';
import { drivers } from './support/databases';
import { plansDir, regionsDir, root } from './support/paths';
import { signIn } from './support/session';

const codes = Array.from({ length: 5 }, (_, i) => withCheckChar(`9144030500000${i}00${i}`.slice(0, 17)));
const REGISTRY = ['统一社会信用代码,单位名称,行业代码,区划代码,规模以上', ...codes.map((c, i) => `${c},企业${i}软件有限公司,6513,${i < 3 ? '南山区' : '福田区'},是`)].join('\n');

function multipart(file: string, name: string, fields: Record<string, string>): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----pm-test-boundary';
  const parts = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n${file}\r\n--${boundary}--\r\n`);
  return { payload: Buffer.from(parts.join('')), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe.each(drivers)('enterprise API on $name', ({ open }) => {
  let database: Database;
  let app: FastifyInstance;
  let stat: Record<string, string>;

  beforeAll(async () => {
    database = await open();
    await prepare(database, { regionsDir, plansDir, catalogueDir: path.join(root, 'catalogue'), enterprises: { dir: path.join(root, 'enterprises'), sample: false } });
    app = await buildApp(database);
    stat = await signIn(app, database, 'ent-stat', 'statistician');
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('imports an uploaded file: a dry run writes nothing, then the file commits', async () => {
    const dry = multipart(REGISTRY, '名录.csv', { dryRun: 'true' });
    const res = await app.inject({ method: 'POST', url: '/api/enterprises/import', payload: dry.payload, headers: { ...stat, ...dry.headers } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ file: '名录.csv', dryRun: true, committed: false, counts: { newEnterprises: 5 } });
    const real = multipart(REGISTRY, '名录.csv', {});
    const done = await app.inject({ method: 'POST', url: '/api/enterprises/import', payload: real.payload, headers: { ...stat, ...real.headers } });
    expect(done.json()).toMatchObject({ committed: true, counts: { newEnterprises: 5, newVersions: 5 }, indicators: [{ indicator: 'SVC_RD_EXP', years: [] }] });
    const bad = multipart('统一社会信用代码,统计期,指标,数值\n91440305000000000X,2024-01,营业收入,1', 'bad.csv', {});
    const refused = await app.inject({ method: 'POST', url: '/api/enterprises/import', payload: bad.payload, headers: { ...stat, ...bad.headers } });
    expect(refused.statusCode).toBe(422);
  });

  it('searches by name, industry and region, paged by cursor', async () => {
    const first = (await app.inject({ method: 'GET', url: '/api/enterprises?q=软件&limit=2', headers: stat })).json<{ items: Array<{ uscc: string; name: string; synthetic: boolean }>; nextCursor: string | null }>();
    expect(first.items).toHaveLength(2);
    expect(first.items[0]?.synthetic).toBe(false);
    const rest: string[] = first.items.map((i) => i.uscc);
    let cursor = first.nextCursor;
    while (cursor) {
      const next = (await app.inject({ method: 'GET', url: `/api/enterprises?q=软件&limit=2&cursor=${cursor}`, headers: stat })).json<{ items: Array<{ uscc: string }>; nextCursor: string | null }>();
      rest.push(...next.items.map((i) => i.uscc));
      cursor = next.nextCursor;
    }
    expect(rest).toEqual([...codes].sort());
    const futian = (await app.inject({ method: 'GET', url: '/api/enterprises?region=440304&industry=I', headers: stat })).json<{ items: unknown[] }>();
    expect(futian.items).toHaveLength(2);
    const city = (await app.inject({ method: 'GET', url: '/api/enterprises?region=440300&industry=651', headers: stat })).json<{ items: unknown[] }>();
    expect(city.items).toHaveLength(5);
    expect((await app.inject({ method: 'GET', url: '/api/enterprises?limit=201', headers: stat })).statusCode).toBe(400);
  });

  it('shows one enterprise, refuses the public and a planner, and audits every microdata read', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/enterprises/${codes[0]?.toLowerCase()}`, headers: stat });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ uscc: codes[0], name: '企业0软件有限公司', regionName: '南山区', versions: [{ name: '企业0软件有限公司' }], figures: [] });
    expect((await app.inject({ method: 'GET', url: `/api/enterprises/${codes[0]}` })).statusCode).toBe(401);
    const planner = await signIn(app, database, 'ent-planner', 'planner');
    expect((await app.inject({ method: 'GET', url: `/api/enterprises/${codes[0]}`, headers: planner })).statusCode).toBe(403);
    const admin = await signIn(app, database, 'ent-admin', 'admin');
    const log = (await app.inject({ method: 'GET', url: '/api/audit?limit=200', headers: admin })).json<Array<{ action: string; entity: string; entityId: string | null; actorName: string }>>();
    const reads = log.filter((e) => e.action === 'microdata_read' && e.actorName === 'ent-stat');
    expect(reads.some((e) => e.entity === 'enterprise' && e.entityId === codes[0])).toBe(true);
    expect(reads.filter((e) => e.entity === 'enterprise_search').length).toBeGreaterThanOrEqual(4);
  });

  it('lists the classification and the items, paged', async () => {
    const sections = (await app.inject({ method: 'GET', url: '/api/industries?limit=5' })).json<{ items: Array<{ code: string }>; nextCursor: string | null }>();
    expect(sections.items.map((s) => s.code)).toEqual(['A', 'B', 'C', 'D', 'E']);
    const more = (await app.inject({ method: 'GET', url: `/api/industries?limit=100&cursor=${sections.nextCursor}` })).json<{ items: Array<{ code: string }>; nextCursor: string | null }>();
    expect(more.items).toHaveLength(15);
    expect(more.nextCursor).toBe(null);
    const software = (await app.inject({ method: 'GET', url: '/api/industries?parent=651' })).json<{ items: Array<{ code: string }> }>();
    expect(software.items.map((s) => s.code)).toEqual(['6511', '6512', '6513', '6519']);
    const items = (await app.inject({ method: 'GET', url: '/api/enterprise-items' })).json<{ items: Array<{ code: string }> }>();
    expect(items.items.map((i) => i.code)).toContain('RD_EXP');
  });
});
