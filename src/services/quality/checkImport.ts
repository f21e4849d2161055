/**
 * The rules on import: every staged row of the file is checked against the approved figures and the file's other
 * rows, and the dry run (and the committed import's report) lists each row's rule results beside its cell errors.
 * Rules do not reject a row that lands as a draft — approval does that (gate.ts). An approver who imports figures
 * straight to approved approves them without the queue, so there a row with a violation (an error, or a warning
 * nobody acknowledged) is taken out of the import and reported: it must go through the queue.
 */
import type { DatabaseTarget, Db } from '../../db/client';
import { unstageRows } from '../../db/quality';
import type { StagedRows } from '../../domain/quality/stagedRows';
import type { LocalizedText } from '../../domain/text';
import { compareResults, type InvolvedFigure, type Outcome, type RuleResult } from '../../domain/quality/result';
import type { Severity } from '../../domain/quality/rules';
import { beginCheckAgainstApproved, checkEnvironment, type CheckEnvironment } from './check';
import type { CheckOutput } from '../../domain/quality/engine';

export interface ImportQualityResult {
  /** The row of the file the result is for. */
  row: number;
  ruleId: string;
  ruleName: LocalizedText;
  severity: Severity;
  outcome: Outcome;
  message: LocalizedText;
  /** Figures compared: stored ones by id, rows of this file with id null and their row. */
  figures: Array<Omit<InvolvedFigure, 'id'> & { id: number | null; row: number | null }>;
}

export interface ImportQuality {
  /** How many rule results of each kind the file's rows got (complete even when the list is cut). */
  counts: { pass: number; errors: number; warnings: number; skipped: number };
  /** Failures first (errors, then warnings), then passes, then what could not be checked; at most `limit`. */
  results: ImportQualityResult[];
  truncated: boolean;
}

export const EMPTY_IMPORT_QUALITY: ImportQuality = { counts: { pass: 0, errors: 0, warnings: 0, skipped: 0 }, results: [], truncated: false };

export interface StagedCheckOptions {
  driver: DatabaseTarget['driver'];
  approving: boolean;
  limit: number;
  keptBy?: object;
}

export interface StagedCheck {
  report: ImportQuality;
  blocked: Array<{ row: number; reason: string }>;
}

/**
 * Checks a file's rows — those in the import's staging table, as the import built them while reading the file
 * (StagedRows, without the duplicates it removed) — against the approved figures and each other (call inside
 * the import's transaction). With `approving`, rows with a violation are removed from staging and returned as
 * `blocked`. With `keptBy` (the Database), the approved figures read are kept for the next check of a file while
 * nothing changes.
 *
 * In two steps: the database is read when the returned promise resolves; the rules run on the engine's thread
 * meanwhile (when it is up), and the function returned answers. Unless `approving`, the answer touches the database
 * no more, so the import may classify its rows before asking for it; approving, ask first (it unstages rows).
 */
export async function beginStagedImportCheck(db: Db, staged: StagedRows, opts: StagedCheckOptions): Promise<() => Promise<StagedCheck>> {
  const env = await checkEnvironment(db, opts.driver);
  if (env.rules.length === 0) return () => Promise.resolve({ report: EMPTY_IMPORT_QUALITY, blocked: [] });
  // Every result is counted. As many failures of each severity as the report lists are kept with their figures and
  // messages, the other results likewise; every failing row is noted (approving on import takes them all out).
  // On the engine's thread only beside PGlite, which classifies the rows on this thread: a server classifies them in
  // its own process, and copying the approved figures to the thread cost more than it saved (bench/RESULTS.md).
  const offThread = opts.driver === 'pglite';
  const answer = await beginCheckAgainstApproved(db, env, staged, staged, 'all', { keepOthers: opts.limit, keepFailures: opts.limit, noteFailing: opts.approving, keptBy: opts.keptBy, offThread });
  return async () => reportOf(db, env, await answer(), opts);
}

async function reportOf(db: Db, env: CheckEnvironment, output: CheckOutput, opts: StagedCheckOptions): Promise<StagedCheck> {
  const { results, counts: byRule, failing } = output;
  const names = new Map(env.rules.map((r) => [r.rule.id, r.rule.name]));
  const severity = new Map(env.rules.map((r) => [r.rule.id, r.rule.severity]));
  const counts = { pass: 0, errors: 0, warnings: 0, skipped: 0 };
  let total = 0;
  for (const [id, c] of byRule) {
    counts.pass += c.pass;
    counts.skipped += c.skipped;
    if (severity.get(id) === 'error') counts.errors += c.fail;
    else counts.warnings += c.fail;
    total += c.pass + c.fail + c.skipped;
  }
  const sorted = [...results].sort((a, b) => compareResults(a, b) || a.subjectId - b.subjectId);
  const report: ImportQuality = { counts, results: sorted.slice(0, opts.limit).map((r) => present(r, names)), truncated: total > opts.limit };

  const blocked: Array<{ row: number; reason: string }> = [];
  if (opts.approving && failing) {
    // The message of a row's first kept failure, where its results were kept (the first rows that failed).
    const message = new Map<number, string>();
    for (const r of results) if (r.outcome === 'fail' && !message.has(r.subjectId)) message.set(r.subjectId, r.message.en);
    for (const [subject, failed] of [...failing].sort((a, b) => b[0] - a[0])) {
      const rules = failed.map((f) => `${f.ruleId} (${f.severity})`).join(', ');
      const why = message.get(subject);
      blocked.push({ row: -subject, reason: `cannot be approved on import: data-quality rule ${rules}${why === undefined ? '' : ` — ${why}`}; import it as a draft and approve it in the approvals queue (an error must be corrected, a warning acknowledged with a comment)` });
    }
    await unstageRows(db, blocked.map((b) => b.row));
  }
  return { report, blocked };
}

function present(r: RuleResult, names: ReadonlyMap<string, LocalizedText>): ImportQualityResult {
  return {
    row: -r.subjectId,
    ruleId: r.ruleId,
    ruleName: names.get(r.ruleId) ?? { zh: r.ruleId, en: r.ruleId },
    severity: r.severity,
    outcome: r.outcome,
    message: r.message,
    figures: r.figures.map((f) => ({ ...f, id: f.id > 0 ? f.id : null, row: f.id < 0 ? -f.id : null })),
  };
}
