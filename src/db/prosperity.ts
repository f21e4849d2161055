/**
 * Queries of the business-climate survey (schema/prosperity.ts), one per function, returning domain types. The
 * answers are counted by SQL (`GROUP BY GROUPING SETS`: all enterprises, and each section, size class and district)
 * into the same tallies the domain counts in memory, so the indices never need the microdata outside the database.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Horizon } from '../domain/prosperity/answers';
import type { TallyCell } from '../domain/prosperity/indices';
import type { Tally } from '../domain/prosperity/tally';
import { waveLastDay } from '../domain/prosperity/waveDays';
import type { SurveyDefinition } from '../domain/prosperity/survey';
import type { Db, DatabaseTarget } from './client';
import { copyFields, copyInto, copyLine, copyOut, sqlLiteral } from './copy';
import { numberToNumeric, numericToNumber } from './numeric';
import { panelInForce } from './prosperityRegistry';
import { queryRows } from './raw';
import { enterprises, surveyImportBatches, surveyPanelMembers, surveyQuestions, surveyResponses, surveys, surveyTallies, surveyWaves } from './schema';

/** Writes a survey file's content: the survey row and its questions (questions no longer in the file are kept: answers name them). */
export async function upsertSurvey(db: Db, s: SurveyDefinition, contentHash: string): Promise<void> {
  const row = { code: s.code, nameZh: s.name.zh, nameEn: s.name.en, frequency: s.frequency, definition: s, contentHash, loadedAt: new Date() };
  await db.insert(surveys).values(row).onConflictDoUpdate({ target: surveys.code, set: row });
  for (const [ordinal, q] of s.questions.entries()) {
    const qr = { surveyCode: s.code, code: q.code, ordinal, scale: q.scale, horizons: [...q.horizons], indexKind: q.index };
    await db.insert(surveyQuestions).values(qr).onConflictDoUpdate({ target: [surveyQuestions.surveyCode, surveyQuestions.code], set: qr });
  }
}

export async function surveyHash(db: Db, code: string): Promise<string | null> {
  const rows = await db.select({ hash: surveys.contentHash }).from(surveys).where(eq(surveys.code, code));
  return rows[0]?.hash ?? null;
}

/** The stored definition of a survey (checked again by the caller), or null. */
export async function surveyDefinition(db: Db, code: string): Promise<unknown> {
  const rows = await db.select({ definition: surveys.definition }).from(surveys).where(eq(surveys.code, code));
  return rows[0]?.definition ?? null;
}

export interface SurveySummaryRow {
  code: string;
  nameZh: string;
  nameEn: string;
  frequency: string;
  waves: number;
  panel: number;
  synthetic: boolean;
  firstPeriod: string | null;
  lastPeriod: string | null;
}

/** Surveys in code order after `key` (or the one survey `key` when `exact`), at most `limit`. */
export async function listSurveys(db: Db, limit: number, key: string | null, exact = false): Promise<SurveySummaryRow[]> {
  return queryRows<SurveySummaryRow & Record<string, unknown>>(
    db,
    sql`select s.code, s.name_zh as "nameZh", s.name_en as "nameEn", s.frequency,
        (select count(*)::int from ${surveyWaves} w where w.survey_code = s.code) as waves,
        (select count(*)::int from ${surveyPanelMembers} m where m.survey_code = s.code) as panel,
        exists (select 1 from ${surveyPanelMembers} m join ${enterprises} e on e.uscc = m.uscc where m.survey_code = s.code and e.synthetic) as synthetic,
        (select min(w.period) from ${surveyWaves} w where w.survey_code = s.code) as "firstPeriod",
        (select max(w.period) from ${surveyWaves} w where w.survey_code = s.code) as "lastPeriod"
      from ${surveys} s where ${key === null ? sql`true` : exact ? sql`s.code = ${key}` : sql`s.code > ${key}`} order by s.code limit ${limit}`,
  );
}

/** How many panel members and waves a survey has (0 and 0: nothing loaded yet). */
export async function surveyContents(db: Db, code: string): Promise<{ panel: number; waves: number }> {
  const [r] = await queryRows<{ panel: number; waves: number }>(
    db,
    sql`select (select count(*)::int from ${surveyPanelMembers} where survey_code = ${code}) as panel, (select count(*)::int from ${surveyWaves} where survey_code = ${code}) as waves`,
  );
  return r ?? { panel: 0, waves: 0 };
}

