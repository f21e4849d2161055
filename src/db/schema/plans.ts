/** 规划与地区: the region registry, loaded files, plans, the indicator catalogue, plan indicators and plan items. */
import { sql } from 'drizzle-orm';
import { type AnyPgColumn, boolean, check, date, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { EvaluationSettings } from '../../domain/evaluation/settings';
import type { Location } from '../../domain/plan/schema';

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

