/**
 * 重点行业企业数据库: the industry classification, the items enterprises report, the enterprise registry (名录) with
 * every change kept as a dated version, key-enterprise lists, and enterprise import batches. The enterprises'
 * figures live in a table partitioned by period, which drizzle-kit cannot create: it is made by a custom migration
 * and declared in `manual/enterpriseFigures.ts` (outside drizzle-kit's glob). docs/ENTERPRISES.md explains the model;
 * docs/SCALE.md how a province deploys it (partitions, read replicas, Citus).
 *
 * Citus: the figures are distributed by region_code; every table here is small beside them (a province's registry
 * has a few million rows) and becomes a reference table (replicated), so the figures' foreign keys stay valid.
 */
import { sql } from 'drizzle-orm';
import { type AnyPgColumn, boolean, check, date, index, integer, jsonb, numeric, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { regions } from './plans';

/** 国民经济行业分类 GB/T 4754-2017 (classification/gbt4754-2017.csv): 门类, 大类, 中类, 小类. */
export const industries = pgTable(
  'industries',
  {
    code: text('code').primaryKey(),
    level: text('level').notNull(),
    nameZh: text('name_zh').notNull(),
    parentCode: text('parent_code').references((): AnyPgColumn => industries.code),
    /** The 门类 letter of every code, so roll-ups to sections need no walk up the tree. */
    sectionCode: text('section_code').notNull(),
  },
  (t) => [check('industries_level_check', sql`${t.level} in ('section', 'division', 'group', 'class')`)],
);

/** 企业数据项: the configurable items (enterprises/items.yaml). */
export const enterpriseItems = pgTable(
  'enterprise_items',
  {
    code: text('code').primaryKey(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    unit: text('unit').notNull(),
    kind: text('kind').notNull(),
    cumulativeNonDecreasing: boolean('cumulative_non_decreasing').notNull(),
    min: numeric('min').notNull(),
    max: numeric('max').notNull(),
    ordinal: integer('ordinal').notNull(),
  },
  (t) => [check('enterprise_items_kind_check', sql`${t.kind} in ('flow', 'stock')`)],
);

/** 企业导入批次: one row per committed enterprise import, with its report. */
export const enterpriseImportBatches = pgTable('enterprise_import_batches', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  fileName: text('file_name').notNull(),
  fileHash: text('file_hash').notNull(),
  format: text('format').notNull(),
  rowsTotal: integer('rows_total').notNull(),
  figuresAdded: integer('figures_added').notNull(),
  versionsAdded: integer('versions_added').notNull(),
  rowsRejected: integer('rows_rejected').notNull(),
  report: jsonb('report').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * 企业: the identity of an enterprise, its 统一社会信用代码, and whether it is synthetic (made by the generator for
 * demos, tests and benchmarks — shown as such everywhere). Who it is at a time is in `enterprise_versions`;
 * `current_version_id` points at the version in force now (the latest valid_from), kept by the import.
 */
export const enterprises = pgTable(
  'enterprises',
  {
    uscc: text('uscc').primaryKey(),
    synthetic: boolean('synthetic').notNull().default(false),
    currentVersionId: integer('current_version_id').references((): AnyPgColumn => enterpriseVersions.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('enterprises_uscc_check', sql`length(${t.uscc}) = 18`)],
);

/**
 * 企业名录版本: who an enterprise is from `valid_from` on (name, region, industry, size, 规模以上, opening and closing).
 * A change is a new version; versions are never updated or deleted (a trigger refuses it). Two versions with the
 * same valid_from: the one recorded later is the correction.
 */
export const enterpriseVersions = pgTable(
  'enterprise_versions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    uscc: text('uscc')
      .notNull()
      .references((): AnyPgColumn => enterprises.uscc),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    name: text('name').notNull(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    industryCode: text('industry_code')
      .notNull()
      .references(() => industries.code),
    sizeClass: text('size_class'),
    aboveDesignatedSize: boolean('above_designated_size').notNull(),
    openedOn: date('opened_on', { mode: 'string' }),
    closedOn: date('closed_on', { mode: 'string' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    importBatchId: integer('import_batch_id').references(() => enterpriseImportBatches.id),
  },
  (t) => [
    index('enterprise_versions_uscc_idx').on(t.uscc, t.validFrom),
    index('enterprise_versions_industry_idx').on(t.industryCode, t.regionCode),
    check('enterprise_versions_size_class_check', sql`${t.sizeClass} is null or ${t.sizeClass} in ('large', 'medium', 'small', 'micro')`),
    check('enterprise_versions_closed_check', sql`${t.closedOn} is null or ${t.openedOn} is null or ${t.closedOn} >= ${t.openedOn}`),
  ],
);

/** 重点企业名录 (enterprises/key-lists.yaml): a list of key enterprises named by a plan chapter. */
export const keyEnterpriseLists = pgTable('key_enterprise_lists', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  planId: text('plan_id'),
  chapter: text('chapter'),
});

/** Membership of a key list: each change (in or out, from a date) is a new entry; the latest entry is in force. */
export const keyEnterpriseListEntries = pgTable(
  'key_enterprise_list_entries',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    listCode: text('list_code')
      .notNull()
      .references(() => keyEnterpriseLists.code),
    uscc: text('uscc')
      .notNull()
      .references(() => enterprises.uscc),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    member: boolean('member').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    importBatchId: integer('import_batch_id').references(() => enterpriseImportBatches.id),
  },
  (t) => [index('key_enterprise_list_entries_idx').on(t.uscc, t.listCode, t.validFrom)],
);