export interface WaveRow {
  id: number;
  surveyCode: string;
  period: string;
}

/** Creates a wave (or finds the one of that period); says which. */
export async function ensureWave(db: Db, surveyCode: string, period: string): Promise<WaveRow & { created: boolean }> {
  const added = await db.insert(surveyWaves).values({ surveyCode, period }).onConflictDoNothing().returning({ id: surveyWaves.id });
  if (added[0]) return { id: added[0].id, surveyCode, period, created: true };
  const found = await findWave(db, surveyCode, period);
  return { id: found?.id ?? 0, surveyCode, period, created: false };
}

/** The wave of a survey's period, or null when it was never opened. */
export async function findWave(db: Db, surveyCode: string, period: string): Promise<WaveRow | null> {
  const rows = await db.select({ id: surveyWaves.id }).from(surveyWaves).where(and(eq(surveyWaves.surveyCode, surveyCode), eq(surveyWaves.period, period)));
  return rows[0] ? { id: rows[0].id, surveyCode, period } : null;
}

export async function getWave(db: Db, id: number): Promise<WaveRow | null> {
  const rows = await db.select({ id: surveyWaves.id, surveyCode: surveyWaves.surveyCode, period: surveyWaves.period }).from(surveyWaves).where(eq(surveyWaves.id, id));
  return rows[0] ?? null;
}

export interface WaveSummaryRow extends WaveRow {
  /** Panel members in the panel at the wave's period. */
  panel: number;
  /** Members whose questionnaire is in. */
  responded: number;
}

/** Waves of a survey, newest first, before period `before`, at most `limit`, with their response counts. */
export async function listWaves(db: Db, surveyCode: string, limit: number, before: string | null): Promise<WaveSummaryRow[]> {
  return queryRows<WaveSummaryRow & Record<string, unknown>>(
    db,
    sql`select w.id, w.survey_code as "surveyCode", w.period,
        (select count(*)::int from ${surveyPanelMembers} m where m.survey_code = w.survey_code and m.joined_period <= w.period and (m.left_period is null or m.left_period >= w.period)) as panel,
        (select count(*)::int from ${surveyResponses} r where r.wave_id = w.id and r.superseded_at is null) as responded
      from ${surveyWaves} w
      where w.survey_code = ${surveyCode} ${before === null ? sql`` : sql`and w.period < ${before}`}
      order by w.period desc limit ${limit}`,
  );
}

export interface PanelMemberRow {
  uscc: string;
  revenue: number | null;
  employees: number | null;
  joinedPeriod: string;
  leftPeriod: string | null;
  /** The registry's flag: a synthetic enterprise (合成数据). */
  synthetic: boolean;
}

/** The panel's members (every member, joined or not by a period); who they are is in the registry (prosperityRegistry.ts). */
export async function panelMembers(db: Db, surveyCode: string): Promise<PanelMemberRow[]> {
  const rows = await db
    .select({ uscc: surveyPanelMembers.uscc, revenue: surveyPanelMembers.revenue, employees: surveyPanelMembers.employees, joinedPeriod: surveyPanelMembers.joinedPeriod, leftPeriod: surveyPanelMembers.leftPeriod, synthetic: enterprises.synthetic })
    .from(surveyPanelMembers)
    .innerJoin(enterprises, eq(enterprises.uscc, surveyPanelMembers.uscc))
    .where(eq(surveyPanelMembers.surveyCode, surveyCode))
    .orderBy(asc(surveyPanelMembers.uscc));
  return rows.map((r) => ({ ...r, revenue: numericToNumber(r.revenue), employees: numericToNumber(r.employees) }));
}

/** A member as the panel records it: the enterprise, its weights, and the last period it is in the panel (null: still in). */
export interface NewPanelMember {
  uscc: string;
  revenue: number | null;
  employees: number | null;
  leftPeriod?: string | null;
}

const PANEL_COLUMNS = ['survey_code', 'uscc', 'revenue', 'employees', 'joined_period', 'left_period'] as const;

