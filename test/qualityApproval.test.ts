/**
 * Where the rules run, on both databases: the dry run of an import lists every rule result per row; the approval
 * of a figure with an error-level violation is refused and changes nothing; a warning needs a comment, which is
 * recorded as its acknowledgement with an audit entry; an approver importing straight to approved cannot slip a
 * violation past the queue; a rule file with a mistake names its line.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client';
import { queryRows } from '../src/db/raw';
import { buildApp } from '../src/server/app';
import { prepare } from '../src/services/bootstrap';
import { loadQualityFiles } from '../src/services/quality/files';
import type { FiguresQualityDto, ImportReportDto, ObservationDto } from '../src/shared/api';
import { drivers } from './support/databases';
import { plansDir, regionsDir, root } from './support/paths';
import { signIn } from './support/session';

type Figure = { indicator: string; region?: string; period: string; value: number; unit?: string; priceBasis?: string };

describe.each(drivers)('data-quality rules on import and approval ($name)', ({ open }) => {
  let database: Database;
  let app: FastifyInstance;
  let admin: Record<string, string>;
  let planner: Record<string, string>;
  let stats: Record<string, string>;

  const body = (figures: Figure[], extra: Record<string, unknown> = {}) => ({
    figures: figures.map((f) => ({ region: '440300', unit: f.indicator.endsWith('GROWTH') ? '%' : '亿元', source: `质量测试 ${f.indicator} ${f.period} ${f.value}`, publishedDate: `${Number(f.period.slice(0, 4)) + 1}-03-01`, ...f })),
    ...extra,
  });
  const post = (who: Record<string, string>, figures: Figure[], extra: Record<string, unknown> = {}) =>
    app.inject({ method: 'POST', url: '/api/observations', headers: who, payload: body(figures, extra) });
  async function stored(f: Figure): Promise<ObservationDto> {
    const list = (await app.inject({ method: 'GET', url: `/api/observations?indicator=${f.indicator}&period=${f.period}`, headers: admin })).json<ObservationDto[]>();
    const hit = list.find((o) => o.value === f.value);
    if (!hit) throw new Error(`${f.indicator} ${f.period} ${f.value} is not stored`);
    return hit;
  }
  async function submitted(f: Figure): Promise<ObservationDto> {
    expect((await post(stats, [f])).statusCode).toBe(200);
    const draft = await stored(f);
    const res = await app.inject({ method: 'POST', url: `/api/observations/${draft.id}/submit`, headers: stats, payload: { version: draft.approval?.version } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ observation: ObservationDto }>().observation;
  }

  beforeAll(async () => {
    database = await open();
    // Rules and the plan, no bundled figures: every figure here is the test's own, in 2010–2012 (years the bundled data does not hold; published dates in the past, as a person's must be).
    await prepare(database, { regionsDir, plansDir, catalogueDir: path.join(root, 'catalogue') });
    app = await buildApp(database);
    admin = await signIn(app, database, 'qa-admin', 'admin');
    planner = await signIn(app, database, 'qa-planner', 'planner');
    stats = await signIn(app, database, 'qa-stats', 'statistician');
    // Approved context for 2010: GDP and two of its three industries; retail 2009 and 2010.
    const context = await post(admin, [
      { indicator: 'GDP', period: '2010', value: 40123.45 }, { indicator: 'PRIMARY_VA', period: '2010', value: 30.12 }, { indicator: 'SECONDARY_VA', period: '2010', value: 15000.33 },
      { indicator: 'RETAIL', period: '2009', value: 9708.28 }, { indicator: 'RETAIL', period: '2010', value: 10486.19 },
    ], { approve: true });
    expect(context.statusCode, context.body).toBe(200);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('lists every rule result per row in a dry run, beside the cell errors, and writes nothing', async () => {
    const before = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from observations`);
    const res = await post(stats, [
      { indicator: 'TERTIARY_VA', period: '2010', value: 26000.01 }, { indicator: 'RETAIL_GROWTH', period: '2010', value: 8.01, priceBasis: '名义' },
      { indicator: 'GDP', period: '2011', value: -5.01 }, { indicator: 'NO_SUCH', period: '2010', value: 1 },
    ], { dryRun: true });
    const report = res.json<ImportReportDto>();
    expect(report.committed).toBe(false);
    expect(report.rejected).toEqual([expect.objectContaining({ row: 5, column: 'indicator' })]);
    const failed = report.quality.results.filter((r) => r.outcome === 'fail').map((r) => [r.row, r.ruleId, r.severity]);
    // Row 2: 30.12 + 15000.33 + 26000.01 = 41030.46 against GDP 40123.45. Row 4: GDP 2011 −5.01 < 0, and less than a
    // tenth of 2010's 40123.45 (maxRatio 10; too little history for a score). Row 3: nominal 8.01 % against
    // 10486.19 / 9708.28 − 1 = 8.0129 % holds.
    expect(failed).toEqual([[2, 'gdp-three-industries', 'error'], [4, 'level-not-negative', 'error'], [4, 'change-outlier', 'warning']]);
    const identity = report.quality.results.find((r) => r.row === 2 && r.ruleId === 'gdp-three-industries');
    expect(identity?.message.en).toBe(
      'GDP 440300 2010（40123.45） ≠ PRIMARY_VA 440300 2010（30.12） + SECONDARY_VA 440300 2010（15000.33） + TERTIARY_VA 440300 2010（26000.01）: 30.12 + 15000.33 + 26000.01 = 41030.46, difference -907.01, allowed 0.02',
    );
    // The row of this file is named by its row, the stored figures by their id.
    expect(identity?.figures.find((f) => f.indicatorCode === 'TERTIARY_VA')).toMatchObject({ id: null, row: 2, role: 'part' });
    expect(identity?.figures.find((f) => f.indicatorCode === 'GDP')?.id).toBeGreaterThan(0);
    expect(report.quality.results.find((r) => r.row === 3 && r.ruleId === 'retail-growth-levels')).toMatchObject({ outcome: 'pass', severity: 'warning' });
    expect(report.quality.counts).toMatchObject({ errors: 2, warnings: 1 });
    expect(await queryRows(database.db, sql`select count(*)::int as n from observations`)).toEqual(before);
  });

  it('refuses to approve a figure with an error-level violation (409) and changes nothing', async () => {
    const f = await submitted({ indicator: 'TERTIARY_VA', period: '2010', value: 26000.01 });
    const res = await app.inject({ method: 'POST', url: `/api/observations/${f.id}/approve`, headers: planner, payload: { version: f.approval?.version, comment: '看过了' } });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ error: string }>().error).toMatch(/^figure \d+ cannot be approved: it violates an error-level data-quality rule — gdp-three-industries: GDP 440300 2010（40123\.45） ≠ .* = 41030\.46, difference -907\.01, allowed 0\.02\. Correct the figure/);
    expect((await stored({ indicator: 'TERTIARY_VA', period: '2010', value: 26000.01 })).approval).toMatchObject({ state: 'submitted', version: f.approval?.version });
    // The approver sees the same violation in the queue's per-figure results.
    const q = (await app.inject({ method: 'GET', url: `/api/quality/figures?ids=${f.id}`, headers: planner })).json<FiguresQualityDto>();
    expect(q.items[0]?.results.filter((r) => r.outcome === 'fail').map((r) => [r.ruleId, r.severity])).toEqual([['gdp-three-industries', 'error']]);
    // Rejecting it still works (the statistician corrects it): the rules never block a rejection.
    expect((await app.inject({ method: 'POST', url: `/api/observations/${f.id}/reject`, headers: planner, payload: { version: f.approval?.version, comment: '与GDP不平衡' } })).statusCode).toBe(200);
    // The right figure (40123.45 − 30.12 − 15000.33 = 25093.00) is approved without any comment.
    const right = await submitted({ indicator: 'TERTIARY_VA', period: '2010', value: 25093 });
    const ok = await app.inject({ method: 'POST', url: `/api/observations/${right.id}/approve`, headers: planner, payload: { version: right.approval?.version } });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('needs a comment to approve a figure with a warning; the comment is its acknowledgement, audited', async () => {
    // Nominal growth 10.1 % against 10486.19 / 9708.28 − 1 = 8.0129 %: 2.0871 points off, allowed 0.5 + rounding.
    const f = await submitted({ indicator: 'RETAIL_GROWTH', period: '2010', value: 10.1, priceBasis: '名义' });
    const bare = await app.inject({ method: 'POST', url: `/api/observations/${f.id}/approve`, headers: planner, payload: { version: f.approval?.version } });
    expect(bare.statusCode).toBe(400);
    expect(bare.json<{ error: string }>().error).toContain('a data-quality warning to acknowledge with a comment (why the figure stands): retail-growth-levels: nominal growth RETAIL_GROWTH 440300 2010（10.1）%');
    const comment = '商务局口径含批发零售业限额以上单位，已与统计局核对';
    const res = await app.inject({ method: 'POST', url: `/api/observations/${f.id}/approve`, headers: planner, payload: { version: f.approval?.version, comment } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ observation: ObservationDto }>().observation.approval).toMatchObject({ state: 'approved', comment });
    const acks = await queryRows<{ observation_id: number; rule_id: string; comment: string }>(database.db, sql`select observation_id, rule_id, comment from quality_acknowledgements`);
    expect(acks).toEqual([{ observation_id: f.id, rule_id: 'retail-growth-levels', comment }]);
    const audit = await queryRows<{ action: string; actor_name: string; entity_id: string }>(database.db, sql`select action, actor_name, entity_id from audit_log where entity_id = ${String(f.id)} and action in ('quality.acknowledge', 'figure.approve') order by id`);
    expect(audit).toEqual([{ action: 'quality.acknowledge', actor_name: 'qa-planner', entity_id: String(f.id) }, { action: 'figure.approve', actor_name: 'qa-planner', entity_id: String(f.id) }]);
    // On the data-quality page the warning now reads as acknowledged, by whom and why.
    const list = (await app.inject({ method: 'GET', url: '/api/quality/violations?rule=retail-growth-levels', headers: planner })).json<Array<{ acknowledgement: unknown }>>();
    expect(list).toEqual([expect.objectContaining({ acknowledgement: expect.objectContaining({ by: 'qa-planner', comment }) })]);
  });

  it('checks a file again against figures approved since its last dry run (the kept approved figures are not reused once a figure changed)', async () => {
    const growth = { indicator: 'RETAIL_GROWTH', period: '2011', value: 8, priceBasis: '名义' };
    const outcome = async () => (await post(stats, [growth], { dryRun: true })).json<ImportReportDto>().quality.results.find((r) => r.ruleId === 'retail-growth-levels')?.outcome;
    // No retail level for 2011 yet: the growth rate cannot be checked.
    expect(await outcome()).toBe('skipped');
    expect(await outcome()).toBe('skipped');
    // 11325.09 / 10486.19 − 1 = 8.0000 %: once approved, the same dry run checks the rate against it.
    expect((await post(admin, [{ indicator: 'RETAIL', period: '2011', value: 11325.09 }], { approve: true })).statusCode).toBe(200);
    expect(await outcome()).toBe('pass');
  });

  it('takes a violating row out of an import an approver sends straight to approved', async () => {
    const bad = await post(admin, [{ indicator: 'GDP', period: '2012', value: 41500.5 }, { indicator: 'RETAIL', period: '2012', value: -1.5 }], { approve: true });
    expect(bad.statusCode).toBe(422);
    const report = bad.json<ImportReportDto>();
    expect(report.committed).toBe(false);
    expect(report.rejected).toEqual([expect.objectContaining({ row: 3, column: null, reason: expect.stringContaining('cannot be approved on import: data-quality rule level-not-negative (error)') })]);
  });
});

describe('a rule file with a mistake', () => {
  it('is refused with the file, the line, the field and the reason', async () => {
    const [driver] = drivers;
    if (!driver) throw new Error('no database driver');
    const database = await driver.open();
    try {
      await prepare(database, { regionsDir, plansDir, catalogueDir: path.join(root, 'catalogue') });
      const dir = await mkdtemp(path.join(tmpdir(), 'pm-rules-'));
      await mkdir(path.join(dir, 'quality'));
      const source = await readFile(path.join(root, 'catalogue/quality/shenzhen-statistics.yaml'), 'utf8');
      const file = path.join(dir, 'quality', 'rules.yaml');
      const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

      const badKind = source.replace('    kind: cumulative', '    kind: cumulativ');
      await writeFile(file, badKind);
      await expect(loadQualityFiles(database, { rulesDir: path.join(dir, 'quality') })).rejects.toThrow(
        `${file}:${lineOf(badKind, 'kind: cumulativ')}: rules[13].kind: unknown rule kind "cumulativ" (expected range | sum | part_of | share | region_sum | growth_level | cumulative | outlier)`,
      );
      const badCode = source.replace('growth: RETAIL_GROWTH', 'growth: RETAIL_GROWHT');
      await writeFile(file, badCode);
      await expect(loadQualityFiles(database, { rulesDir: path.join(dir, 'quality') })).rejects.toThrow(
        `${file}:${lineOf(badCode, 'RETAIL_GROWHT')}: rules[8].growth: unknown indicator RETAIL_GROWHT: no plan or catalogue file defines it`,
      );
      const badYaml = source.replace('    severity: warning\n    kind: outlier', '    severity: warning\n   kind: outlier');
      await writeFile(file, badYaml);
      await expect(loadQualityFiles(database, { rulesDir: path.join(dir, 'quality') })).rejects.toThrow(/rules\.yaml:\d+: \(file\): YAML syntax/);
      // Two files may not define the same rule id.
      await writeFile(file, source);
      await copyFile(file, path.join(dir, 'quality', 'second.yaml'));
      await expect(loadQualityFiles(database, { rulesDir: path.join(dir, 'quality') })).rejects.toThrow(`second.yaml:${lineOf(source, 'id: level-not-negative')}: rules[0].id: rule id "level-not-negative" is already used in rules.yaml: each id names one rule`);
    } finally {
      await database.close();
    }
  });
});
