/**
 * Reads the data sheet of an Excel workbook (the sheet named 数据 / data, else the first) as records with their
 * spreadsheet row numbers. Cells are read as text: a number keeps the digits Excel shows, a date becomes ISO.
 *
 * The workbook is streamed (exceljs WorkbookReader): rows come one by one and memory stays flat however many
 * there are. Before that, zipGuard.ts inflates the archive once to refuse a zip bomb or a sheet with more rows than
 * an import takes, without keeping anything.
 */
import type ExcelJS from 'exceljs';
import { FileFormatError, type SourceRecord } from './readCsv';
import { DEFAULT_ZIP_LIMITS, scanZip, type ZipLimits } from './zipGuard';

const DATA_SHEETS = ['数据', 'data'];

export async function* readXlsx(file: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): AsyncGenerator<SourceRecord> {
  await scanZip(file, limits);
  // exceljs is large; it is loaded when a workbook is read, not at every start.
  const { default: Excel } = await import('exceljs');
  const reader = new Excel.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  let target: string | null = null;
  let read = false;
  try {
    for await (const sheet of reader) {
      // Set by the reader from the workbook part; exceljs's type declarations leave it out.
      const name = (sheet as unknown as { name: string }).name;
      // The workbook part (sheet names, in order) precedes the sheets in any workbook Excel or exceljs writes.
      const names = ((reader as unknown as { model?: { sheets?: Array<{ name: string }> } }).model?.sheets ?? []).map((s) => s.name);
      target ??= names.find((n) => DATA_SHEETS.includes(n.trim().toLowerCase())) ?? names[0] ?? name;
      if (read || name !== target) continue;
      read = true;
      for await (const row of sheet) {
        const cells: string[] = [];
        row.eachCell({ includeEmpty: true }, (cell, col) => {
          // A cell formatted as a percentage holds 0.081 and shows 8.1%: the figure is what it shows.
          cells[col - 1] = typeof cell.value === 'number' && /%/.test(cell.numFmt ?? '') ? String(Number((cell.value * 100).toPrecision(15))) : cellText(cell.value);
        });
        const all = Array.from(cells, (c) => c ?? '');
        if (all.some((c) => c.trim() !== '')) yield { row: row.number, cells: all };
      }
    }
  } catch (e) {
    if (e instanceof FileFormatError) throw e;
    throw new FileFormatError(`not a readable .xlsx workbook (${(e as Error).message})`);
  } finally {
    // A reader left early (a refused row) must not keep the file open.
    (reader as unknown as { stream?: { destroy(): void } }).stream?.destroy();
  }
  if (!read) throw new FileFormatError('the workbook has no sheet');
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('error' in v) return String(v.error);
  }
  return String(v);
}
