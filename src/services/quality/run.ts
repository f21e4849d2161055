/**
 * The check of every figure the platform holds (the data-quality page, its API, `plan-monitor quality check`):
 * approved figures are checked against each other, and figures still in approval (drafts, submitted) against the
 * approved ones; rejected figures are not checked. Each violation is kept once (the same identity failing seen
 * from its four figures is one), with its acknowledgement. For a plan: the general rules and the plan's own, and
 * the violations that touch the plan's indicators.
 *
 * A run is kept in memory until anything it read changes (db/quality.ts qualityDataVersion: figures, their
 * approval steps, acknowledgements, rule files), so paging through violations does not check everything again.
 */
import type { Database } from '../../db/client';
import { acknowledgementsOf, leanFigures, qualityDataVersion } from '../../db/quality';
import { listPlanIndicators } from '../../db/plans';
import { checkFigures, type Counts } from '../../domain/quality/engine';
import { compareResults } from '../../domain/quality/result';
import { ruleIndicators } from '../../domain/quality/rules';
import type { ActiveRule } from '../../domain/quality/ruleSet';
import type { Violation } from '../../domain/quality/summary';
import { NotFoundError } from '../errors';
import { checkEnvironment } from './check';

export interface QualityRun {
  planId: string | null;
  /** ISO time the check ran. */
  checkedAt: string;
  /** Figures checked (every state but rejected). */
  figures: number;
  rules: ActiveRule[];
  /** Outcomes per rule, over every figure checked. */
  counts: Record<string, Counts>;
  /** Sorted: errors, then warnings; by rule, anchor, key. */
  violations: Violation[];
}

const cache = new Map<string, { version: string; run: Promise<QualityRun> }>();
const MAX_RUNS = 8;

export async function qualityRun(database: Database, planId: string | null = null): Promise<QualityRun> {
  const version = await qualityDataVersion(database.db);
  const key = `${planId ?? ''}`;
  const hit = cache.get(key);
  if (hit && hit.version === version) return hit.run;
  const run = computeRun(database, planId);
  cache.set(key, { version, run });
  run.catch(() => cache.get(key)?.run === run && cache.delete(key));
  while (cache.size > MAX_RUNS) {
    const oldest = cache.keys().next().value;
    if (oldest === undefined) break;
    cache.delete(oldest);
  }
  return run;
}

async function computeRun(database: Database, planId: string | null): Promise<QualityRun> {
  const db = database.db;
  const env = await checkEnvironment(db, database.driver, planId);
  let planIndicators: Set<string> | null = null;
  if (planId !== null) {
    planIndicators = new Set((await listPlanIndicators(db, planId)).map((i) => i.code));
    if (planIndicators.size === 0) throw new NotFoundError(`no plan with id "${planId}"`);
  }
  // Only indicators some rule reads are fetched, unless a rule reads every indicator.
  let indicatorCodes: string[] | undefined;
  const read = env.rules.map((r) => ruleIndicators(r.rule));
  if (!read.includes('all')) {
    const set = new Set<string>();
    for (const list of read) if (list !== 'all') list.forEach((c) => set.add(c));
    for (const r of env.rules) {
      if (r.rule.kind !== 'share') continue;
      for (const c of r.rule.indicators) {
        const f = env.indicators.get(c)?.share;
        if (f) [f.numerator, f.denominator].forEach((x) => set.add(x));
      }
    }
    indicatorCodes = [...set];
  }
  const figures = env.rules.length === 0 ? [] : await leanFigures(db, database.driver, { states: ['approved', 'submitted', 'draft'], indicatorCodes });
  const pool = figures.filter((f) => f.state === 'approved');
  const subjects = planIndicators ? figures.filter((f) => planIndicators.has(f.indicatorCode)) : figures;
  const checkedAt = new Date().toISOString();
  const { results, counts } = checkFigures({ rules: env.rules, pool, subjects, indicators: env.indicators, regions: env.regions, units: env.units, keep: 'failures' });
  const touching = planIndicators ? results.filter((r) => r.figures.some((f) => planIndicators.has(f.indicatorCode))) : results;
  touching.sort(compareResults);
  // Every acknowledgement (few) rather than a lookup of every key (a million keys would not fit in one statement).
  const acknowledged = await acknowledgementsOf(db);
  return {
    planId,
    checkedAt,
    figures: subjects.length,
    rules: env.rules,
    counts: Object.fromEntries(counts),
    violations: touching.map((r) => ({ ...r, acknowledgement: r.severity === 'warning' ? (acknowledged.get(r.key) ?? null) : null })),
  };
}
