/**
 * A plan indicator defined as an aggregate of the enterprise database (enterprises/aggregate-indicators.yaml), e.g.
 * SVC_RD_EXP = Σ 研发费用 of 规模以上 service enterprises in 440300. Its annual values are computed from the database
 * and stored as figures of the indicator (marked as computed from the database), so evaluation, forecasts and
 * reports use them like any other figure.
 */
import { z } from 'zod';
import type { PlanIssue } from '../plan/issues';
import type { LocalizedText } from '../text';

const industryScope = z.string().regex(/^([A-T]|\d{2,4})$/, 'an industry code: a section letter or a 2–4 digit code');

const definitionSchema = z
  .object({
    indicator: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
    item: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
    industries: z.array(industryScope).min(1),
    excludeIndustries: z.array(industryScope).default([]),
    /** true: 规模以上 enterprises only; false: all enterprises. */
    aboveDesignatedSize: z.boolean(),
    region: z.string().min(1),
    /** Which periods are computed: the year (1–12月) only, or every cumulative 1–N月 too. */
    periods: z.enum(['year', 'cumulative']).default('year'),
  })
  .strict();

export type AggregateIndicator = z.output<typeof definitionSchema>;

export const aggregateIndicatorsFileSchema = z.object({ indicators: z.array(definitionSchema) }).strict();

export function parseAggregateIndicators(raw: unknown): { ok: true; definitions: AggregateIndicator[] } | { ok: false; issues: PlanIssue[] } {
  const r = aggregateIndicatorsFileSchema.safeParse(raw);
  if (!r.success) return { ok: false, issues: r.error.issues.map((i) => ({ path: i.path.filter((p): p is string | number => typeof p !== 'symbol'), message: i.message })) };
  const seen = new Set<string>();
  const issues: PlanIssue[] = [];
  r.data.indicators.forEach((d, i) => {
    if (seen.has(d.indicator)) issues.push({ path: ['indicators', i, 'indicator'], message: `${d.indicator} is defined twice` });
    seen.add(d.indicator);
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, definitions: r.data.indicators };
}

/** What a figure computed from the database says about itself (its source, in the figure's own fields). */
export const COMPUTED_SOURCE: LocalizedText = { zh: '重点行业企业数据库（平台汇总计算）', en: 'key-industry enterprise database (computed by the platform)' };
/** The origin of such a figure starts with this, so any reader can tell it was computed, not published. */
export const COMPUTED_ORIGIN_PREFIX = 'enterprise-database:';

export const isComputedFromEnterpriseDatabase = (origin: string | null): boolean => origin?.startsWith(COMPUTED_ORIGIN_PREFIX) ?? false;
