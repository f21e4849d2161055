/**
 * The plan file format (docs/PLAN_FORMAT.md), as a zod schema. Parsing checks shapes and single-field rules;
 * rules that look across the file (duplicate codes, unknown references) live in ./crossCheck.ts.
 */
import { z } from 'zod';
import { unitDefinitionSchema } from '../unit/schema';
import { ATTRIBUTES, CATEGORIES, COMPARATORS, DIRECTIONS } from './terms';

const text = z.string().trim().min(1, 'must not be empty');
export const localizedTextSchema = z.object({ zh: text, en: text }).strict();
/** Long texts: Chinese is required, English may be a summary or absent. */
const longText = z.object({ zh: text, en: text.optional() }).strict();

const year = z.number().int().min(1949).max(2100);
const code = z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'must be UPPER_SNAKE_CASE (e.g. TERTIARY_VA)');
/** A region's code or name (南山区, 广州市白云区), read in the region registry within the plan's region (./resolveRegions.ts). */
const regionCode = z.string().trim().min(1, 'must be a region code or name');
const key = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes');

export const locationSchema = z
  .object({
    chapter: z.string().min(1),
    section: z.string().min(1).optional(),
    column: z.string().min(1).optional(),
    quote: z.string().min(1).optional(),
  })
  .strict();

const targetSchema = z
  .object({
    value: z.number().finite(),
    year,
    printed: text,
    comparator: z.enum(COMPARATORS, { error: (i) => `unknown comparator ${JSON.stringify(i.input)} (expected ${COMPARATORS.join(' | ')})` }),
    wording: text.optional(),
    tolerance: z.number().finite().positive().optional(),
  })
  .strict()
  .superRefine((t, ctx) => {
    if (t.comparator === 'about' && t.tolerance === undefined) {
      ctx.addIssue({ code: 'custom', path: ['tolerance'], message: 'an "about" (左右) target needs a tolerance: the half-width of the band, in the indicator unit' });
    }
    if (t.comparator !== 'about' && t.tolerance !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['tolerance'], message: `a tolerance only applies to an "about" (左右) target, not to ${t.comparator}` });
    }
  });

/**
 * One target year of an indicator, in any of the forms real plans print (each exactly one of):
 * - a level with a comparator: 突破2.5万亿元 (value, comparator at_least | about | at_most, tolerance for about);
 * - a range: 5%—6% (range: [5, 6]);
 * - relative to the base year: 比2025年下降10% (relative: {percent: -10}, from the plan's base year unless given);
 * - cumulative over the plan period: 累计新增200万吨 (cumulative: {value: 200, mode: increase}: y_T − y_base) or
 *   累计完成投资1000亿元 (mode: sum: the sum of the yearly values after the base year);
 * - qualitative: 基本建成国际消费中心城市 (qualitative: the statement), judged by a recorded assessment with evidence.
 * `milestone: true` marks an intermediate year (2028年达到…); the last target is the plan's own.
 */
const planTargetSchema = z
  .object({
    year,
    printed: text,
    wording: text.optional(),
    milestone: z.boolean().default(false),
    value: z.number().finite().optional(),
    comparator: z.enum(COMPARATORS, { error: (i) => `unknown comparator ${JSON.stringify(i.input)} (expected ${COMPARATORS.join(' | ')}; 左右 is about, 控制在…以内 is at_most)` }).optional(),
    tolerance: z.number().finite().positive().optional(),
    range: z.tuple([z.number().finite(), z.number().finite()]).optional(),
    relative: z.object({ percent: z.number().finite(), from: year.optional() }).strict().optional(),
    cumulative: z.object({ value: z.number().finite(), mode: z.enum(['increase', 'sum']).default('increase'), from: year.optional() }).strict().optional(),
    qualitative: text.optional(),
  })
  .strict()
  .superRefine((t, ctx) => {
    const forms = [t.value !== undefined, t.range !== undefined, t.relative !== undefined, t.cumulative !== undefined, t.qualitative !== undefined].filter(Boolean).length;
    if (forms !== 1) {
      ctx.addIssue({ code: 'custom', path: [], message: 'a target states exactly one of: value (with comparator), range, relative, cumulative, qualitative' });
      return;
    }
    if (t.value !== undefined && t.comparator === undefined) ctx.addIssue({ code: 'custom', path: ['comparator'], message: 'a target value needs its comparator (at_least | about | at_most)' });
    if (t.value === undefined && t.comparator !== undefined) ctx.addIssue({ code: 'custom', path: ['comparator'], message: 'a comparator goes with a target value' });
    if (t.comparator === 'about' && t.tolerance === undefined) ctx.addIssue({ code: 'custom', path: ['tolerance'], message: 'an "about" (左右) target needs a tolerance: the half-width of the band, in the indicator unit' });
    if (t.comparator !== 'about' && t.tolerance !== undefined) ctx.addIssue({ code: 'custom', path: ['tolerance'], message: 'a tolerance only applies to an "about" (左右) target' });
    if (t.range && !(t.range[0] < t.range[1])) ctx.addIssue({ code: 'custom', path: ['range'], message: 'a range is [lower, upper] with lower < upper' });
  });

