/** The region registry file format (regions/*.yaml), checked by zod; see docs/PLAN_FORMAT.md. */
import { z } from 'zod';
import { localizedTextSchema } from '../plan/schema';
import type { PlanIssue } from '../plan/issues';
import type { Region } from './region';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date YYYY-MM-DD');

const regionSchema = z
  .object({
    code: z.string().regex(/^\d{6}(-[A-Z]{2,})?$/, 'must be a 6-digit GB/T 2260 code, or one with a -XX suffix for a functional area'),
    name: localizedTextSchema,
    level: z.enum(['city', 'district']),
    kind: z.enum(['administrative', 'functional']),
    parent: z.string().nullable().default(null),
    validFrom: isoDate,
    validTo: isoDate.nullable().default(null),
    predecessors: z.array(z.string()).default([]),
    note: z.string().nullable().default(null),
  })
  .strict();

export const regionRegistrySchema = z.object({ regions: z.array(regionSchema).min(1) }).strict();

export function parseRegionRegistry(raw: unknown): { ok: true; regions: Region[] } | { ok: false; issues: PlanIssue[] } {
  const r = regionRegistrySchema.safeParse(raw);
  if (!r.success) {
    return { ok: false, issues: r.error.issues.map((i) => ({ path: i.path.filter((p): p is string | number => typeof p !== 'symbol'), message: i.message })) };
  }
  const issues: PlanIssue[] = [];
  const codes = new Set<string>();
  r.data.regions.forEach((reg, i) => {
    if (codes.has(reg.code)) issues.push({ path: ['regions', i, 'code'], message: `duplicate region code "${reg.code}"` });
    codes.add(reg.code);
    if (reg.validTo !== null && reg.validTo < reg.validFrom) issues.push({ path: ['regions', i, 'validTo'], message: 'validTo is before validFrom' });
  });
  r.data.regions.forEach((reg, i) => {
    if (reg.parent !== null && !codes.has(reg.parent)) issues.push({ path: ['regions', i, 'parent'], message: `unknown parent region "${reg.parent}"` });
    reg.predecessors.forEach((p, j) => {
      if (!codes.has(p)) issues.push({ path: ['regions', i, 'predecessors', j], message: `unknown predecessor region "${p}"` });
    });
  });
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    regions: r.data.regions.map((reg) => ({ code: reg.code, name: reg.name, level: reg.level, kind: reg.kind, parentCode: reg.parent, validFrom: reg.validFrom, validTo: reg.validTo, predecessors: reg.predecessors, note: reg.note })),
  };
}
