/**
 * A wave's answers from a file on this machine, into the wave of a period — opened (audited) when new, in the import's
 * own transaction, so only an import that commits opens one (services/prosperity/importResponses.ts: all or nothing,
 * every problem by row and column).
 * `plan-monitor prosperity import` runs it on the database, or beside a running server through its admin channel
 * (POST /api/admin/prosperity/import): one use case, the same report either way.
 */
import type { Database } from '../../db/client';
import type { AuditContext } from '../access/audit';
import { importResponses, type ResponseImportReport } from './importResponses';
import { defaultSurvey } from './query';
import { wavePeriodOf } from './waves';

export interface WaveImportRequest {
  file: string;
  /** The wave's period: a month (2026-01) or a quarter (2026Q1). */
  wave: string;
  /** Survey code (default: the first survey). */
  survey?: string | undefined;
  dryRun: boolean;
  onError: 'reject' | 'skip';
  audit: AuditContext;
}

export async function importWaveAnswers(database: Database, r: WaveImportRequest): Promise<ResponseImportReport> {
  const survey = r.survey ?? (await defaultSurvey(database));
  // The wave is opened by the import's own transaction: a dry run or a refused file opens nothing.
  const period = await wavePeriodOf(database, survey, r.wave);
  return importResponses(database, { opens: { survey, period }, file: r.file, dryRun: r.dryRun, onError: r.onError, audit: r.audit });
}
