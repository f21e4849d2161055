/**
 * Imports a wave's answers from a CSV (UTF-8 or GBK) or XLSX file: one file is one transaction. Every cell is
 * checked (file, row, column, reason); any problem rejects the whole file unless `onError: 'skip'` asks to commit
 * the good rows. A dry run reports what would be added, revised or left unchanged and writes nothing. Importing the
 * same file again changes nothing; a changed answer makes a new version of the questionnaire (the file's answers
 * laid over the stored ones), which supersedes the earlier version, kept.
 */
import { emptyFileProblem } from '../import/emptyFile';
import path from 'node:path';
import type { Database } from '../../db/client';
import {
  classifyStagedResponses, commitStagedResponses, createResponseStaging, findWave, getWave, insertSurveyImportBatch, itemKey, lockSurveyImports, panelMembers, rebuildWaveTallies, stageResponses, stagingResponseLine, type WaveRow,
} from '../../db/prosperity';
import { notInRegistry } from '../../db/prosperityRegistry';
import { USCC_COLUMN } from '../../domain/prosperity/enterpriseRef';
import { checkResponseRow, mapResponseHeader } from '../../domain/prosperity/responseFile';
import { audit, SYSTEM, type AuditContext } from '../access/audit';
import { NotFoundError, TooLargeError } from '../errors';
import type { Encoding } from '../import/decode';
import { hashFile } from '../import/importObservations';
import { FileFormatError, readCsv, type SourceRecord } from '../import/readCsv';
import { readXlsx } from '../import/readXlsx';
import { DEFAULT_ZIP_LIMITS } from '../import/zipGuard';
import { getSurvey } from './surveys';
import { openWaveIn } from './waves';

/**
 * The wave the answers go to: one that exists (its id), or the wave of a period, opened in the import's own
 * transaction when it is new — so a dry run, or an import that is refused, leaves no empty wave behind.
 */
export type WaveChoice = { waveId: number } | { opens: { survey: string; period: string } };

export type ResponseImportOptions = WaveChoice & {
  file: string;
  /** The uploaded file's own name, for reports; defaults to the base name. */
  fileName?: string;
  format?: 'csv' | 'xlsx';
  dryRun?: boolean;
  onError?: 'reject' | 'skip';
  audit?: AuditContext;
  /** Most data rows the file may have (uploads: UPLOAD_MAX_ROWS); more is refused whole (TooLargeError, HTTP 413). */
  maxRows?: number;
};

export interface ResponseImportReport {
  file: string;
  format: 'csv' | 'xlsx';
  encoding: Encoding | null;
  survey: string;
  /** id null: a dry run (or a refused import) into a period whose wave was not opened before — it opened nothing. */
  wave: { id: number | null; period: string };
  dryRun: boolean;
  committed: boolean;
  batchId: number | null;
  rows: number;
  /** Answers in the file; questionnaires (one per enterprise) new to the wave, revised, unchanged; rows rejected. */
  counts: { answers: number; added: number; revised: number; unchanged: number; rejectedRows: number };
  errors: string[];
  rejected: Array<{ file: string; row: number; column: string | null; reason: string }>;
  ignoredColumns: string[];
  truncated: boolean;
}

const REPORT_LIMIT = 1000;
const BATCH = 20_000;
class Rollback extends Error {}