export const indicatorSchema = z
  .object({
    code,
    system: z.boolean(),
    category: z.enum(CATEGORIES),
    number: z.number().int().positive().optional(),
    name: localizedTextSchema,
    unit: text,
    attribute: z.enum(ATTRIBUTES).default('expected'),
    direction: z.enum(DIRECTIONS).default('increase'),
    baseline: z.object({ value: z.number().finite(), year, quote: text.optional() }).strict().optional(),
    target: targetSchema.optional(),
    /** Several target years (milestones and the plan's own), in any target form; instead of `target`. */
    targets: z.array(planTargetSchema).min(1).optional(),
    /** 统计频率: how often figures arrive (annual by default; monthly and quarterly come as 1–N月 cumulative figures). */
    frequency: z.enum(['annual', 'quarterly', 'monthly']).default('annual'),
    /** 责任单位: who answers for the indicator. */
    responsible: z.array(text).default([]),
    /** 年均增长x%: an average-growth target, instead of or beside a level target. */
    growthTarget: z
      .object({
        ratePercent: z.number().finite(),
        fromYear: year,
        toYear: year,
        printed: text,
        /** 可比价 (real, the usual for value added and GDP) or 现价 (nominal); real targets are judged on published real growth rates. */
        basis: z.enum(['nominal', 'real']).default('nominal'),
      })
      .strict()
      .refine((g) => g.toYear > g.fromYear, { message: 'toYear must be after fromYear', path: ['toYear'] })
      .optional(),
    share: z.object({ numerator: code, denominator: code }).strict().optional(),
    location: locationSchema.optional(),
    notes: text.optional(),
  })
  .strict()
  .superRefine((ind, ctx) => {
    if (ind.system && ind.target === undefined && ind.targets === undefined && ind.growthTarget === undefined) {
      ctx.addIssue({ code: 'custom', path: ['target'], message: 'an indicator of the indicator system (system: true) must have a target, targets, or a growthTarget' });
    }
    if (ind.target !== undefined && ind.targets !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['targets'], message: 'give either target (one year) or targets (several), not both' });
    }
    if (ind.targets) {
      const years = ind.targets.map((t) => t.year);
      if (years.some((y, k) => k > 0 && y <= (years[k - 1] ?? y))) ctx.addIssue({ code: 'custom', path: ['targets'], message: 'targets are listed by year, each year once, earliest first' });
      if (ind.targets[ind.targets.length - 1]?.milestone) ctx.addIssue({ code: 'custom', path: ['targets', ind.targets.length - 1, 'milestone'], message: 'the last target is the plan’s own, not a milestone' });
    }
    if (ind.system && ind.number === undefined) {
      ctx.addIssue({ code: 'custom', path: ['number'], message: 'an indicator of the indicator system needs its 序号 (number)' });
    }
    if (ind.system === (ind.category === 'supporting')) {
      ctx.addIssue({ code: 'custom', path: ['category'], message: 'category "supporting" is for indicators outside the system (system: false), and only for them' });
    }
    if (ind.share && ind.unit !== '%') {
      ctx.addIssue({ code: 'custom', path: ['unit'], message: 'a share indicator (with numerator/denominator) must have unit "%"' });
    }
  });

const itemRefs = {
  regions: z.array(regionCode).default([]),
  indicators: z.array(code).default([]),
};

