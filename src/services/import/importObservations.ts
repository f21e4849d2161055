/**
 * Imports a CSV or XLSX file of figures: one file is one transaction. Every row is checked (file, row, column,
 * reason for each problem); a dry run reports what would be added, added as a revision, left unchanged or
 * rejected, and writes nothing. By default any rejected row rejects the whole file; with onError 'skip' the good
 * rows are committed and the bad ones reported (used for the bundled real data). Importing the same file again
 * adds nothing: figures are identified by what was published (domain/observation/key.ts).
 */
import { emptyFileProblem } from './emptyFile';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import type { Database } from '../../db/client';
import {
  classifyStaged, commitStaged, type CommitApproval, createStaging, lockImports, insertImportBatch, setImportBatchResult, removeStagedDuplicates, stageBatches, stagingLine,
} from '../../db/observations';
import { TEMPLATE_HEADERS, type Field } from '../../domain/observation/fields';
import { createRowChecker, type RawRow } from '../../domain/observation/row';
import { may } from '../../domain/access/roles';
import { ForbiddenError, TooLargeError } from '../errors';
import { audit, type AuditContext } from '../access/audit';
import { requireFourEyesOnEntry } from '../access/fourEyes';
import type { Encoding } from './decode';
import { mapHeader } from './mapping';
import { fingerprintOf } from './fingerprint';
import { FileFormatError, readCsv, type SourceRecord } from './readCsv';
import { readXlsx } from './readXlsx';
import { rowContextOf } from './rowContext';
import { restoreCell } from '../export/safeCell';
import { Spool } from './spool';
import { DEFAULT_ZIP_LIMITS } from './zipGuard';
import { beginStagedImportCheck, EMPTY_IMPORT_QUALITY, type ImportQuality } from '../quality/checkImport';
import { StagedRows } from '../../domain/quality/stagedRows';

export interface ImportOptions {
  file: string;
  /** Name shown in reports (the uploaded file's own name); defaults to the file's base name. */
  fileName?: string;
  format?: 'csv' | 'xlsx';
  dryRun?: boolean;
  onError?: 'reject' | 'skip';
  /** Explicit column mapping: header text → field name. */
  mapping?: Readonly<Record<string, string>>;
  /**
   * The region the file is about (a code or a name, e.g. 广州市): region names in it are read among its
   * subdivisions first, so 白云区 in a 广州市 file is 440111, never 贵阳市's 520113.
   */
  within?: string | null;
  /** Row-level scope: a figure for a region the writer may not write is rejected (and the import refused). */
  mayWriteRegion?: (regionCode: string) => boolean;
  /**
   * Who imports, for the audit record written in the same transaction as the figures, and for the approval state:
   * always named, never assumed — the system's own loads pass SYSTEM (or CLI), a person's request its principal.
   */
  audit: AuditContext;
  /**
   * Approve the figures at once: an approver (planner, admin) importing figures it vouches for. Otherwise a
   * person's figures land as drafts (审核 first); the system's own loads (bundled data, the operator's CLI) land
   * approved.
   */
  approve?: boolean;
  /** Most data rows the file may have (uploads: UPLOAD_MAX_ROWS); more is refused whole (TooLargeError, HTTP 413). */
  maxRows?: number;
}

export interface RowProblem {
  file: string;
  row: number;
  column: string | null;
  reason: string;
}

export interface ImportReport {
  file: string;
  format: 'csv' | 'xlsx' | 'json';
  encoding: Encoding | null;
  dryRun: boolean;
  /** true when figures were written. */
  committed: boolean;
  batchId: number | null;
  rows: number;
  counts: { new: number; revision: number; unchanged: number; rejected: number };
  /** File-level problems (empty, no header, missing columns, unreadable): nothing is imported. */
  errors: string[];
  rejected: RowProblem[];
  changes: Array<{ row: number; kind: 'new' | 'revision' | 'unchanged'; existing: string | null }>;
  ignoredColumns: string[];
  /** True when the lists above were cut at REPORT_LIMIT entries (the counts are always complete). */
  truncated: boolean;
  /** True when a row lay outside the writer's scope: the whole import is refused (HTTP 403). */
  forbidden: boolean;
  /** Data-quality rule results per row (services/quality/checkImport.ts). */
  quality: ImportQuality;
}

export const REPORT_LIMIT = 1000;
const BATCH = 10_000;

class Rollback extends Error {}

