/**
 * What the light rule needs about every task of a plan, read in three set-based queries (no per-task round trip):
 * the periods reported by the as-of moment, the latest percentage, and the notices. The board for 5,000 tasks × 12
 * reports reads ~60,000 report rows aggregated in PostgreSQL (bench/supervision-board.mts).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { NoticeState } from '../../domain/supervision/terms';
import type { Db } from '../client';
import { numericToNumber } from '../numeric';
import { queryRows } from '../raw';

/** All tasks of the plan, or only these. */
const only = (ids: readonly number[] | undefined): SQL => (ids === undefined ? sql`true` : ids.length === 0 ? sql`false` : sql`t.id in (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`);

export interface ReportFacts {
  /** Periods with a report in hand at the moment (submitted, or approved; a report returned later counts until then). */
  periods: Set<string>;
  anyReport: boolean;
  /** The newest percentage reported. */
  percent: number | null;
  /** Reports submitted after their due day. */
  late: number;
  /** Reports waiting for review. */
  pending: number;
}

export async function reportFacts(db: Db, planId: string, at: Date, taskIds?: readonly number[]): Promise<Map<number, ReportFacts>> {
  const rows = await queryRows<{ task_id: number; periods: string[] | null; n: number; pct: string | null; late: number; pending: number }>(
    db,
    sql`select r.task_id,
          array_agg(r.period_code) filter (where r.state <> 'returned' or r.reviewed_at > ${at}) as periods,
          count(*)::int as n,
          (array_agg(r.percent::text order by r.submitted_at desc) filter (where r.percent is not null and r.state <> 'returned'))[1] as pct,
          count(*) filter (where r.late)::int as late,
          count(*) filter (where r.state = 'submitted')::int as pending
        from task_reports r join tasks t on t.id = r.task_id
        where t.plan_id = ${planId} and r.submitted_at <= ${at} and ${only(taskIds)}
        group by r.task_id`,
  );
  return new Map(rows.map((r) => [r.task_id, { periods: new Set(r.periods ?? []), anyReport: r.n > 0, percent: numericToNumber(r.pct), late: r.late, pending: r.pending }]));
}

export interface NoticeFacts {
  replyBy: string;
  repliedOn: string | null;
  state: NoticeState;
}

export async function noticeFacts(db: Db, planId: string, at: Date, taskIds?: readonly number[]): Promise<Map<number, NoticeFacts[]>> {
  const rows = await queryRows<{ task_id: number; reply_by: string; replied_on: string | null; state: string }>(
    db,
    sql`select n.task_id, n.reply_by::text as reply_by, (n.replied_at at time zone 'UTC')::date::text as replied_on, n.state
        from task_notices n join tasks t on t.id = n.task_id
        where t.plan_id = ${planId} and n.issued_at <= ${at} and ${only(taskIds)}
        order by n.task_id, n.seq`,
  );
  const out = new Map<number, NoticeFacts[]>();
  for (const r of rows) {
    const list = out.get(r.task_id) ?? [];
    list.push({ replyBy: r.reply_by, repliedOn: r.replied_on, state: r.state as NoticeState });
    out.set(r.task_id, list);
  }
  return out;
}

/**
 * The nodes of every task of a plan that can colour a light on `today`: not done by then and due within `horizon`
 * days (overdue or due soon). Nodes done, or due later, cannot — reading only these keeps the board's read small.
 */
export async function nodeFacts(db: Db, planId: string, taskIds?: readonly number[], window?: { today: string; horizon: number }): Promise<Map<number, Array<{ title: string; due: string; doneOn: string | null }>>> {
  const open = window ? sql`(n.done_on is null or n.done_on > ${window.today}::date) and n.due <= ${window.today}::date + ${window.horizon}::int` : sql`true`;
  const rows = await queryRows<{ task_id: number; title: string; due: string; done_on: string | null }>(
    db,
    sql`select n.task_id, n.title, n.due::text as due, n.done_on::text as done_on from task_nodes n join tasks t on t.id = n.task_id
        where t.plan_id = ${planId} and ${only(taskIds)} and ${open} order by n.task_id, n.ordinal`,
  );
  const out = new Map<number, Array<{ title: string; due: string; doneOn: string | null }>>();
  for (const r of rows) {
    const list = out.get(r.task_id) ?? [];
    list.push({ title: r.title, due: r.due, doneOn: r.done_on });
    out.set(r.task_id, list);
  }
  return out;
}
