/** Approvals that flow (issue 15): each figure's allowed actions, bulk decisions, approving an import batch. */
import { z } from 'zod';
import { FIGURE_ACTIONS } from '../../domain/observation/actions';
import { observation } from './observations';

export const figureAction = z.enum(FIGURE_ACTIONS);

/** A figure with the actions the signed-in person may take on it now (a page offers only these). */
export const figureWithActions = observation.extend({
  actions: z.array(figureAction).describe('what you may do with this figure now: submit, approve (a draft: directly, when the four-eyes rule allows), reject, edit, correct, withdraw'),
});

/** GET /api/observations/{id}/actions: what the signed-in person may do with one figure now. */
export const figureActionsResponse = z.object({ id: z.number().int(), actions: z.array(figureAction) });

export const bulkDecisionBody = z.object({
  action: z.enum(['submit', 'approve', 'reject']),
  items: z.array(z.object({ id: z.number().int().min(1), version: z.number().int().min(1) })).min(1).max(1000).describe('the figures and the versions you saw'),
  comment: z.string().max(2000).optional().describe('one comment for all; required to reject (return)'),
});
export const bulkDecisionResponse = z.object({ items: z.array(observation) });

export const batchParams = z.object({ batchId: z.coerce.number().int().min(1).max(2_147_483_647) });
export const approveBatchBody = z.object({ comment: z.string().max(2000).optional() });

export type FigureWithActionsDto = z.infer<typeof figureWithActions>;
export type FigureActionDto = z.infer<typeof figureAction>;
