/**
 * A check of a file's rows as one message to the engine's thread (engineThread.ts) and back: plain data only, as a
 * structured clone carries it. The file's rows travel as columns (StagedColumns) and the unit catalogue as its
 * units; the approved figures travel once while they stay the same (`approvedKey`: the thread keeps the last set).
 */
import { checkFigures, type CheckOutput } from '../../domain/quality/engine';
import type { QualityFigure } from '../../domain/quality/figure';
import { joinFigures } from '../../domain/quality/figureList';
import type { ActiveRule, IndicatorInfo } from '../../domain/quality/ruleSet';
import { StagedRows, type StagedColumns } from '../../domain/quality/stagedRows';
import type { Region } from '../../domain/region/region';
import { createUnitCatalogue } from '../../domain/unit/catalogue';
import type { Unit } from '../../domain/unit/units';

export interface EngineJob {
  rules: ActiveRule[];
  /** The approved figures, or null: the same as the last job's of this key (the thread kept them). */
  approved: QualityFigure[] | null;
  /** Names a set of approved figures that stays the same (a kept read); null: used once. */
  approvedKey: string | null;
  /** The file's rows: the subjects and, beside the approved figures, the pool. */
  staged: StagedColumns;
  indicators: Map<string, IndicatorInfo>;
  regions: Region[];
  units: Unit[];
  keep: 'all' | 'failures';
  keepOthers?: number;
  keepFailures?: number;
  noteFailing?: boolean;
}

/** The last approved figures a thread was sent under a key. */
export interface KeptApproved {
  key: string | null;
  figures: QualityFigure[];
}

/**
 * Runs a job where it is received. `kept` is what the thread holds from the last job; the job's approved figures
 * replace it when sent.
 */
export function runEngineJob(job: EngineJob, kept: KeptApproved): { output: CheckOutput; kept: KeptApproved } {
  const approved = job.approved ?? (job.approvedKey !== null && kept.key === job.approvedKey ? kept.figures : null);
  // The sender sends the figures unless it sent these very ones last; a thread restarted in between has none.
  if (approved === null) throw new Error(`the engine's thread does not hold the approved figures ${job.approvedKey ?? ''}`);
  const staged = StagedRows.fromColumns(job.staged);
  const output = checkFigures({
    rules: job.rules,
    pool: joinFigures(approved, staged),
    subjects: staged,
    indicators: job.indicators,
    regions: job.regions,
    units: createUnitCatalogue(job.units),
    keep: job.keep,
    ...(job.keepOthers === undefined ? {} : { keepOthers: job.keepOthers }),
    ...(job.keepFailures === undefined ? {} : { keepFailures: job.keepFailures }),
    ...(job.noteFailing ? { noteFailing: true } : {}),
  });
  return { output, kept: { key: job.approvedKey, figures: approved } };
}
