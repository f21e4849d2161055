/**
 * Reads one time series from a CSV file for backtesting: a header row, then `year,value` (2015, 2016, …) or
 * `period,value` with quarters (2015Q1) or months (2015-01). Periods must be consecutive and of one kind; a bad
 * cell is reported with its row and column, and nothing is computed from a file with errors.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { BadRequestError } from '../errors';

export interface SeriesFile {
  /** Periods per year: 1, 4 or 12. */
  m: number;
  periods: string[];
  values: number[];
}

const KINDS: Array<{ m: number; re: RegExp; index: (g: RegExpExecArray) => number }> = [
  { m: 1, re: /^(\d{4})$/, index: (g) => Number(g[1]) },
  { m: 4, re: /^(\d{4})\s*-?\s*Q([1-4])$/i, index: (g) => Number(g[1]) * 4 + Number(g[2]) - 1 },
  { m: 12, re: /^(\d{4})-(0[1-9]|1[0-2])$/, index: (g) => Number(g[1]) * 12 + Number(g[2]) - 1 },
];

export function parseSeriesCsv(text: string, file: string): SeriesFile {
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true }) as string[][];
  } catch (e) {
    throw new BadRequestError(`${file}: not a readable CSV file (${e instanceof Error ? e.message : String(e)})`);
  }
  const [header, ...body] = rows;
  const head = (header ?? []).map((h) => h.toLowerCase());
  if (!header || !['year', 'period'].includes(head[0] ?? '') || head[1] !== 'value') {
    throw new BadRequestError(`${file}: row 1: the header must be "year,value" or "period,value" (got "${(header ?? []).join(',')}")`);
  }
  if (body.length === 0) throw new BadRequestError(`${file}: no data rows`);
  const errors: string[] = [];
  const periods: string[] = [];
  const values: number[] = [];
  let kind: (typeof KINDS)[number] | null = null;
  let previous: number | null = null;
  for (const [i, row] of body.entries()) {
    const line = i + 2;
    const period = row[0] ?? '';
    const raw = (row[1] ?? '').replace(/,/g, '');
    const k = KINDS.find((c) => c.re.test(period));
    const match = k?.re.exec(period);
    if (!k || !match) {
      errors.push(`${file}: row ${line}, column ${header[0]}: "${period}" is not a year (2015), quarter (2015Q1) or month (2015-01)`);
      continue;
    }
    if (kind && k.m !== kind.m) errors.push(`${file}: row ${line}, column ${header[0]}: "${period}" mixes period kinds`);
    kind ??= k;
    const index = k.index(match);
    if (previous !== null && index !== previous + 1) errors.push(`${file}: row ${line}, column ${header[0]}: "${period}" does not follow the previous period (the series must be consecutive, oldest first)`);
    previous = index;
    const value = raw === '' ? Number.NaN : Number(raw);
    if (!Number.isFinite(value)) errors.push(`${file}: row ${line}, column ${header[1]}: "${row[1] ?? ''}" is not a number`);
    periods.push(period);
    values.push(value);
  }
  if (errors.length > 0) throw new BadRequestError(errors.slice(0, 20).join('\n') + (errors.length > 20 ? `\n… and ${errors.length - 20} more` : ''));
  return { m: kind?.m ?? 1, periods, values };
}

export async function readSeriesFile(file: string): Promise<SeriesFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new BadRequestError(`${file}: cannot be read (${e instanceof Error ? e.message : String(e)})`);
  }
  return parseSeriesCsv(text, file);
}
