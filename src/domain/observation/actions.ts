/**
 * What a person may do with a stored figure now, so a page offers only those buttons (a disallowed action is never
 * offered, instead of answering 409). The approval path itself is domain/observation/approval.ts; this adds the
 * direct approval of a draft (submit and approve as one audited step) that an approver may take when the four-eyes
 * rule lets them approve the figure (domain/access/fourEyes.ts).
 *
 * @example
 * figureActions({ state: 'draft', enteredBy: 'admin' }, admin, 'below-admin', true) // ['submit', 'approve', 'edit', 'withdraw']
 */
import { mayApproveFigure, type FourEyesRule } from '../access/fourEyes';
import { may, mayWriteRegion, type Principal } from '../access/roles';
import type { ApprovalState } from './approval';

export const FIGURE_ACTIONS = ['submit', 'approve', 'reject', 'edit', 'correct', 'withdraw'] as const;
export type FigureAction = (typeof FIGURE_ACTIONS)[number];

/** The states a direct approval starts from: a draft only (a rejected figure goes back to its writer first). */
export const DIRECT_APPROVAL_FROM: readonly ApprovalState[] = ['draft'];

export function figureActions(
  figure: { state: ApprovalState; enteredBy: string | null; regionCode: string },
  who: Principal,
  rule: FourEyesRule,
): FigureAction[] {
  if (who.kind !== 'user') return [];
  const writes = may(who, 'write:observations') && mayWriteRegion(who, figure.regionCode);
  const approves = may(who, 'approve:observations') && mayApproveFigure(who, figure.enteredBy, rule);
  const out: FigureAction[] = [];
  switch (figure.state) {
    case 'draft':
      if (writes) out.push('submit');
      if (approves) out.push('approve');
      if (writes) out.push('edit', 'withdraw');
      break;
    case 'rejected':
      if (writes) out.push('submit', 'edit', 'withdraw');
      break;
    case 'submitted':
      if (approves) out.push('approve');
      if (may(who, 'approve:observations')) out.push('reject');
      // The writer may take back what waits for a decision (sent by mistake, sent twice).
      if (writes) out.push('withdraw');
      break;
    case 'approved':
      if (writes) out.push('correct');
      break;
  }
  return out;
}
