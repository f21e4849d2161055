import { describe, expect, it } from 'vitest';
import { escalated, nextNoticeState, nextReportState, nextTaskState, noticeMissed } from './workflow';
import { TASK_STATES, type TaskState } from './terms';

describe('task workflow 交办 → 签收 → 填报 → 办结', () => {
  const table: Array<[TaskState, 'assign' | 'accept' | 'report' | 'close', TaskState | null]> = [];
  const allowed: Record<string, TaskState> = {
    'unassigned assign': 'assigned', 'assigned assign': 'assigned', 'assigned accept': 'accepted',
    'accepted report': 'in_progress', 'in_progress report': 'in_progress', 'in_progress close': 'completed',
  };
  for (const s of TASK_STATES) for (const a of ['assign', 'accept', 'report', 'close'] as const) table.push([s, a, allowed[`${s} ${a}`] ?? null]);
  it.each(table)('%s + %s → %s', (from, action, to) => {
    const r = nextTaskState(from, action);
    if (to === null) expect(r.ok).toBe(false);
    else expect(r).toEqual({ ok: true, value: to });
  });
  it('says why a step is refused', () => {
    expect(nextTaskState('assigned', 'report')).toEqual({ ok: false, error: 'cannot report this task: it is assigned but not yet accepted by its lead unit (签收 first)' });
  });
});

describe('report review and notices', () => {
  it('reviews a submitted report once', () => {
    expect(nextReportState('submitted', 'approve')).toEqual({ ok: true, value: 'approved' });
    expect(nextReportState('submitted', 'return')).toEqual({ ok: true, value: 'returned' });
    expect(nextReportState('approved', 'return').ok).toBe(false);
    expect(nextReportState('returned', 'approve').ok).toBe(false);
  });
  it('takes a reply, a review, and a reply again after a return', () => {
    expect(nextNoticeState('issued', 'reply')).toEqual({ ok: true, value: 'replied' });
    expect(nextNoticeState('replied', 'return')).toEqual({ ok: true, value: 'returned' });
    expect(nextNoticeState('returned', 'reply')).toEqual({ ok: true, value: 'replied' });
    expect(nextNoticeState('issued', 'accept').ok).toBe(false);
    expect(nextNoticeState('accepted', 'reply').ok).toBe(false);
  });
  it('counts a notice missed when its reply day passed without a reply, and escalates after the second miss', () => {
    const due = { replyBy: '2024-05-10', repliedOn: null, state: 'issued' as const };
    expect(noticeMissed(due, '2024-05-10')).toBe(false);
    expect(noticeMissed(due, '2024-05-11')).toBe(true);
    expect(noticeMissed({ ...due, state: 'replied', repliedOn: '2024-05-09' }, '2024-06-01')).toBe(false);
    expect(noticeMissed({ ...due, state: 'accepted', repliedOn: '2024-05-12' }, '2024-06-01')).toBe(true);
    expect(escalated([due], '2024-06-01')).toBe(false);
    expect(escalated([due, { ...due, replyBy: '2024-05-20' }], '2024-06-01')).toBe(true);
  });
});
