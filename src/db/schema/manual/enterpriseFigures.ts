/**
 * 企业数据: one value of one item of one enterprise for one period, as reported (1–N月 cumulative periods as
 * reported, not derived). Declared here for typed queries only: the table is partitioned by range of period_end
 * (one partition per year, made on demand by `enterprise_figures_partition(year)`), which drizzle-kit cannot
 * create, so the custom migration drizzle/*_enterprises_sql.sql creates it, and this file lies outside
 * drizzle.config.ts's glob (src/db/schema/*.ts) so that drizzle-kit never tries to.
 *
 * The enterprise's region, industry and 规模以上 flag are recorded with each figure as they stood for its period (as an
 * 一套表 report carries them), so an aggregate reads one table and a later reclassification does not rewrite history.
 * region_code is the distribution column on Citus: the primary key includes it (and period_end, the partition key).
 * A revised value is a new row (revision + 1); the row it replaces gets superseded_at and is otherwise never changed
 * (a trigger refuses any other UPDATE, and every DELETE).
 */
import { boolean, integer, numeric, pgTable, primaryKey, smallint, text, timestamp } from 'drizzle-orm/pg-core';

export const enterpriseFigures = pgTable(
  'enterprise_figures',
  {
    periodEnd: integer('period_end').notNull(),
    itemCode: text('item_code').notNull(),
    periodStart: integer('period_start').notNull(),
    uscc: text('uscc').notNull(),
    revision: smallint('revision').notNull(),
    regionCode: text('region_code').notNull(),
    periodCode: text('period_code').notNull(),
    value: numeric('value').notNull(),
    industryCode: text('industry_code').notNull(),
    aboveDesignatedSize: boolean('above_designated_size').notNull(),
    importBatchId: integer('import_batch_id').notNull(),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ name: 'enterprise_figures_pkey', columns: [t.periodEnd, t.itemCode, t.periodStart, t.uscc, t.revision, t.regionCode] })],
);
