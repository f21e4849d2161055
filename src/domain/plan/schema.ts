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
    if (ind.system && ind.target === undefined && ind.growthTarget === undefined) {
      ctx.addIssue({ code: 'custom', path: ['target'], message: 'an indicator of the indicator system (system: true) must have a target (or a growthTarget)' });
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

export const measureSchema = z
  .object({
    key,
    title: localizedTextSchema,
    text: longText,
    leadDepartments: z.array(text).default([]),
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
  .object({ ...columnItem, column: text, field: localizedTextSchema, name: localizedTextSchema, action: localizedTextSchema.optional(), ...itemRefs })
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
