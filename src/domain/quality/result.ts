/**
 * What a rule says about a figure: passed, failed (a violation, of the rule's severity) or skipped (could not be
 * judged: a figure it needs is missing, or the figures stand on different revision bases), with every figure
 * compared and the arithmetic in words.
 */
import type { LocalizedText } from '../text';
import type { Severity } from './rules';

export const OUTCOMES = ['pass', 'fail', 'skipped'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** A figure a check compared, and the part it played (total, part, share, numerator, growth, previous …). */
export interface InvolvedFigure {
  id: number;
  role: string;
  indicatorCode: string;
  regionCode: string;
  periodCode: string;
  value: number;
}

export interface RuleResult {
  ruleId: string;
  severity: Severity;
  outcome: Outcome;
  /** The figure being checked (negative: a row of a file being imported, −row). */
  subjectId: number;
  figures: InvolvedFigure[];
  message: LocalizedText;
  /**
   * The rule and the ids of every figure compared: the same comparison reached from two of its figures (GDP and
   * 第三产业 both fail one identity) is one violation with one key, and an acknowledgement is kept under it.
   */
  key: string;
  /** Where the violation is shown and counted: the total of a sum, the share of a share identity, the checked figure otherwise. */
  anchor: { indicatorCode: string; regionCode: string; periodCode: string };
}

/** @example violationKey('gdp-three-industries', [12, 3, 7]) // 'gdp-three-industries:3,7,12' */
export function violationKey(ruleId: string, ids: readonly number[]): string {
  return `${ruleId}:${[...new Set(ids)].sort((a, b) => a - b).join(',')}`;
}

/** What results are ordered by. */
export type ResultOrder = Pick<RuleResult, 'outcome' | 'severity' | 'ruleId' | 'anchor' | 'key'>;

/** Failures first, errors before warnings; then by rule, anchor and key — a stable order for lists and paging. */
export function compareResults(a: ResultOrder, b: ResultOrder): number {
  const rank = (r: ResultOrder) => (r.outcome === 'fail' ? (r.severity === 'error' ? 0 : 1) : r.outcome === 'skipped' ? 3 : 2);
  return (
    rank(a) - rank(b) ||
    cmp(a.ruleId, b.ruleId) ||
    cmp(a.anchor.indicatorCode, b.anchor.indicatorCode) ||
    cmp(a.anchor.regionCode, b.anchor.regionCode) ||
    cmp(a.anchor.periodCode, b.anchor.periodCode) ||
    cmp(a.key, b.key)
  );
}

/** Code-unit order: codes and keys are ASCII, and localeCompare (ICU) costs many times more. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
