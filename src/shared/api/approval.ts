/** 审核: the approvals queue and decisions. */
import { z } from 'zod';
import { planEvaluation } from './evaluation';
import { figureWithActions } from './approvalFlow';
import { importReport, observation, stateList } from './observations';
// ── Approval ────────────────────────────────────────────────────────────────────────────────────────────

export const figureParams = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });
export const approvalsQuery = z.object({
  state: stateList.describe('states, comma-separated (default: submitted)'),
  plan: z.string().max(200).optional().describe('only the figures of this plan: its indicators, for its region and the regions within it'),
});
export const approvalsResponse = z.object({ items: z.array(figureWithActions) });
export const decisionBody = z.object({
  version: z.number().int().min(1).describe('the version you saw: a stale one gets 409'),
  comment: z.string().max(2000).optional().describe('required to reject'),
});
const changes = {
  value: z.number().finite().optional(),
  unit: z.string().min(1).max(40).optional(),
  quote: z.string().max(10_000).nullable().optional(),
  notes: z.string().max(10_000).nullable().optional(),
  status: z.string().max(40).optional(),
  publishedDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
};
export const editFigureBody = z.object({ version: z.number().int().min(1), ...changes });
export const correctionBody = z.object(changes);
export const figureResponse = z.object({ observation });

export type ObservationDto = z.infer<typeof observation>;
export type ImportReportDto = z.infer<typeof importReport>;
export type PlanEvaluationDto = z.infer<typeof planEvaluation>;

