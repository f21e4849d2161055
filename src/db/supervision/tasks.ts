/** Queries on tasks: derived from plan items, read with the item's text, assigned, moved through the workflow. */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { TaskNode, TaskRecord } from '../../domain/supervision/model';
import type { TaskKind, TaskState } from '../../domain/supervision/terms';
import type { Db } from '../client';
import { queryRows } from '../raw';
import { taskCoUnits, taskNodes, tasks } from '../schema';

/**
 * Makes every measure, project, base and park of a plan a task (one per item; existing tasks keep their records).
 * Call inside the plan's load transaction. An item removed from a reloaded plan keeps its task and its history.
 */
export async function syncPlanTasks(db: Db, planId: string): Promise<void> {
  await db.execute(sql`
    insert into tasks (plan_id, item_key, kind, start_date, deadline, indicator_codes)
    select i.plan_id, i.key, i.kind, make_date(p.period_start, 1, 1), make_date(p.period_end, 12, 31), i.indicator_codes
    from plan_items i join plans p on p.id = i.plan_id
    where i.plan_id = ${planId} and i.kind in ('measure', 'project', 'base', 'park')
    order by i.ordinal
    on conflict (plan_id, item_key) where item_key is not null do nothing`);
}

interface Row extends Record<string, unknown> {
  id: number;
  plan_id: string;
  item_key: string | null;
  parent_id: number | null;
  kind: string;
  title_zh: string | null;
  title_en: string | null;
  chapter_no: string | null;
  chapter_zh: string | null;
  chapter_en: string | null;
  column_no: string | null;
  field_zh: string | null;
  field_en: string | null;
  region_codes: string[] | null;
  lead_unit_id: number | null;
  co_unit_ids: number[] | null;
  state: string;
  start_date: string | null;
  deadline: string | null;
  indicator_codes: string[];
  assigned_at: Date | string | null;
  accepted_at: Date | string | null;
  completed_at: Date | string | null;
  version: number;
}

const iso = (v: Date | string | null): string | null => (v === null ? null : new Date(v).toISOString());
const day = (v: string | Date | null): string | null => (v === null ? null : typeof v === 'string' ? v.slice(0, 10) : v.toISOString().slice(0, 10));

function toTask(r: Row): TaskRecord {
  const key = r.item_key ?? `#${r.id}`;
  return {
    id: r.id,
    planId: r.plan_id,
    itemKey: r.item_key,
    parentId: r.parent_id,
    kind: r.kind as TaskKind,
    title: { zh: r.title_zh ?? key, en: r.title_en ?? r.title_zh ?? key },
    chapter: r.chapter_no === null ? null : { number: r.chapter_no, title: { zh: r.chapter_zh ?? '', en: r.chapter_en ?? '' } },
    column: r.column_no,
    field: r.field_zh !== null && r.field_en !== null ? { zh: r.field_zh, en: r.field_en } : null,
    regions: r.region_codes ?? [],
    leadUnitId: r.lead_unit_id,
    coUnitIds: r.co_unit_ids ?? [],
    state: r.state as TaskState,
    startDate: day(r.start_date),
    deadline: day(r.deadline),
    indicatorCodes: r.indicator_codes,
    assignedAt: iso(r.assigned_at),
    acceptedAt: iso(r.accepted_at),
    completedAt: iso(r.completed_at),
    version: r.version,
  };
}

/** Tasks of a plan (or the given ids) with their plan item's title, chapter, 专栏, field and regions. */
export async function taskRecords(db: Db, where: { planId: string } | { ids: readonly number[] }): Promise<TaskRecord[]> {
  if ('ids' in where && where.ids.length === 0) return [];
  const filter = 'planId' in where ? sql`t.plan_id = ${where.planId}` : sql`t.id in (${sql.join(where.ids.map((i) => sql`${i}`), sql`, `)})`;
  const rows = await queryRows<Row>(
    db,
    sql`select t.id, t.plan_id, t.item_key, t.parent_id, t.kind,
          coalesce(t.title_zh, i.title_zh) as title_zh, coalesce(t.title_en, i.title_en) as title_en,
          i.location->>'chapter' as chapter_no, c.title_zh as chapter_zh, c.title_en as chapter_en, i.location->>'column' as column_no,
          i.field_zh, i.field_en, i.region_codes, t.lead_unit_id,
          co.ids as co_unit_ids,
          t.state, t.start_date::text as start_date, t.deadline::text as deadline, t.indicator_codes, t.assigned_at, t.accepted_at, t.completed_at, t.version
        from tasks t
        left join tasks pt on pt.id = t.parent_id
        left join plan_items i on i.plan_id = t.plan_id and i.key = coalesce(t.item_key, pt.item_key)
        left join plan_items c on c.plan_id = t.plan_id and c.kind = 'chapter' and c.number = i.location->>'chapter'
        left join (select cu.task_id, array_agg(cu.unit_id order by cu.unit_id) as ids from task_co_units cu group by cu.task_id) co on co.task_id = t.id
        where ${filter}
        order by t.id`,
  );
  return rows.map(toTask);
}

