/**
 * Reads back what a report says, with tools independent of the code that wrote it: the Word XML text (unzipped
 * with fflate), `pdftotext` and `pdffonts` for PDF (poppler-utils), `pdftoppm` for page images, exceljs for the workbook cells.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';

const run = promisify(execFile);

/** The text of word/document.xml, one line per paragraph, XML entities decoded. */
export function docxText(docx: Buffer): string {
  const xml = strFromU8(unzipSync(new Uint8Array(docx))['word/document.xml'] ?? new Uint8Array());
  return xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1] ?? '').join(''))
    .join('\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

export function docxPart(docx: Buffer, name: string): string {
  return strFromU8(unzipSync(new Uint8Array(docx))[name] ?? new Uint8Array());
}

/** pdftotext of the PDF (reading order, no layout), with the line breaks inside paragraphs removed. */
export async function pdfText(pdf: Buffer): Promise<{ text: string; pages: number }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'pm-pdf-'));
  try {
    const file = path.join(dir, 'r.pdf');
    await writeFile(file, pdf);
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
    const { stdout: info } = await run('pdfinfo', [file]);
    return { text: stdout.replace(/\n(?!\n)/g, ''), pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The fonts of a PDF as `pdffonts` (poppler-utils) lists them: name and type ("CID TrueType", "Type 3", …). */
export async function pdfFonts(pdf: Buffer): Promise<Array<{ name: string; type: string }>> {
  const dir = await mkdtemp(path.join(tmpdir(), 'pm-pdf-'));
  try {
    const file = path.join(dir, 'r.pdf');
    await writeFile(file, pdf);
    const { stdout } = await run('pdffonts', [file]);
    // Columns are fixed-width: name (37), type (18), then encoding …
    return stdout
      .split('\n')
      .slice(2)
      .filter((l) => l.trim() !== '')
      .map((l) => ({ name: l.slice(0, 37).trim(), type: l.slice(37, 55).trim() }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Saves every page as PNG (pdftoppm) under `dir` as `<name>-<n>.png`, for people to look at. */
export async function pdfPages(pdf: Buffer, dir: string, name: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  // Pages of an earlier run would mix with these.
  for (const old of (await readdir(dir)).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))) await rm(path.join(dir, old));
  const file = path.join(dir, `${name}.pdf`);
  await writeFile(file, pdf);
  await run('pdftoppm', ['-r', '80', '-png', file, path.join(dir, name)]);
}

/** The cell values of a worksheet as rows (1-based rows dropped to 0-based arrays). */
export async function xlsxSheets(xlsx: Buffer): Promise<Map<string, unknown[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
  const out = new Map<string, unknown[][]>();
  wb.eachSheet((ws) => {
    const rows: unknown[][] = [];
    ws.eachRow({ includeEmpty: true }, (row) => {
      const values = row.values as unknown[];
      rows.push(values.slice(1));
    });
    out.set(ws.name, rows);
  });
  return out;
}
