/**
 * Violations counted for the data-quality page and the annual report: by rule, by indicator and by region (each at
 * its anchor, so a failed identity counts once), and by the year of its period — the trend.
 */
import type { RuleResult } from './result';
import type { Severity } from './rules';

/** A violation as the platform keeps showing it: the result, and its acknowledgement (warnings only). */
export interface Violation extends RuleResult {
  acknowledgement: { by: string | null; at: string; comment: string } | null;
}

export const isOpen = (v: Violation): boolean => v.acknowledgement === null;

export interface SeverityCounts {
  total: number;
  errors: number;
  warnings: number;
  /** Not acknowledged (every error, and warnings nobody acknowledged). */
  open: number;
}

export interface ViolationSummary extends SeverityCounts {
  byRule: Array<{ ruleId: string; severity: Severity } & SeverityCounts>;
  byIndicator: Array<{ indicatorCode: string } & SeverityCounts>;
  byRegion: Array<{ regionCode: string } & SeverityCounts>;
  byYear: Array<{ year: number } & SeverityCounts>;
}

function counts(list: readonly Violation[]): SeverityCounts {
  let errors = 0, open = 0;
  for (const v of list) {
    if (v.severity === 'error') errors++;
    if (isOpen(v)) open++;
  }
  return { total: list.length, errors, warnings: list.length - errors, open };
}

function by<K extends string | number>(list: readonly Violation[], key: (v: Violation) => K): Array<[K, Violation[]]> {
  const m = new Map<K, Violation[]>();
  for (const v of list) {
    const k = key(v);
    m.set(k, [...(m.get(k) ?? []), v]);
  }
  return [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The year a period code begins in (2023, 2023Q3, 2023-01~09, 2021-2025 → 2021). */
export const periodYear = (periodCode: string): number => Number(periodCode.slice(0, 4));

export function summarise(violations: readonly Violation[]): ViolationSummary {
  return {
    ...counts(violations),
    byRule: by(violations, (v) => v.ruleId).map(([ruleId, list]) => ({ ruleId, severity: list[0]?.severity ?? 'warning', ...counts(list) })),
    byIndicator: by(violations, (v) => v.anchor.indicatorCode).map(([indicatorCode, list]) => ({ indicatorCode, ...counts(list) })),
    byRegion: by(violations, (v) => v.anchor.regionCode).map(([regionCode, list]) => ({ regionCode, ...counts(list) })),
    byYear: by(violations, (v) => periodYear(v.anchor.periodCode)).map(([year, list]) => ({ year, ...counts(list) })),
  };
}