export async function importResponses(database: Database, opts: ResponseImportOptions): Promise<ResponseImportReport> {
  const known = 'waveId' in opts ? await getWave(database.db, opts.waveId) : await findWave(database.db, opts.opens.survey, opts.opens.period);
  if (!known && 'waveId' in opts) throw new NotFoundError(`no survey wave ${opts.waveId}`);
  // Only the opening path is left without a wave here; it is opened below, inside the transaction.
  let wave: WaveRow = known ?? { id: 0, surveyCode: 'opens' in opts ? opts.opens.survey : '', period: 'opens' in opts ? opts.opens.period : '' };
  const survey = await getSurvey(database, wave.surveyCode);
  const fileName = opts.fileName ?? path.basename(opts.file);
  const format = opts.format ?? (/\.xlsx$/i.test(fileName) || /\.xlsx$/i.test(opts.file) ? 'xlsx' : 'csv');
  const report: ResponseImportReport = {
    file: fileName, format, encoding: null, survey: survey.code, wave: { id: known ? wave.id : null, period: wave.period }, dryRun: opts.dryRun === true, committed: false,
    batchId: null, rows: 0, counts: { answers: 0, added: 0, revised: 0, unchanged: 0, rejectedRows: 0 }, errors: [], rejected: [], ignoredColumns: [], truncated: false,
  };
  const reject = (row: number, column: string | null, reason: string) => {
    if (report.rejected.length < REPORT_LIMIT) report.rejected.push({ file: fileName, row, column, reason });
    else report.truncated = true;
  };
  // Who may answer this wave: the panel at the wave's period.
  const panel = new Map((await panelMembers(database.db, survey.code)).map((m) => [m.uscc, m]));
  const records: AsyncIterable<SourceRecord> = format === 'xlsx' ? readXlsx(opts.file, opts.maxRows === undefined ? DEFAULT_ZIP_LIMITS : { ...DEFAULT_ZIP_LIMITS, maxRows: opts.maxRows }) : readCsv(opts.file, (e) => (report.encoding = e));

  try {
    await database.db.transaction(async (tx) => {
      await lockSurveyImports(tx);
      if (!known) wave = await openWaveIn(tx, survey.code, wave.period, opts.audit ?? SYSTEM);
      await createResponseStaging(tx);
      let cols: ReturnType<typeof mapResponseHeader> | null = null;
      const rowOf = new Map<string, number>();
      const rejectedRows = new Set<number>();
      // Rows of enterprises outside the panel: told apart after the file is read (one registry query), as enterprises
      // the registry does not know and registry enterprises not in this panel.
      const outsiders: Array<{ row: number; uscc: string }> = [];
      let lines: string[] = [];
      for await (const rec of records) {
        if (!cols) {
          cols = mapResponseHeader(rec.cells, survey);
          report.ignoredColumns = cols.ignored;
          if (cols.errors.length > 0) {
            report.errors.push(...cols.errors.map((e) => `${fileName}, header (row ${rec.row}): ${e}`));
            throw new Rollback();
          }
          continue;
        }
        report.rows++;
        if (opts.maxRows !== undefined && report.rows > opts.maxRows) throw new TooLargeError(`${fileName}: more than ${opts.maxRows} rows, the most one import takes: split the file`);
        const checked = checkResponseRow(rec.cells, cols);
        const problems = [...checked.problems];
        const member = panel.get(checked.uscc);
        const outsider = checked.uscc !== '' && problems.length === 0 && !member;
        if (outsider) outsiders.push({ row: rec.row, uscc: checked.uscc });
        if (checked.uscc !== '' && problems.length === 0) {
          if (member && (member.joinedPeriod > wave.period || (member.leftPeriod !== null && member.leftPeriod < wave.period))) {
            problems.push({ column: USCC_COLUMN, reason: `${checked.uscc} is not in the panel in ${wave.period} (from ${member.joinedPeriod}${member.leftPeriod ? ` to ${member.leftPeriod}` : ''})` });
          }
          const first = rowOf.get(checked.uscc);
          if (first !== undefined) problems.push({ column: USCC_COLUMN, reason: `${checked.uscc} answered twice in one file: rows ${first} and ${rec.row}` });
          else rowOf.set(checked.uscc, rec.row);
        }
        if (problems.length > 0 || outsider) {
          rejectedRows.add(rec.row);
          for (const p of problems) reject(rec.row, p.column, p.reason);
          continue;
        }
        if (checked.answers.length === 0) continue;
        lines.push(stagingResponseLine(rec.row, checked.uscc, Object.fromEntries(checked.answers.map((a) => [itemKey(a.question, a.horizon), a.answer]))));
        report.counts.answers += checked.answers.length;
        if (lines.length >= BATCH) {
          await stageResponses(tx, database.driver, lines.join(''));
          lines = [];
        }
      }
      await stageResponses(tx, database.driver, lines.join(''));
      if (outsiders.length > 0) {
        const unknown = new Set(await notInRegistry(tx, [...new Set(outsiders.map((o) => o.uscc))]));
        for (const o of outsiders) {
          reject(o.row, USCC_COLUMN, unknown.has(o.uscc) ? `${o.uscc} is not in the enterprise registry (企业名录), so not in the panel of ${survey.code}` : `${o.uscc} is not in the panel of ${survey.code}`);
        }
        report.rejected.sort((a, b) => a.row - b.row);
      }
      const empty = emptyFileProblem(fileName, Boolean(cols), report.rows);
      if (empty) {
        report.errors.push(empty);
        throw new Rollback();
      }
      report.counts.rejectedRows = rejectedRows.size;
      const c = await classifyStagedResponses(tx, wave.id);
      report.counts = { ...report.counts, ...c };
      const rejectFile = rejectedRows.size > 0 && (opts.onError ?? 'reject') === 'reject';
      if (report.dryRun || rejectFile || c.added + c.revised === 0) throw new Rollback();
      report.batchId = await insertSurveyImportBatch(tx, {
        waveId: wave.id, fileName, fileHash: await hashFile(opts.file), format, rowsTotal: report.rows,
        added: c.added, revised: c.revised, unchanged: c.unchanged, report: { ...report, rejected: report.rejected.slice(0, 100) },
      });
      await commitStagedResponses(tx, wave, report.batchId);
      await rebuildWaveTallies(tx, wave);
      report.committed = true;
      report.wave.id = wave.id;
      await audit(tx, opts.audit ?? SYSTEM, {
        action: 'survey_import', entity: 'survey_import_batch', entityId: report.batchId,
        newValue: { file: fileName, survey: survey.code, wave: wave.period, counts: report.counts },
      });
    });
  } catch (e) {
    if (e instanceof FileFormatError) report.errors.push(`${fileName}: ${e.message}`);
    else if (!(e instanceof Rollback)) throw e;
    report.committed = false;
    report.batchId = null;
  }
  return report;
}
