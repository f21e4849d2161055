/** Sends a file to the import API (multipart) with the wizard's choices; a refused import still returns its report. */
import { api, type ImportReportDto } from './api';

export interface ImportChoices {
  dryRun: boolean;
  onError: 'reject' | 'skip';
  mapping: Record<string, string>;
  approve?: boolean;
}

export function uploadImport(file: File, choices: ImportChoices): Promise<ImportReportDto> {
  const form = new FormData();
  form.append('dryRun', String(choices.dryRun));
  form.append('onError', choices.onError);
  if (Object.keys(choices.mapping).length > 0) form.append('mapping', JSON.stringify(choices.mapping));
  if (choices.approve) form.append('approve', 'true');
  form.append('file', file, file.name);
  return api<ImportReportDto>('/api/observations/import', { method: 'POST', body: form, acceptStatus: [422, 403] } as RequestInit);
}

/** The header row of a CSV file, read in the browser (quotes respected), to offer a mapping for every column. */
export async function csvHeader(file: File): Promise<string[] | null> {
  if (!/\.csv$/i.test(file.name)) return null;
  const head = await file.slice(0, 64 * 1024).text();
  const line = head.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  out.push(cell.trim());
  return out.filter((h) => h !== '');
}
