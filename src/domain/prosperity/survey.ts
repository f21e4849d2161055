/**
 * A business-climate survey as data (prosperity/*.yaml; docs/PROSPERITY.md): the questionnaire (questions, answer
 * scales, horizons, which index each question feeds), the index settings (weights, confidentiality, decimals), the
 * panel design, the composite indices' groups and components, the signal-light thresholds and the turning-point
 * rules. A new survey, or another city's, is a new file — never code.
 */
import { z } from 'zod';
import type { PlanIssue } from '../plan/issues';
import { localizedTextSchema } from '../plan/schema';
import { HORIZONS, SCALE_IDS, type Horizon, type ScaleId } from './answers';
import { DEFAULT_CLIMATE_WEIGHTS } from './climate';
import { DEFAULT_CONFIDENTIALITY } from './confidentiality';
import { COMPOSITE_GROUPS } from './composite';
import { DEFAULT_COMPOSITE_THRESHOLDS, thresholdProblem, type Thresholds } from './signals';
import { MONTHLY_RULES, QUARTERLY_RULES } from './turningPoints';
import { SERVICE_SECTIONS } from './industrySection';
import { SIZE_CLASSES } from '../enterprise/size';

const code = z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'an upper-case code (letters, digits, _)');
const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month YYYY-MM');
const thresholds = z
  .array(z.number())
  .superRefine((t, ctx) => {
    const p = thresholdProblem(t);
    if (p) ctx.addIssue({ code: 'custom', message: p });
  })
  .transform((t) => t as unknown as Thresholds);

export const INDEX_KINDS = ['diffusion', 'climate', 'confidence'] as const;
export type IndexKind = (typeof INDEX_KINDS)[number];
export const INDEX_KIND_LABELS: Record<IndexKind, { zh: string; en: string }> = {
  diffusion: { zh: '扩散指数', en: 'diffusion index' },
  climate: { zh: '企业景气指数', en: 'business climate index' },
  confidence: { zh: '企业家信心指数', en: 'entrepreneur confidence index' },
};

const questionSchema = z
  .object({
    code,
    text: localizedTextSchema,
    scale: z.enum(SCALE_IDS as [ScaleId, ...ScaleId[]]),
    horizons: z.array(z.enum(HORIZONS)).min(1).default(['current', 'expected']),
    /** climate: 企业景气指数 is computed from this question; confidence: 企业家信心指数. */
    index: z.enum(['climate', 'confidence']).nullable().default(null),
    /** A rise is unfavourable (costs, prices paid): shown as such, and inverted where it enters the composite. */
    adverse: z.boolean().default(false),
  })
  .strict();

/** Where a composite or signal component's series comes from: an index of this survey over all enterprises. */
const sourceSchema = z
  .object({
    question: code,
    horizon: z.enum(HORIZONS).default('current'),
    /** diffusion: DI; balance: the (good − poor) × 100 + 100 part of the climate formula. */
    measure: z.enum(['diffusion', 'balance']).default('diffusion'),
    weighted: z.boolean().default(false),
  })
  .strict();

const componentSchema = z
  .object({
    code,
    name: localizedTextSchema,
    source: sourceSchema,
    change: z.enum(['symmetric', 'difference']).default('difference'),
    invert: z.boolean().default(false),
  })
  .strict();

const groupSchema = z.object({ trendAdjust: z.boolean().default(false), components: z.array(componentSchema).min(1) }).strict();

const surveySchema = z
  .object({
    code: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a lower-case code (letters, digits, -)'),
    name: localizedTextSchema,
    frequency: z.enum(['monthly', 'quarterly']),
    questions: z.array(questionSchema).min(1),
    settings: z
      .object({
        /** The size measure the weighted indices use. */
        weight: z.enum(['revenue', 'employees']).default('revenue'),
        climateWeights: z.object({ current: z.number().min(0).max(1), expected: z.number().min(0).max(1) }).strict().default(DEFAULT_CLIMATE_WEIGHTS),
        confidentiality: z.object({ minRespondents: z.number().int().min(1), dominancePercent: z.number().gt(0).max(100) }).strict().default(DEFAULT_CONFIDENTIALITY),
        /** Decimals of published indices (NBS: one). */
        decimals: z.number().int().min(0).max(6).default(1),
      })
      .strict()
      .default({ weight: 'revenue', climateWeights: DEFAULT_CLIMATE_WEIGHTS, confidentiality: DEFAULT_CONFIDENTIALITY, decimals: 1 }),
    design: z
      .object({
        sections: z.array(z.enum(SERVICE_SECTIONS)).min(1).default([...SERVICE_SECTIONS]),
        certainty: z.array(z.enum(SIZE_CLASSES)).default(['large']),
        perStratum: z.number().int().min(1).default(10),
      })
      .strict()
      .default({ sections: [...SERVICE_SECTIONS], certainty: ['large'], perStratum: 10 }),
    composite: z
      .object({
        baseYear: z.number().int().min(1990).max(2100),
        /** The window whose changes give σ and the trend (default: the whole series). */
        window: z.object({ from: yearMonth, to: yearMonth }).strict().nullable().default(null),
        seasonalAdjustment: z
          .object({ sWindow: z.union([z.literal('periodic'), z.number().int().min(3)]).default(7), springFestival: z.literal('combine').default('combine') })
          .strict()
          .nullable()
          .default({ sWindow: 7, springFestival: 'combine' }),
        groups: z.object(Object.fromEntries(COMPOSITE_GROUPS.map((g) => [g, groupSchema.optional()])) as Record<(typeof COMPOSITE_GROUPS)[number], z.ZodOptional<typeof groupSchema>>).strict(),
      })
      .strict()
      .nullable()
      .default(null),
    signals: z
      .object({
        components: z.array(z.object({ code, name: localizedTextSchema, source: sourceSchema, thresholds, inverted: z.boolean().default(false) }).strict()).min(1),
        composite: thresholds.default(DEFAULT_COMPOSITE_THRESHOLDS),
      })
      .strict()
      .nullable()
      .default(null),
    dating: z
      .object({ window: z.number().int().min(1), minPhase: z.number().int().min(1), minCycle: z.number().int().min(2), endExclusion: z.number().int().min(0) })
      .strict()
      .nullable()
      .default(null),
  })
  .strict();

