/**
 * Reads the data sheet of an Excel workbook (the sheet named 数据 / data, else the first) as records with their
 * spreadsheet row numbers. Cells are read as text: a number keeps the digits Excel shows, a date becomes ISO.
 */
import type ExcelJS from 'exceljs';
import { FileFormatError, type SourceRecord } from './readCsv';

export async function readXlsx(file: string): Promise<SourceRecord[]> {
  // exceljs is large; it is loaded when a workbook is read, not at every start.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch (e) {
    throw new FileFormatError(`not a readable .xlsx workbook (${(e as Error).message})`);
  }
  const sheet = workbook.worksheets.find((w) => ['数据', 'data'].includes(w.name.trim().toLowerCase())) ?? workbook.worksheets[0];
  if (!sheet) throw new FileFormatError('the workbook has no sheet');
  const records: SourceRecord[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      // A cell formatted as a percentage holds 0.081 and shows 8.1%: the figure is what it shows.
      cells[col - 1] = typeof cell.value === 'number' && /%/.test(cell.numFmt ?? '') ? String(Number((cell.value * 100).toPrecision(15))) : cellText(cell.value);
    });
    const all = Array.from(cells, (c) => c ?? '');
    if (all.some((c) => c.trim() !== '')) records.push({ row: rowNumber, cells: all });
  });
  return records;
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
