/** 规划: plans, their indicators and items, regions and the indicator catalogue. */
import { z } from 'zod';
import { ATTRIBUTES, CATEGORIES, COMPARATORS, DIRECTIONS, ITEM_KINDS } from '../../domain/plan/terms';
import { REGION_LEVELS } from '../../domain/region/region';
import { localizedText } from './common';
export const planSummary = z.object({
  id: z.string(),
  name: localizedText,
  shortName: localizedText.nullable(),
  issuer: localizedText,
  regionCode: z.string(),
  period: z.object({ start: z.number().int(), end: z.number().int() }),
  baseYear: z.number().int(),
  published: z.boolean().describe('已发布: readable without signing in'),
  evaluation: z
    .object({ exceedMargin: z.number(), overshoot: z.enum(['flag', 'met']) })
    .describe('how targets are judged where the plan does not say: the 超额完成 margin and the 左右 overshoot convention'),
  version: z
    .object({ number: z.number().int(), effectiveFrom: z.string().nullable(), label: localizedText.nullable() })
    .describe('规划版本 in force: 1 as issued; a mid-term adjustment (中期调整) is a later version, in force from its date'),
  source: z.object({ title: z.string().nullable(), file: z.string().nullable() }),
  loadedAt: z.string(),
});

export const location = z.object({
  chapter: z.string(),
  section: z.string().optional(),
  column: z.string().optional(),
  quote: z.string().optional(),
});

export const planIndicator = z.object({
  code: z.string(),
  system: z.boolean().describe('true for a row of the plan’s indicator system (专栏1)'),
  category: z.enum(CATEGORIES),
  number: z.number().int().nullable(),
  name: localizedText,
  unit: z.string(),
  attribute: z.enum(ATTRIBUTES).describe('预期性 expected / 约束性 binding'),
  direction: z.enum(DIRECTIONS),
  baseline: z.object({ value: z.number(), year: z.number().int(), quote: z.string().nullable() }).nullable().describe('基期值'),
  target: z
    .object({
      value: z.number(),
      year: z.number().int(),
      printed: z.string().nullable(),
      comparator: z.enum(COMPARATORS),
      tolerance: z.number().nullable(),
      wording: z.string().nullable(),
    })
    .nullable()
    .describe('目标值'),
  targets: z
    .array(
      z.object({
        kind: z.enum(['level', 'range', 'relative', 'cumulative', 'qualitative']),
        year: z.number().int(),
        printed: z.string(),
        wording: z.string().nullable(),
        milestone: z.boolean().describe('an intermediate year (2028年达到…), judged in its year'),
        value: z.number().optional(),
        comparator: z.enum(COMPARATORS).optional(),
        tolerance: z.number().nullable().optional(),
        lower: z.number().optional(),
        upper: z.number().optional(),
        percent: z.number().optional().describe('relative: change from the base year, in percent (−10 = 比基期下降10%)'),
        from: z.number().int().optional(),
        mode: z.enum(['increase', 'sum']).optional().describe('cumulative: increase y_T − y_base, or the sum of the yearly values'),
        statement: z.string().optional().describe('qualitative: the statement, judged by a recorded assessment'),
      }),
    )
    .describe('every target year as the plan states it: milestones, then the plan’s own'),
  frequency: z.enum(['annual', 'quarterly', 'monthly']).describe('统计频率'),
  responsible: z.array(z.string()).describe('责任单位'),
  growthTarget: z
    .object({ ratePercent: z.number(), fromYear: z.number().int(), toYear: z.number().int(), printed: z.string(), basis: z.enum(['nominal', 'real']).describe('现价 nominal or 可比价 real growth') })
    .nullable()
    .describe('年均增长x%'),
  share: z.object({ numerator: z.string(), denominator: z.string() }).nullable(),
  location: location.nullable(),
  notes: z.string().nullable(),
});

export const planItem = z.object({
  key: z.string(),
  kind: z.enum(ITEM_KINDS),
  parentKey: z.string().nullable(),
  ordinal: z.number().int(),
  number: z.string().nullable(),
  title: localizedText,
  text: z.object({ zh: z.string(), en: z.string().optional() }).nullable(),
  field: localizedText.nullable(),
  action: localizedText.nullable(),
  leadDepartments: z.array(z.string()),
  regions: z.array(z.string()),
  indicators: z.array(z.string()),
  location,
  details: z
    .object({
      cooperatingDepartments: z.array(z.string()).optional().describe('配合单位'),
      deadline: z.string().optional().describe('完成时限'),
      owner: z.string().optional().describe('项目业主'),
      investment: z.object({ total: z.number(), unit: z.string(), planned: z.record(z.string(), z.number()) }).optional().describe('总投资 and 计划投资 by year'),
      start: z.number().int().optional(),
      finish: z.number().int().optional(),
    })
    .describe('what the plan says about carrying the item out'),
});

export const region = z.object({
  code: z.string(),
  name: localizedText,
  level: z.enum(REGION_LEVELS),
  kind: z.enum(['administrative', 'functional']),
  parentCode: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  predecessors: z.array(z.string()),
  note: z.string().nullable(),
});

/** 指标目录: an indicator of the catalogue shared by all plans (figures are recorded against these codes). */
export const catalogueIndicator = z.object({
  code: z.string(),
  name: localizedText,
  unit: z.string(),
});
export type CatalogueIndicatorDto = z.infer<typeof catalogueIndicator>;

export const planParams = z.object({ planId: z.string().min(1) });
export const itemsQuery = z.object({ kind: z.enum(ITEM_KINDS).optional() });

export type PlanSummaryDto = z.infer<typeof planSummary>;
export type PlanIndicatorDto = z.infer<typeof planIndicator>;
export type PlanItemDto = z.infer<typeof planItem>;
export type RegionDto = z.infer<typeof region>;