export type SurveyDefinition = z.output<typeof surveySchema>;
export type Question = SurveyDefinition['questions'][number];
export type SeriesSource = z.output<typeof sourceSchema>;
export type CompositeComponentDef = z.output<typeof componentSchema>;

/** Checks a survey file's content: shape, unique codes, sources naming a question and horizon it has. */
export function parseSurvey(raw: unknown): { ok: true; survey: SurveyDefinition } | { ok: false; issues: PlanIssue[] } {
  const r = surveySchema.safeParse(raw);
  if (!r.success) return { ok: false, issues: r.error.issues.map((i) => ({ path: i.path.filter((p): p is string | number => typeof p !== 'symbol'), message: i.message })) };
  const s = r.data;
  const issues: PlanIssue[] = [];
  const questions = new Map<string, Question>();
  s.questions.forEach((q, i) => {
    if (questions.has(q.code)) issues.push({ path: ['questions', i, 'code'], message: `duplicate question code "${q.code}"` });
    questions.set(q.code, q);
  });
  for (const kind of ['climate', 'confidence'] as const) {
    const n = s.questions.filter((q) => q.index === kind).length;
    if (n > 1) issues.push({ path: ['questions'], message: `${n} questions feed the ${kind} index: one at most` });
  }
  const w = s.settings.climateWeights;
  if (Math.abs(w.current + w.expected - 1) > 1e-9) issues.push({ path: ['settings', 'climateWeights'], message: `the weights must sum to 1 (${w.current} + ${w.expected})` });
  const checkSource = (src: SeriesSource, path: Array<string | number>) => {
    const q = questions.get(src.question);
    if (!q) issues.push({ path: [...path, 'question'], message: `no question "${src.question}" in this survey` });
    else if (!q.horizons.includes(src.horizon)) issues.push({ path: [...path, 'horizon'], message: `question ${q.code} is not asked for the ${src.horizon} horizon` });
  };
  const seen = new Set<string>();
  for (const g of COMPOSITE_GROUPS) {
    s.composite?.groups[g]?.components.forEach((c, i) => {
      if (seen.has(c.code)) issues.push({ path: ['composite', 'groups', g, 'components', i, 'code'], message: `duplicate component code "${c.code}"` });
      seen.add(c.code);
      checkSource(c.source, ['composite', 'groups', g, 'components', i, 'source']);
    });
  }
  if (s.composite && !s.composite.groups.coincident && (s.composite.groups.leading?.trendAdjust || s.composite.groups.lagging?.trendAdjust)) {
    issues.push({ path: ['composite', 'groups'], message: 'trend adjustment needs a coincident index to adjust to' });
  }
  if (s.composite?.window && s.composite.window.from >= s.composite.window.to) issues.push({ path: ['composite', 'window'], message: 'the window must end after it starts' });
  s.signals?.components.forEach((c, i) => checkSource(c.source, ['signals', 'components', i, 'source']));
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, survey: s };
}

/** The dating rules of a survey: its own, or Bry–Boschan's for its frequency. */
export const datingRules = (s: SurveyDefinition) => s.dating ?? (s.frequency === 'monthly' ? MONTHLY_RULES : QUARTERLY_RULES);

/** Every (question, horizon) the questionnaire asks. */
export function askedItems(s: SurveyDefinition): Array<{ question: Question; horizon: Horizon }> {
  return s.questions.flatMap((q) => q.horizons.map((h) => ({ question: q, horizon: h })));
}
