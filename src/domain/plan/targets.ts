/**
 * 目标: an indicator's targets as the plan states them — one or several years (milestones, then the plan's own), each
 * a level with a comparator, a range, a change relative to the base year, a cumulative amount over the period, or a
 * qualitative statement. `planTargets` reads them off a plan file; `levelTarget` gives the plain level target the
 * evaluation methods compare with, where one exists without data (a level or a range).
 */
import type { LocalizedText } from '../text';
import type { Target } from './model';
import type { PlanIndicatorDef } from './schema';
import type { Comparator } from './terms';

interface TargetBase {
  year: number;
  printed: string;
  wording: string | null;
  /** An intermediate year (2028年达到…): judged in its year like a target, but not the plan's own target. */
  milestone: boolean;
}

export type PlanTarget =
  | (TargetBase & { kind: 'level'; value: number; comparator: Comparator; tolerance: number | null })
  | (TargetBase & { kind: 'range'; lower: number; upper: number })
  | (TargetBase & { kind: 'relative'; percent: number; from: number })
  | (TargetBase & { kind: 'cumulative'; value: number; mode: 'increase' | 'sum'; from: number })
  | (TargetBase & { kind: 'qualitative'; statement: string });

export type TargetKind = PlanTarget['kind'];

export const TARGET_KIND_LABELS: Record<TargetKind, LocalizedText> = {
  level: { zh: '水平目标', en: 'level' },
  range: { zh: '区间目标', en: 'range' },
  relative: { zh: '相对基期目标', en: 'relative to the base year' },
  cumulative: { zh: '累计目标', en: 'cumulative' },
  qualitative: { zh: '定性目标', en: 'qualitative' },
};

/** The targets of an indicator of a plan file, earliest first; `target:` (one year) reads as a list of one. */
export function planTargets(ind: PlanIndicatorDef, baseYear: number): PlanTarget[] {
  if (ind.target) {
    const t = ind.target;
    return [{ kind: 'level', year: t.year, printed: t.printed, wording: t.wording ?? null, milestone: false, value: t.value, comparator: t.comparator, tolerance: t.tolerance ?? null }];
  }
  return (ind.targets ?? []).map((t): PlanTarget => {
    const base = { year: t.year, printed: t.printed, wording: t.wording ?? null, milestone: t.milestone };
    if (t.range) return { ...base, kind: 'range', lower: t.range[0], upper: t.range[1] };
    if (t.relative) return { ...base, kind: 'relative', percent: t.relative.percent, from: t.relative.from ?? baseYear };
    if (t.cumulative) return { ...base, kind: 'cumulative', value: t.cumulative.value, mode: t.cumulative.mode, from: t.cumulative.from ?? baseYear };
    if (t.qualitative) return { ...base, kind: 'qualitative', statement: t.qualitative };
    // The schema guarantees a value and a comparator when no other form is given.
    return { ...base, kind: 'level', value: t.value ?? Number.NaN, comparator: t.comparator ?? 'at_least', tolerance: t.tolerance ?? null };
  });
}

/**
 * The level target of a level or range target — what the progress methods, the verdict and the forecast compare
 * with. A range [a, b] reads as a band around its middle, (a + b)/2 ± (b − a)/2, marked `range` so that inside it is
 * 已完成 rather than 基本完成. Null for the other kinds: they need data to become a level (./resolve in evaluation).
 */
export function levelTarget(t: PlanTarget): Target | null {
  if (t.kind === 'level') return { value: t.value, year: t.year, printed: t.printed, comparator: t.comparator, tolerance: t.tolerance, wording: t.wording };
  if (t.kind === 'range') {
    return { value: (t.lower + t.upper) / 2, year: t.year, printed: t.printed, comparator: 'about', tolerance: (t.upper - t.lower) / 2, wording: t.wording, range: true };
  }
  return null;
}
