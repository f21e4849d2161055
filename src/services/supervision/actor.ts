/** Who acts in supervision: the principal, the units they act for, and whether they supervise (plan owner). */
import type { Db } from '../../db/client';
import { unitIdsOfUser } from '../../db/supervision/units';
import { may, mayActForUnit, seesAllTasks, type Principal } from '../../domain/access/roles';
import type { TaskRecord } from '../../domain/supervision/model';
import { ForbiddenError, NotFoundError } from '../errors';

export interface Actor {
  principal: Extract<Principal, { kind: 'user' }>;
  units: number[];
  supervises: boolean;
  seesAll: boolean;
}

export async function actorOf(db: Db, who: Principal): Promise<Actor> {
  if (who.kind !== 'user') throw new ForbiddenError('sign in first');
  return { principal: who, units: await unitIdsOfUser(db, who.userId), supervises: may(who, 'supervise:tasks'), seesAll: seesAllTasks(who) };
}

/**
 * Whose tasks a reader sees: null when the policy lets this principal see every task without being a user (the
 * operator at the server's console, through the local admin channel — seesAllTasks), else the signed-in actor.
 */
export async function readerOf(db: Db, who: Principal): Promise<Actor | null> {
  return who.kind !== 'user' && seesAllTasks(who) ? null : actorOf(db, who);
}

/** A reporter sees the tasks its units lead or co-operate on. */
export const sees = (a: Actor, t: Pick<TaskRecord, 'leadUnitId' | 'coUnitIds'>): boolean =>
  a.seesAll || (t.leadUnitId !== null && a.units.includes(t.leadUnitId)) || t.coUnitIds.some((u) => a.units.includes(u));

/** A task out of a reporter's scope does not exist for it (404): its existence is not disclosed. */
export function requireSees(a: Actor, t: TaskRecord | null, id: number): TaskRecord {
  if (!t || !sees(a, t)) throw new NotFoundError(`no task ${id}`);
  return t;
}

export function requireSupervisor(a: Actor): void {
  if (!a.supervises) throw new ForbiddenError(`role ${a.principal.role} may not supervise tasks (交办, 审核, 督办)`);
}

/** 签收 and 填报 are the lead unit's: its members (or an administrator). */
export function requireLeadMember(a: Actor, t: TaskRecord): number {
  if (t.leadUnitId === null) throw new ForbiddenError(`task ${t.id} has no lead unit yet`);
  if (!mayActForUnit(a.principal, a.units, t.leadUnitId)) throw new ForbiddenError(`you do not act for the lead unit of task ${t.id}`);
  return t.leadUnitId;
}
