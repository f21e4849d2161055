/**
 * Task use cases: the board and one task's page (read), 交办 (assign, with the task's decomposition into nodes,
 * co-operating units and indicators), 签收 (accept), and 任务分解 (sub-tasks). Each write is one transaction with
 * its audit entry; a step the workflow does not allow now is a conflict (409) and changes nothing.
 */
import type { Database, Db } from '../../db/client';
import { listNotices } from '../../db/supervision/notices';
import { listReports } from '../../db/supervision/reports';
import { childTaskIds, getTask, insertSubtask, moveTask, nodesOf, writeAssignment } from '../../db/supervision/tasks';
import { allUnits } from '../../db/supervision/units';
import { listPlanIndicators } from '../../db/plans';
import { isIsoDay } from '../../domain/supervision/dates';
import type { TaskNode, TaskNotice, TaskReport } from '../../domain/supervision/model';
import { nextTaskState, taskActionFrom } from '../../domain/supervision/workflow';
import { audit, type AuditContext } from '../access/audit';
import { BadRequestError, ConflictError } from '../errors';
import { actorOf, requireLeadMember, requireSees, requireSupervisor, sees } from './actor';
import { loadBoard, type TaskView } from './board';
import { concurrently } from '../../db/concurrently';

export interface TaskPlanInput {
  leadUnit: number;
  coUnits?: number[] | undefined;
  startDate?: string | undefined;
  deadline?: string | undefined;
  indicators?: string[] | undefined;
  nodes?: Array<{ title: string; due: string; expectedOutput?: string | undefined }> | undefined;
}

export interface TaskDetail {
  task: TaskView;
  parent: { id: number; title: TaskView['title'] } | null;
  nodes: TaskNode[];
  reports: TaskReport[];
  notices: TaskNotice[];
  subtasks: TaskView[];
  /** What the asking user may do on this page (the web shows only these actions). */
  abilities: { supervise: boolean; actForLead: boolean };
}

export const tasksService = {
  async detail(database: Database, id: number, ctx: AuditContext, at?: Date): Promise<TaskDetail> {
    const { db } = database;
    const actor = await actorOf(db, ctx.principal);
    const record = requireSees(actor, await getTask(db, id), id);
    // Only this task, its parent and its sub-tasks: a task page does not read the whole plan's board.
    const ids = [id, ...(record.parentId === null ? [] : [record.parentId]), ...(await childTaskIds(db, id))];
    const board = await loadBoard(database, record.planId, { taskIds: ids, ...(at ? { at } : {}) });
    const task = board.tasks.find((t) => t.id === id);
    if (!task) throw new ConflictError(`task ${id} changed meanwhile: reload`);
    const [nodes, reports, notices] = await concurrently(db, [() => nodesOf(db, [id]), () => listReports(db, { taskIds: [id] }), () => listNotices(db, { taskIds: [id] })]);
    const parent = task.parentId === null ? null : (board.tasks.find((t) => t.id === task.parentId) ?? null);
    return {
      task,
      parent: parent ? { id: parent.id, title: parent.title } : null,
      nodes: nodes.get(id) ?? [],
      reports,
      notices,
      subtasks: board.tasks.filter((t) => t.parentId === id && sees(actor, t)),
      abilities: { supervise: actor.supervises, actForLead: task.leadUnitId !== null && (actor.principal.role === 'admin' || actor.units.includes(task.leadUnitId)) },
    };
  },

  /** 交办: who leads, who co-operates, by when, through which nodes, for which indicators. */
  async assign(database: Database, id: number, input: TaskPlanInput, ctx: AuditContext): Promise<TaskDetail> {
    await database.db.transaction(async (tx) => {
      const actor = await actorOf(tx, ctx.principal);
      requireSupervisor(actor);
      const task = requireSees(actor, await getTask(tx, id), id);
      const to = nextTaskState(task.state, 'assign');
      if (!to.ok) throw new ConflictError(`task ${id}: ${to.error}`);
      const plan = await checkPlanInput(tx, task.planId, input);
      if (!(await writeAssignment(tx, { id, from: taskActionFrom('assign'), to: to.value, ...plan, startDate: plan.startDate ?? task.startDate, deadline: plan.deadline ?? task.deadline, indicatorCodes: plan.indicatorCodes ?? task.indicatorCodes }))) throw stale(id);
      await audit(tx, ctx, { action: 'task.assign', entity: 'task', entityId: id, oldValue: { state: task.state, leadUnit: task.leadUnitId }, newValue: { state: to.value, ...input } });
    });
    return tasksService.detail(database, id, ctx);
  },

  /** 签收 by the lead unit. */
  async accept(database: Database, id: number, ctx: AuditContext): Promise<TaskDetail> {
    await database.db.transaction(async (tx) => {
      const actor = await actorOf(tx, ctx.principal);
      const task = requireSees(actor, await getTask(tx, id), id);
      requireLeadMember(actor, task);
      const to = nextTaskState(task.state, 'accept');
      if (!to.ok) throw new ConflictError(`task ${id}: ${to.error}`);
      if (!(await moveTask(tx, id, taskActionFrom('accept'), to.value, 'acceptedAt'))) throw stale(id);
      await audit(tx, ctx, { action: 'task.accept', entity: 'task', entityId: id, oldValue: { state: task.state }, newValue: { state: to.value } });
    });
    return tasksService.detail(database, id, ctx);
  },

  /** 任务分解: a sub-task with its own lead unit, co-operating units, nodes and indicators, assigned at once. */
  async addSubtask(database: Database, parentId: number, input: TaskPlanInput & { title: string; titleEn?: string | undefined }, ctx: AuditContext): Promise<TaskDetail> {
    const id = await database.db.transaction(async (tx) => {
      const actor = await actorOf(tx, ctx.principal);
      requireSupervisor(actor);
      const parent = requireSees(actor, await getTask(tx, parentId), parentId);
      if (parent.kind === 'subtask') throw new BadRequestError('a sub-task is not split further: add the sub-task to the plan item’s task');
      if (parent.state === 'completed') throw new ConflictError(`task ${parentId} is completed (已办结): no new sub-tasks`);
      const title = input.title.trim();
      if (title === '') throw new BadRequestError('title: required');
      const plan = await checkPlanInput(tx, parent.planId, input);
      const newId = await insertSubtask(tx, {
        planId: parent.planId, parentId, title: { zh: title, en: input.titleEn?.trim() || null }, leadUnitId: plan.leadUnitId,
        startDate: plan.startDate ?? parent.startDate, deadline: plan.deadline ?? parent.deadline, indicatorCodes: plan.indicatorCodes ?? parent.indicatorCodes,
      });
      await writeAssignment(tx, { id: newId, from: ['assigned'], to: 'assigned', ...plan, startDate: plan.startDate ?? parent.startDate, deadline: plan.deadline ?? parent.deadline, indicatorCodes: plan.indicatorCodes ?? parent.indicatorCodes });
      await audit(tx, ctx, { action: 'task.subtask', entity: 'task', entityId: newId, newValue: { parent: parentId, ...input } });
      return newId;
    });
    return tasksService.detail(database, id, ctx);
  },
};

