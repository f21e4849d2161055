/** Queries on progress reports (进度填报), their review (审核) and attachments. */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { TaskReport } from '../../domain/supervision/model';
import type { NodeStatus, ReportState } from '../../domain/supervision/terms';
import type { Db } from '../client';
import { numberToNumeric, numericToNumber } from '../numeric';
import { queryRows } from '../raw';
import { taskAttachments, taskReports } from '../schema';

export interface NewReport {
  taskId: number;
  unitId: number;
  periodCode: string;
  narrative: string;
  percent: number | null;
  problems: string | null;
  coordination: string | null;
  nodeStatuses: Array<{ nodeId: number; status: NodeStatus; note?: string | undefined }>;
  closeRequested: boolean;
  late: boolean;
  submittedBy: number | null;
}

export async function insertReport(db: Db, r: NewReport): Promise<number> {
  const rows = await db.insert(taskReports).values({ ...r, percent: numberToNumeric(r.percent) }).returning({ id: taskReports.id });
  const id = rows[0]?.id;
  if (id === undefined) throw new Error('report was not created');
  return id;
}

interface Row extends Record<string, unknown> {
  id: number;
  task_id: number;
  unit_id: number;
  period_code: string;
  state: string;
  narrative: string;
  percent: string | null;
  problems: string | null;
  coordination: string | null;
  node_statuses: TaskReport['nodeStatuses'];
  close_requested: boolean;
  late: boolean;
  submitted_by: string | null;
  submitted_at: Date | string;
  reviewed_by: string | null;
  reviewed_at: Date | string | null;
  review_comment: string | null;
  attachments: TaskReport['attachments'] | null;
}

/** Reports of tasks (or the given report ids), newest first, with who submitted and reviewed and the attachments. */
export async function listReports(db: Db, where: { taskIds: readonly number[] } | { ids: readonly number[] }): Promise<TaskReport[]> {
  const list = 'taskIds' in where ? where.taskIds : where.ids;
  if (list.length === 0) return [];
  const column = 'taskIds' in where ? sql`r.task_id` : sql`r.id`;
  const rows = await queryRows<Row>(
    db,
    sql`select r.id, r.task_id, r.unit_id, r.period_code, r.state, r.narrative, r.percent::text as percent, r.problems, r.coordination, r.node_statuses,
          r.close_requested, r.late, su.username as submitted_by, r.submitted_at, ru.username as reviewed_by, r.reviewed_at, r.review_comment,
          (select json_agg(json_build_object('id', a.id, 'fileName', a.file_name, 'contentType', a.content_type, 'size', a.size) order by a.id)
             from task_attachments a where a.report_id = r.id) as attachments
        from task_reports r
        left join users su on su.id = r.submitted_by
        left join users ru on ru.id = r.reviewed_by
        where ${column} in (${sql.join(list.map((i) => sql`${i}`), sql`, `)})
        order by r.submitted_at desc, r.id desc`,
  );
  return rows.map((r) => ({
    id: r.id,
    taskId: r.task_id,
    unitId: r.unit_id,
    periodCode: r.period_code,
    state: r.state as ReportState,
    narrative: r.narrative,
    percent: numericToNumber(r.percent),
    problems: r.problems,
    coordination: r.coordination,
    nodeStatuses: r.node_statuses,
    closeRequested: r.close_requested,
    late: r.late,
    submittedBy: r.submitted_by,
    submittedAt: new Date(r.submitted_at).toISOString(),
    reviewedBy: r.reviewed_by,
    reviewedAt: r.reviewed_at === null ? null : new Date(r.reviewed_at).toISOString(),
    reviewComment: r.review_comment,
    attachments: r.attachments ?? [],
  }));
}

export async function getReport(db: Db, id: number): Promise<TaskReport | null> {
  return (await listReports(db, { ids: [id] }))[0] ?? null;
}

/** A report of the task for the period that is waiting for review or approved (so a second one is refused). */
export async function liveReportFor(db: Db, taskId: number, periodCode: string): Promise<{ id: number; state: ReportState } | null> {
  const rows = await db
    .select({ id: taskReports.id, state: taskReports.state })
    .from(taskReports)
    .where(and(eq(taskReports.taskId, taskId), eq(taskReports.periodCode, periodCode), inArray(taskReports.state, ['submitted', 'approved'])));
  const r = rows[0];
  return r ? { id: r.id, state: r.state as ReportState } : null;
}

/** 审核 as a conditional UPDATE: false when the report was reviewed meanwhile. */
export async function reviewReport(db: Db, r: { id: number; to: ReportState; userId: number; comment: string | null }): Promise<boolean> {
  const rows = await db
    .update(taskReports)
    .set({ state: r.to, reviewedBy: r.userId, reviewedAt: new Date(), reviewComment: r.comment })
    .where(and(eq(taskReports.id, r.id), eq(taskReports.state, 'submitted')))
    .returning({ id: taskReports.id });
  return rows.length > 0;
}

export async function insertAttachment(db: Db, a: { reportId: number; fileName: string; contentType: string; size: number; sha256: string; data: Buffer | null; path: string | null; createdBy: number | null }): Promise<number> {
  const rows = await db.insert(taskAttachments).values(a).returning({ id: taskAttachments.id });
  const id = rows[0]?.id;
  if (id === undefined) throw new Error('attachment was not stored');
  return id;
}

export async function getAttachment(db: Db, id: number): Promise<(typeof taskAttachments.$inferSelect & { taskId: number }) | null> {
  const rows = await db
    .select({ a: taskAttachments, taskId: taskReports.taskId })
    .from(taskAttachments)
    .innerJoin(taskReports, eq(taskReports.id, taskAttachments.reportId))
    .where(eq(taskAttachments.id, id));
  const r = rows[0];
  return r ? { ...r.a, taskId: r.taskId } : null;
}
