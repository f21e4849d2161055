/**
 * 督促检查: units (市直部门 and districts) and their members, the plan owner's supervision settings, tasks (one per
 * measure, project, base and park, and sub-tasks), time nodes, progress reports and their attachments, supervision
 * notices (督办单), and major projects with their plan versions (计划: baseline and re-plans) and dispatch records.
 * A task's text stays in its plan item (plan_items, by plan and key); the task adds who, by when and how it goes.
 */
import { sql } from 'drizzle-orm';
import { type AnyPgColumn, boolean, check, customType, date, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './access';
import { plans, regions } from './plans';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  // PGlite hands back a Uint8Array, node-postgres a Buffer.
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/** 单位: a city department (市直部门) or a district (区), the organisations tasks are given to. */
export const units = pgTable(
  'units',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull().unique(),
    nameZh: text('name_zh').notNull().unique(),
    nameEn: text('name_en').notNull(),
    kind: text('kind').notNull(),
    /** The district a district unit stands for. */
    regionCode: text('region_code').references(() => regions.code),
    /** Where reminders go when SMTP is configured. */
    email: text('email'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('units_kind_check', sql`${t.kind} in ('department', 'district')`)],
);

/** Which users act for which unit (a user may act for several). */
export const unitMembers = pgTable(
  'unit_members',
  {
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.userId] }), index('unit_members_user_idx').on(t.userId)],
);

/** The plan owner's settings: 填报周期 and the light rule's days and tolerance. */
export const supervisionSettings = pgTable(
  'supervision_settings',
  {
    planId: text('plan_id')
      .primaryKey()
      .references(() => plans.id, { onDelete: 'cascade' }),
    cycle: text('cycle').notNull().default('quarterly'),
    dueDays: integer('due_days').notNull().default(10),
    warnDays: integer('warn_days').notNull().default(15),
    /** Percentage points of lag behind 序时进度 tolerated before 黄. */
    behindPoints: integer('behind_points').notNull().default(5),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: integer('updated_by').references(() => users.id),
  },
  (t) => [
    check('supervision_settings_cycle_check', sql`${t.cycle} in ('monthly', 'quarterly', 'half_yearly')`),
    check('supervision_settings_days_check', sql`${t.dueDays} between 0 and 90 and ${t.warnDays} between 0 and 180 and ${t.behindPoints} between 0 and 100`),
  ],
);

/** 任务: one per measure, project, base and park of a plan (item_key), or a sub-task (parent_id). */
export const tasks = pgTable(
  'tasks',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    planId: text('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    itemKey: text('item_key'),
    parentId: integer('parent_id').references((): AnyPgColumn => tasks.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    /** A sub-task's own title; a plan item's task takes its title from the item. */
    titleZh: text('title_zh'),
    titleEn: text('title_en'),
    leadUnitId: integer('lead_unit_id').references(() => units.id),
    state: text('state').notNull().default('unassigned'),
    startDate: date('start_date', { mode: 'string' }),
    deadline: date('deadline', { mode: 'string' }),
    indicatorCodes: text('indicator_codes').array().notNull().default(sql`'{}'::text[]`),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('tasks_plan_item_idx').on(t.planId, t.itemKey).where(sql`${t.itemKey} is not null`),
    index('tasks_plan_idx').on(t.planId, t.kind),
    index('tasks_lead_idx').on(t.leadUnitId),
    index('tasks_parent_idx').on(t.parentId),
    check('tasks_kind_check', sql`${t.kind} in ('measure', 'project', 'base', 'park', 'subtask')`),
    check('tasks_state_check', sql`${t.state} in ('unassigned', 'assigned', 'accepted', 'in_progress', 'completed')`),
    check('tasks_identity_check', sql`(${t.kind} = 'subtask') = (${t.itemKey} is null) and (${t.kind} = 'subtask') = (${t.parentId} is not null) and (${t.kind} <> 'subtask' or ${t.titleZh} is not null)`),
  ],
);

/** 配合单位 of a task. */
export const taskCoUnits = pgTable(
  'task_co_units',
  {
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.unitId] }), index('task_co_units_unit_idx').on(t.unitId)],
);

/** 时间节点 with its expected output; done_on is set when an approved report says the node is done. */
export const taskNodes = pgTable(
  'task_nodes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    ordinal: integer('ordinal').notNull(),
    title: text('title').notNull(),
    due: date('due', { mode: 'string' }).notNull(),
    expectedOutput: text('expected_output'),
    doneOn: date('done_on', { mode: 'string' }),
  },
  (t) => [index('task_nodes_task_idx').on(t.taskId, t.ordinal)],
);

