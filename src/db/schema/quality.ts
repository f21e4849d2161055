/** 数据质量: the rule files and reporting calendars loaded from data files, and acknowledgements of warnings. */
import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './access';
import { observations } from './observations';

/**
 * 审核规则文件: one row per rule file (catalogue/quality/*.yaml), the checked document as JSON. `plan_id` is the plan
 * whose rules the file adds (null: rules for every figure); not a foreign key, because a plan is replaced when its
 * file is reloaded, and the rules must survive that (the loader checks that the plan exists).
 */
export const qualityRuleFiles = pgTable('quality_rule_files', {
  name: text('name').primaryKey(),
  planId: text('plan_id'),
  document: jsonb('document').notNull(),
  contentHash: text('content_hash').notNull(),
  loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow(),
});

/** 报送日历: a plan's reporting calendar (plans/calendars/*.yaml), the checked document as JSON. */
export const reportingCalendars = pgTable('reporting_calendars', {
  planId: text('plan_id').primaryKey(),
  name: text('name').notNull(),
  document: jsonb('document').notNull(),
  contentHash: text('content_hash').notNull(),
  loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * 警告确认: a warning-level violation acknowledged with a comment — at approval, or later on the data-quality page.
 * Kept under the violation's key (the rule and the ids of every figure it compared): when any of those figures
 * changes, the key changes and the new situation needs its own look. Every row also has its audit-log entry.
 */
export const qualityAcknowledgements = pgTable(
  'quality_acknowledgements',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    observationId: integer('observation_id')
      .notNull()
      .references(() => observations.id),
    ruleId: text('rule_id').notNull(),
    violationKey: text('violation_key').notNull(),
    comment: text('comment').notNull(),
    userId: integer('user_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('quality_acknowledgements_key_idx').on(t.violationKey), index('quality_acknowledgements_observation_idx').on(t.observationId)],
);
