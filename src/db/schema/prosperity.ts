/**
 * 服务业景气调查: business-climate surveys (questionnaire as data), their panels of enterprises, waves and answers.
 * docs/PROSPERITY.md explains the model.
 *
 * The enterprise link: a panel member is an enterprise of the enterprise database (issue 18), by a foreign key to
 * `enterprises.uscc` (its 统一社会信用代码, the registry's key: there is no surrogate id to refer to). Who the member is
 * — name, industry, section, district, size class, synthetic or not — is read from the registry, the version in force
 * at each wave (`panelInForce` in db/prosperityRegistry.ts), never copied here: a reclassification in the registry
 * moves the enterprise's later answers to its new group and leaves earlier waves where they were.
 *
 * Answers are never overwritten: a changed questionnaire is a new row, and the one it replaces gets `superseded_at`;
 * a trigger (custom migration) refuses any other UPDATE and every DELETE.
 */
import { sql } from 'drizzle-orm';
import { bigint, check, doublePrecision, foreignKey, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { enterprises } from './enterprises';

/** 调查: one row per loaded survey file (prosperity/*.yaml); `definition` is the checked file. */
export const surveys = pgTable(
  'surveys',
  {
    code: text('code').primaryKey(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    frequency: text('frequency').notNull(),
    definition: jsonb('definition').notNull(),
    contentHash: text('content_hash').notNull(),
    loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('surveys_frequency_check', sql`${t.frequency} in ('monthly', 'quarterly')`)],
);

/** 问卷题目: the questions of each survey (what an import checks answers against). */
export const surveyQuestions = pgTable(
  'survey_questions',
  {
    surveyCode: text('survey_code')
      .notNull()
      .references(() => surveys.code),
    code: text('code').notNull(),
    ordinal: integer('ordinal').notNull(),
    scale: text('scale').notNull(),
    horizons: text('horizons').array().notNull(),
    indexKind: text('index_kind'),
  },
  (t) => [primaryKey({ columns: [t.surveyCode, t.code] })],
);

/**
 * 调查样本: the panel, one row per enterprise and survey (joined in a wave's period, left in another). What the panel
 * itself decides is kept here: membership and the size measures of the weighted indices, taken from the registry's
 * figures when the panel is drawn (a survey weighs an enterprise by the frame it was drawn from, as it stratifies by
 * it); everything else about the enterprise is the registry's.
 */
export const surveyPanelMembers = pgTable(
  'survey_panel_members',
  {
    surveyCode: text('survey_code')
      .notNull()
      .references(() => surveys.code),
    /** 统一社会信用代码: the enterprise in the registry. */
    uscc: text('uscc')
      .notNull()
      .references(() => enterprises.uscc),
    /** 营业收入 (万元, the latest full year) and 从业人员 (人, the latest month-end) at the draw: the weights of the weighted indices. */
    revenue: numeric('revenue'),
    employees: numeric('employees'),
    joinedPeriod: text('joined_period').notNull(),
    leftPeriod: text('left_period'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.surveyCode, t.uscc] })],
);

/** 调查期次: one wave per survey and period (a month 2024-03 or a quarter 2024Q1). */
export const surveyWaves = pgTable(
  'survey_waves',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    surveyCode: text('survey_code')
      .notNull()
      .references(() => surveys.code),
    period: text('period').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('survey_waves_period_idx').on(t.surveyCode, t.period),
    // Lets an answer's (wave, survey) pair be checked by a foreign key: no answer of one survey in another's wave.
    unique('survey_waves_id_survey_key').on(t.id, t.surveyCode),
  ],
);

/** 问卷导入批次: one row per committed response import, with its report. */
export const surveyImportBatches = pgTable('survey_import_batches', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  waveId: integer('wave_id')
    .notNull()
    .references(() => surveyWaves.id),
  fileName: text('file_name').notNull(),
  fileHash: text('file_hash').notNull(),
  format: text('format').notNull(),
  rowsTotal: integer('rows_total').notNull(),
  /** Questionnaires new in the wave, revised (superseding the stored one) and unchanged. */
  added: integer('added').notNull(),
  revised: integer('revised').notNull(),
  unchanged: integer('unchanged').notNull(),
  report: jsonb('report').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * 问卷: one enterprise's answers in one wave, as a map "QUESTION.horizon" → +1 / 0 / −1 (上升 / 持平 / 下降 …) — one
 * row per completed questionnaire, as surveys collect them (a row per answer made the panel's history 16 times
 * longer and its foreign-key checks the bulk of every import). The questions named are checked on import against
 * the survey's questionnaire; the values by the check below.
 */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    waveId: integer('wave_id').notNull(),
    surveyCode: text('survey_code').notNull(),
    uscc: text('uscc').notNull(),
    answers: jsonb('answers').notNull(),
    importBatchId: integer('import_batch_id').references(() => surveyImportBatches.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
  },
  (t) => [
    foreignKey({ columns: [t.waveId, t.surveyCode], foreignColumns: [surveyWaves.id, surveyWaves.surveyCode], name: 'survey_responses_wave_fk' }),
    foreignKey({ columns: [t.surveyCode, t.uscc], foreignColumns: [surveyPanelMembers.surveyCode, surveyPanelMembers.uscc], name: 'survey_responses_member_fk' }),
    check('survey_responses_answers_check', sql`jsonb_typeof(${t.answers}) = 'object' and not jsonb_path_exists(${t.answers}, '$.* ? (@ != 1 && @ != 0 && @ != -1)')`),
    uniqueIndex('survey_responses_current_idx').on(t.waveId, t.uscc).where(sql`${t.supersededAt} is null`),
  ],
);

/**
 * 汇总: the answers of each wave counted per question and horizon ("QUESTION.horizon") and group (all, industry:I,
 * size:large, region:440305) — counts by answer and the sums and largest of both weights (营业收入, 从业人员). Derived
 * from `survey_responses` in the same transaction as every import (db/prosperity.ts `rebuildWaveTallies`), so the
 * indices read a few thousand cells instead of every questionnaire. Weight sums are double precision: they are the
 * arithmetic of an index, not published figures.
 */
export const surveyTallies = pgTable(
  'survey_tallies',
  {
    waveId: integer('wave_id')
      .notNull()
      .references(() => surveyWaves.id),
    item: text('item').notNull(),
    grp: text('grp').notNull(),
    n: integer('n').notNull(),
    positive: integer('positive').notNull(),
    neutral: integer('neutral').notNull(),
    negative: integer('negative').notNull(),
    revenuePositive: doublePrecision('revenue_positive').notNull(),
    revenueNeutral: doublePrecision('revenue_neutral').notNull(),
    revenueNegative: doublePrecision('revenue_negative').notNull(),
    revenueMax: doublePrecision('revenue_max').notNull(),
    employeesPositive: doublePrecision('employees_positive').notNull(),
    employeesNeutral: doublePrecision('employees_neutral').notNull(),
    employeesNegative: doublePrecision('employees_negative').notNull(),
    employeesMax: doublePrecision('employees_max').notNull(),
  },
  (t) => [primaryKey({ columns: [t.waveId, t.item, t.grp] })],
);