/** 进度报告 (进度填报) of a task for a reporting period, and its review (审核). */
export const taskReports = pgTable(
  'task_reports',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    periodCode: text('period_code').notNull(),
    state: text('state').notNull().default('submitted'),
    narrative: text('narrative').notNull(),
    percent: numeric('percent'),
    problems: text('problems'),
    coordination: text('coordination'),
    nodeStatuses: jsonb('node_statuses').$type<Array<{ nodeId: number; status: string; note?: string | undefined }>>().notNull().default(sql`'[]'::jsonb`),
    /** The unit asks to close the task (办结) with this report. */
    closeRequested: boolean('close_requested').notNull().default(false),
    /** Submitted after the period's due day. */
    late: boolean('late').notNull().default(false),
    submittedBy: integer('submitted_by').references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    reviewedBy: integer('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewComment: text('review_comment'),
  },
  (t) => [
    index('task_reports_task_idx').on(t.taskId, t.periodCode),
    index('task_reports_pending_idx').on(t.state).where(sql`${t.state} = 'submitted'`),
    check('task_reports_state_check', sql`${t.state} in ('submitted', 'approved', 'returned')`),
    check('task_reports_percent_check', sql`${t.percent} is null or (${t.percent} >= 0 and ${t.percent} <= 100)`),
  ],
);

/** Attachments of a report: in the database (data) or in the configured folder (path), checked and size-limited. */
export const taskAttachments = pgTable('task_attachments', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  reportId: integer('report_id')
    .notNull()
    .references(() => taskReports.id, { onDelete: 'cascade' }),
  fileName: text('file_name').notNull(),
  contentType: text('content_type').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  data: bytea('data'),
  path: text('path'),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** 督办单: a notice on a red task with a reply deadline; the reply and its review are kept. */
export const taskNotices = pgTable(
  'task_notices',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    text: text('text').notNull(),
    replyBy: date('reply_by', { mode: 'string' }).notNull(),
    state: text('state').notNull().default('issued'),
    issuedBy: integer('issued_by').references(() => users.id),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    replyText: text('reply_text'),
    repliedBy: integer('replied_by').references(() => users.id),
    repliedAt: timestamp('replied_at', { withTimezone: true }),
    reviewComment: text('review_comment'),
    reviewedBy: integer('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('task_notices_seq_idx').on(t.taskId, t.seq),
    check('task_notices_state_check', sql`${t.state} in ('issued', 'replied', 'accepted', 'returned')`),
  ],
);

/** 重大项目: a project item of a plan with its identity (GB/T 40058-2021 code, district, owner unit). */
export const projects = pgTable(
  'projects',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    planId: text('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    itemKey: text('item_key').notNull(),
    code: text('code'),
    regionCode: text('region_code').references(() => regions.code),
    ownerUnitId: integer('owner_unit_id').references(() => units.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('projects_plan_item_idx').on(t.planId, t.itemKey), uniqueIndex('projects_plan_code_idx').on(t.planId, t.code).where(sql`${t.code} is not null`)],
);

/** 项目调度导入批次: one file of one reporting unit. */
export const projectImports = pgTable('project_imports', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  planId: text('plan_id')
    .notNull()
    .references(() => plans.id, { onDelete: 'cascade' }),
  unitId: integer('unit_id')
    .notNull()
    .references(() => units.id),
  fileName: text('file_name').notNull(),
  fileHash: text('file_hash').notNull(),
  format: text('format').notNull(),
  rows: integer('rows').notNull(),
  counts: jsonb('counts').notNull(),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * 计划: a project's plan for a year — version 1 is the baseline, kept unchanged; a re-plan is a new version.
 * Rows are never updated or deleted (a trigger refuses it).
 */
export const projectPlans = pgTable(
  'project_plans',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    version: integer('version').notNull(),
    totalInvestment: numeric('total_investment'),
    annualPlan: numeric('annual_plan'),
    plannedStart: date('planned_start', { mode: 'string' }),
    plannedCompletion: date('planned_completion', { mode: 'string' }),
    importId: integer('import_id').references(() => projectImports.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('project_plans_version_idx').on(t.projectId, t.year, t.version)],
);

/**
 * 调度记录: what a project reported for a month (本年累计完成投资 …). A changed record for the same month is a new
 * revision; earlier revisions are kept (never updated or deleted).
 */
export const projectProgress = pgTable(
  'project_progress',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    /** The month the record runs to (YYYY-MM). */
    month: text('month').notNull(),
    year: integer('year').notNull(),
    monthsElapsed: integer('months_elapsed').notNull(),
    revision: integer('revision').notNull(),
    ytdCompleted: numeric('ytd_completed').notNull(),
    sinceStartCompleted: numeric('since_start_completed'),
    phase: text('phase'),
    actualStart: date('actual_start', { mode: 'string' }),
    actualCompletion: date('actual_completion', { mode: 'string' }),
    imageProgress: text('image_progress'),
    problems: text('problems'),
    warnings: jsonb('warnings').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    importId: integer('import_id').references(() => projectImports.id),
    /** Hash of the record's content: the same record again is unchanged, not a revision. */
    fingerprint: text('fingerprint').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('project_progress_revision_idx').on(t.projectId, t.month, t.revision),
    check('project_progress_phase_check', sql`${t.phase} is null or ${t.phase} in ('preparation', 'new_start', 'continuing', 'completed')`),
    check('project_progress_money_check', sql`${t.ytdCompleted} >= 0 and (${t.sinceStartCompleted} is null or ${t.sinceStartCompleted} >= 0)`),
  ],
);
