/**
 * The direct approval of a draft (submit and approve as one step): ONE conditional UPDATE like every approval write
 * (db/approval.ts), applied only while the figure still has the version the approver saw and is a draft. The
 * approver stands as both submitter and decider, so the figure's history says who took the step.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { ApprovalState } from '../domain/observation/approval';
import type { Db } from './client';
import { observations } from './schema';

export async function applyDirectApproval(
  db: Db,
  t: { id: number; version: number; from: readonly ApprovalState[]; userId: number; comment: string | null },
): Promise<boolean> {
  const rows = await db
    .update(observations)
    .set({
      approvalState: 'approved', approvalVersion: sql`${observations.approvalVersion} + 1`, decisionComment: t.comment,
      submittedBy: t.userId, submittedAt: sql`now()`, decidedBy: t.userId, decidedAt: sql`now()`,
    })
    .where(and(eq(observations.id, t.id), eq(observations.approvalVersion, t.version), inArray(observations.approvalState, [...t.from])))
    .returning({ id: observations.id });
  return rows.length === 1;
}

/** The figures of one import batch that are still drafts, with their versions (the wizard's "approve all"). */
export async function draftsOfBatch(db: Db, batchId: number): Promise<Array<{ id: number; version: number }>> {
  return db
    .select({ id: observations.id, version: observations.approvalVersion })
    .from(observations)
    .where(and(eq(observations.importBatchId, batchId), eq(observations.approvalState, 'draft')))
    .orderBy(observations.id);
}
