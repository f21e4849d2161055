/** 规划衔接: an earlier plan's final values offered as a plan's 基期值. */
import { z } from 'zod';
import { localizedText } from './common';

export const baselineOffer = z.object({
  indicatorCode: z.string(),
  name: localizedText,
  unit: z.string().describe('the plan’s unit; the offered value is converted to it'),
  printed: z.object({ value: z.number(), year: z.number().int(), quote: z.string().nullable() }).nullable().describe('the plan’s printed 基期值'),
  from: z.object({
    planId: z.string(),
    planName: localizedText,
    targetYear: z.number().int(),
    targetPrinted: z.string().nullable(),
    standing: z.object({ code: z.string(), label: localizedText, phase: z.enum(['progress', 'final']) }).describe('where the earlier plan’s final evaluation leaves the indicator'),
  }),
  offered: z
    .object({ value: z.number(), year: z.number().int(), observationId: z.number().int().nullable(), derived: z.boolean() })
    .nullable()
    .describe('the base year’s value in the earlier plan’s final evaluation (null: none yet)'),
  agreement: z.enum(['not_printed', 'agrees', 'differs', 'no_value']).describe('the printed 基期值 against the offered value'),
  difference: z.number().nullable().describe('printed − offered, in the plan’s unit'),
});
export type BaselineOfferDto = z.infer<typeof baselineOffer>;