/** A deadline: a year (2025) or a month (2025-06). */
const deadline = z.union([year, z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a deadline is a year (2025) or a month (2025-06)')]);

export const measureSchema = z
  .object({
    key,
    title: localizedTextSchema,
    text: longText,
    /** 牵头单位. */
    leadDepartments: z.array(text).default([]),
    /** 配合单位. */
    cooperatingDepartments: z.array(text).default([]),
    /** 完成时限. */
    deadline: deadline.optional(),
    ...itemRefs,
  })
  .strict();

const groupSchema = z.object({ number: text, title: localizedTextSchema, measureKeys: z.array(key).min(1) }).strict();

export const sectionSchema = z
  .object({
    number: text,
    title: localizedTextSchema,
    text: longText.optional(),
    groups: z.array(groupSchema).optional(),
    measures: z.array(measureSchema).default([]),
  })
  .strict();

export const chapterSchema = z
  .object({ number: text, title: localizedTextSchema, text: longText.optional(), sections: z.array(sectionSchema).default([]) })
  .strict();

const columnItem = {
  key,
  location: locationSchema.extend({ column: z.string().min(1) }),
};

export const projectSchema = z
  .object({
    ...columnItem,
    column: text,
    field: localizedTextSchema,
    name: localizedTextSchema,
    action: localizedTextSchema.optional(),
    /** 项目业主 / 责任单位. */
    owner: text.optional(),
    /** 总投资 and 计划投资 by year, in 亿元 unless `unit` says otherwise. */
    investment: z
      .object({ total: z.number().finite().nonnegative(), unit: text.default('亿元'), planned: z.record(z.string().regex(/^\d{4}$/), z.number().finite().nonnegative()).default({}) })
      .strict()
      .optional(),
    /** 开工 and 竣工 years. */
    start: year.optional(),
    finish: year.optional(),
    ...itemRefs,
  })
  .strict();

export const districtDirectionSchema = z.object({ ...columnItem, region: regionCode, text: longText }).strict();

export const baseSchema = z.object({ ...columnItem, name: localizedTextSchema, text: longText, ...itemRefs }).strict();

export const parkSchema = z.object({ ...columnItem, field: localizedTextSchema, name: localizedTextSchema, ...itemRefs }).strict();

export const planDocumentSchema = z
  .object({
    id: key,
    name: localizedTextSchema,
    shortName: localizedTextSchema.optional(),
    issuer: localizedTextSchema,
    region: regionCode,
    period: z
      .object({ start: year, end: year })
      .strict()
      .refine((p) => p.end >= p.start, { message: 'period.end must not be before period.start', path: ['end'] }),
    baseYear: year,
    /** How targets are judged where the plan does not say (domain/evaluation/settings.ts; docs/EVALUATION.md). */
    evaluation: z
      .object({
        exceedMargin: z.number().min(0).max(1).default(0),
        overshoot: z.enum(['flag', 'met'], { error: (i) => `unknown overshoot ${JSON.stringify(i.input)} (expected flag | met)` }).default('flag'),
      })
      .strict()
      .default({ exceedMargin: 0, overshoot: 'flag' }),
    /**
     * 规划版本: a mid-term adjustment (中期调整) loads as a new version of the same plan id, in force from its date;
     * an evaluation as of a date uses the version in force then. Version 1 (the plan as issued) needs none.
     */
    version: z
      .object({ number: z.number().int().min(1), effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'effectiveFrom is a date (2028-07-01)'), label: localizedTextSchema.optional() })
      .strict()
      .default({ number: 1, effectiveFrom: '1949-01-01' }),
    /** 已发布: the plan is public (readable without signing in); a plan in preparation leaves it false. */
    published: z.boolean().default(false),
    source: z.object({ title: text, file: text.optional(), url: text.optional() }).strict().optional(),
    indicators: z.array(indicatorSchema).min(1, 'a plan needs at least one indicator'),
    chapters: z.array(chapterSchema).default([]),
    projects: z.array(projectSchema).default([]),
    districtDirections: z.array(districtDirectionSchema).default([]),
    bases: z.array(baseSchema).default([]),
    parks: z.array(parkSchema).default([]),
    /** Units the plan's indicators use that the unit catalogue may not hold yet (docs/UNITS.md). */
    units: z.array(unitDefinitionSchema).default([]),
  })
  .strict();

/** A plan file after parsing: defaults filled in, shapes checked. */
export type PlanDocument = z.output<typeof planDocumentSchema>;
export type PlanIndicatorDef = z.output<typeof indicatorSchema>;
export type Location = z.output<typeof locationSchema>;
