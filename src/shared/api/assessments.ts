/** 定性评估: assessments of qualitative targets. */
import { z } from 'zod';

export const ASSESSMENTS_API = ['achieved', 'largely_achieved', 'on_track', 'at_risk', 'not_achieved'] as const;

export const assessmentParams = z.object({ planId: z.string(), code: z.string() });

export const assessmentBody = z.object({
  targetYear: z.number().int().min(1949).max(2100),
  assessment: z.enum(ASSESSMENTS_API).describe('achieved 已实现 | largely_achieved 基本实现 | on_track 进展顺利 | at_risk 进展滞后 | not_achieved 未实现'),
  evidence: z.string().trim().min(1).max(4000).describe('佐证材料: what the judgement rests on'),
  assessedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().describe('the day of the judgement (default today)'),
});

export const assessmentDto = z.object({
  id: z.number().int(),
  planId: z.string(),
  indicatorCode: z.string(),
  targetYear: z.number().int(),
  assessment: z.enum(ASSESSMENTS_API),
  evidence: z.string(),
  assessedOn: z.string(),
  assessedBy: z.string(),
  enteredAt: z.string(),
});

export type AssessmentDto = z.infer<typeof assessmentDto>;