export async function getTask(db: Db, id: number): Promise<TaskRecord | null> {
  return (await taskRecords(db, { ids: [id] }))[0] ?? null;
}

/** The task of a plan item. */
export async function taskIdOfItem(db: Db, planId: string, itemKey: string): Promise<number | null> {
  const rows = await db.select({ id: tasks.id }).from(tasks).where(and(eq(tasks.planId, planId), eq(tasks.itemKey, itemKey)));
  return rows[0]?.id ?? null;
}

export async function nodesOf(db: Db, taskIds: readonly number[]): Promise<Map<number, TaskNode[]>> {
  const out = new Map<number, TaskNode[]>();
  if (taskIds.length === 0) return out;
  const rows = await db.select().from(taskNodes).where(inArray(taskNodes.taskId, [...taskIds])).orderBy(asc(taskNodes.taskId), asc(taskNodes.ordinal));
  for (const r of rows) {
    const list = out.get(r.taskId) ?? [];
    list.push({ id: r.id, ordinal: r.ordinal, title: r.title, due: r.due, expectedOutput: r.expectedOutput, doneOn: r.doneOn });
    out.set(r.taskId, list);
  }
  return out;
}

/** Sets who does a task and its plan (nodes, co-operating units, indicators), moving it to `to` from one of `from`. */
export async function writeAssignment(
  db: Db,
  a: { id: number; from: readonly TaskState[]; to: TaskState; leadUnitId: number; coUnitIds: readonly number[]; startDate: string | null; deadline: string | null; indicatorCodes: readonly string[]; nodes: ReadonlyArray<{ title: string; due: string; expectedOutput: string | null }> },
): Promise<boolean> {
  const updated = await db
    .update(tasks)
    .set({ leadUnitId: a.leadUnitId, state: a.to, startDate: a.startDate, deadline: a.deadline, indicatorCodes: [...a.indicatorCodes], assignedAt: new Date(), version: sql`${tasks.version} + 1` })
    .where(and(eq(tasks.id, a.id), inArray(tasks.state, [...a.from])))
    .returning({ id: tasks.id });
  if (updated.length === 0) return false;
  await db.delete(taskCoUnits).where(eq(taskCoUnits.taskId, a.id));
  if (a.coUnitIds.length > 0) await db.insert(taskCoUnits).values(a.coUnitIds.map((unitId) => ({ taskId: a.id, unitId })));
  await db.delete(taskNodes).where(eq(taskNodes.taskId, a.id));
  if (a.nodes.length > 0) await db.insert(taskNodes).values(a.nodes.map((n, ordinal) => ({ taskId: a.id, ordinal, title: n.title, due: n.due, expectedOutput: n.expectedOutput })));
  return true;
}

/** A sub-task (任务分解), created already assigned (交办) to its lead unit. */
export async function insertSubtask(db: Db, s: { planId: string; parentId: number; title: { zh: string; en: string | null }; leadUnitId: number; startDate: string | null; deadline: string | null; indicatorCodes: readonly string[] }): Promise<number> {
  const rows = await db
    .insert(tasks)
    .values({ planId: s.planId, parentId: s.parentId, kind: 'subtask', titleZh: s.title.zh, titleEn: s.title.en, leadUnitId: s.leadUnitId, state: 'assigned', startDate: s.startDate, deadline: s.deadline, indicatorCodes: [...s.indicatorCodes], assignedAt: new Date() })
    .returning({ id: tasks.id });
  const id = rows[0]?.id;
  if (id === undefined) throw new Error('sub-task was not created');
  return id;
}

/** One workflow step as a conditional UPDATE: false when the task is no longer in a state the step starts from. */
export async function moveTask(db: Db, id: number, from: readonly TaskState[], to: TaskState, stamp: 'acceptedAt' | 'completedAt' | null): Promise<boolean> {
  const rows = await db
    .update(tasks)
    .set({ state: to, version: sql`${tasks.version} + 1`, ...(stamp ? { [stamp]: new Date() } : {}) })
    .where(and(eq(tasks.id, id), inArray(tasks.state, [...from])))
    .returning({ id: tasks.id });
  return rows.length > 0;
}

/** Marks nodes done on a day (an approved report said so); nodes already done keep their day. */
export async function markNodesDone(db: Db, taskId: number, nodeIds: readonly number[], on: string): Promise<void> {
  if (nodeIds.length === 0) return;
  await db.update(taskNodes).set({ doneOn: on }).where(and(eq(taskNodes.taskId, taskId), inArray(taskNodes.id, [...nodeIds]), sql`${taskNodes.doneOn} is null`));
}

/** The sub-tasks of a task. */
export async function childTaskIds(db: Db, parentId: number): Promise<number[]> {
  const rows = await db.select({ id: tasks.id }).from(tasks).where(eq(tasks.parentId, parentId)).orderBy(asc(tasks.id));
  return rows.map((r) => r.id);
}