/** Adds members to a panel (COPY); a member already in it, or an enterprise not in the registry, is an error of the caller (keys). */
export async function insertPanelMembers(db: Db, driver: DatabaseTarget['driver'], surveyCode: string, members: readonly NewPanelMember[], joinedPeriod: string): Promise<void> {
  const text = members.map((m) => copyLine([surveyCode, m.uscc, numberToNumeric(m.revenue), numberToNumeric(m.employees), joinedPeriod, m.leftPeriod ?? null])).join('');
  await copyInto(db, driver, 'survey_panel_members', PANEL_COLUMNS, text);
}

const RESPONSE_COLUMNS = ['wave_id', 'survey_code', 'uscc', 'answers', 'import_batch_id'] as const;

/** The key of an answer in a questionnaire's map. */
export const itemKey = (question: string, horizon: Horizon) => `${question}.${horizon}`;

/** One questionnaire as a COPY line for `copyResponses`: answers keyed by `itemKey`. */
export const responseLine = (waveId: number, surveyCode: string, uscc: string, answers: Readonly<Record<string, number>>, batchId: number | null) =>
  copyLine([waveId, surveyCode, uscc, JSON.stringify(answers), batchId]);

/** Bulk-writes questionnaires (the demo loader): lines made by `responseLine`. */
export async function copyResponses(db: Db, driver: DatabaseTarget['driver'], lines: string): Promise<void> {
  await copyInto(db, driver, 'survey_responses', RESPONSE_COLUMNS, lines);
}

export interface TallyOptions {
  from?: string | undefined;
  to?: string | undefined;
  weight: 'revenue' | 'employees';
  /** Only the all-enterprise cells (what the composite indices and signals read). */
  allOnly?: boolean;
  /** Only these items ("QUESTION.horizon"): a table's confidentiality depends on its own cells only. */
  items?: readonly string[] | undefined;
}

/**
 * Every cell's tally of a survey (survey_tallies), in the weights the survey's indices use. Read as COPY text, not as
 * query rows: a survey of 5,000 enterprises over ten years has 65,280 cells, which PGlite returned as row objects in
 * 1.2 s and as COPY text in 0.25 s (bench/prosperity.mts) — most of an index request's time.
 */
export async function tallyCells(db: Db, driver: DatabaseTarget['driver'], surveyCode: string, opts: TallyOptions): Promise<TallyCell[]> {
  const w = opts.weight === 'employees' ? 'employees' : 'revenue';
  const where = [`w.survey_code = ${sqlLiteral(surveyCode)}`];
  if (opts.allOnly) where.push(`t.grp = 'all'`);
  if (opts.items) where.push(opts.items.length === 0 ? 'false' : `t.item in (${opts.items.map(sqlLiteral).join(', ')})`);
  if (opts.from) where.push(`w.period >= ${sqlLiteral(opts.from)}`);
  if (opts.to) where.push(`w.period <= ${sqlLiteral(opts.to)}`);
  const query = `select w.period, t.item, t.grp, t.n, t.positive, t.neutral, t.negative, t.${w}_positive, t.${w}_neutral, t.${w}_negative, t.${w}_max
    from survey_tallies t join survey_waves w on w.id = t.wave_id where ${where.join(' and ')}`;
  // In a transaction of its own (a savepoint inside another): a server streams COPY over one connection.
  const text = await db.transaction((tx) => copyOut(tx, driver, query));
  const cells: TallyCell[] = [];
  // Every column is not null (the table's definition): no field is null here.
  const num = (f: string | null | undefined) => Number(f);
  copyFields(text, (f) => {
    const item = f[1] ?? '';
    const dot = item.lastIndexOf('.');
    cells.push({
      period: f[0] ?? '', group: f[2] ?? '', question: item.slice(0, dot), horizon: item.slice(dot + 1) as Horizon,
      tally: { n: num(f[3]), positive: num(f[4]), neutral: num(f[5]), negative: num(f[6]), wPositive: num(f[7]), wNeutral: num(f[8]), wNegative: num(f[9]), wMax: num(f[10]) },
    });
  });
  return cells;
}

/**
 * Counts a wave's current questionnaires again into survey_tallies (after an import, in its transaction): per item
 * and for all enterprises and each section, size class and district — the enterprise's in the registry version in
 * force on the wave's last day. A member without a weight measure weighs 0 (it counts in the unweighted indices only).
 */
