/**
 * 企业数据项: what enterprises report each month, quarter or year (营业收入, 利润总额, 应付职工薪酬, 从业人员期末人数,
 * 研发费用 …). The set is data (enterprises/items.yaml), so a province adds an item of its 一套表 forms without code.
 * A flow item (流量) adds up over time and is reported 1–N月 cumulatively; a stock item (存量, e.g. 期末人数) is a level
 * at the end of the period and never adds up over months.
 */
import { z } from 'zod';
import { localizedTextSchema } from '../plan/schema';
import type { LocalizedText } from '../text';
import type { PlanIssue } from '../plan/issues';

export interface EnterpriseItem {
  code: string;
  name: LocalizedText;
  /** Other headers the item goes by in files (the 一套表 wording of different forms). */
  aliases: string[];
  /** The unit stored; a file may use another unit of the same kind (千元 → 万元). */
  unit: string;
  kind: 'flow' | 'stock';
  /** A cumulative 1–N月 value may not fall from one month to the next (revenue may; profit may not be required to). */
  cumulativeNonDecreasing: boolean;
  /** Plausible range in the item's unit; a value outside is refused as a typing or unit error. */
  min: number;
  max: number;
}

const itemSchema = z
  .object({
    code: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'must be UPPER_SNAKE_CASE (e.g. REVENUE)'),
    name: localizedTextSchema,
    aliases: z.array(z.string().trim().min(1)).default([]),
    unit: z.string().trim().min(1),
    kind: z.enum(['flow', 'stock']),
    cumulativeNonDecreasing: z.boolean().default(false),
    min: z.number(),
    max: z.number(),
  })
  .strict()
  .refine((i) => i.min < i.max, { message: 'min must be below max', path: ['max'] })
  .refine((i) => !(i.kind === 'stock' && i.cumulativeNonDecreasing), { message: 'a stock item is never cumulative', path: ['cumulativeNonDecreasing'] });

export const itemsFileSchema = z.object({ items: z.array(itemSchema).min(1) }).strict();

export function parseItemsFile(raw: unknown): { ok: true; items: EnterpriseItem[] } | { ok: false; issues: PlanIssue[] } {
  const r = itemsFileSchema.safeParse(raw);
  if (!r.success) return { ok: false, issues: r.error.issues.map((i) => ({ path: i.path.filter((p): p is string | number => typeof p !== 'symbol'), message: i.message })) };
  const issues: PlanIssue[] = [];
  const names = new Map<string, number>();
  r.data.items.forEach((item, i) => {
    for (const n of [item.code, item.name.zh, ...item.aliases]) {
      const other = names.get(n);
      if (other !== undefined && other !== i) issues.push({ path: ['items', i], message: `"${n}" names two items (${r.data.items[other]?.code} and ${item.code})` });
      names.set(n, i);
    }
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, items: r.data.items };
}

/**
 * Finds the item a header or cell names: its code, Chinese name or an alias; spaces and a trailing unit in brackets
 * are ignored (营业收入（千元） names 营业收入).
 */
export function itemResolver(items: readonly EnterpriseItem[]): (text: string) => EnterpriseItem | null {
  const map = new Map<string, EnterpriseItem>();
  for (const it of items) for (const n of [it.code, it.name.zh, it.name.en.toLowerCase(), ...it.aliases]) map.set(n, it);
  return (text) => {
    const t = text.replace(/\s+/g, '').replace(/[（(][^）)]*[）)]$/, '');
    return map.get(t) ?? map.get(t.toLowerCase()) ?? map.get(t.toUpperCase()) ?? null;
  };
}
