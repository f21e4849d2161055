/**
 * 年内监测: how Chinese statistics actually arrive during a year — 1–N月 cumulative figures, quarters, halves,
 * months. The newest such figure of a year after the latest annual one is the in-year value, compared with the same
 * period a year earlier (同比: the ratio for levels and flows, the difference in percentage points for shares and
 * rates). Pure: figures in, the reading out.
 */
import { parsePeriod } from '../period/parse';
import { comparePeriods } from '../period/period';
import type { Observation } from './observation';
import { choosePreferred } from './preference';

export interface InYearValue {
  periodCode: string;
  year: number;
  value: number;
  observation: Observation;
  /** The same period a year earlier, when known. */
  previous: { periodCode: string; value: number; observation: Observation } | null;
  /** 同比: percent change (levels) or percentage points (shares and rates); null without the previous value. */
  change: number | null;
  changeKind: 'percent' | 'points';
}

const isSubAnnual = (code: string) => !/^\d{4}$/.test(code) && !/^\d{4}-\d{4}$/.test(code);

/**
 * @param afterYear the latest year with an annual figure: only later years' in-year figures count (null: any).
 * @example latestInYear(figures, { publishedBy: null, maxYear: 2025, afterYear: 2024, points: false })
 */
export function latestInYear(
  figures: readonly Observation[],
  opts: { publishedBy: string | null; maxYear: number; afterYear: number | null; points: boolean },
): InYearValue | null {
  const byCode = new Map<string, Observation[]>();
  for (const f of figures) {
    if (!isSubAnnual(f.periodCode)) continue;
    const list = byCode.get(f.periodCode) ?? [];
    list.push(f);
    byCode.set(f.periodCode, list);
  }
  const candidates = [...byCode.keys()]
    .map((code) => ({ code, period: parsePeriod(code) }))
    .flatMap((c) => (c.period.ok && 'year' in c.period.value ? [{ code: c.code, period: c.period.value, year: c.period.value.year }] : []))
    .filter((c) => c.year <= opts.maxYear && (opts.afterYear === null || c.year > opts.afterYear))
    .sort((a, b) => comparePeriods(b.period, a.period));
  for (const c of candidates) {
    const chosen = choosePreferred(byCode.get(c.code) ?? [], opts.publishedBy).chosen;
    if (!chosen) continue;
    const previousCode = `${c.year - 1}${c.code.slice(4)}`;
    const prior = choosePreferred(byCode.get(previousCode) ?? [], opts.publishedBy).chosen;
    const change = prior ? (opts.points ? chosen.valueStd - prior.valueStd : prior.valueStd !== 0 ? (chosen.valueStd / prior.valueStd - 1) * 100 : null) : null;
    return {
      periodCode: c.code,
      year: c.year,
      value: chosen.valueStd,
      observation: chosen,
      previous: prior ? { periodCode: previousCode, value: prior.valueStd, observation: prior } : null,
      change,
      changeKind: opts.points ? 'points' : 'percent',
    };
  }
  return null;
}
