/**
 * 定性评估: a planner records how a qualitative target (基本建成…) stands, with its evidence. The record is a new row
 * (history kept, never edited) and is audited in the same transaction. Only a qualitative target of the plan can be
 * assessed, for its own year.
 */
import type { Database } from '../../db/client';
import { getPlan, listPlanIndicators } from '../../db/plans';
import { insertAssessment, listAssessments, type StoredAssessment } from '../../db/qualitative';
import type { Assessment } from '../../domain/evaluation/qualitative';
import { audit, type AuditContext } from '../access/audit';
import { BadRequestError, NotFoundError } from '../errors';

export interface AssessmentInput {
  targetYear: number;
  assessment: Assessment;
  evidence: string;
  /** The day of the judgement (default today); an evaluation as of an earlier day does not see it. */
  assessedOn?: string;
}

export async function recordAssessment(database: Database, ctx: AuditContext, planId: string, code: string, input: AssessmentInput): Promise<StoredAssessment> {
  const today = new Date().toISOString().slice(0, 10);
  const assessedOn = input.assessedOn ?? today;
  if (assessedOn > today) throw new BadRequestError(`assessedOn: ${assessedOn} is in the future (today is ${today})`);
  return database.db.transaction(async (tx) => {
    if (!(await getPlan(tx, planId))) throw new NotFoundError(`no plan with id "${planId}"`);
    const indicator = (await listPlanIndicators(tx, planId)).find((i) => i.code === code);
    if (!indicator) throw new NotFoundError(`plan ${planId} has no indicator ${code}`);
    const qualitative = indicator.targets.filter((t) => t.kind === 'qualitative');
    if (!qualitative.some((t) => t.year === input.targetYear)) {
      const years = qualitative.map((t) => t.year);
      throw new BadRequestError(
        years.length === 0 ? `targetYear: ${code} has no qualitative target (its targets are judged on figures)` : `targetYear: ${code} has qualitative targets for ${years.join(', ')}, not ${input.targetYear}`,
      );
    }
    const who = ctx.principal;
    const assessedBy = who.kind === 'user' ? who.username : who.kind === 'system' ? who.name : 'anonymous';
    const row = await insertAssessment(tx, { planId, indicatorCode: code, targetYear: input.targetYear, assessment: input.assessment, evidence: input.evidence, assessedOn, assessedBy });
    await audit(tx, ctx, { action: 'qualitative_assessed', entity: 'qualitative_assessment', entityId: row.id, newValue: { planId, indicatorCode: code, targetYear: input.targetYear, assessment: input.assessment, assessedOn } });
    return row;
  });
}

export const assessmentsOf = (database: Database, planId: string, code: string): Promise<StoredAssessment[]> => listAssessments(database.db, planId, code);
