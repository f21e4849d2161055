/**
 * 规模以上 (above designated size) and 企业规模 (large / medium / small / micro): both decided by thresholds that differ
 * by industry, kept as data (enterprises/size-thresholds.yaml). For an enterprise, the rule of the most specific
 * industry scope that contains its code applies (7010 房地产开发经营 before K 房地产业).
 *
 * 规模以上: annual operating revenue (营业收入, 万元) at or above the threshold of the industry; an industry without a
 * revenue threshold (建筑业: by qualification) has none here, and the flag must then be given.
 *
 * 企业规模 (统计上大中小微型企业划分办法): large, medium and small must meet every lower bound listed for the class,
 * otherwise the enterprise falls to the class below; micro is what meets none of the small bounds.
 */
import { z } from 'zod';
import type { PlanIssue } from '../plan/issues';
import { industryWithin } from '../industry/classification';

export const SIZE_CLASSES = ['large', 'medium', 'small', 'micro'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];
export const SIZE_CLASS_LABELS: Record<SizeClass, { zh: string; en: string }> = {
  large: { zh: '大型', en: 'large' },
  medium: { zh: '中型', en: 'medium' },
  small: { zh: '小型', en: 'small' },
  micro: { zh: '微型', en: 'micro' },
};

/** What size is measured by: 从业人员 (persons), 营业收入 and 资产总额 (万元). */
export interface SizeMeasures {
  employees?: number | null;
  revenue?: number | null;
  assets?: number | null;
}

const bounds = z.object({ employees: z.number().min(0).optional(), revenue: z.number().min(0).optional(), assets: z.number().min(0).optional() }).strict();
const scope = z.array(z.string().regex(/^([A-T]|\d{2,4})$/, 'an industry code: a section letter or a 2–4 digit code')).min(1);

const fileSchema = z
  .object({
    aboveDesignatedSize: z.array(z.object({ scope, name: z.string(), revenue: z.number().min(0).nullable(), note: z.string().optional() }).strict()).min(1),
    sizeClasses: z.array(z.object({ scope, name: z.string(), large: bounds, medium: bounds, small: bounds }).strict()).min(1),
  })
  .strict();

export type SizeThresholds = z.output<typeof fileSchema>;

export function parseSizeThresholds(raw: unknown): { ok: true; thresholds: SizeThresholds } | { ok: false; issues: PlanIssue[] } {
  const r = fileSchema.safeParse(raw);
  if (!r.success) return { ok: false, issues: r.error.issues.map((i) => ({ path: i.path.filter((p): p is string | number => typeof p !== 'symbol'), message: i.message })) };
  return { ok: true, thresholds: r.data };
}

/** The rule whose scope holds the code most specifically (a class code beats its division, a division its section). */
function mostSpecific<T extends { scope: string[] }>(rules: readonly T[], code: string, section: string): T | null {
  let best: T | null = null;
  let depth = -1;
  for (const rule of rules) {
    for (const s of rule.scope) {
      const d = /^[A-T]$/.test(s) ? 1 : s.length;
      if (d > depth && industryWithin(code, section, [s])) {
        best = rule;
        depth = d;
      }
    }
  }
  return best;
}

/**
 * Whether annual revenue puts an enterprise of this industry above designated size; null when its industry has no
 * revenue threshold here (the flag must then come from the bureau).
 *
 * @example
 * isAboveDesignatedSize(t, '6513', 'I', 2500) // true: 信息传输、软件和信息技术服务业, 2000万元
 * isAboveDesignatedSize(t, '8010', 'O', 450)  // false: 居民服务业, 500万元
 */
export function isAboveDesignatedSize(t: SizeThresholds, industryCode: string, sectionCode: string, annualRevenue: number): boolean | null {
  const rule = mostSpecific(t.aboveDesignatedSize, industryCode, sectionCode);
  if (!rule || rule.revenue === null) return null;
  return annualRevenue >= rule.revenue;
}

/** The revenue threshold (万元) of the code's 规模以上 rule, or null. */
export function designatedSizeThreshold(t: SizeThresholds, industryCode: string, sectionCode: string): number | null {
  return mostSpecific(t.aboveDesignatedSize, industryCode, sectionCode)?.revenue ?? null;
}

/**
 * The size class from the measures the industry's rule names; null when a measure the rule needs is missing.
 *
 * @example
 * sizeClassOf(t, '6513', 'I', { employees: 150, revenue: 5000 }) // 'medium' (软件和信息技术服务业: 100 人 and 1000 万元)
 */
export function sizeClassOf(t: SizeThresholds, industryCode: string, sectionCode: string, m: SizeMeasures): SizeClass | null {
  const rule = mostSpecific(t.sizeClasses, industryCode, sectionCode);
  if (!rule) return null;
  const meets = (b: z.output<typeof bounds>): boolean | null => {
    for (const key of ['employees', 'revenue', 'assets'] as const) {
      const bound = b[key];
      if (bound === undefined) continue;
      const v = m[key];
      if (v === undefined || v === null) return null;
      if (v < bound) return false;
    }
    return true;
  };
  for (const cls of ['large', 'medium', 'small'] as const) {
    const r = meets(rule[cls]);
    if (r === null) return null;
    if (r) return cls;
  }
  return 'micro';
}
