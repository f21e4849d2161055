/**
 * Exports figures (every vintage, never only the chosen one) as CSV (UTF-8 with BOM, so Excel opens it in
 * Chinese), XLSX, or SDMX-CSV for statistical exchange. Columns are the import template's, so an export imports
 * back unchanged.
 */
import { stringify } from 'csv-stringify/sync';
import type { Database } from '../../db/client';
import { listObservations, type ObservationFilter } from '../../db/observations';
import { listRegions } from '../../db/regions';
import { FIELDS, TEMPLATE_HEADERS, type Field } from '../../domain/observation/fields';
import type { Observation } from '../../domain/observation/observation';
import { PRECISION_LABELS, PRICE_BASIS_LABELS, SOURCE_KIND_LABELS, STATUS_LABELS } from '../../domain/observation/terms';
import { neutralise } from './safeCell';
import { toSdmxRows } from './sdmx';

export type ExportFormat = 'csv' | 'xlsx' | 'sdmx';

/** What to export: a filter as services/observations.ts `toFilter` builds it (a plan narrows the indicators). */
export interface ExportRequest extends ObservationFilter {
  format: ExportFormat;
}

export interface ExportFile {
  fileName: string;
  contentType: string;
  body: Buffer;
  rows: number;
}

export async function exportObservations(database: Database, req: ExportRequest): Promise<ExportFile> {
  const figures = await listObservations(database.db, req);
  const regionName = new Map((await listRegions(database.db)).map((r) => [r.code, r.name.zh]));
  const stamp = new Date().toISOString().slice(0, 10);
  const base = `observations-${stamp}`;

  if (req.format === 'sdmx') {
    const rows = toSdmxRows(figures).map((r) => r.map(neutralise));
    return { fileName: `${base}.sdmx.csv`, contentType: 'text/csv; charset=utf-8', body: Buffer.from(stringify(rows)), rows: figures.length };
  }
  const header = [...FIELDS.map((f) => TEMPLATE_HEADERS[f]), '编号', '录入时间', '来源文件'];
  const table = figures.map((o) => [...FIELDS.map((f) => cellOf(o, f, regionName)), String(o.id), o.enteredAt, o.origin ?? '']);
  if (req.format === 'csv') {
    // Text that a spreadsheet would run as a formula is neutralised (safeCell.ts); the XLSX below holds text cells, never formulas.
    return { fileName: `${base}.csv`, contentType: 'text/csv; charset=utf-8', body: Buffer.from(`\uFEFF${stringify([header, ...table.map((r) => r.map(neutralise))])}`), rows: figures.length };
  }
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  const sheet = wb.addWorksheet('数据', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(header).font = { bold: true };
  // Values stay numbers in Excel; everything else is text as published.
  for (const row of table) sheet.addRow(row.map((v, i) => (FIELDS[i] === 'value' ? Number(v) : v)));
  sheet.columns.forEach((c, i) => (c.width = FIELDS[i] === 'quote' || FIELDS[i] === 'source' ? 40 : 14));
  return { fileName: `${base}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: Buffer.from(await wb.xlsx.writeBuffer()), rows: figures.length };
}

function cellOf(o: Observation, f: Field, regionName: ReadonlyMap<string, string>): string {
  switch (f) {
    case 'indicator': return o.indicatorCode;
    case 'indicatorName': return '';
    case 'region': return regionName.get(o.regionCode) ?? o.regionCode;
    case 'period': return o.periodCode;
    case 'value': return String(o.value);
    case 'unit': return o.unit;
    case 'priceBasis': return o.priceBasis ? PRICE_BASIS_LABELS[o.priceBasis].zh : '';
    case 'status': return STATUS_LABELS[o.status].zh;
    case 'sourceKind': return SOURCE_KIND_LABELS[o.sourceKind].zh;
    case 'source': return o.source.publication;
    case 'publisher': return o.source.publisher ?? '';
    // An estimated vintage date is left blank, so that re-importing estimates it the same way.
    case 'publishedDate': return o.publishedDateEstimated ? '' : o.publishedDate;
    case 'link': return o.source.link ?? '';
    case 'readAt': return o.source.readAt ?? '';
    case 'precision': return PRECISION_LABELS[o.precision].zh;
    case 'quote': return o.quote ?? '';
    case 'notes': return o.notes ?? '';
  }
}
