/**
 * 审核 approval of figures: draft (草稿) → submitted (已报送) → approved (已审核, locked) or rejected (已退回).
 * A rejected or draft figure may be edited (it stays or becomes a draft) and submitted again. A figure not yet
 * approved may be withdrawn (已撤回) by its writer — entered by mistake, sent twice: it is kept, as every figure is,
 * but counts nowhere and can no longer change. An approved figure
 * never changes: a correction is a new figure — a new vintage — that goes through the same steps.
 * Every change of state or content adds one to the figure's version: a writer who acted on an older version gets a
 * conflict instead of overwriting what another person did meanwhile (no lost update).
 */
import { err, ok, type Result } from '../result';
import type { LocalizedText } from '../text';

export const APPROVAL_STATES = ['draft', 'submitted', 'approved', 'rejected', 'withdrawn'] as const;
export type ApprovalState = (typeof APPROVAL_STATES)[number];

export const APPROVAL_STATE_LABELS: Record<ApprovalState, LocalizedText> = {
  draft: { zh: '草稿', en: 'draft' },
  submitted: { zh: '已报送', en: 'submitted' },
  approved: { zh: '已审核', en: 'approved' },
  rejected: { zh: '已退回', en: 'rejected' },
  withdrawn: { zh: '已撤回', en: 'withdrawn' },
};

export const APPROVAL_ACTIONS = ['submit', 'approve', 'reject', 'edit', 'withdraw'] as const;
export type ApprovalAction = (typeof APPROVAL_ACTIONS)[number];

const RULES: Record<ApprovalAction, { from: readonly ApprovalState[]; to: ApprovalState }> = {
  submit: { from: ['draft', 'rejected'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  reject: { from: ['submitted'], to: 'rejected' },
  edit: { from: ['draft', 'rejected'], to: 'draft' },
  withdraw: { from: ['draft', 'submitted', 'rejected'], to: 'withdrawn' },
};

/** The states an action may start from: the database applies the change only while the figure is in one of them. */
export const allowedFrom = (action: ApprovalAction): readonly ApprovalState[] => RULES[action].from;

/**
 * @example
 * nextState('submitted', 'approve') // ok('approved')
 * nextState('approved', 'edit')     // err('an approved figure is locked: …')
 */
export function nextState(current: ApprovalState, action: ApprovalAction): Result<ApprovalState> {
  const rule = RULES[action];
  if (rule.from.includes(current)) return ok(rule.to);
  if (current === 'approved') return err(`an approved figure is locked: it cannot be ${pastTense[action]}; enter a correction instead (a new vintage)`);
  return err(`a ${current} figure cannot be ${pastTense[action]} (only a ${rule.from.join(' or ')} one)`);
}

const pastTense: Record<ApprovalAction, string> = { submit: 'submitted', approve: 'approved', reject: 'rejected', edit: 'edited', withdraw: 'withdrawn' };

/** Who did what to a stored figure, and when (user names; ISO timestamps). */
export interface Approval {
  state: ApprovalState;
  version: number;
  enteredBy: string | null;
  submittedBy: string | null;
  submittedAt: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  comment: string | null;
  /** The approved figure this one corrects, if it is a correction. */
  corrects: number | null;
}

/** The states an evaluation reads when a planner includes drafts: everything but rejected figures. */
export const WITH_DRAFTS: readonly ApprovalState[] = ['approved', 'submitted', 'draft'];
