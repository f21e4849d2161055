/**
 * The supervision workflow as pure transitions (交办 → 签收 → 办理/填报 → 审核 → 办结/销号), so the rules are
 * tested without a database and the services refuse a disallowed step with the reason (HTTP 409).
 */
import { err, ok, type Result } from '../result';
import type { NoticeState, ReportState, TaskState } from './terms';

export type TaskAction = 'assign' | 'accept' | 'report' | 'close';

const TASK_FROM: Record<TaskAction, readonly TaskState[]> = {
  // 交办, or 改派 (re-assign) before the unit has signed for it.
  assign: ['unassigned', 'assigned'],
  // 签收 by the lead unit.
  accept: ['assigned'],
  // 办理/填报: the unit reports once it has signed for the task.
  report: ['accepted', 'in_progress'],
  // 办结/销号, by approving a closing report.
  close: ['in_progress'],
};
const TASK_TO: Record<TaskAction, TaskState> = { assign: 'assigned', accept: 'accepted', report: 'in_progress', close: 'completed' };

const WHY: Record<TaskState, string> = {
  unassigned: 'it is not assigned yet (交办 first)',
  assigned: 'it is assigned but not yet accepted by its lead unit (签收 first)',
  accepted: 'it is accepted and has no report yet',
  in_progress: 'it is in progress',
  completed: 'it is completed (已办结)',
};

/** The task state after an action, or why the action is not allowed now. */
export function nextTaskState(from: TaskState, action: TaskAction): Result<TaskState> {
  if (!TASK_FROM[action].includes(from)) return err(`cannot ${action} this task: ${WHY[from]}`);
  return ok(TASK_TO[action]);
}

/** The states an action may start from (for the conditional UPDATE that makes two people acting at once safe). */
export const taskActionFrom = (action: TaskAction): readonly TaskState[] => TASK_FROM[action];

export type ReviewDecision = 'approve' | 'return';

/** 审核 of a progress report: only a submitted report is reviewed, once. */
export function nextReportState(from: ReportState, decision: ReviewDecision): Result<ReportState> {
  if (from !== 'submitted') return err(`the report is already ${from === 'approved' ? 'approved' : 'returned'}: it was reviewed before`);
  return ok(decision === 'approve' ? 'approved' : 'returned');
}

export type NoticeAction = 'reply' | 'accept' | 'return';

const NOTICE_FROM: Record<NoticeAction, readonly NoticeState[]> = { reply: ['issued', 'returned'], accept: ['replied'], return: ['replied'] };
const NOTICE_TO: Record<NoticeAction, NoticeState> = { reply: 'replied', accept: 'accepted', return: 'returned' };

/** 督办单: the unit replies; the plan owner accepts the reply or returns it (the unit replies again). */
export function nextNoticeState(from: NoticeState, action: NoticeAction): Result<NoticeState> {
  if (!NOTICE_FROM[action].includes(from)) {
    return err(action === 'reply' ? `the notice is ${from}: no reply is expected now` : `the notice is ${from}: there is no reply to review`);
  }
  return ok(NOTICE_TO[action]);
}
export const noticeActionFrom = (action: NoticeAction): readonly NoticeState[] => NOTICE_FROM[action];

/**
 * A notice is missed when its reply day passed without a reply by then (a reply returned and not replied again in
 * time counts as missed too). After the second miss on a task the task is escalated (提级督办).
 */
export function noticeMissed(n: { replyBy: string; repliedOn: string | null; state: NoticeState }, today: string): boolean {
  if (n.state === 'accepted') return n.repliedOn !== null && n.repliedOn > n.replyBy;
  if (today <= n.replyBy) return false;
  return n.state !== 'replied' || n.repliedOn === null || n.repliedOn > n.replyBy;
}

export const ESCALATE_AFTER_MISSES = 2;

export function escalated(notices: ReadonlyArray<{ replyBy: string; repliedOn: string | null; state: NoticeState }>, today: string): boolean {
  return notices.filter((n) => noticeMissed(n, today)).length >= ESCALATE_AFTER_MISSES;
}
