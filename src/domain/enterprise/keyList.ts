/**
 * 重点企业名录: lists of key enterprises a plan's chapters name (e.g. the digital-transformation enterprises of
 * chapter 三). The lists are data (enterprises/key-lists.yaml); membership comes with the registry (a 重点企业名录 column
 * in an enterprise file) and every change of membership is a dated entry, never an overwrite.
 */
import { z } from 'zod';
import type { PlanIssue } from '../plan/issues';
import { localizedTextSchema } from '../plan/schema';
import type { LocalizedText } from '../text';

export interface KeyEnterpriseList {
  code: string;
  name: LocalizedText;
  planId: string | null;
  /** The plan chapter (its number as printed, 三) the list serves. */
  chapter: string | null;
}

const listSchema = z
  .object({
    code: z.string().regex(/^[A-Z0-9][A-Z0-9_-]*$/, 'upper-case letters, digits, - and _'),
    name: localizedTextSchema,
    plan: z.string().nullable().default(null),
    chapter: z.string().nullable().default(null),
  })
  .strict();

export function parseKeyLists(raw: unknown): { ok: true; lists: KeyEnterpriseList[] } | { ok: false; issues: PlanIssue[] } {
  const r = z.object({ lists: z.array(listSchema) }).strict().safeParse(raw);
  if (!r.success) return { ok: false, issues: r.error.issues.map((i) => ({ path: i.path.filter((p): p is string | number => typeof p !== 'symbol'), message: i.message })) };
  const seen = new Set<string>();
  const issues: PlanIssue[] = [];
  r.data.lists.forEach((l, i) => {
    if (seen.has(l.code)) issues.push({ path: ['lists', i, 'code'], message: `list ${l.code} is defined twice` });
    seen.add(l.code);
  });
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, lists: r.data.lists.map((l) => ({ code: l.code, name: l.name, planId: l.plan, chapter: l.chapter })) };
}
