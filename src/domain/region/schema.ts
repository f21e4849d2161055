/**
 * The region registry file format (regions/*.yaml, `plan-monitor regions load FILE`, POST /api/regions), checked by
 * zod and by the rules of GB/T 2260; see docs/REGIONS.md. A file may extend a registry: its parents and
 * predecessors may be regions the registry already holds.
 */
import { z } from 'zod';
import { localizedTextSchema } from '../plan/schema';
import type { PlanIssue } from '../plan/issues';
import { fitsUnder, REGION_CODE, REGION_CODE_MESSAGE } from './code';
import { REGION_LEVELS, type Region } from './region';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date YYYY-MM-DD');

const regionSchema = z
  .object({
    code: z.string().regex(REGION_CODE, REGION_CODE_MESSAGE),
    name: localizedTextSchema,
    level: z.enum(REGION_LEVELS, { error: (i) => `unknown level ${JSON.stringify(i.input)} (expected ${REGION_LEVELS.join(' | ')}; a functional area is kind: functional at its level)` }),
    kind: z.enum(['administrative', 'functional']),
    parent: z.string().nullable().default(null),
    validFrom: isoDate,
    validTo: isoDate.nullable().default(null),
    predecessors: z.array(z.string()).default([]),
    note: z.string().nullable().default(null),
  })
  .strict();

export const regionRegistrySchema = z.object({ regions: z.array(regionSchema).min(1) }).strict();

const rank = (level: Region['level']) => REGION_LEVELS.indexOf(level);

/**
 * Checks a registry file. `existing` is the registry it extends (empty for a complete file): parents and
 * predecessors may be found there.
 */
export function parseRegionRegistry(raw: unknown, existing: readonly Region[] = []): { ok: true; regions: Region[] } | { ok: false; issues: PlanIssue[] } {
  const r = regionRegistrySchema.safeParse(raw);
  if (!r.success) {
    return { ok: false, issues: r.error.issues.map((i) => ({ path: i.path.filter((p): p is string | number => typeof p !== 'symbol'), message: i.message })) };
  }
  const issues: PlanIssue[] = [];
  const known = new Map(existing.map((x) => [x.code, { level: x.level, kind: x.kind }]));
  const inFile = new Set<string>();
  r.data.regions.forEach((reg, i) => {
    if (inFile.has(reg.code)) issues.push({ path: ['regions', i, 'code'], message: `duplicate region code "${reg.code}"` });
    inFile.add(reg.code);
    known.set(reg.code, { level: reg.level, kind: reg.kind });
    if (reg.validTo !== null && reg.validTo < reg.validFrom) issues.push({ path: ['regions', i, 'validTo'], message: 'validTo is before validFrom' });
    const digits = reg.code.split('-')[0]?.length ?? 0;
    if ((reg.level === 'street') !== (digits > 6)) {
      issues.push({ path: ['regions', i, 'code'], message: reg.level === 'street' ? `a street needs its 9- or 12-digit statistical division code, not "${reg.code}"` : `a ${reg.level} has a 6-digit GB/T 2260 code, not "${reg.code}"` });
    }
  });
  r.data.regions.forEach((reg, i) => {
    if (reg.parent !== null) {
      const parent = known.get(reg.parent);
      if (!parent) issues.push({ path: ['regions', i, 'parent'], message: `unknown parent region "${reg.parent}"` });
      else if (rank(parent.level) >= rank(reg.level)) issues.push({ path: ['regions', i, 'level'], message: `a ${reg.level} cannot lie under a ${parent.level} (parent ${reg.parent})` });
      else if (reg.kind === 'administrative' && parent.kind === 'administrative' && !fitsUnder(reg.code, reg.parent)) {
        issues.push({ path: ['regions', i, 'code'], message: `code ${reg.code} does not lie under its parent ${reg.parent} (GB/T 2260: a region's code starts with its parent's)` });
      }
    }
    reg.predecessors.forEach((p, j) => {
      if (!known.has(p)) issues.push({ path: ['regions', i, 'predecessors', j], message: `unknown predecessor region "${p}"` });
    });
  });
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    regions: r.data.regions.map((reg) => ({ code: reg.code, name: reg.name, level: reg.level, kind: reg.kind, parentCode: reg.parent, validFrom: reg.validFrom, validTo: reg.validTo, predecessors: reg.predecessors, note: reg.note })),
  };
}
