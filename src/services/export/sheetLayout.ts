/**
 * Excel as an office expects it (issue 15): numbers stored as numbers with a number format (two decimals for
 * amounts, the percent format for rates and shares), bold frozen header rows, column widths that fit their text,
 * and a page set up for A4 landscape, one page wide, the header rows repeated on every printed page. Every workbook
 * the platform writes (the report, its supervision sheets, the figures export) goes through here.
 */
import type ExcelJS from 'exceljs';
import { shiftDecimal } from '../../domain/unit/decimal';

export const NUMBER_FORMATS = {
  /** Amounts, values and growth in their unit: 1,234.57 */
  amount: '#,##0.00',
  /** Rates and shares stored as a fraction: 12.80% */
  percent: '0.00%',
  /** Whole counts and years: 2025 */
  integer: '0',
} as const;

/** Units whose figures are shares or rates in percent (stored as a fraction with the percent format). */
const PERCENT_UNITS = new Set(['%', '％']);

/**
 * Writes a figure into a cell as a number with the format its unit calls for; a value in % becomes the fraction
 * Excel's percent format expects (76.1 → 0.761, shown 76.10%), moved by decimal shift so no digit is invented.
 * Text (数据暂缺) stays text.
 */
export function setFigure(cell: ExcelJS.Cell, value: number | string | null | undefined, unit: string | null, missing: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    cell.value = typeof value === 'string' ? value : missing;
    return;
  }
  if (unit !== null && PERCENT_UNITS.has(unit.trim())) {
    cell.value = shiftDecimal(value, -2);
    cell.numFmt = NUMBER_FORMATS.percent;
  } else {
    cell.value = value;
    cell.numFmt = NUMBER_FORMATS.amount;
  }
}

/** A fraction (0.56) shown as a percent (56.00%); text stays text. */
export function setFraction(cell: ExcelJS.Cell, value: number | string | null | undefined, missing: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    cell.value = typeof value === 'string' ? value : missing;
    return;
  }
  cell.value = value;
  cell.numFmt = NUMBER_FORMATS.percent;
}

/** Display width of a text in Excel's character units: a CJK character takes two. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

function shown(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    if (cell.numFmt === NUMBER_FORMATS.percent) return `${(v * 100).toFixed(2)}%`;
    if (cell.numFmt === NUMBER_FORMATS.amount) return v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    return String(v);
  }
  if (v instanceof Date) return 'yyyy-mm-dd';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  return String(v);
}

export interface SheetLayout {
  /** Rows at the top that are headers (a title row and the column headers): frozen, repeated when printed. */
  headerRows: number;
  /** Columns kept in view when scrolling sideways (the name columns). */
  freezeColumns?: number;
  /** Rows whose text is a title spanning the sheet: not counted for widths. */
  titleRows?: number;
  /** Widest a column grows (longer text wraps). */
  maxWidth?: number;
}

/** Header style, frozen panes, fitted widths (long text wraps), A4 landscape one page wide. */
export function layoutSheet(sheet: ExcelJS.Worksheet, layout: SheetLayout): void {
  const { headerRows, freezeColumns = 0, titleRows = 0, maxWidth = 50 } = layout;
  for (let r = titleRows + 1; r <= headerRows; r++) {
    const row = sheet.getRow(r);
    row.font = { bold: true };
    row.alignment = { wrapText: true, vertical: 'middle' };
    row.eachCell((c) => (c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } }));
  }
  const widths: number[] = [];
  sheet.eachRow((row, r) => {
    if (r <= titleRows) return;
    row.eachCell((cell, c) => {
      // A header may wrap onto two lines: half its width is enough.
      const w = r <= headerRows ? Math.ceil(textWidth(shown(cell)) / 2) : textWidth(shown(cell));
      widths[c - 1] = Math.max(widths[c - 1] ?? 0, w);
    });
  });
  const wraps = new Set<number>();
  sheet.columns.forEach((col, i) => {
    const want = (widths[i] ?? 6) + 2;
    col.width = Math.max(6, Math.min(maxWidth, want));
    if (want > maxWidth) wraps.add(i + 1);
  });
  // Every data cell at the top of its row (a wrapped neighbour makes rows tall); long text wraps.
  sheet.eachRow((row, r) => {
    if (r <= headerRows) return;
    row.eachCell((cell, c) => (cell.alignment = { vertical: 'top', wrapText: wraps.has(c) }));
  });
  // Excel and LibreOffice do not grow a row for wrapped text written by a program: give each row the lines it needs.
  sheet.eachRow((row, r) => {
    if (r <= titleRows) return;
    let lines = 1;
    row.eachCell((cell, c) => {
      const width = sheet.getColumn(c).width ?? 10;
      lines = Math.max(lines, Math.ceil(textWidth(shown(cell)) / Math.max(1, width - 1)));
    });
    if (lines > 1) row.height = Math.min(409, 15 * lines);
  });
  sheet.views = [{ state: 'frozen', ySplit: headerRows, xSplit: freezeColumns }];
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${titleRows + 1}:${headerRows}`,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
}
