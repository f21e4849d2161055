/**
 * Walking a zod schema alongside the data, for the two things validation needs beyond zod's own parse: the keys
 * an object allows (to suggest "comparator" for "comparater"), and a best-effort copy of a document whose shape is
 * wrong, with lists and defaults filled in, so that the rules across the file (./crossCheck.ts) still run and every
 * problem is reported in one pass. Reads zod 4's schema definitions (`schema.def`), which are public.
 */
import type { z } from 'zod';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  defaultValue?: unknown;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { def: Def }).def;

/** The schema inside optional, default, nullable, readonly, catch and pipe wrappers. */
function core(schema: z.ZodType): { schema: z.ZodType; fallback: unknown } {
  let s = schema;
  let fallback: unknown;
  for (let i = 0; i < 10; i++) {
    const d = defOf(s);
    if (d.type === 'default' || d.type === 'prefault') {
      if (fallback === undefined) fallback = typeof d.defaultValue === 'function' ? (d.defaultValue as () => unknown)() : d.defaultValue;
    }
    const next = d.innerType ?? (d.type === 'pipe' ? d.in : undefined);
    if (!next) break;
    s = next;
  }
  return { schema: s, fallback };
}

/** The schema of the value at `path` (indices step into arrays), or null where the path leaves the schema. */
export function schemaAt(schema: z.ZodType, path: ReadonlyArray<string | number>): z.ZodType | null {
  let s: z.ZodType | null = schema;
  for (const part of path) {
    if (!s) return null;
    const d = defOf(core(s).schema);
    s = typeof part === 'number' ? (d.type === 'array' ? (d.element ?? null) : null) : d.type === 'object' ? (d.shape?.[part] ?? null) : null;
  }
  return s;
}

/** The keys the object at `path` allows (empty when the path is not an object). */
export function keysAt(schema: z.ZodType, path: ReadonlyArray<string | number>): string[] {
  const s = schemaAt(schema, path);
  if (!s) return [];
  const d = defOf(core(s).schema);
  return d.type === 'object' ? Object.keys(d.shape ?? {}) : [];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A copy of `raw` in the shape of `schema` as far as it goes: objects keep their known keys, missing lists become
 * their default (or empty), missing objects become objects, defaults are filled in, list positions are kept (so the
 * paths of later issues still point at the right entry), and a wrong scalar stays as it was. For rules that must
 * run on a file zod refused; their findings on the broken parts are dropped by the caller.
 */
export function looseCopy(schema: z.ZodType, raw: unknown): unknown {
  const { schema: s, fallback } = core(schema);
  const d = defOf(s);
  if (raw === undefined && fallback !== undefined) return structuredClone(fallback);
  if (d.type === 'array') {
    if (!Array.isArray(raw)) return raw === undefined && fallback === undefined ? [] : Array.isArray(fallback) ? [...fallback] : [];
    return raw.map((x) => (d.element ? looseCopy(d.element, x) : x));
  }
  if (d.type === 'object') {
    if (raw !== undefined && !isObject(raw)) return {};
    const src = raw ?? {};
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(d.shape ?? {})) {
      const value = src[key];
      const inner = defOf(field);
      // An absent optional object stays absent (rules test `if (ind.target)`); anything else is filled in.
      if (value === undefined && inner.type === 'optional') continue;
      out[key] = looseCopy(field, value);
    }
    return out;
  }
  return raw;
}
