/**
 * Runs the rules in force over some figures against the approved figures around them: the shared step of the
 * import's dry run, the approval gate and the per-figure view. Only the figures the rules can reach are read — the
 * indicators the subjects' rules name, the subjects' regions (every region when a district-sum rule applies), and
 * the years from the history window before the earliest subject to the year after the latest.
 */
import type { DatabaseTarget, Db } from '../../db/client';
import { leanFigures, listRuleFiles, type LeanFilter } from '../../db/quality';
import { figureVersion } from '../../db/dataVersion';
import { listRegions } from '../../db/regions';
import type { Region } from '../../domain/region/region';
import { checkFigures, type CheckOutput } from '../../domain/quality/engine';
import type { QualityFigure } from '../../domain/quality/figure';
import { joinFigures, type FigureList } from '../../domain/quality/figureList';
import { ruleFileSchema, ruleIndicators } from '../../domain/quality/rules';
import { rulesInForce, type ActiveRule, type IndicatorInfo, type RuleSet } from '../../domain/quality/ruleSet';
import { knownNames } from './files';
import type { UnitCatalogue } from '../../domain/unit/catalogue';
import { unitCatalogueOf } from '../units/unitCatalogue';
import { concurrently } from '../../db/concurrently';
import { crowdedIds } from '../../domain/quality/crowded';
import { StagedRows } from '../../domain/quality/stagedRows';
import { engineThreadIfUp } from './engineThread';

/** The stored rule files (checked when they were loaded; parsed again here for their types and defaults). */
export async function ruleSet(db: Db): Promise<RuleSet> {
  const files = await listRuleFiles(db);
  return { files: files.map((f) => ({ name: f.name, file: ruleFileSchema.parse(f.document) })) };
}

export interface CheckEnvironment {
  driver: DatabaseTarget['driver'];
  rules: ActiveRule[];
  indicators: Map<string, IndicatorInfo>;
  regions: Region[];
  /** The unit catalogue (bundled, loaded and plans' units): which indicators are money, rates or levels. */
  units: UnitCatalogue;
}

export async function checkEnvironment(db: Db, driver: DatabaseTarget['driver'], planId: string | null = null): Promise<CheckEnvironment> {
  const [set, names] = await concurrently(db, [() => ruleSet(db), () => knownNames(db)]);
  return { driver, rules: rulesInForce(set, planId), indicators: names.indicators, regions: await listRegions(db), units: await unitCatalogueOf(db) };
}

/** The rules that read any of these indicators, and every indicator they read. */
export function reach(env: CheckEnvironment, subjectIndicators: ReadonlySet<string>): { rules: ActiveRule[]; indicators: Set<string>; allRegions: boolean; historyYears: number } {
  const rules: ActiveRule[] = [];
  const indicators = new Set(subjectIndicators);
  let allRegions = false;
  let historyYears = 1;
  for (const active of env.rules) {
    const read = ruleIndicators(active.rule);
    const withFormulas = read === 'all' ? 'all' : [...read, ...(active.rule.kind === 'share' ? read.flatMap((c) => { const f = env.indicators.get(c)?.share; return f ? [f.numerator, f.denominator] : []; }) : [])];
    if (withFormulas !== 'all' && !withFormulas.some((c) => subjectIndicators.has(c))) continue;
    rules.push(active);
    if (withFormulas !== 'all') withFormulas.forEach((c) => indicators.add(c));
    if (active.rule.kind === 'region_sum') allRegions = true;
    if (active.rule.kind === 'outlier') historyYears = Math.max(historyYears, (active.rule.historyYears ?? active.settings.historyYears) + 1);
  }
  return { rules, indicators, allRegions, historyYears };
}

/**
 * The approved figures last read for a file's rows, per database (the Database object), kept while no figure has
 * changed (figureVersion: the rules, units and regions are read afresh by every check) and the rows reach the same
 * figures: a file checked again — the dry run repeated after a fix, then the import itself — reads them once.
 * Only a read of at most KEEP_AT_MOST figures is kept (memory). `ranked`: the ids read with every column.
 */
const keptApproved = new WeakMap<object, { version: string | null; filter: string; figures: QualityFigure[]; ranked: Set<number> }>();
const KEEP_AT_MOST = 200_000;

/** Forgets the kept approved figures of a database (benchmarks measure a check that reads them). */
export function forgetKeptApproved(keptBy: object): void {
  keptApproved.delete(keptBy);
}

/**
 * The approved figures a check reaches, read with only what places them in their cells — the preference rule's
 * keys cost PGlite as much to write out as everything else — and then, for the cells where figures compete (two
 * stored, or a stored one and a figure checked), with every column (db/quality.ts LeanColumns).
 */
