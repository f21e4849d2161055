/** 规划与地区: the region registry, loaded files, plans, the indicator catalogue, plan indicators and plan items. */
import { sql } from 'drizzle-orm';
import { type AnyPgColumn, boolean, check, date, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { EvaluationSettings } from '../../domain/evaluation/settings';
import type { ItemDetails } from '../../domain/plan/items';
import type { Location, PlanDocument, PlanIndicatorDef } from '../../domain/plan/schema';

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
    check('regions_level_check', sql`${t.level} in ('province', 'city', 'district', 'street')`),
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
  /** How targets are judged where the plan does not say (exceed margin, 左右 overshoot convention). */
  evaluationSettings: jsonb('evaluation_settings').$type<EvaluationSettings>().notNull().default({ exceedMargin: 0, overshoot: 'flag' }),
  /** 规划版本 in force now (the highest loaded), and from when; earlier versions are kept in plan_versions. */
  version: integer('version').notNull().default(1),
  versionEffectiveFrom: date('version_effective_from', { mode: 'string' }),
  versionLabel: jsonb('version_label').$type<{ zh: string; en: string } | null>(),
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
  /**
   * For a growth rate (增长率): the indicator whose year-on-year change it is (GDP_GROWTH → GDP). Not a foreign key:
   * the catalogue loads before the plans, and the level it names is often defined by a plan.
   */
  growthOf: text('growth_of'),
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
    /** 'real' (可比价) or 'nominal' (现价): which growth a 年均增长 target means. */
    growthBasis: text('growth_basis'),
    location: jsonb('location').$type<Location | null>(),
    notes: text('notes'),
    /**
     * The indicator's definition as the plan file states it (targets of every kind, milestones, frequency, 责任单位):
     * what the platform reads; the columns above are kept for plain SQL readers. Null for rows loaded before it existed.
     */
    definition: jsonb('definition').$type<PlanIndicatorDef | null>(),
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
    /** 配合单位, 完成时限 of a measure; 业主, 投资, 开竣工 of a project (what the plan says about carrying it out). */
    details: jsonb('details').$type<ItemDetails>().notNull().default({}),
  },
  (t) => [
    primaryKey({ columns: [t.planId, t.key] }),
    index('plan_items_kind_idx').on(t.planId, t.kind, t.ordinal),
    check('plan_items_kind_check', sql`${t.kind} in ('chapter', 'section', 'group', 'measure', 'project', 'district_direction', 'base', 'park')`),
  ],
);


/**
 * 规划版本: every version of a plan ever loaded, with the file it came from, so that an evaluation as of a date
 * before a mid-term adjustment (中期调整) reads the targets then in force.
 */
export const planVersions = pgTable(
  'plan_versions',
  {
    planId: text('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }),
    label: jsonb('label').$type<{ zh: string; en: string } | null>(),
    document: jsonb('document').$type<PlanDocument>().notNull(),
    contentHash: text('content_hash').notNull(),
    loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.version] })],
);

/**
 * 定性目标评估: a qualitative target (基本建成…) is judged by a recorded assessment with its evidence, by a planner;
 * each assessment is kept (the latest by the as-of date counts), never overwritten.
 */
export const qualitativeAssessments = pgTable(
  'qualitative_assessments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    planId: text('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    indicatorCode: text('indicator_code').notNull(),
    targetYear: integer('target_year').notNull(),
    /** achieved 已实现 | largely_achieved 基本实现 | on_track 进展顺利 | at_risk 进展滞后 | not_achieved 未实现. */
    assessment: text('assessment').notNull(),
    evidence: text('evidence').notNull(),
    assessedOn: date('assessed_on', { mode: 'string' }).notNull(),
    assessedBy: text('assessed_by').notNull(),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('qualitative_assessments_target_idx').on(t.planId, t.indicatorCode, t.targetYear, t.assessedOn),
    check('qualitative_assessments_assessment_check', sql`${t.assessment} in ('achieved', 'largely_achieved', 'on_track', 'at_risk', 'not_achieved')`),
  ],
);
