/**
 * 进度填报 and 审核: the lead unit reports a period (status of each node, narrative, percentage, problems, requests
 * for co-ordination); the plan owner approves or returns it with a reason; approving a report that asks to close
 * the task (or with close) closes it (办结/销号). Attachments are type-checked by content and size-limited.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../../db/client';
import { getSettings } from '../../db/supervision/settings';
import { getAttachment, getReport, insertAttachment, insertReport, liveReportFor, reviewReport } from '../../db/supervision/reports';
import { getTask, markNodesDone, moveTask, nodesOf } from '../../db/supervision/tasks';
import { mayActForUnit } from '../../domain/access/roles';
import type { TaskReport } from '../../domain/supervision/model';
import { periodContaining, isPeriodCode } from '../../domain/supervision/reportingPeriods';
import { NODE_STATUSES, type NodeStatus } from '../../domain/supervision/terms';
import { nextReportState, nextTaskState, taskActionFrom, type ReviewDecision } from '../../domain/supervision/workflow';
import { audit, type AuditContext } from '../access/audit';
import { BadRequestError, ConflictError, ForbiddenError, NotFoundError } from '../errors';
import { actorOf, requireLeadMember, requireSees, requireSupervisor } from './actor';
import type { SupervisionEnv } from './settings';

export interface ReportInput {
  period: string;
  narrative: string;
  percent?: number | undefined;
  problems?: string | undefined;
  coordination?: string | undefined;
  nodes?: Array<{ nodeId: number; status: NodeStatus; note?: string | undefined }> | undefined;
  close?: boolean | undefined;
}

/** Attachments a government office sends: PDF, Word, Excel, images. Recognised by their first bytes, not their name. */
const TYPES: Array<{ ext: string[]; type: string; magic: (b: Buffer) => boolean }> = [
  { ext: ['.pdf'], type: 'application/pdf', magic: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  { ext: ['.docx'], type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: (b) => b[0] === 0x50 && b[1] === 0x4b },
  { ext: ['.xlsx'], type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: (b) => b[0] === 0x50 && b[1] === 0x4b },
  { ext: ['.png'], type: 'image/png', magic: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { ext: ['.jpg', '.jpeg'], type: 'image/jpeg', magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
];
export const ATTACHMENT_TYPES = TYPES.flatMap((t) => t.ext);

export const reportsService = {
  async submit(database: Database, taskId: number, input: ReportInput, ctx: AuditContext, now = new Date()): Promise<TaskReport> {
    const id = await database.db.transaction(async (tx) => {
      const actor = await actorOf(tx, ctx.principal);
      const task = requireSees(actor, await getTask(tx, taskId), taskId);
      const unitId = requireLeadMember(actor, task);
      const to = nextTaskState(task.state, 'report');
      if (!to.ok) throw new ConflictError(`task ${taskId}: ${to.error}`);
      const settings = await getSettings(tx, task.planId);
      const today = now.toISOString().slice(0, 10);
      const problems: string[] = [];
      if (!isPeriodCode(settings.cycle, input.period)) problems.push(`period: "${input.period}" is not a ${settings.cycle} period (e.g. ${periodContaining(settings.cycle, today, 0).code})`);
      else if (input.period > periodContaining(settings.cycle, today, 0).code) problems.push(`period: ${input.period} has not started yet`);
      if (input.narrative.trim() === '') problems.push('narrative: required');
      if (input.percent !== undefined && (input.percent < 0 || input.percent > 100)) problems.push('percent: between 0 and 100');
      const nodes = nodesOf(tx, [taskId]).then((m) => new Set((m.get(taskId) ?? []).map((n) => n.id)));
      const known = await nodes;
      for (const n of input.nodes ?? []) {
        if (!known.has(n.nodeId)) problems.push(`nodes: node ${n.nodeId} is not a node of task ${taskId}`);
        if (!NODE_STATUSES.includes(n.status)) problems.push(`nodes: unknown status ${n.status}`);
      }
      if (problems.length > 0) throw new BadRequestError(problems.join('; '));
      const live = await liveReportFor(tx, taskId, input.period);
      if (live) throw new ConflictError(`task ${taskId} already has a ${live.state} report for ${input.period} (report ${live.id}); a new one is accepted only after it is returned`);
      const due = periodContaining(settings.cycle, `${input.period.slice(0, 4)}-${monthOf(input.period)}-01`, settings.dueDays).due;
      const reportId = await insertReport(tx, {
        taskId, unitId, periodCode: input.period, narrative: input.narrative.trim(), percent: input.percent ?? null, problems: input.problems?.trim() || null,
        coordination: input.coordination?.trim() || null, nodeStatuses: input.nodes ?? [], closeRequested: input.close === true, late: today > due, submittedBy: actor.principal.userId,
      });
      if (!(await moveTask(tx, taskId, taskActionFrom('report'), to.value, null))) throw new ConflictError(`task ${taskId} was changed meanwhile: reload it and try again`);
      await audit(tx, ctx, { action: 'task.report', entity: 'task_report', entityId: reportId, newValue: { task: taskId, period: input.period, percent: input.percent ?? null, late: today > due, close: input.close === true } });
      return reportId;
    });
    return loaded(database, id);
  },

  async review(database: Database, reportId: number, input: { decision: ReviewDecision; comment?: string | undefined; close?: boolean | undefined }, ctx: AuditContext): Promise<TaskReport> {
    await database.db.transaction(async (tx) => {
      const actor = await actorOf(tx, ctx.principal);
      requireSupervisor(actor);
      const report = await getReport(tx, reportId);
      if (!report) throw new NotFoundError(`no task report ${reportId}`);
      const task = requireSees(actor, await getTask(tx, report.taskId), report.taskId);
      const to = nextReportState(report.state, input.decision);
      if (!to.ok) throw new ConflictError(`report ${reportId}: ${to.error}`);
      const comment = input.comment?.trim() || null;
      if (input.decision === 'return' && !comment) throw new BadRequestError('comment: say why the report is returned');
      if (!(await reviewReport(tx, { id: reportId, to: to.value, userId: actor.principal.userId, comment }))) throw new ConflictError(`report ${reportId} was reviewed by someone else at the same moment: reload`);
      const close = input.decision === 'approve' && (input.close ?? report.closeRequested);
      if (input.decision === 'approve') {
        await markNodesDone(tx, task.id, report.nodeStatuses.filter((n) => n.status === 'done').map((n) => n.nodeId), report.submittedAt.slice(0, 10));
      }
      if (close) {
        const closed = nextTaskState(task.state, 'close');
        if (!closed.ok) throw new ConflictError(`task ${task.id}: ${closed.error}`);
        if (!(await moveTask(tx, task.id, taskActionFrom('close'), closed.value, 'completedAt'))) throw new ConflictError(`task ${task.id} was changed meanwhile: reload`);
        await audit(tx, ctx, { action: 'task.close', entity: 'task', entityId: task.id, oldValue: { state: task.state }, newValue: { state: 'completed', report: reportId } });
      }
      await audit(tx, ctx, { action: `task_report.${input.decision}`, entity: 'task_report', entityId: reportId, oldValue: { state: report.state }, newValue: { state: to.value, comment } });
    });
    return loaded(database, reportId);
  },

  /** An attachment of a submitted report, by a member of the reporting unit. */
  async attach(database: Database, reportId: number, file: { name: string; data: Buffer }, ctx: AuditContext, env: SupervisionEnv): Promise<TaskReport> {
    const ext = path.extname(file.name).toLowerCase();
    const kind = TYPES.find((t) => t.ext.includes(ext));
    if (!kind) throw new BadRequestError(`${file.name}: type ${ext || '(none)'} is not accepted (${ATTACHMENT_TYPES.join(', ')})`);
    if (!kind.magic(file.data)) throw new BadRequestError(`${file.name}: the content is not a ${ext} file`);
    if (file.data.length > env.attachmentMaxBytes) throw new BadRequestError(`${file.name}: larger than ${env.attachmentMaxBytes} bytes`);
    const sha256 = createHash('sha256').update(file.data).digest('hex');
    await database.db.transaction(async (tx) => {
      const actor = await actorOf(tx, ctx.principal);
      const report = await getReport(tx, reportId);
      if (!report) throw new NotFoundError(`no task report ${reportId}`);
      requireSees(actor, await getTask(tx, report.taskId), report.taskId);
      if (!mayActForUnit(actor.principal, actor.units, report.unitId)) throw new ForbiddenError('only the reporting unit adds attachments to its report');
      if (report.state !== 'submitted') throw new ConflictError(`report ${reportId} is ${report.state}: attachments are added while it waits for review`);
      let stored: { data: Buffer | null; path: string | null } = { data: file.data, path: null };
      if (env.attachmentsDir) {
        await mkdir(env.attachmentsDir, { recursive: true });
        const name = `${randomUUID()}${ext}`;
        await writeFile(path.join(env.attachmentsDir, name), file.data, { flag: 'wx' });
        stored = { data: null, path: name };
      }
      const id = await insertAttachment(tx, { reportId, fileName: path.basename(file.name), contentType: kind.type, size: file.data.length, sha256, ...stored, createdBy: actor.principal.userId });
      await audit(tx, ctx, { action: 'task_report.attach', entity: 'task_attachment', entityId: id, newValue: { report: reportId, file: file.name, size: file.data.length, sha256 } });
    });
    return loaded(database, reportId);
  },

  async attachment(database: Database, id: number, ctx: AuditContext, env: SupervisionEnv): Promise<{ fileName: string; contentType: string; data: Buffer }> {
    const a = await getAttachment(database.db, id);
    if (!a) throw new NotFoundError(`no attachment ${id}`);
    const actor = await actorOf(database.db, ctx.principal);
    requireSees(actor, await getTask(database.db, a.taskId), a.taskId);
    if (a.data) return { fileName: a.fileName, contentType: a.contentType, data: a.data };
    if (!a.path || !env.attachmentsDir) throw new NotFoundError(`attachment ${id} is stored in a folder that is not configured (ATTACHMENTS_DIR)`);
    return { fileName: a.fileName, contentType: a.contentType, data: await readFile(path.join(env.attachmentsDir, path.basename(a.path))) };
  },
};

/** The first month of a period code (2024-03 → 03, 2024Q2 → 04, 2024H2 → 07). */
function monthOf(code: string): string {
  const q = /Q([1-4])$/.exec(code);
  const h = /H([12])$/.exec(code);
  const m = q ? Number(q[1]) * 3 - 2 : h ? Number(h[1]) * 6 - 5 : Number(code.slice(5, 7));
  return String(m).padStart(2, '0');
}

async function loaded(database: Database, id: number): Promise<TaskReport> {
  const r = await getReport(database.db, id);
  if (!r) throw new NotFoundError(`no task report ${id}`);
  return r;
}
