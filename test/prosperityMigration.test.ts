/**
 * Upgrading a database of the release before the panel's foreign key (migrated to 0015, the panel keyed by text with
 * copied attributes), on both drivers (drizzle/0018_survey_panel_registry_sql.sql, 0019_survey_panel_registry.sql):
 * - a synthetic demo panel, whose members have no registry rows, is dropped with its answers, tallies, import
 *   batches and waves (recorded in the audit log), and the next start draws the demo again from the registry;
 * - a drawn panel keeps its members and answers when they are in the registry, and is grouped by the registry from
 *   then on; while one member is not, the upgrade stops naming it and changes nothing.
 */
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client';
import { upsertSurvey, panelMembers } from '../src/db/prosperity';
import { queryRows } from '../src/db/raw';
import { withCheckChar } from '../src/domain/enterprise/uscc';
import { prepare } from '../src/services/bootstrap';
import { readSurveyFile } from '../src/services/prosperity/surveyFile';
import { waveResponseRates } from '../src/services/prosperity/waves';
import { loadRegionFile } from '../src/services/regions/loadRegions';
import { drivers } from './support/databases';
import { migrateUpTo } from './support/migrateUpTo';
import { plansDir, regionsDir, root } from './support/paths';

const SURVEY = 'shenzhen-services-bcs';
const BEFORE = '0015_data_changes';
const DEMO = [withCheckChar('91440305D0000001X'), withCheckChar('91440304D0000002X'), withCheckChar('91440306D0000003X')];
const REAL = [withCheckChar('91440305R0000001X'), withCheckChar('91440304R0000002X')];

