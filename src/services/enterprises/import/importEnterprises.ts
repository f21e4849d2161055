/**
 * Imports an enterprise file (CSV or XLSX; registry rows, figures, or both; our template's long layout or the 一套表
 * export's wide one): one file is one transaction. Every cell is checked (bad USCC check character, unknown industry
 * code, value out of range, …) and reported by file, row and column; figures are then checked together in SQL
 * (duplicate rows, enterprises not in the registry, a 1–N月 cumulative value that falls) — except a figure file with
 * nothing stored where it writes, which is checked entirely in Node and copied straight in (freshFigures.ts). By
 * default any rejected row rejects the file; with onError 'skip' the good rows are committed. Importing the same
 * file again adds nothing: a figure is identified by enterprise, item and period, and the registry changes only when
 * a cell changes.
 */
import { emptyFileProblem } from '../../import/emptyFile';
import path from 'node:path';
import type { Database } from '../../../db/client';
import { insertEnterpriseBatch, setEnterpriseBatchResult } from '../../../db/enterprises/batches';
import {
  buildRegistryRanges, classifyFigures, commitFigures, createFigureStaging, sizeImportMemory, dropStagedRows, fallingAgainstStored, figureStagingLine,
  figuresOfUnknownEnterprises, lockFigureReferences, stageFigureLines, type FigureCounts, type StagedProblem,
} from '../../../db/enterprises/importStaging';
import { storedRegistry, writeRegistry, type RegistryWrite } from '../../../db/enterprises/registryWrite';
import { lockImports, tryWithoutRowTriggers, restoreRowTriggers } from '../../../db/observations';
import { listRegions } from '../../../db/regions';
import { ENTERPRISE_HEADERS, REGISTRY_FIELDS, type EnterpriseField } from '../../../domain/enterprise/fields';
import { FigureBuffer } from '../../../domain/enterprise/figureBuffer';
import { figuresStoredFor } from '../../../db/enterprises/freshFigures';
import { commitFresh, planFresh, unknownEnterprise } from './freshFigures';
import { itemResolver } from '../../../domain/enterprise/items';
import { FileSeries } from '../../../domain/enterprise/fileSeries';
import { applyRecords, type RegistryRecord } from '../../../domain/enterprise/registry';
import { createEnterpriseRowChecker, type RegistryCells } from '../../../domain/enterprise/row';
import { memoText } from '../../../domain/memo';
import { audit, type AuditContext } from '../../access/audit';
import type { Encoding } from '../../import/decode';
import { hashFile } from '../../import/importObservations';
import { regionCodeResolver } from '../../../domain/region/registry';
import { BatchStager } from '../../import/batchStager';
import { FileFormatError, readCsv, type SourceRecord } from '../../import/readCsv';
import { readXlsx } from '../../import/readXlsx';
import { enterpriseConfig, type EnterpriseConfig } from '../config';
import { expandRecord, mapEnterpriseHeader, widePeriod, type EnterpriseLayout, type LayoutKind } from './layout';
import { unitCatalogueOf } from '../../units/unitCatalogue';

export interface EnterpriseImportOptions {
  file: string;
  fileName?: string;
  format?: 'csv' | 'xlsx';
  dryRun?: boolean;
  onError?: 'reject' | 'skip';
  mapping?: Readonly<Record<string, string>>;
  /** Who imports: a signed-in writer, or the system named explicitly (SYSTEM, CLI). */
  audit: AuditContext;
  /** New enterprises are synthetic (the generator's files); a file may also say so per row (合成数据). */
  synthetic?: boolean;
  config?: EnterpriseConfig;
  /** Stage every figure file, even a fresh one (freshFigures.ts): for tests and benchmarks comparing the two paths. */
  alwaysStage?: boolean;
}

export interface EnterpriseRowProblem {
  file: string;
  row: number;
  column: string | null;
  reason: string;
}

export interface EnterpriseImportReport {
  file: string;
  format: 'csv' | 'xlsx';
  encoding: Encoding | null;
  layout: LayoutKind | null;
  dryRun: boolean;
  committed: boolean;
  batchId: number | null;
  rows: number;
  counts: { newFigures: number; revisedFigures: number; unchangedFigures: number; newEnterprises: number; newVersions: number; listChanges: number; rejectedRows: number };
  errors: string[];
  rejected: EnterpriseRowProblem[];
  ignoredColumns: string[];
  truncated: boolean;
}

export const ENTERPRISE_REPORT_LIMIT = 1000;