async function approvedFigures(db: Db, env: CheckEnvironment, filter: LeanFilter, others: readonly FigureList[], keptBy: object | undefined): Promise<{ figures: QualityFigure[]; key: string | null }> {
  const version = keptBy ? await figureVersion(db) : null;
  const key = JSON.stringify(filter);
  const kept = keptBy ? keptApproved.get(keptBy) : undefined;
  const entry = kept && version !== null && kept.version === version && kept.filter === key ? kept : { version, filter: key, figures: await leanFigures(db, env.driver, filter, 'cells'), ranked: new Set<number>() };
  const unranked = new Set(crowdedIds(entry.figures, others).filter((id) => !entry.ranked.has(id)));
  if (unranked.size > 0) {
    const full = new Map((await leanFigures(db, env.driver, { states: filter.states, ids: [...unranked] })).map((f) => [f.id, f]));
    // A figure no longer approved when its columns were read (a server, between the two reads) leaves the pool.
    entry.figures = entry.figures.flatMap((f) => (unranked.has(f.id) ? (full.get(f.id) ?? []) : [f]));
    unranked.forEach((id) => entry.ranked.add(id));
  }
  if (keptBy) {
    if (entry.version !== null && entry.figures.length <= KEEP_AT_MOST) {
      keptApproved.set(keptBy, entry);
      // The same database, version, filter and ranked figures: the same figures (ranking only ever adds ids).
      return { figures: entry.figures, key: `${databaseNumber(keptBy)}|${entry.version}|${key}|${entry.ranked.size}` };
    }
    keptApproved.delete(keptBy);
  }
  return { figures: entry.figures, key: null };
}

const databaseNumbers = new WeakMap<object, number>();
function databaseNumber(keptBy: object): number {
  let n = databaseNumbers.get(keptBy);
  if (n === undefined) databaseNumbers.set(keptBy, (n = nextDatabaseNumber++));
  return n;
}
let nextDatabaseNumber = 1;

/** How much of a check's results to keep (engine.ts CheckInput), and where to keep the approved figures read. */
export interface CheckOptions {
  keepOthers?: number;
  keepFailures?: number;
  noteFailing?: boolean;
  /** The Database: keep the approved figures read (for a file's rows), and reuse them while unchanged. */
  keptBy?: object;
  /**
   * A file's rows (StagedRows, the subjects and the pool beside the approved figures): run the engine on its own
   * thread when that is up and the check is not too large to copy there (OFF_THREAD_AT_MOST).
   */
  offThread?: boolean;
}

/** Figures (approved and rows) a check copies to the engine's thread at most: above, a copy costs more memory than the thread saves time. */
const OFF_THREAD_AT_MOST = 200_000;

/** Checks `subjects` against the approved figures they can reach, plus `extraPool` (a file's own rows). */
export async function checkAgainstApproved(db: Db, env: CheckEnvironment, subjects: FigureList, extraPool: FigureList, keep: 'all' | 'failures', opts: CheckOptions = {}): Promise<CheckOutput> {
  return (await beginCheckAgainstApproved(db, env, subjects, extraPool, keep, opts))();
}

/**
 * The same check in two steps: what it reads from the database is read when the returned promise resolves, and
 * the function it gives answers the check — on the engine's thread (opts.offThread) it is already running, so the
 * caller may use the database meanwhile; here, it runs when called.
 */
export async function beginCheckAgainstApproved(db: Db, env: CheckEnvironment, subjects: FigureList, extraPool: FigureList, keep: 'all' | 'failures', opts: CheckOptions = {}): Promise<() => Promise<CheckOutput>> {
  const none: CheckOutput = opts.noteFailing ? { results: [], counts: new Map(), failing: new Map() } : { results: [], counts: new Map() };
  const answer = (output: CheckOutput) => () => Promise.resolve(output);
  if (subjects.length === 0 || env.rules.length === 0) return answer(none);
  const indicators = new Set<string>();
  const regions = new Set<string>();
  let minYear = Number.POSITIVE_INFINITY;
  let maxYear = Number.NEGATIVE_INFINITY;
  for (const s of subjects) {
    indicators.add(s.indicatorCode);
    regions.add(s.regionCode);
    const y = Number(s.periodCode.slice(0, 4));
    if (y < minYear) minYear = y;
    if (y > maxYear) maxYear = y;
  }
  const scope = reach(env, indicators);
  if (scope.rules.length === 0) return answer(none);
  const approved = await approvedFigures(
    db,
    env,
    {
      states: ['approved'],
      indicatorCodes: [...scope.indicators].sort(),
      regionCodes: scope.allRegions ? undefined : [...regions].sort(),
      fromYear: minYear - scope.historyYears,
      toYear: maxYear + 1,
    },
    extraPool === subjects || extraPool.length === 0 ? [subjects] : [subjects, extraPool],
    opts.keptBy,
  );
  const { keepOthers, keepFailures, noteFailing } = opts;
  const limits = { ...(keepOthers === undefined ? {} : { keepOthers }), ...(keepFailures === undefined ? {} : { keepFailures }), ...(noteFailing ? { noteFailing } : {}) };
  const staged = opts.offThread && subjects instanceof StagedRows && extraPool === subjects ? subjects : null;
  const engine = staged && approved.figures.length + staged.length <= OFF_THREAD_AT_MOST ? engineThreadIfUp() : null;
  if (engine && staged) {
    const running = engine.run({
      rules: scope.rules, approved: approved.figures, approvedKey: approved.key, staged: staged.columns(),
      indicators: new Map(env.indicators), regions: env.regions, units: [...env.units.units], keep, ...limits,
    });
    // Answered when the caller asks; a failure meanwhile is not an unhandled rejection.
    running.catch(() => undefined);
    return () => running;
  }
  return () => Promise.resolve(checkFigures({
    rules: scope.rules, pool: joinFigures(approved.figures, extraPool), subjects, indicators: env.indicators, regions: env.regions, units: env.units, keep, ...limits,
  }));
}
