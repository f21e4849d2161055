/**
 * The database schema (PostgreSQL). Migrations in drizzle/ are generated from this file by drizzle-kit and
 * applied unchanged on PGlite and on a PostgreSQL server. Names follow docs/GLOSSARY.md.
 *
 * Values are NUMERIC, never floating point: a published figure such as 17190.4 must come back as printed.
 */
import { sql } from 'drizzle-orm';
import { type AnyPgColumn, boolean, check, date, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { Location } from '../domain/plan/schema';

/** 行政区划: the region hierarchy with validity dates. */
export const regions = pgTable(
  'regions',
  {
    code: text('code').primaryKey(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    level: text('level').notNull(),
    kind: text('kind').notNull(),
    parentCode: text('parent_code').references((): AnyPgColumn => regions.code),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    predecessors: text('predecessors').array().notNull().default(sql`'{}'::text[]`),
    note: text('note'),
  },
  (t) => [
    check('regions_level_check', sql`${t.level} in ('city', 'district')`),
    check('regions_kind_check', sql`${t.kind} in ('administrative', 'functional')`),
    check('regions_validity_check', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
  ],
);

/**
 * Reference data files (region registries) already applied, by content hash, so that an unchanged file is not
 * parsed again at every start. Plans carry their own hash in `plans`.
 */
export const loadedFiles = pgTable('loaded_files', {
  name: text('name').primaryKey(),
  contentHash: text('content_hash').notNull(),
  loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow(),
});

/** 规划: one row per loaded plan. */
export const plans = pgTable('plans', {
  id: text('id').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  shortNameZh: text('short_name_zh'),
  shortNameEn: text('short_name_en'),
  issuerZh: text('issuer_zh').notNull(),
  issuerEn: text('issuer_en').notNull(),
  regionCode: text('region_code')
    .notNull()
    .references(() => regions.code),
  periodStart: integer('period_start').notNull(),
  periodEnd: integer('period_end').notNull(),
  baseYear: integer('base_year').notNull(),
  sourceTitle: text('source_title'),
  sourceFile: text('source_file'),
  /** sha256 of the plan file: loading the same file again is a no-op. */
  contentHash: text('content_hash').notNull(),
  /** 已发布: a published plan (and its evaluation) is readable without signing in; a draft plan needs a session. */
  published: boolean('published').notNull().default(false),
  loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * 指标: the catalogue of statistical indicators, shared by all plans, so that figures (observations) recorded for
 * GDP serve the 14th and the 15th plan alike. A share indicator names its numerator and denominator.
 */
export const indicators = pgTable('indicators', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  unit: text('unit').notNull(),
  numeratorCode: text('numerator_code').references((): AnyPgColumn => indicators.code),
  denominatorCode: text('denominator_code').references((): AnyPgColumn => indicators.code),
  /** Scope caveats a reader must know (e.g. 文化创意产业 is broader than 文化及相关产业). */
  notes: text('notes'),
});

/** 规划指标: an indicator as one plan uses it, with its 基期值 (baseline) and 目标值 (target). */
export const planIndicators = pgTable(
  'plan_indicators',
  {
    planId: text('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    indicatorCode: text('indicator_code')
      .notNull()
      .references(() => indicators.code),
    ordinal: integer('ordinal').notNull(),
    system: boolean('system').notNull(),
    category: text('category').notNull(),
    number: integer('number'),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    unit: text('unit').notNull(),
    attribute: text('attribute').notNull(),
    direction: text('direction').notNull(),
    baselineValue: numeric('baseline_value'),
    baselineYear: integer('baseline_year'),
    baselineQuote: text('baseline_quote'),
    targetValue: numeric('target_value'),
    targetYear: integer('target_year'),
    targetPrinted: text('target_printed'),
    comparator: text('comparator'),
    tolerance: numeric('tolerance'),
    targetWording: text('target_wording'),
    growthRatePercent: numeric('growth_rate_percent'),
    growthFromYear: integer('growth_from_year'),
    growthToYear: integer('growth_to_year'),
    growthPrinted: text('growth_printed'),
    location: jsonb('location').$type<Location | null>(),
    notes: text('notes'),
  },
  (t) => [
    primaryKey({ columns: [t.planId, t.indicatorCode] }),
    check('plan_indicators_attribute_check', sql`${t.attribute} in ('expected', 'binding')`),
    check('plan_indicators_comparator_check', sql`${t.comparator} is null or ${t.comparator} in ('at_least', 'about', 'at_most')`),
    check('plan_indicators_direction_check', sql`${t.direction} in ('increase', 'decrease')`),
  ],
);

/** 规划条目: chapters, sections, measures, projects, district directions, bases and parks of a plan. */
export const planItems = pgTable(
  'plan_items',
  {
    planId: text('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    kind: text('kind').notNull(),
    parentKey: text('parent_key'),
    ordinal: integer('ordinal').notNull(),
    number: text('number'),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en').notNull(),
    textZh: text('text_zh'),
    textEn: text('text_en'),
    fieldZh: text('field_zh'),
    fieldEn: text('field_en'),
    actionZh: text('action_zh'),
    actionEn: text('action_en'),
    leadDepartments: text('lead_departments').array().notNull().default(sql`'{}'::text[]`),
    regionCodes: text('region_codes').array().notNull().default(sql`'{}'::text[]`),
    indicatorCodes: text('indicator_codes').array().notNull().default(sql`'{}'::text[]`),
    location: jsonb('location').$type<Location>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.planId, t.key] }),
    index('plan_items_kind_idx').on(t.planId, t.kind, t.ordinal),
    check('plan_items_kind_check', sql`${t.kind} in ('chapter', 'section', 'group', 'measure', 'project', 'district_direction', 'base', 'park')`),
  ],
);

/** 导入批次: one row per committed import, with its report (what was added, already present, rejected). */
export const importBatches = pgTable('import_batches', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  fileName: text('file_name').notNull(),
  fileHash: text('file_hash').notNull(),
  format: text('format').notNull(),
  rowsTotal: integer('rows_total').notNull(),
  rowsAdded: integer('rows_added').notNull(),
  rowsUnchanged: integer('rows_unchanged').notNull(),
  rowsRejected: integer('rows_rejected').notNull(),
  report: jsonb('report').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * 观测值: one published figure. Nothing is ever updated or deleted: a revised figure is a new row (a new vintage)
 * beside the old one, and the preference rule (domain/observation/preference.ts) picks the one evaluation uses.
 * `fingerprint` identifies a figure by what was published (indicator, region, period, value, unit, basis, status,
 * source, publication date), so importing the same file twice adds nothing.
 */
export const observations = pgTable(
  'observations',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    indicatorCode: text('indicator_code')
      .notNull()
      .references(() => indicators.code),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    /** Canonical period code (2020, 2020H1, 2020Q3, 2020-08, 2020-01~09, 2021-2025). */
    periodCode: text('period_code').notNull(),
    periodType: text('period_type').notNull(),
    /** The period's first and last month as year*100+month, for range queries and ordering. */
    periodStart: integer('period_start').notNull(),
    periodEnd: integer('period_end').notNull(),
    /** The value and unit as published. */
    value: numeric('value').notNull(),
    unit: text('unit').notNull(),
    /** The value converted to the indicator's unit (exact decimal shift; see domain/unit). */
    valueStd: numeric('value_std').notNull(),
    priceBasis: text('price_basis'),
    status: text('status').notNull(),
    sourceKind: text('source_kind').notNull(),
    sourcePublication: text('source_publication').notNull(),
    sourcePublisher: text('source_publisher'),
    sourceLink: text('source_link'),
    quote: text('quote'),
    notes: text('notes'),
    /** Vintage: when the figure was published (estimated when the source gives no date; see the flag). */
    publishedDate: date('published_date', { mode: 'string' }).notNull(),
    publishedDateEstimated: boolean('published_date_estimated').notNull(),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull().defaultNow(),
    importBatchId: integer('import_batch_id').references(() => importBatches.id),
    /** Where the row came from: file and row number, for tracing a figure back. */
    origin: text('origin'),
    fingerprint: text('fingerprint').notNull().unique(),
    /**
     * 审核 approval: draft → submitted → approved (locked) or rejected. Figures loaded by the system (bundled data,
     * the operator's CLI) are approved; a person's figures start as drafts. A new row defaults to draft, so a
     * writer that forgets the state can never publish by accident.
     */
    approvalState: text('approval_state').notNull().default('draft'),
    /** Optimistic lock: every change of state or of a draft's content adds one; a stale version gets 409. */
    approvalVersion: integer('approval_version').notNull().default(1),
    enteredBy: integer('entered_by').references((): AnyPgColumn => users.id),
    submittedBy: integer('submitted_by').references((): AnyPgColumn => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    decidedBy: integer('decided_by').references((): AnyPgColumn => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionComment: text('decision_comment'),
    /** A correction of an approved figure is a new figure (a new vintage) pointing at the one it corrects. */
    corrects: integer('corrects').references((): AnyPgColumn => observations.id),
  },
  (t) => [
    // The approvals queue reads the few figures not yet approved; approved ones are the vast majority.
    index('observations_pending_idx').on(t.approvalState).where(sql`${t.approvalState} <> 'approved'`),
    check('observations_approval_state_check', sql`${t.approvalState} in ('draft', 'submitted', 'approved', 'rejected')`),
    index('observations_series_idx').on(t.indicatorCode, t.regionCode, t.periodStart, t.periodEnd),
    check('observations_status_check', sql`${t.status} in ('preliminary', 'final', 'revised', 'estimate')`),
    check('observations_price_basis_check', sql`${t.priceBasis} is null or ${t.priceBasis} in ('current', 'comparable')`),
    check('observations_source_kind_check', sql`${t.sourceKind} in ('bureau_bulletin', 'bureau', 'government', 'press', 'third_party')`),
    check('observations_period_check', sql`${t.periodStart} <= ${t.periodEnd}`),
  ],
);

/**
 * 用户: people who sign in. Roles (domain/access/roles.ts): admin, planner, statistician, reporter (scoped to
 * regions and/or departments), viewer. The password is an argon2id hash; no default account exists.
 */
export const users = pgTable(
  'users',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role').notNull(),
    regionScope: text('region_scope').array().notNull().default(sql`'{}'::text[]`),
    departmentScope: text('department_scope').array().notNull().default(sql`'{}'::text[]`),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('users_role_check', sql`${t.role} in ('admin', 'planner', 'statistician', 'reporter', 'viewer')`)],
);

/** 会话: a signed-in browser. Only a hash of the session id is stored; the id itself lives in the cookie. */
export const sessions = pgTable('sessions', {
  idHash: text('id_hash').primaryKey(),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  csrfToken: text('csrf_token').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  clientAddress: text('client_address'),
});

/** API 令牌: for machine imports; hashed at rest, scoped, revocable. */
export const apiTokens = pgTable('api_tokens', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  scopes: text('scopes').array().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});

/** Failed sign-ins, per account and per client address, for rate limiting. */
export const loginFailures = pgTable(
  'login_failures',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    username: text('username').notNull(),
    clientAddress: text('client_address').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('login_failures_user_idx').on(t.username, t.at), index('login_failures_addr_idx').on(t.clientAddress, t.at)],
);

/**
 * 审计日志: every write — who, when, what, old → new, client address, request id. Append-only: a trigger
 * (drizzle/0002) refuses UPDATE, DELETE and TRUNCATE for every role, the application's included.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: integer('actor_user_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    oldValue: jsonb('old_value'),
    newValue: jsonb('new_value'),
    clientAddress: text('client_address'),
    requestId: text('request_id'),
  },
  (t) => [index('audit_log_at_idx').on(t.at), index('audit_log_entity_idx').on(t.entity, t.entityId)],
);