class Rollback extends Error {}

export async function importEnterpriseFile(database: Database, opts: EnterpriseImportOptions): Promise<EnterpriseImportReport> {
  const fileName = opts.fileName ?? path.basename(opts.file);
  const format = opts.format ?? (/\.xlsx$/i.test(fileName) || /\.xlsx$/i.test(opts.file) ? 'xlsx' : 'csv');
  let encoding: Encoding | null = null;
  const records = format === 'xlsx' ? readXlsx(opts.file) : readCsv(opts.file, (e) => (encoding = e));
  const report = await importEnterpriseRecords(database, records, { ...opts, fileName, format, fileHash: () => hashFile(opts.file) });
  report.encoding = encoding;
  return report;
}

/** Registry cell → the file field it came from (for the column of a registry problem). */
const CELL_FIELD: Record<keyof RegistryCells, EnterpriseField> = {
  name: 'name', industryCode: 'industry', regionCode: 'region', aboveDesignatedSize: 'aboveDesignatedSize', sizeClass: 'sizeClass',
  openedOn: 'openedOn', closedOn: 'closedOn', validFrom: 'validFrom', keyLists: 'keyLists', synthetic: 'synthetic',
};

export async function importEnterpriseRecords(
  database: Database,
  records: AsyncIterable<SourceRecord>,
  opts: Omit<EnterpriseImportOptions, 'file' | 'fileName' | 'format'> & { fileName: string; format: 'csv' | 'xlsx'; fileHash: () => Promise<string> },
): Promise<EnterpriseImportReport> {
  const { fileName, format } = opts;
  const report: EnterpriseImportReport = {
    file: fileName, format, encoding: null, layout: null, dryRun: opts.dryRun === true, committed: false, batchId: null, rows: 0,
    counts: { newFigures: 0, revisedFigures: 0, unchangedFigures: 0, newEnterprises: 0, newVersions: 0, listChanges: 0, rejectedRows: 0 },
    errors: [], rejected: [], ignoredColumns: [], truncated: false,
  };
  const rejectedRows = new Set<number>();
  const reject = (row: number, column: string | null, reason: string) => {
    rejectedRows.add(row);
    if (report.rejected.length < ENTERPRISE_REPORT_LIMIT) report.rejected.push({ file: fileName, row, column, reason });
    else report.truncated = true;
  };
  const config = opts.config ?? (await enterpriseConfig());
  const industryByCode = new Map(config.industries.map((i) => [i.code, i]));
  const check = createEnterpriseRowChecker({
    item: itemResolver(config.items),
    industry: (c) => industryByCode.get(c) ?? null,
    regionCode: regionCodeResolver(await listRegions(database.db)),
    keyLists: new Set(config.keyLists.map((l) => l.code)),
    units: await unitCatalogueOf(database.db),
  });
  const widePeriodOf = memoText(widePeriod);
  const today = new Date().toISOString().slice(0, 10);

  try {
    await database.db.transaction(async (tx) => {
      await lockImports(tx);
      await sizeImportMemory(tx, database.driver);
      await createFigureStaging(tx);
      let layout: EnterpriseLayout | null = null;
      let header: readonly string[] = [];
      // Registry cells by enterprise: a record only where they differ from the enterprise's previous row.
      const registry = new Map<string, RegistryRecord[]>();
      const lastSignature = new Map<string, string>();
      const syntheticOf = new Map<string, boolean>();
      // Duplicates and falling cumulative values within the file, found per series as rows arrive.
      const series = new FileSeries();
      const stager = new BatchStager((text) => stageFigureLines(tx, database.driver, text));
      // A figure file (no registry column) is held in Node until read: if nothing is stored where it writes, it
      // takes the fresh path (freshFigures.ts); else it is staged as any other file.
      let buffer: FigureBuffer | null = null;
      for await (const rec of records) {
        if (!layout) {
          header = rec.cells;
          layout = mapEnterpriseHeader(rec.cells, itemResolver(config.items), opts.mapping);
          report.layout = layout.kind;
          report.ignoredColumns = layout.ignored;
          const columns = layout.columns;
          if (opts.alwaysStage !== true && layout.kind !== 'registry' && !REGISTRY_FIELDS.some((f) => columns[f] !== undefined)) buffer = new FigureBuffer();
          if (layout.errors.length > 0) {
            report.errors.push(...layout.errors.map((e) => `${fileName}, header (row ${rec.row}): ${e}`));
            throw new Rollback();
          }
          continue;
        }
        report.rows++;
        for (const ex of expandRecord(layout, rec.cells, widePeriodOf)) {
          const r = check(ex.raw, ex.figure);
          if (!r.ok) {
            for (const e of r.errors) reject(rec.row, ex.header(e.field), e.message);
            continue;
          }
          const { uscc, registry: cells, figure } = r.row;
          if (Object.keys(cells).length > 0) {
            const { synthetic, ...rest } = cells;
            if (synthetic !== undefined) syntheticOf.set(uscc, synthetic);
            const signature = JSON.stringify(rest);
            if (lastSignature.get(uscc) !== signature && Object.keys(rest).length > 0) {
              lastSignature.set(uscc, signature);
              const asOf = rest.validFrom ?? (figure ? monthStart(figure.periodStart) : (rest.openedOn ?? today));
              const list = registry.get(uscc) ?? [];
              list.push({ row: rec.row, asOf, cells: rest });
              registry.set(uscc, list);
            }
          }
          if (!figure) continue;
          // (A buffered file's series are found from the buffer, after the read.)
          if (!buffer) series.add(uscc, figure.item.code, figure.item.cumulativeNonDecreasing, figure.periodStart, figure.periodEnd, figure.value, rec.row, ex.valueColumn);
          const staged = { row: rec.row, col: ex.valueColumn, uscc, itemCode: figure.item.code, periodCode: figure.periodCode, periodStart: figure.periodStart, periodEnd: figure.periodEnd, value: figure.value };
          if (buffer) buffer.add(staged);
          else await stager.push(figureStagingLine(staged));
        }
      }
      let fresh = false;
      if (buffer && buffer.size > 0) {
        const [lo, hi] = buffer.periodEndRange();
        fresh = !(await figuresStoredFor(tx, buffer.enterprises(), Math.floor(lo / 100) * 100 + 1, Math.floor(hi / 100) * 100 + 12));
        if (!fresh) for (let i = 0; i < buffer.size; i++) await stager.push(figureStagingLine(buffer.at(i)));
      }
      await stager.flush();
      const empty = emptyFileProblem(fileName, Boolean(layout), report.rows);
      // (!layout implies a problem; said again so that the type knows the layout from here on)
      if (empty || !layout) {
        if (empty) report.errors.push(empty);
        throw new Rollback();
      }
      const columnOf = (field: EnterpriseField) => layout?.headers[field] ?? ENTERPRISE_HEADERS[field];
      const columnAt = (col: number) => (col >= 0 ? (header[col] ?? null) : null);

      report.batchId = await insertEnterpriseBatch(tx, { fileName, fileHash: await opts.fileHash(), format });
      const write = await registryChanges(tx, registry, syntheticOf, opts.synthetic === true, (row, field, reason) => reject(row, field ? columnOf(CELL_FIELD[field]) : null, reason));
      await writeRegistry(tx, database.driver, write, report.batchId);
      report.counts.newEnterprises = write.enterprises.length;
      report.counts.newVersions = write.versions.length;
      report.counts.listChanges = write.listEntries.length;

      const staged = (problems: readonly StagedProblem[], column: (p: StagedProblem) => string | null) => {
        for (const p of problems) reject(p.row, column(p), p.reason);
        return problems.map((p) => p.row);
      };
      // A repeated row is a row-level problem (no one cell is wrong), unless two item columns of a wide row collide.
      const monotone = new Map(config.items.map((i) => [i.code, i.cumulativeNonDecreasing]));
      const seriesProblems = buffer ? buffer.seriesProblems((code) => monotone.get(code) === true) : series.problems();
      for (const p of seriesProblems) reject(p.row, p.kind === 'duplicate' && layout.kind !== 'wide' ? null : columnAt(p.col), p.reason);
      if (fresh && buffer) {
        const figures = buffer;
        const isRejected = (row: number) => rejectedRows.has(row);
        const plan = await planFresh(tx, database.driver, figures, isRejected, (row, uscc) => reject(row, columnOf('uscc'), unknownEnterprise(uscc)));
        report.counts = { ...report.counts, newFigures: plan.figures, rejectedRows: rejectedRows.size };
        const rejectFile = rejectedRows.size > 0 && (opts.onError ?? 'reject') === 'reject';
        if (report.dryRun || rejectFile || plan.figures === 0) throw new Rollback();
        const added = await commitFresh(tx, database.driver, figures, plan, isRejected, report.batchId);
        await finish(tx, added);
        return;
      }
      await dropStagedRows(tx, [...rejectedRows]);
      await buildRegistryRanges(tx);
      const unknown = await figuresOfUnknownEnterprises(tx, ENTERPRISE_REPORT_LIMIT);
      staged(unknown.problems, () => columnOf('uscc'));
      for (const row of unknown.rows) rejectedRows.add(row);
      const falling = staged(await fallingAgainstStored(tx), (p) => columnAt(p.col));
      await dropStagedRows(tx, [...unknown.rows, ...falling]);
      const counts: FigureCounts = await classifyFigures(tx);
      report.counts = { ...report.counts, newFigures: counts.new, revisedFigures: counts.revised, unchangedFigures: counts.unchanged, rejectedRows: rejectedRows.size };

      const rejectFile = rejectedRows.size > 0 && (opts.onError ?? 'reject') === 'reject';
      const changes = counts.new + counts.revised + write.enterprises.length + write.versions.length + write.listEntries.length;
      if (report.dryRun || rejectFile || changes === 0) throw new Rollback();

      const withoutRowTriggers = await tryWithoutRowTriggers(tx);
      await lockFigureReferences(tx);
      const added = await commitFigures(tx, report.batchId, counts.revised + counts.unchanged > 0);
      if (withoutRowTriggers) await restoreRowTriggers(tx);
      await finish(tx, added);

      async function finish(db: Database['db'], added: number): Promise<void> {
        const batchId = report.batchId ?? 0;
        report.committed = true;
        await setEnterpriseBatchResult(db, batchId, {
          rowsTotal: report.rows, figuresAdded: added, versionsAdded: write.versions.length, rowsRejected: rejectedRows.size,
          report: { ...report, rejected: report.rejected.slice(0, 100) },
        });
        await audit(db, opts.audit, {
          action: 'enterprise_import',
          entity: 'enterprise_import_batch',
          entityId: batchId,
          newValue: { file: fileName, format, layout: report.layout, counts: report.counts },
        });
      }
    });
  } catch (e) {
    if (e instanceof FileFormatError) report.errors.push(`${fileName}: ${e.message}`);
    else if (!(e instanceof Rollback)) throw e;
    report.committed = false;
    report.batchId = null;
  }
  report.counts.rejectedRows = rejectedRows.size;
  report.rejected.sort((a, b) => a.row - b.row);
  return report;
}

