/**
 * Prints results for a person (a table) or for a program (JSON): JSON when --json is given or when stdout is
 * not a terminal (piped), as the Evidence CLI does.
 */
import Table from 'cli-table3';

export interface OutputOptions {
  json?: boolean;
}

export function wantsJson(opts: OutputOptions, stream: NodeJS.WriteStream = process.stdout): boolean {
  return opts.json === true || !stream.isTTY;
}

export function printTable(rows: ReadonlyArray<Record<string, unknown>>, columns: ReadonlyArray<[key: string, header: string]>, opts: OutputOptions, json: unknown = rows): void {
  if (wantsJson(opts)) {
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    return;
  }
  const table = new Table({ head: columns.map(([, h]) => h) });
  for (const row of rows) table.push(columns.map(([k]) => formatCell(row[k])));
  process.stdout.write(`${table.toString()}\n`);
}

function formatCell(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (Array.isArray(v)) return v.join(', ');
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}
