/**
 * A wave's answers from a file on this machine: the wave of the period is opened when new (audited), then the file is
 * imported into it (services/prosperity/importResponses.ts: all or nothing, every problem by row and column).
 * `plan-monitor prosperity import` runs it on the database, or beside a running server through its admin channel
 * (POST /api/admin/prosperity/import): one use case, the same report either way.
 */
import type { Database } from '../../db/client';
import type { AuditContext } from '../access/audit';
import { importResponses, type ResponseImportReport } from './importResponses';
import { defaultSurvey } from './query';
import { openWave } from './waves';

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
  const wave = await openWave(database, r.survey ?? (await defaultSurvey(database)), r.wave, r.audit);
  return importResponses(database, { waveId: wave.id, file: r.file, dryRun: r.dryRun, onError: r.onError, audit: r.audit });
}
