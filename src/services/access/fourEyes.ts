/**
 * The four-eyes rule in force (FOUR_EYES, read once at start): the approval use cases ask `requireFourEyes` before
 * approving a figure, whichever way it is approved — a submitted figure, figures imported or entered with
 * approve=true, or any later way to approve a draft directly. The rule itself is domain/access/fourEyes.ts.
 */
import { mayApproveFigure, mayApproveOwn, type FourEyesRule } from '../../domain/access/fourEyes';
import type { Principal } from '../../domain/access/roles';
import { ForbiddenError } from '../errors';

let rule: FourEyesRule = 'below-admin';

/** Sets the rule for this process (the server at start; tests). */
export function configureFourEyes(r: FourEyesRule): void {
  rule = r;
}

export const fourEyesRule = (): FourEyesRule => rule;

/** Throws 403 when `who` may not approve a figure entered by `enteredBy` (null: entered by the platform). */
export function requireFourEyes(who: Principal, enteredBy: string | null): void {
  if (!mayApproveFigure(who, enteredBy, rule)) {
    throw new ForbiddenError(`four eyes (FOUR_EYES=${rule}): you entered this figure, so another approver must approve it`);
  }
}

/** Throws 403 when `who` would approve figures of their own at entry (an import or entry with approve=true). */
export function requireFourEyesOnEntry(who: Principal): void {
  if (!mayApproveOwn(who, rule)) {
    throw new ForbiddenError(`four eyes (FOUR_EYES=${rule}): figures you enter land as drafts for another approver; approve=true is not yours to use`);
  }
}