export async function rebuildWaveTallies(db: Db, wave: WaveRow): Promise<void> {
  await db.execute(sql`delete from ${surveyTallies} where wave_id = ${wave.id}`);
  await db.execute(sql`insert into ${surveyTallies} (wave_id, item, grp, n, positive, neutral, negative, revenue_positive, revenue_neutral, revenue_negative,
      revenue_max, employees_positive, employees_neutral, employees_negative, employees_max)
    -- MATERIALIZED: the panel as the registry describes it is worked out once (a lookup per member), not again for
    -- every answer it is joined to (inlined, the planner ran the per-member lookup per answer: 20 s for 5,000 answers).
    with m as materialized (select uscc, section_code, size_class, region_code, coalesce(revenue, 0)::float8 as rev, coalesce(employees, 0)::float8 as emp
        from ${panelInForce(wave.surveyCode, waveLastDay(wave.period))} p),
      a as (select kv.key as item, kv.value::int as answer, r.uscc
        from ${surveyResponses} r cross join lateral jsonb_each_text(r.answers) kv
        where r.wave_id = ${wave.id} and r.superseded_at is null)
    select ${wave.id}, a.item,
      case when grouping(m.section_code) = 0 then 'industry:' || m.section_code
           when grouping(m.size_class) = 0 then 'size:' || coalesce(m.size_class, 'unknown')
           when grouping(m.region_code) = 0 then 'region:' || m.region_code
           else 'all' end,
      count(*), count(*) filter (where a.answer = 1), count(*) filter (where a.answer = 0), count(*) filter (where a.answer = -1),
      coalesce(sum(m.rev) filter (where a.answer = 1), 0), coalesce(sum(m.rev) filter (where a.answer = 0), 0), coalesce(sum(m.rev) filter (where a.answer = -1), 0), coalesce(max(m.rev), 0),
      coalesce(sum(m.emp) filter (where a.answer = 1), 0), coalesce(sum(m.emp) filter (where a.answer = 0), 0), coalesce(sum(m.emp) filter (where a.answer = -1), 0), coalesce(max(m.emp), 0)
    from a join m on m.uscc = a.uscc
    group by grouping sets ((a.item), (a.item, m.section_code), (a.item, m.size_class), (a.item, m.region_code))`);
}

const TALLY_COLUMNS = [
  'wave_id', 'item', 'grp', 'n', 'positive', 'neutral', 'negative', 'revenue_positive', 'revenue_neutral', 'revenue_negative', 'revenue_max',
  'employees_positive', 'employees_neutral', 'employees_negative', 'employees_max',
] as const;

/** Writes tallies counted in memory (the demo loader: the same cells rebuildWaveTallies counts, proven by a test). */
export async function copyTallies(db: Db, driver: DatabaseTarget['driver'], rows: ReadonlyArray<{ waveId: number; item: string; group: string; revenue: Tally; employees: Tally }>): Promise<void> {
  const text = rows
    .map((r) => copyLine([r.waveId, r.item, r.group, r.revenue.n, r.revenue.positive, r.revenue.neutral, r.revenue.negative, r.revenue.wPositive, r.revenue.wNeutral, r.revenue.wNegative, r.revenue.wMax, r.employees.wPositive, r.employees.wNeutral, r.employees.wNegative, r.employees.wMax]))
    .join('');
  await copyInto(db, driver, 'survey_tallies', TALLY_COLUMNS, text);
}

export interface ResponseRateRow {
  /** all, industry:I, size:large, region:440305 */
  group: string;
  panel: number;
  responded: number;
}

/**
 * Panel members in the wave's panel and those who answered, for all and by section, size class and district (the
 * registry version in force on the wave's last day).
 */
export async function responseRates(db: Db, wave: WaveRow): Promise<ResponseRateRow[]> {
  return queryRows<ResponseRateRow & Record<string, unknown>>(
    db,
    sql`with panel as materialized (select * from ${panelInForce(wave.surveyCode, waveLastDay(wave.period))} m where m.joined_period <= ${wave.period} and (m.left_period is null or m.left_period >= ${wave.period})),
        answered as (select uscc from ${surveyResponses} r where r.wave_id = ${wave.id} and r.superseded_at is null)
      select case when grouping(p.section_code) = 0 then 'industry:' || p.section_code
                  when grouping(p.size_class) = 0 then 'size:' || coalesce(p.size_class, 'unknown')
                  when grouping(p.region_code) = 0 then 'region:' || p.region_code
                  else 'all' end as "group",
        count(*)::int as panel, count(a.uscc)::int as responded
      from panel p left join answered a on a.uscc = p.uscc
      group by grouping sets ((), (p.section_code), (p.size_class), (p.region_code))
      order by 1`,
  );
}

