/**
 * From a target as the plan states it to what the evaluation compares: a level target and the values to compare it
 * with. Levels and ranges need nothing more. A target relative to the base year (比2025年下降10%) becomes the level
 * y_base·(1 + p/100) once the base year's value is known. A cumulative target (累计新增200万吨) is judged on the
 * cumulative amount itself: c_t = y_t − y_from (mode increase) or c_t = Σ y_k for from < k ≤ t (mode sum, every year
 * needed), against the target amount from a baseline of 0 in the year it counts from. A qualitative target has no
 * level (./qualitative.ts).
 */
import type { Target } from '../plan/model';
import type { PlanTarget } from '../plan/targets';
import type { Direction } from '../plan/terms';
import type { LocalizedText } from '../text';
import { formatValue } from '../unit/format';
import { levelTarget } from '../plan/targets';
import { num } from './format';

export interface Point {
  year: number;
  value: number;
}

export type Resolved =
  | { ok: true; target: Target; points: Point[]; baseline: { value: number; year: number } | null; note: LocalizedText | null; name: LocalizedText }
  | { ok: false; missing: LocalizedText };

export function resolveTarget(t: PlanTarget, ctx: { name: LocalizedText; unit: string; direction: Direction; points: readonly Point[]; baseline: { value: number; year: number } | null }): Resolved {
  const level = levelTarget(t);
  if (level) return { ok: true, target: level, points: [...ctx.points], baseline: ctx.baseline, note: null, name: ctx.name };
  if (t.kind === 'relative') {
    const base = ctx.baseline && ctx.baseline.year === t.from ? ctx.baseline : (ctx.points.find((p) => p.year === t.from) ?? null);
    if (!base) {
      return { ok: false, missing: { zh: `目标“${t.printed}”以${t.from}年为基期，缺少${ctx.name.zh}${t.from}年的数值：请导入该年数值或在规划文件中填写基期值`, en: `The target “${t.printed}” counts from ${t.from}, but ${ctx.name.en} has no ${t.from} value: import it or add the baseline to the plan file` } };
    }
    const value = base.value * (1 + t.percent / 100);
    const comparator = t.percent < 0 ? 'at_most' : 'at_least';
    const target: Target = { value, year: t.year, printed: t.printed, comparator, tolerance: null, wording: t.wording };
    return {
      ok: true,
      target,
      points: [...ctx.points],
      baseline: { value: base.value, year: base.year },
      name: ctx.name,
      note: {
        zh: `目标“${t.printed}”换算为水平值：${formatValue(Number(num(base.value, 4)), ctx.unit, 'zh')} × (1 ${t.percent < 0 ? '−' : '+'} ${num(Math.abs(t.percent), 4)}%) = ${formatValue(Number(num(value, 4)), ctx.unit, 'zh')}`,
        en: `The target “${t.printed}” as a level: ${formatValue(Number(num(base.value, 4)), ctx.unit, 'en')} × (1 ${t.percent < 0 ? '−' : '+'} ${num(Math.abs(t.percent), 4)}%) = ${formatValue(Number(num(value, 4)), ctx.unit, 'en')}`,
      },
    };
  }
  if (t.kind === 'cumulative') {
    const byYear = new Map(ctx.points.map((p) => [p.year, p.value]));
    const from = t.mode === 'increase' ? (ctx.baseline && ctx.baseline.year === t.from ? ctx.baseline.value : byYear.get(t.from)) : 0;
    if (from === undefined) {
      return { ok: false, missing: { zh: `累计目标“${t.printed}”自${t.from}年起算，缺少${ctx.name.zh}${t.from}年的数值：请导入该年数值`, en: `The cumulative target “${t.printed}” counts from ${t.from}, but ${ctx.name.en} has no ${t.from} value: import it` } };
    }
    const cumulative: Point[] = [];
    let sum = 0;
    for (let y = t.from + 1; y <= t.year; y++) {
      const v = byYear.get(y);
      if (v === undefined) {
        if (t.mode === 'sum') break; // a sum needs every year: it stops at the first gap
        continue;
      }
      sum += v;
      cumulative.push({ year: y, value: t.mode === 'increase' ? v - from : sum });
    }
    const comparator = ctx.direction === 'decrease' && t.mode === 'increase' ? 'at_most' : 'at_least';
    const target: Target = { value: t.value, year: t.year, printed: t.printed, comparator, tolerance: null, wording: t.wording };
    const how = t.mode === 'increase' ? { zh: `当年值减${t.from}年值`, en: `the year's value minus ${t.from}'s` } : { zh: `${t.from + 1}年起逐年累加`, en: `the sum of the yearly values from ${t.from + 1}` };
    return {
      ok: true,
      target,
      points: cumulative,
      baseline: { value: 0, year: t.from },
      name: { zh: `${ctx.name.zh}（累计）`, en: `${ctx.name.en} (cumulative)` },
      note: { zh: `累计目标按${how.zh}计算`, en: `The cumulative amount is ${how.en}` },
    };
  }
  return { ok: false, missing: { zh: '定性目标需录入评估结论', en: 'A qualitative target needs a recorded assessment' } };
}