describe.each(drivers)('upgrading a survey panel of the release before on $name', ({ open }) => {
  let database: Database | undefined;
  afterEach(async () => {
    await database?.close();
    database = undefined;
  });

  const count = async (db: Database, table: string) => (await queryRows<{ n: number }>(db.db, sql.raw(`select count(*)::int as n from ${table}`)))[0]?.n;
  const columns = async (db: Database) =>
    (await queryRows<{ column_name: string }>(db.db, sql`select column_name from information_schema.columns where table_name = 'survey_panel_members' order by ordinal_position`)).map((r) => r.column_name);
  const refusal = (p: Promise<unknown>) => p.then(() => 'not refused', (e: unknown) => `${String(e)} ${String((e as { cause?: unknown }).cause ?? '')}`);

  /** A database at 0015 with the regions and the bundled survey, as the release before left it. */
  async function before(): Promise<Database> {
    const db = await open();
    await migrateUpTo(db, BEFORE);
    for (const f of readdirSync(regionsDir).filter((n) => n.endsWith('.yaml'))) await db.db.transaction((tx) => loadRegionFile(tx, path.join(regionsDir, f), null));
    const { survey, hash } = await readSurveyFile(path.join(root, 'prosperity', 'shenzhen-services-bcs.yaml'));
    await db.db.transaction((tx) => upsertSurvey(tx, survey, hash));
    return db;
  }

  /** The old shape: members with copied attributes, two waves, a questionnaire per member and wave, a tally, a batch. */
  async function oldPanel(db: Database, usccs: readonly string[], synthetic: boolean): Promise<number[]> {
    for (const [i, u] of usccs.entries()) {
      await db.db.execute(sql`insert into survey_panel_members (survey_code, uscc, industry_code, section_code, region_code, size_class, revenue, employees, synthetic, joined_period)
        values (${SURVEY}, ${u}, '6513', 'I', '440305', 'small', ${1000 + i}, ${20 + i}, ${synthetic}, '2025-01')`);
    }
    const waves: number[] = [];
    for (const period of ['2025-01', '2025-02']) {
      const [w] = await queryRows<{ id: number }>(db.db, sql`insert into survey_waves (survey_code, period) values (${SURVEY}, ${period}) returning id`);
      waves.push(w?.id ?? 0);
    }
    const [batch] = await queryRows<{ id: number }>(
      db.db,
      sql`insert into survey_import_batches (wave_id, file_name, file_hash, format, rows_total, added, revised, unchanged, report)
        values (${waves[1] ?? 0}, 'feb.csv', 'x', 'csv', ${usccs.length}, ${usccs.length}, 0, 0, '{}'::jsonb) returning id`,
    );
    for (const [k, w] of waves.entries()) {
      for (const u of usccs) {
        await db.db.execute(sql`insert into survey_responses (wave_id, survey_code, uscc, answers, import_batch_id) values (${w}, ${SURVEY}, ${u}, '{"BUSINESS.current": 1}'::jsonb, ${k === 1 ? (batch?.id ?? null) : null})`);
      }
      await db.db.execute(sql`insert into survey_tallies (wave_id, item, grp, n, positive, neutral, negative, revenue_positive, revenue_neutral, revenue_negative, revenue_max,
          employees_positive, employees_neutral, employees_negative, employees_max) values (${w}, 'BUSINESS.current', 'all', ${usccs.length}, ${usccs.length}, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1)`);
    }
    return waves;
  }

  /** A registry row as the release before's enterprise import wrote it (the classification loaded for the one class used). */
  async function register(db: Database, uscc: string, name: string, region: string): Promise<void> {
    await db.db.execute(sql`insert into industries (code, level, name_zh, parent_code, section_code) values
        ('I', 'section', '信息传输、软件和信息技术服务业', null, 'I'), ('65', 'division', '软件和信息技术服务业', 'I', 'I'),
        ('651', 'group', '软件开发', '65', 'I'), ('6513', 'class', '应用软件开发', '651', 'I'),
        ('L', 'section', '租赁和商务服务业', null, 'L'), ('72', 'division', '商务服务业', 'L', 'L'),
        ('721', 'group', '组织管理服务', '72', 'L'), ('7212', 'class', '投资与资产管理', '721', 'L')
      on conflict do nothing`);
    await db.db.execute(sql`insert into enterprises (uscc, synthetic) values (${uscc}, false)`);
    await db.db.execute(sql`insert into enterprise_versions (uscc, valid_from, name, region_code, industry_code, size_class, above_designated_size)
      values (${uscc}, '2015-01-01', ${name}, ${region}, '7212', 'medium', true)`);
  }

  it('drops a synthetic demo panel without registry rows, with everything recorded for it, and the next start draws it again from the registry', async () => {
    const db = (database = await before());
    await oldPanel(db, DEMO, true);
    await db.migrate();
    for (const table of ['survey_panel_members', 'survey_waves', 'survey_responses', 'survey_tallies', 'survey_import_batches']) expect(await count(db, table), table).toBe(0);
    expect(await columns(db)).toEqual(['survey_code', 'uscc', 'revenue', 'employees', 'joined_period', 'left_period', 'recorded_at']);
    const logged = await queryRows<{ entity_id: string; members: number }>(db.db, sql`select entity_id, (new_value->>'members')::int as members from audit_log where action = 'survey_demo_dropped'`);
    expect(logged).toEqual([{ entity_id: SURVEY, members: 3 }]);
    // The answers' trigger is on again after the migration: answers are never deleted.
    const kept = await queryRows<{ enabled: string }>(db.db, sql`select tgenabled as enabled from pg_trigger where tgname = 'survey_responses_kept'`);
    expect(kept).toEqual([{ enabled: 'O' }]);

    // The next start: the registry's synthetic sample, then the demo drawn from it.
    await prepare(db, { regionsDir, plansDir, prosperityDir: path.join(root, 'prosperity'), prosperityDemo: true, enterprises: { dir: path.join(root, 'enterprises'), sample: true } });
    const members = await panelMembers(db.db, SURVEY);
    expect(members.length).toBeGreaterThan(50);
    expect(members.every((m) => m.synthetic)).toBe(true);
    expect(members.some((m) => DEMO.includes(m.uscc))).toBe(false);
    const [orphans] = await queryRows<{ n: number }>(db.db, sql`select count(*)::int as n from survey_panel_members m where not exists (select 1 from enterprises e where e.uscc = m.uscc)`);
    expect(orphans?.n).toBe(0);
    expect(await count(db, 'survey_waves')).toBe(60);
  }, 240_000);

  it('keeps a drawn panel whose members are in the registry, grouped by the registry from then on; while one is not, stops naming it and changes nothing', async () => {
    const db = (database = await before());
    const waves = await oldPanel(db, REAL, false);
    await register(db, REAL[0] ?? '', '甲投资有限公司', '440305');
    const [applied] = await queryRows<{ n: number }>(db.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);

    const refused = await refusal(db.migrate());
    expect(refused).toContain(`1 survey panel member(s) not in the enterprise registry: ${SURVEY} ${REAL[1]}`);
    // Nothing changed: the old shape, the members, their answers, and no migration recorded.
    expect(await columns(db)).toContain('industry_code');
    expect(await count(db, 'survey_panel_members')).toBe(2);
    expect(await count(db, 'survey_responses')).toBe(4);
    expect((await queryRows<{ n: number }>(db.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`))[0]?.n).toBe(applied?.n);

    // Once the enterprise is imported into the registry (with the release before), the upgrade goes through.
    await register(db, REAL[1] ?? '', '乙投资有限公司', '440304');
    await db.migrate();
    expect(await count(db, 'survey_responses')).toBe(4);
    expect(await count(db, 'survey_tallies')).toBe(2);
    expect(await panelMembers(db.db, SURVEY)).toEqual([
      { uscc: REAL[0], revenue: 1000, employees: 20, joinedPeriod: '2025-01', leftPeriod: null, synthetic: false },
      { uscc: REAL[1], revenue: 1001, employees: 21, joinedPeriod: '2025-01', leftPeriod: null, synthetic: false },
    ].sort((a, b) => ((a.uscc ?? '') < (b.uscc ?? '') ? -1 : 1)));
    // Grouped as the registry says (7212, section L; the second in 440304), no longer as the copies said (I, 440305).
    const rates = (await waveResponseRates(db, waves[1] ?? 0)).rows.map((r) => [r.group, r.panel, r.responded]);
    expect(rates).toEqual(expect.arrayContaining([['industry:L', 2, 2], ['region:440304', 1, 1], ['region:440305', 1, 1], ['size:medium', 2, 2]]));
    expect(rates.some(([g]) => g === 'industry:I')).toBe(false);
    // The foreign key holds from now on.
    expect(await refusal(db.db.execute(sql`insert into survey_panel_members (survey_code, uscc, joined_period) values (${SURVEY}, ${DEMO[0] ?? ''}, '2025-03')`))).toMatch(/survey_panel_members_uscc_enterprises_uscc_fk/);
    // A later start leaves a drawn panel alone (no demo over it).
    await prepare(db, { regionsDir, plansDir, prosperityDir: path.join(root, 'prosperity'), prosperityDemo: true, enterprises: { dir: path.join(root, 'enterprises'), sample: true } });
    expect((await panelMembers(db.db, SURVEY)).map((m) => m.uscc).sort()).toEqual([...REAL].sort());
  }, 240_000);
});
