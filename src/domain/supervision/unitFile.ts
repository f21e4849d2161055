/** The unit registry file (units/*.yaml): city departments and district governments, as data. */
import { z } from 'zod';
import type { PlanIssue } from '../plan/issues';
import type { Unit } from './model';
import { UNIT_KINDS } from './terms';

const text = z.string().trim().min(1, 'must not be empty');
const unitSchema = z
  .object({
    code: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes'),
    name: z.object({ zh: text, en: text }).strict(),
    kind: z.enum(UNIT_KINDS),
    region: z.string().optional(),
    email: z.email().optional(),
  })
  .strict()
  .refine((u) => (u.kind === 'district') === (u.region !== undefined), { message: 'a district unit names its region, and only a district unit does', path: ['region'] });

const fileSchema = z.object({ units: z.array(unitSchema).min(1) }).strict();

export function parseUnitFile(data: unknown, knownRegions: ReadonlySet<string>): { ok: true; units: Array<Omit<Unit, 'id'>> } | { ok: false; issues: PlanIssue[] } {
  const parsed = fileSchema.safeParse(data);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message })) };
  const issues: PlanIssue[] = [];
  const seen = new Map<string, number>();
  parsed.data.units.forEach((u, i) => {
    for (const key of [`code ${u.code}`, `name ${u.name.zh}`]) {
      const first = seen.get(key);
      if (first !== undefined) issues.push({ path: ['units', i], message: `${key} repeats units[${first}]` });
      else seen.set(key, i);
    }
    if (u.region !== undefined && !knownRegions.has(u.region)) issues.push({ path: ['units', i, 'region'], message: `unknown region ${u.region}` });
  });
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, units: parsed.data.units.map((u) => ({ code: u.code, name: u.name, kind: u.kind, regionCode: u.region ?? null, email: u.email ?? null })) };
}
