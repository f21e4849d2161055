/** 观测值: import batches and published figures (every vintage, never updated once approved, never deleted). */
import { sql } from 'drizzle-orm';
import { type AnyPgColumn, boolean, check, date, index, integer, jsonb, numeric, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './access';
import { indicators, regions } from './plans';

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
    /** Where the text was read when that was not the publication itself (a mirror, an archive, a transcription). */
    sourceReadAt: text('source_read_at'),
    /** 数据精度: exact, rounded, lower_bound (突破/超过), upper_bound (近/不到). */
    precision: text('precision').notNull().default('exact'),
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
    // The approvals queue reads the few figures not yet decided for good; approved (and withdrawn) ones are the vast majority.
    index('observations_pending_idx').on(t.approvalState).where(sql`${t.approvalState} not in ('approved', 'withdrawn')`),
    check('observations_approval_state_check', sql`${t.approvalState} in ('draft', 'submitted', 'approved', 'rejected', 'withdrawn')`),
    index('observations_series_idx').on(t.indicatorCode, t.regionCode, t.periodStart, t.periodEnd),
    check('observations_status_check', sql`${t.status} in ('preliminary', 'final', 'revised', 'estimate')`),
    check('observations_price_basis_check', sql`${t.priceBasis} is null or ${t.priceBasis} in ('current', 'comparable')`),
    check('observations_source_kind_check', sql`${t.sourceKind} in ('bureau_bulletin', 'yearbook', 'bureau', 'work_report', 'department', 'government', 'press', 'third_party')`),
    check('observations_precision_check', sql`${t.precision} in ('exact', 'rounded', 'lower_bound', 'upper_bound')`),
    check('observations_period_check', sql`${t.periodStart} <= ${t.periodEnd}`),
  ],
);


/**
 * 重新描述: a figure that a later edition of the same data file describes again (same row, same cell, same value,
 * but a better-stated source, precision or date) is superseded by the new record, never updated: the old record
 * stays as history and the preference rule passes it over while the new one is present. Append-only (drizzle/0005).
 */
export const figureSupersessions = pgTable('figure_supersessions', {
  supersededId: integer('superseded_id')
    .primaryKey()
    .references((): AnyPgColumn => observations.id),
  supersededBy: integer('superseded_by')
    .notNull()
    .references((): AnyPgColumn => observations.id),
  reason: text('reason').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
});
