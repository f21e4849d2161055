/**
 * The cockpit's data served fast and never stale: evaluations and forecasts are kept per (plan, as-of, region,
 * methods, approval states) while the data version stays put (db/dataVersion.ts, services/cache/byDataVersion.ts),
 * and any write — an import, an approval — is seen by the very next request, for the public (approved figures only)
 * and for a planner who includes drafts. Both drivers keep results.
 */
import type { FastifyInstance } from 'fastify';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client';
import { buildApp } from '../src/server/app';
import { byDataVersion } from '../src/services/cache/byDataVersion';
import { prepare } from '../src/services/bootstrap';
import type { ObservationDto, PlanEvaluationDto, PlanForecastsDto } from '../src/shared/api';
import { drivers } from './support/databases';
import { plansDir, regionsDir, root } from './support/paths';
import { signIn, TEST_PASSWORD } from './support/session';

const PLAN = 'shenzhen-services-14th-fyp';

describe.each(drivers)('evaluation and forecasts after writes on $name', ({ name, open }) => {
  let database: Database;
  let app: FastifyInstance;
  let admin: Record<string, string>;
  let planner: Record<string, string>;
  let reporter: Record<string, string>;

  beforeAll(async () => {
    database = await open();
    await prepare(database, { regionsDir, plansDir, catalogueDir: path.join(root, 'catalogue'), datasetsDir: path.join(root, 'datasets') });
    app = await buildApp(database);
    admin = await signIn(app, database, 'cache-admin', 'admin');
    planner = await signIn(app, database, 'cache-planner', 'planner');
    reporter = await signIn(app, database, 'cache-reporter', 'statistician');
  }, 300_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  async function get<T>(url: string, headers: Record<string, string> = {}): Promise<T> {
    const res = await app.inject({ method: 'GET', url, headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<T>();
  }
  const evaluation = (extra = '', headers: Record<string, string> = {}) => get<PlanEvaluationDto>(`/api/plans/${PLAN}/evaluation?asOf=2024${extra}`, headers);
  const forecasts = (extra = '', headers: Record<string, string> = {}) => get<PlanForecastsDto>(`/api/plans/${PLAN}/forecasts?asOf=2024&region=440300${extra}`, headers);
  const tertiary = (e: PlanEvaluationDto) => e.indicators.find((i) => i.indicator.code === 'TERTIARY_VA')?.latest ?? null;
  const tertiaryForecast = (f: PlanForecastsDto) => f.indicators.find((i) => i.indicatorCode === 'TERTIARY_VA') ?? null;

  async function enter(headers: Record<string, string>, value: number, approve: boolean): Promise<void> {
    const res = await app.inject({
      method: 'POST',
      url: '/api/observations',
      headers,
      payload: { figures: [{ indicator: 'TERTIARY_VA', region: '440300', period: '2024', value, unit: '亿元', source: `缓存测试 ${value}`, publishedDate: '2025-03-01' }], approve },
    });
    expect(res.statusCode, res.body).toBe(200);
  }

  it('answers the same figures twice, then the new ones right after an approving import', async () => {
    const first = await evaluation();
    expect(tertiary(first)?.year).toBe(2023);
    expect(await evaluation()).toEqual(first);
    const forecastBefore = await forecasts();
    expect(await forecasts()).toEqual(forecastBefore);

    await enter(admin, 25123.5, true);
    const after = await evaluation();
    expect(tertiary(after)).toMatchObject({ year: 2024, value: 25123.5 });
    const forecastAfter = await forecasts();
    expect(tertiaryForecast(forecastAfter)).not.toEqual(tertiaryForecast(forecastBefore));
  });

  it('keeps a draft out of the public view until it is approved, and shows it to a planner who asks', async () => {
    const publicBefore = await evaluation();
    const draftsBefore = await evaluation('&includeDrafts=true', planner);
    await enter(reporter, 26000, false);
    // The public still sees approved figures only; the planner's view with drafts changes at once.
    expect(tertiary(await evaluation())).toEqual(tertiary(publicBefore));
    const withDraft = await evaluation('&includeDrafts=true', planner);
    expect(withDraft.figures).toBe('including_drafts');
    expect(tertiary(withDraft)?.value).toBe(26000);
    expect(tertiary(withDraft)).not.toEqual(tertiary(draftsBefore));
    const forecastPublic = await forecasts();
    const forecastDrafts = await forecasts('&includeDrafts=true', planner);
    expect([forecastPublic.figures, forecastDrafts.figures]).toEqual(['approved', 'including_drafts']);
    expect(tertiaryForecast(forecastDrafts)).not.toEqual(tertiaryForecast(forecastPublic));

    // Submitted and approved: now the public sees it too.
    const list = await get<ObservationDto[]>('/api/observations?indicator=TERTIARY_VA&region=440300&period=2024', admin);
    const draft = list.find((o) => o.source.publication === '缓存测试 26000');
    if (!draft?.approval) throw new Error('the draft was not stored');
    const submit = await app.inject({ method: 'POST', url: `/api/observations/${draft.id}/submit`, headers: reporter, payload: { version: draft.approval.version } });
    expect(submit.statusCode, submit.body).toBe(200);
    const approve = await app.inject({ method: 'POST', url: `/api/observations/${draft.id}/approve`, headers: planner, payload: { version: draft.approval.version + 1 } });
    expect(approve.statusCode, approve.body).toBe(200);
    expect(tertiary(await evaluation())?.value).toBe(26000);
  });

  it('computes once while nothing is written, again after a write', async () => {
    let computed = 0;
    const compute = async () => ++computed;
    const key = `test-${name}`;
    await byDataVersion(database, key, compute);
    await byDataVersion(database, key, compute);
    expect(computed).toBe(1);
    await enter(admin, 25200, true);
    await byDataVersion(database, key, compute);
    expect(computed).toBe(2);
    // A sign-in writes a session and the audit log, not data: the result is kept.
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'cache-planner', password: TEST_PASSWORD } });
    expect(login.statusCode).toBe(200);
    await byDataVersion(database, key, compute);
    expect(computed).toBe(2);
  });
});