// ---- import staging --------------------------------------------------------------------------------------------

const STAGING_COLUMNS = ['row', 'uscc', 'answers'] as const;

export async function createResponseStaging(db: Db): Promise<void> {
  await db.execute(sql`create temporary table survey_response_staging (row integer not null, uscc text not null, answers jsonb not null) on commit drop`);
}

export const stagingResponseLine = (row: number, uscc: string, answers: Readonly<Record<string, number>>) => copyLine([row, uscc, JSON.stringify(answers)]);

export async function stageResponses(db: Db, driver: DatabaseTarget['driver'], lines: string): Promise<void> {
  await copyInto(db, driver, 'survey_response_staging', STAGING_COLUMNS, lines);
}

/**
 * How the staged questionnaires relate to the wave's current ones. A file's answers are laid over the stored
 * questionnaire (a file of one corrected column changes that answer and keeps the others): unchanged when nothing
 * differs, revised otherwise, added when the enterprise had not answered.
 */
export async function classifyStagedResponses(db: Db, waveId: number): Promise<{ added: number; revised: number; unchanged: number }> {
  const rows = await queryRows<{ kind: string; n: number }>(
    db,
    sql`select case when r.id is null then 'added' when r.answers || s.answers = r.answers then 'unchanged' else 'revised' end as kind, count(*)::int as n
      from survey_response_staging s
      left join ${surveyResponses} r on r.wave_id = ${waveId} and r.uscc = s.uscc and r.superseded_at is null
      group by 1`,
  );
  const get = (k: string) => rows.find((r) => r.kind === k)?.n ?? 0;
  return { added: get('added'), revised: get('revised'), unchanged: get('unchanged') };
}

/** Commits the staged questionnaires: a revised one supersedes the stored one and is written merged with it. */
export async function commitStagedResponses(db: Db, wave: WaveRow, batchId: number): Promise<void> {
  // New enterprises first (none of their rows exist yet), then the revised ones, in separate statements so the
  // unique index on current questionnaires never sees two at once.
  await db.execute(sql`insert into ${surveyResponses} (wave_id, survey_code, uscc, answers, import_batch_id)
    select ${wave.id}, ${wave.surveyCode}, s.uscc, s.answers, ${batchId}
    from survey_response_staging s
    where not exists (select 1 from ${surveyResponses} r where r.wave_id = ${wave.id} and r.uscc = s.uscc)`);
  await db.execute(sql`create temporary table survey_response_merged on commit drop as
    select r.id, r.uscc, r.answers || s.answers as answers
    from ${surveyResponses} r join survey_response_staging s on s.uscc = r.uscc
    where r.wave_id = ${wave.id} and r.superseded_at is null and r.answers || s.answers <> r.answers`);
  await db.execute(sql`update ${surveyResponses} set superseded_at = now() where id in (select id from survey_response_merged)`);
  await db.execute(sql`insert into ${surveyResponses} (wave_id, survey_code, uscc, answers, import_batch_id)
    select ${wave.id}, ${wave.surveyCode}, uscc, answers, ${batchId} from survey_response_merged`);
}

export async function insertSurveyImportBatch(db: Db, row: typeof surveyImportBatches.$inferInsert): Promise<number> {
  const [r] = await db.insert(surveyImportBatches).values(row).returning({ id: surveyImportBatches.id });
  if (!r) throw new Error('the import batch was not recorded');
  return r.id;
}

/** Serialises response imports of one database: two at once could both add the same answer. */
export async function lockSurveyImports(db: Db): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext('plan-monitor:survey-import'))`);
}

/** Waves of a survey by period (for the demo loader). */
export async function wavesOf(db: Db, surveyCode: string): Promise<WaveRow[]> {
  return db
    .select({ id: surveyWaves.id, surveyCode: surveyWaves.surveyCode, period: surveyWaves.period })
    .from(surveyWaves)
    .where(eq(surveyWaves.surveyCode, surveyCode))
    .orderBy(asc(surveyWaves.period));
}
