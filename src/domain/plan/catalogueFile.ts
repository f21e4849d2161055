/**
 * The indicator catalogue file format (catalogue/*.yaml): indicators figures are published for that no plan defines.
 */
import { z } from 'zod';
import type { PlanIssue } from './issues';
import { localizedTextSchema } from './schema';

const code = z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'must be UPPER_SNAKE_CASE (e.g. GDP_GROWTH)');

const entrySchema = z
  .object({
    code,
    name: localizedTextSchema,
    unit: z.string().trim().min(1),
    share: z.object({ numerator: code, denominator: code }).strict().optional(),
    /** A growth rate (增长率, %) of another catalogue indicator: its year-on-year change; each figure states its
     * price basis (现价 nominal, 可比价 real). Evaluation chains these to judge real 年均增长 targets. */
    growthOf: code.optional(),
    notes: z.string().trim().min(1).optional(),
  })
  .strict();

export const catalogueFileSchema = z.object({ indicators: z.array(entrySchema).min(1) }).strict();
export type CatalogueEntry = z.output<typeof entrySchema>;

export function parseCatalogueFile(raw: unknown): { ok: true; entries: CatalogueEntry[] } | { ok: false; issues: PlanIssue[] } {
  const r = catalogueFileSchema.safeParse(raw);
  if (!r.success) return { ok: false, issues: r.error.issues.map((i) => ({ path: i.path.filter((p): p is string | number => typeof p !== 'symbol'), message: i.message })) };
  const issues: PlanIssue[] = [];
  const seen = new Set<string>();
  r.data.indicators.forEach((e, i) => {
    if (seen.has(e.code)) issues.push({ path: ['indicators', i, 'code'], message: `duplicate indicator code "${e.code}"` });
    seen.add(e.code);
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, entries: r.data.indicators };
}
