/**
 * 四眼原则 (four eyes): may a person approve a figure they entered themselves? The one place that decides it — the
 * approval of a submitted figure, an import or entry approved at once, and any later way to approve a draft directly
 * all ask `mayApproveOwn`. The rule is a setting (FOUR_EYES): `below-admin` (default) lets only an administrator
 * approve their own figures, `everyone` forbids it to all, `off` allows it to every approver.
 *
 * @example
 * mayApproveOwn(planner, 'below-admin') // false: a planner needs another approver
 */
import type { Principal } from './roles';

export const FOUR_EYES_RULES = ['below-admin', 'everyone', 'off'] as const;
export type FourEyesRule = (typeof FOUR_EYES_RULES)[number];

export function mayApproveOwn(who: Principal, rule: FourEyesRule): boolean {
  if (who.kind === 'system') return true;
  if (who.kind === 'public') return false;
  if (rule === 'off') return true;
  if (rule === 'everyone') return false;
  return who.role === 'admin';
}

/** Whether `who` may approve a figure entered by `enteredBy` (a user name; null: entered by the platform). */
export function mayApproveFigure(who: Principal, enteredBy: string | null, rule: FourEyesRule): boolean {
  const own = who.kind === 'user' && enteredBy !== null && enteredBy === who.username;
  return !own || mayApproveOwn(who, rule);
}
