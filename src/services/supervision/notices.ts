/**
 * 督办单: the plan owner issues a notice on a red task with a reply deadline; the lead unit replies; the plan owner
 * accepts the reply or returns it (the unit replies again). A second missed deadline escalates the task
 * (提级督办, domain/supervision/workflow.ts), which the board, reminders and reports show.
 */
import type { Database } from '../../db/client';
import { insertNotice, listNotices, moveNotice } from '../../db/supervision/notices';
import { getTask } from '../../db/supervision/tasks';
import { isIsoDay } from '../../domain/supervision/dates';
import type { TaskNotice } from '../../domain/supervision/model';
import { nextNoticeState, noticeActionFrom } from '../../domain/supervision/workflow';
import { audit, type AuditContext } from '../access/audit';
import { BadRequestError, ConflictError, NotFoundError } from '../errors';
import { actorOf, requireLeadMember, requireSees, requireSupervisor } from './actor';
import { loadBoard } from './board';

export const noticesService = {
  async issue(database: Database, taskId: number, input: { text: string; replyBy: string }, ctx: AuditContext, now = new Date()): Promise<TaskNotice> {
    const record = await getTask(database.db, taskId);
    const actor = await actorOf(database.db, ctx.principal);
    requireSupervisor(actor);
    const task = requireSees(actor, record, taskId);
    const today = now.toISOString().slice(0, 10);
    if (input.text.trim() === '') throw new BadRequestError('text: required');
    if (!isIsoDay(input.replyBy) || input.replyBy < today) throw new BadRequestError(`replyBy: a day from today on (YYYY-MM-DD), not "${input.replyBy}"`);
    const view = (await loadBoard(database, task.planId, { at: now, taskIds: [taskId] })).tasks[0];
    if (view?.light !== 'red') throw new ConflictError(`task ${taskId} is ${view?.light ?? 'unknown'}, not red: a supervision notice (督办单) is issued on a red task`);
    const id = await database.db.transaction(async (tx) => {
      const noticeId = await insertNotice(tx, { taskId, text: input.text.trim(), replyBy: input.replyBy, issuedBy: actor.principal.userId });
      await audit(tx, ctx, { action: 'task_notice.issue', entity: 'task_notice', entityId: noticeId, newValue: { task: taskId, replyBy: input.replyBy, reasons: view.reasons.map((r) => r.text.zh) } });
      return noticeId;
    });
    return loaded(database, id);
  },

  async reply(database: Database, id: number, text: string, ctx: AuditContext): Promise<TaskNotice> {
    return act(database, id, 'reply', ctx, text);
  },

  async review(database: Database, id: number, decision: 'accept' | 'return', comment: string | undefined, ctx: AuditContext): Promise<TaskNotice> {
    return act(database, id, decision, ctx, comment);
  },
};

async function act(database: Database, id: number, action: 'reply' | 'accept' | 'return', ctx: AuditContext, text: string | undefined): Promise<TaskNotice> {
  await database.db.transaction(async (tx) => {
    const notice = (await listNotices(tx, { ids: [id] }))[0];
    if (!notice) throw new NotFoundError(`no notice ${id}`);
    const actor = await actorOf(tx, ctx.principal);
    const task = requireSees(actor, await getTask(tx, notice.taskId), notice.taskId);
    if (action === 'reply') requireLeadMember(actor, task);
    else requireSupervisor(actor);
    const to = nextNoticeState(notice.state, action);
    if (!to.ok) throw new ConflictError(`notice ${id}: ${to.error}`);
    const body = text?.trim() ?? '';
    if (action === 'reply' && body === '') throw new BadRequestError('text: the reply is required');
    if (action === 'return' && body === '') throw new BadRequestError('comment: say why the reply is returned');
    const moved = action === 'reply'
      ? await moveNotice(tx, { id, from: noticeActionFrom(action), to: to.value, reply: body, userId: actor.principal.userId })
      : await moveNotice(tx, { id, from: noticeActionFrom(action), to: to.value, comment: body || null, userId: actor.principal.userId });
    if (!moved) throw new ConflictError(`notice ${id} was changed by someone else at the same moment: reload`);
    await audit(tx, ctx, { action: `task_notice.${action}`, entity: 'task_notice', entityId: id, oldValue: { state: notice.state }, newValue: { state: to.value, text: body || null } });
  });
  return loaded(database, id);
}

async function loaded(database: Database, id: number): Promise<TaskNotice> {
  const n = (await listNotices(database.db, { ids: [id] }))[0];
  if (!n) throw new NotFoundError(`no notice ${id}`);
  return n;
}
