/** Queries on supervision notices (督办单). */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { TaskNotice } from '../../domain/supervision/model';
import type { NoticeState } from '../../domain/supervision/terms';
import type { Db } from '../client';
import { queryRows } from '../raw';
import { taskNotices } from '../schema';

/** Issues the task's next notice (seq 1, 2, …). */
export async function insertNotice(db: Db, n: { taskId: number; text: string; replyBy: string; issuedBy: number | null }): Promise<number> {
  const rows = await db
    .insert(taskNotices)
    .values({ ...n, seq: sql`(select coalesce(max(seq), 0) + 1 from task_notices where task_id = ${n.taskId})` })
    .returning({ id: taskNotices.id });
  const id = rows[0]?.id;
  if (id === undefined) throw new Error('notice was not issued');
  return id;
}

interface Row extends Record<string, unknown> {
  id: number;
  task_id: number;
  seq: number;
  text: string;
  reply_by: string;
  state: string;
  issued_by: string | null;
  issued_at: Date | string;
  reply_text: string | null;
  replied_by: string | null;
  replied_at: Date | string | null;
  review_comment: string | null;
  reviewed_at: Date | string | null;
}

export async function listNotices(db: Db, where: { taskIds: readonly number[] } | { ids: readonly number[] }): Promise<TaskNotice[]> {
  const list = 'taskIds' in where ? where.taskIds : where.ids;
  if (list.length === 0) return [];
  const column = 'taskIds' in where ? sql`n.task_id` : sql`n.id`;
  const rows = await queryRows<Row>(
    db,
    sql`select n.id, n.task_id, n.seq, n.text, n.reply_by::text as reply_by, n.state, iu.username as issued_by, n.issued_at, n.reply_text,
          ru.username as replied_by, n.replied_at, n.review_comment, n.reviewed_at
        from task_notices n left join users iu on iu.id = n.issued_by left join users ru on ru.id = n.replied_by
        where ${column} in (${sql.join(list.map((i) => sql`${i}`), sql`, `)})
        order by n.task_id, n.seq`,
  );
  const at = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());
  return rows.map((r) => ({
    id: r.id, taskId: r.task_id, seq: r.seq, text: r.text, replyBy: r.reply_by, state: r.state as NoticeState, issuedBy: r.issued_by, issuedAt: new Date(r.issued_at).toISOString(),
    replyText: r.reply_text, repliedBy: r.replied_by, repliedAt: at(r.replied_at), reviewComment: r.review_comment, reviewedAt: at(r.reviewed_at),
  }));
}

/** A reply, or its review, as a conditional UPDATE: false when the notice moved meanwhile. */
export async function moveNotice(
  db: Db,
  m: { id: number; from: readonly NoticeState[]; to: NoticeState } & ({ reply: string; userId: number } | { comment: string | null; userId: number }),
): Promise<boolean> {
  const set = 'reply' in m ? { state: m.to, replyText: m.reply, repliedBy: m.userId, repliedAt: new Date() } : { state: m.to, reviewComment: m.comment, reviewedBy: m.userId, reviewedAt: new Date() };
  const rows = await db.update(taskNotices).set(set).where(and(eq(taskNotices.id, m.id), inArray(taskNotices.state, [...m.from]))).returning({ id: taskNotices.id });
  return rows.length > 0;
}
