/** 数据质量: the rule results an import report carries per row (a file of its own: the import report names it). */
import { z } from 'zod';
import { localizedText } from './common';

export const severity = z.enum(['error', 'warning']);
export const outcome = z.enum(['pass', 'fail', 'skipped']).describe('pass; fail (a violation of the rule’s severity); skipped (could not be judged, says why)');

export const involvedFigure = z.object({
  role: z.string().describe('total, part, share, numerator, denominator, growth, level, previous, earlier, later, subject'),
  indicatorCode: z.string(),
  regionCode: z.string(),
  periodCode: z.string(),
  value: z.number().describe('in the indicator’s unit'),
});

export const importQuality = z.object({
  counts: z.object({ pass: z.number().int(), errors: z.number().int(), warnings: z.number().int(), skipped: z.number().int() }),
  results: z.array(
    z.object({
      row: z.number().int(),
      ruleId: z.string(),
      ruleName: localizedText,
      severity,
      outcome,
      message: localizedText,
      figures: z.array(involvedFigure.extend({ id: z.number().int().nullable().describe('a stored figure'), row: z.number().int().nullable().describe('a row of this file') })),
    }),
  ),
  truncated: z.boolean(),
});