const stale = (id: number) => new ConflictError(`task ${id} was changed by someone else at the same moment: reload it and try again`);

/** Checks units, days, nodes and indicators of a task's plan; every problem names its field. */
async function checkPlanInput(db: Db, planId: string, input: TaskPlanInput) {
  const problems: string[] = [];
  const units = new Set((await allUnits(db)).map((u) => u.id));
  if (!units.has(input.leadUnit)) problems.push(`leadUnit: no unit ${input.leadUnit}`);
  const co = [...new Set(input.coUnits ?? [])].filter((u) => u !== input.leadUnit);
  for (const u of co) if (!units.has(u)) problems.push(`coUnits: no unit ${u}`);
  for (const f of ['startDate', 'deadline'] as const) {
    const v = input[f];
    if (v !== undefined && !isIsoDay(v)) problems.push(`${f}: not a day (YYYY-MM-DD): "${v}"`);
  }
  if (input.startDate && input.deadline && input.deadline < input.startDate) problems.push('deadline: before the start date');
  (input.nodes ?? []).forEach((n, i) => {
    if (n.title.trim() === '') problems.push(`nodes[${i}].title: required`);
    if (!isIsoDay(n.due)) problems.push(`nodes[${i}].due: not a day (YYYY-MM-DD): "${n.due}"`);
  });
  if (input.indicators) {
    const known = new Set((await listPlanIndicators(db, planId)).map((i) => i.code));
    for (const c of input.indicators) if (!known.has(c)) problems.push(`indicators: ${c} is not an indicator of plan ${planId}`);
  }
  if (problems.length > 0) throw new BadRequestError(problems.join('; '));
  return {
    leadUnitId: input.leadUnit,
    coUnitIds: co,
    startDate: input.startDate ?? null,
    deadline: input.deadline ?? null,
    indicatorCodes: input.indicators ?? null,
    nodes: (input.nodes ?? []).map((n) => ({ title: n.title.trim(), due: n.due, expectedOutput: n.expectedOutput?.trim() || null })),
  };
}
