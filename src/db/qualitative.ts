/** 定性评估: the assessments planners record for qualitative targets (a new judgement is a new row). */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from './client';
import { qualitativeAssessments } from './schema';
import type { Assessment, RecordedAssessment } from '../domain/evaluation/qualitative';

export interface StoredAssessment extends RecordedAssessment {
  id: number;
  planId: string;
  indicatorCode: string;
  targetYear: number;
  enteredAt: string;
}

export async function insertAssessment(
  db: Db,
  a: { planId: string; indicatorCode: string; targetYear: number; assessment: Assessment; evidence: string; assessedOn: string; assessedBy: string },
): Promise<StoredAssessment> {
  const [row] = await db.insert(qualitativeAssessments).values(a).returning();
  if (!row) throw new Error('INSERT … RETURNING gave no row');
  return toStored(row);
}

/** Every assessment of a plan (or of one indicator), oldest first. */
export async function listAssessments(db: Db, planId: string, indicatorCode?: string): Promise<StoredAssessment[]> {
  const where = indicatorCode ? and(eq(qualitativeAssessments.planId, planId), eq(qualitativeAssessments.indicatorCode, indicatorCode)) : eq(qualitativeAssessments.planId, planId);
  const rows = await db.select().from(qualitativeAssessments).where(where).orderBy(asc(qualitativeAssessments.assessedOn), asc(qualitativeAssessments.id));
  return rows.map(toStored);
}

function toStored(r: typeof qualitativeAssessments.$inferSelect): StoredAssessment {
  return {
    id: r.id,
    planId: r.planId,
    indicatorCode: r.indicatorCode,
    targetYear: r.targetYear,
    assessment: r.assessment as Assessment,
    evidence: r.evidence,
    assessedOn: r.assessedOn,
    assessedBy: r.assessedBy,
    enteredAt: r.enteredAt.toISOString(),
  };
}