export async function importObservations(database: Database, opts: ImportOptions): Promise<ImportReport> {
  const fileName = opts.fileName ?? path.basename(opts.file);
  const format = opts.format ?? (/\.xlsx$/i.test(opts.file) || /\.xlsx$/i.test(fileName) ? 'xlsx' : 'csv');
  let encoding: Encoding | null = null;
  const limits = opts.maxRows === undefined ? DEFAULT_ZIP_LIMITS : { ...DEFAULT_ZIP_LIMITS, maxRows: opts.maxRows };
  const records = format === 'xlsx' ? readXlsx(opts.file, limits) : readCsv(opts.file, (e) => (encoding = e));
  const report = await importRecords(database, records, { ...opts, fileName, format, fileHash: () => hashFile(opts.file) });
  report.encoding = encoding;
  return report;
}

export interface RecordsOptions extends Omit<ImportOptions, 'file' | 'fileName' | 'format'> {
  fileName: string;
  format: 'csv' | 'xlsx' | 'json';
  fileHash: () => Promise<string>;
}

/**
 * The import itself, over records (header first) from any source: a CSV or XLSX file, or figures posted as JSON.
 */
export async function importRecords(database: Database, records: AsyncIterable<SourceRecord>, opts: RecordsOptions): Promise<ImportReport> {
  const { fileName, format } = opts;
  const report: ImportReport = {
    file: fileName, format, encoding: null, dryRun: opts.dryRun === true, committed: false, batchId: null, rows: 0,
    counts: { new: 0, revision: 0, unchanged: 0, rejected: 0 }, errors: [], rejected: [], changes: [], ignoredColumns: [], truncated: false, forbidden: false, quality: EMPTY_IMPORT_QUALITY,
  };
  const reject = (p: Omit<RowProblem, 'file'>) => {
    if (report.rejected.length < REPORT_LIMIT) report.rejected.push({ file: fileName, ...p });
    else report.truncated = true;
  };

  const approval = commitApproval(opts);
  const ctx = await rowContextOf(database.db, opts.within ?? null);
  if (!ctx.ok) {
    report.errors.push(`${fileName}: ${ctx.error}`);
    return report;
  }
  const checkRow = createRowChecker(ctx.value);
  // A person cannot have published a figure tomorrow; the system's own loads (a plan's fictional data) may.
  const latestPublication = opts.audit.principal.kind === 'user' ? new Date().toISOString().slice(0, 10) : null;
  const spool = new Spool();

  try {
    // 1. Read and check every row, outside any transaction: on the embedded database a transaction holds the one
    //    connection, and reads would wait for all of this. Checked rows wait in the spool as COPY text.
    let mapping: ReturnType<typeof mapHeader> | null = null;
    const rejectedRows = new Set<number>();
    // The codes the staged figures name, for the foreign-key check at commit.
    const refs = { indicators: new Set<string>(), regions: new Set<string>() };
    let columns: Array<[Field, number]> = [];
    let batch: string[] = [];
    // The staged rows as the quality rules read them (built here, not read back from staging), held in columns.
    const staged = new StagedRows();
    for await (const rec of records) {
      if (!mapping) {
        mapping = mapHeader(rec.cells, opts.mapping);
        report.ignoredColumns = mapping.ignored;
        columns = Object.entries(mapping.columns) as Array<[Field, number]>;
        if (mapping.errors.length > 0) {
          report.errors.push(...mapping.errors.map((e) => `${fileName}, header (row ${rec.row}): ${e}`));
          throw new Rollback();
        }
        continue;
      }
      report.rows++;
      if (opts.maxRows !== undefined && report.rows > opts.maxRows) throw new TooLargeError(`${fileName}: more than ${opts.maxRows} rows, the most one import takes: split the file`);
      const raw: RawRow = {};
      for (const [field, index] of columns) raw[field] = restoreCell(rec.cells[index] ?? '');
      const checked = checkRow(raw);
      if (!checked.ok) {
        rejectedRows.add(rec.row);
        for (const e of checked.errors) reject({ row: rec.row, column: e.field ? (mapping.headers[e.field] ?? TEMPLATE_HEADERS[e.field]) : null, reason: e.message });
        continue;
      }
      const d = checked.draft;
      if (latestPublication !== null && d.publishedDate > latestPublication && !d.publishedDateEstimated) {
        rejectedRows.add(rec.row);
        reject({ row: rec.row, column: mapping.headers.publishedDate ?? TEMPLATE_HEADERS.publishedDate, reason: `published ${d.publishedDate}, a date in the future (today is ${latestPublication})` });
        continue;
      }
      if (opts.mayWriteRegion && !opts.mayWriteRegion(d.regionCode)) {
        rejectedRows.add(rec.row);
        report.forbidden = true;
        reject({ row: rec.row, column: mapping.headers.region ?? TEMPLATE_HEADERS.region, reason: `region ${d.regionCode} is outside your scope: you may not write its figures` });
        // The whole import is refused: the rest of the file is not worth reading.
        break;
      }
      const fingerprint = fingerprintOf(d);
      refs.indicators.add(d.indicatorCode);
      refs.regions.add(d.regionCode);
      batch.push(stagingLine({ row: rec.row, fingerprint, origin: `${fileName}:${rec.row}`, draft: d }));
      staged.push(rec.row, d);
      if (batch.length >= BATCH) {
        await spool.add(batch.join(''));
        batch = [];
      }
    }
    await spool.add(batch.join(''));
    batch = [];
    const empty = emptyFileProblem(fileName, Boolean(mapping), report.rows);
    if (empty) {
      report.errors.push(empty);
      throw new Rollback();
    }
    report.counts.rejected = rejectedRows.size;
    if (report.forbidden) throw new Rollback();
    const fileHash = await opts.fileHash();

    // 2. One short transaction: stage, classify and commit (or roll back a dry run or a refused file).
    await database.db.transaction(async (tx) => {
      await lockImports(tx);
      await createStaging(tx);
      await stageBatches(tx, database.driver, spool.bytes());
      const duplicates = (await removeStagedDuplicates(tx)).sort((a, b) => a.row - b.row);
      for (const d of duplicates) {
        rejectedRows.add(d.row);
        reject({ row: d.row, column: null, reason: `duplicate of row ${d.firstRow}: the same figure twice in one file` });
      }
      const repeated = new Set(duplicates.map((d) => -d.row));
      // The rules run on their own thread while the rows are classified here; rows an approver's import must leave
      // out (a violation) leave staging first.
      const approving = approval.state === 'approved' && approval.userId !== null;
      const checked = await beginStagedImportCheck(tx, staged.without(repeated), { driver: database.driver, approving, limit: REPORT_LIMIT, keptBy: database });
      const before = approving ? await checked() : null;
      const classified = await classifyStaged(tx, REPORT_LIMIT);
      const quality = before ?? (await checked());
      report.quality = quality.report;
      for (const b of quality.blocked) {
        rejectedRows.add(b.row);
        reject({ row: b.row, column: null, reason: b.reason });
      }
      report.counts = { ...classified.counts, rejected: rejectedRows.size };
      report.changes = classified.samples;
      if (classified.samples.length >= REPORT_LIMIT) report.truncated = true;
      const rejectFile = rejectedRows.size > 0 && (opts.onError ?? 'reject') === 'reject';
      if (report.dryRun || rejectFile || report.counts.new + report.counts.revision === 0) throw new Rollback();

      report.batchId = await insertImportBatch(tx, {
        fileName, fileHash, format, rowsTotal: report.rows,
        rowsAdded: 0, rowsUnchanged: report.counts.unchanged, rowsRejected: rejectedRows.size, report: {},
      });
      const added = await commitStaged(tx, report.batchId, refs, approval);
      report.committed = true;
      await setImportBatchResult(tx, report.batchId, added, { ...report, changes: report.changes.slice(0, 100) });
      await audit(tx, opts.audit, {
        action: 'import',
        entity: 'import_batch',
        entityId: report.batchId,
        newValue: { file: fileName, format, added, approval: approval.state, counts: report.counts, rows: report.changes.slice(0, 100).map((c) => c.row) },
      });
    });
  } catch (e) {
    if (e instanceof FileFormatError) report.errors.push(`${fileName}: ${e.message}`);
    else if (!(e instanceof Rollback)) throw e;
    report.committed = false;
    report.batchId = null;
  } finally {
    await spool.dispose();
  }
  return report;
}

function commitApproval(opts: Pick<RecordsOptions, 'audit' | 'approve'>): CommitApproval {
  const who = opts.audit.principal;
  if (who.kind === 'public') throw new ForbiddenError('an import needs a principal: a signed-in writer, or the system named explicitly');
  if (who.kind === 'system') return { state: 'approved', userId: null };
  if (opts.approve && !may(who, 'approve:observations')) {
    throw new ForbiddenError(`role ${who.role} may not approve figures: import them as drafts and submit them for approval`);
  }
  if (opts.approve) requireFourEyesOnEntry(who);
  return { state: opts.approve ? 'approved' : 'draft', userId: who.userId };
}

export async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
