/**
 * The rule file format (catalogue/quality/*.yaml): data-quality rules (数据质量审核规则) as data. Each rule has an id,
 * a name in Chinese and English, a severity — `error` blocks approval, `warning` must be acknowledged with a
 * comment — and, where it compares numbers, a tolerance. A file without `plan` holds rules for every figure; a file
 * with `plan: <id>` adds rules (and its own settings) for that plan. docs/QUALITY.md describes every kind.
 */
import { z } from 'zod';
import type { PlanIssue } from '../plan/issues';
import { localizedTextSchema } from '../plan/schema';

export const SEVERITIES = ['error', 'warning'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const RULE_KINDS = ['range', 'sum', 'part_of', 'share', 'region_sum', 'growth_level', 'cumulative', 'outlier'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

const code = z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'must be an indicator code in UPPER_SNAKE_CASE (e.g. GDP)');
const codes = z.array(code).min(1, 'name at least one indicator');
const regionCode = z.string().regex(/^\d{6}(-[A-Z]{2,})?$/, 'must be a 6-digit GB/T 2260 code, or one with a -XX suffix for a functional area');
const finite = z.number().finite();

/**
 * How far two sides may differ and still agree: `absolute` (in the unit compared), `relative` (a fraction of the
 * reference side, 0.001 = 0.1 %), `rounding: true` (half a unit in the last published digit of every figure
 * compared — "within rounding"). The allowances add up; the edge itself passes.
 */
export const toleranceSchema = z
  .object({
    absolute: finite.nonnegative().optional(),
    relative: finite.nonnegative().max(1, 'a relative tolerance is a fraction (0.001 = 0.1 %)').optional(),
    rounding: z.boolean().optional(),
  })
  .strict();
export type Tolerance = z.output<typeof toleranceSchema>;

const common = {
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes (e.g. gdp-three-industries)'),
  name: localizedTextSchema,
  severity: z.enum(SEVERITIES, { error: (i) => `unknown severity ${JSON.stringify(i.input)} (expected error | warning)` }),
  description: localizedTextSchema.optional(),
};

const relation = z.enum(['equal', 'at_most'], { error: (i) => `unknown relation ${JSON.stringify(i.input)} (expected equal | at_most)` });

const rangeRule = z
  .object({ ...common, kind: z.literal('range'), indicators: codes, min: finite.optional(), max: finite.optional() })
  .strict()
  .superRefine((r, ctx) => {
    if (r.min === undefined && r.max === undefined) ctx.addIssue({ code: 'custom', path: ['min'], message: 'a range rule needs min, max or both' });
    if (r.min !== undefined && r.max !== undefined && r.min > r.max) ctx.addIssue({ code: 'custom', path: ['max'], message: `max ${r.max} is below min ${r.min}` });
  });

/** total = Σ parts (equal), or Σ parts ≤ total (at_most: parts that need not exhaust the total). */
const sumRule = z.object({ ...common, kind: z.literal('sum'), total: code, parts: codes, relation: relation.default('equal'), tolerance: toleranceSchema.optional() }).strict();

/** Each part ≤ its total (parts that may overlap, e.g. finance and modern services within the service industry). */
const partOfRule = z.object({ ...common, kind: z.literal('part_of'), total: code, parts: codes, tolerance: toleranceSchema.optional() }).strict();

/** share = numerator / denominator × 100, with the formula the catalogue gives each share indicator. */
const shareRule = z.object({ ...common, kind: z.literal('share'), indicators: codes, tolerance: toleranceSchema.optional() }).strict();

/** The parts' regions add up to the total region (equal), or to at most it (at_most: the city minus an unallocated part). */
const regionSumRule = z
  .object({
    ...common,
    kind: z.literal('region_sum'),
    indicators: codes,
    total: regionCode,
    parts: z.union([z.literal('children'), z.array(regionCode).min(1)]).default('children'),
    relation: relation.default('at_most'),
    tolerance: toleranceSchema.optional(),
  })
  .strict();

/**
 * A published growth rate against the two levels it connects (same region, the same period a year earlier).
 * Nominal growth (现价, 名义) must equal the levels' growth within the tolerance; real growth (可比价) implies a deflator,
 * which must lie in `deflator` (percent) — without a range it is only reported, not judged.
 */
const growthLevelRule = z
  .object({
    ...common,
    kind: z.literal('growth_level'),
    growth: code,
    level: code,
    deflator: z.object({ min: finite, max: finite }).strict().refine((d) => d.min <= d.max, { message: 'deflator.max is below deflator.min', path: ['max'] }).optional(),
    tolerance: toleranceSchema.optional(),
  })
  .strict();

/** 1–N月 amounts of a flow never decrease within a year (1–6月 ≤ 1–9月 ≤ the year). */
const cumulativeRule = z.object({ ...common, kind: z.literal('cumulative'), indicators: codes, tolerance: toleranceSchema.optional() }).strict();

/**
 * History: the robust score of a figure's change (year on year, so seasonal for quarters and months) against the
 * series' own past changes: |change − median| / (1.4826 × MAD). Settings give the defaults.
 */
const outlierRule = z
  .object({
    ...common,
    kind: z.literal('outlier'),
    indicators: z.union([z.literal('all'), codes]),
    threshold: finite.positive().optional(),
    minHistory: z.number().int().min(2).optional(),
    historyYears: z.number().int().min(1).optional(),
    maxRatio: finite.gt(1).optional(),
  })
  .strict();

export const ruleSchema = z.discriminatedUnion('kind', [rangeRule, sumRule, partOfRule, shareRule, regionSumRule, growthLevelRule, cumulativeRule, outlierRule], {
  error: (i) =>
    i.code === 'invalid_union' && typeof i.input === 'object' && i.input !== null && 'kind' in i.input
      ? `unknown rule kind ${JSON.stringify((i.input as { kind: unknown }).kind)} (expected ${RULE_KINDS.join(' | ')})`
      : `every rule needs a kind (${RULE_KINDS.join(' | ')})`,
});
export type Rule = z.output<typeof ruleSchema>;

/** Defaults of the history (outlier) rule; a file's settings apply to that file's rules. */
export const settingsSchema = z
  .object({
    outlierThreshold: finite.positive().default(3.5),
    minHistory: z.number().int().min(2).default(4),
    historyYears: z.number().int().min(1).default(10),
  })
  .strict();
export type QualitySettings = z.output<typeof settingsSchema>;
export const DEFAULT_SETTINGS: QualitySettings = settingsSchema.parse({});

export const ruleFileSchema = z
  .object({
    plan: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a plan id').optional(),
    settings: settingsSchema.optional(),
    rules: z.array(ruleSchema).min(1, 'a rule file needs at least one rule'),
  })
  .strict();
export type RuleFile = z.output<typeof ruleFileSchema>;

/** Shapes only; what the rules name (indicators, regions, plans) is checked by crossCheckRules. */
export function parseRuleFile(raw: unknown): { ok: true; file: RuleFile } | { ok: false; issues: PlanIssue[] } {
  const r = ruleFileSchema.safeParse(raw);
  if (r.success) return { ok: true, file: r.data };
  return { ok: false, issues: r.error.issues.map((i) => ({ path: i.path.filter((p): p is string | number => typeof p !== 'symbol'), message: i.message })) };
}

/** Every indicator a rule reads (the outlier rule over 'all' reads whatever it is given). */
export function ruleIndicators(rule: Rule): string[] | 'all' {
  switch (rule.kind) {
    case 'range':
    case 'share':
    case 'region_sum':
    case 'cumulative':
      return rule.indicators;
    case 'sum':
    case 'part_of':
      return [rule.total, ...rule.parts];
    case 'growth_level':
      return [rule.growth, rule.level];
    case 'outlier':
      return rule.indicators;
  }
}