/** What the file's registry records change, against what is stored; a problem rejects its row. */
async function registryChanges(
  db: Database['db'],
  registry: ReadonlyMap<string, RegistryRecord[]>,
  syntheticOf: ReadonlyMap<string, boolean>,
  syntheticByDefault: boolean,
  problem: (row: number, field: keyof RegistryCells | null, reason: string) => void,
): Promise<RegistryWrite> {
  const write: RegistryWrite = { enterprises: [], versions: [], listEntries: [] };
  if (registry.size === 0) return write;
  const stored = await storedRegistry(db, registry.keys());
  for (const [uscc, records] of registry) {
    const known = stored.get(uscc);
    const synthetic = syntheticOf.get(uscc);
    if (known && synthetic !== undefined && synthetic !== known.synthetic) {
      const first = records[0];
      if (first) problem(first.row, 'synthetic', `合成数据 says ${synthetic ? '是' : '否'}, but ${uscc} is registered as ${known.synthetic ? 'synthetic' : 'real'}: that never changes`);
      continue;
    }
    const change = applyRecords(known?.versions ?? [], known?.lists ?? [], records);
    for (const p of change.problems) problem(p.row, p.field, p.message);
    const bad = new Set(change.problems.map((p) => p.row));
    const versions = change.versions.filter((v) => !bad.has(v.row));
    if (!known && versions.length === 0) continue;
    if (!known) write.enterprises.push({ uscc, synthetic: synthetic ?? syntheticByDefault });
    for (const v of versions) write.versions.push({ ...withoutRow(v), uscc });
    for (const e of change.listEntries.filter((x) => !bad.has(x.row))) write.listEntries.push({ ...withoutRow(e), uscc });
  }
  return write;
}

function withoutRow<T extends { row: number }>(x: T): Omit<T, 'row'> {
  const copy: Partial<T> = { ...x };
  delete copy.row;
  return copy as Omit<T, 'row'>;
}

const monthStart = (ym: number): string => `${Math.floor(ym / 100)}-${String(ym % 100).padStart(2, '0')}-01`;
