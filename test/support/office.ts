/**
 * Headless LibreOffice as a real office client (scripts/ensure-office.sh installs it): converts a file to another
 * format in a private profile (so parallel runs do not share one) and returns the converted files' paths.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';

/** Converts `file` into a new folder under `parent` (so no earlier output is mistaken for this one's). */
export async function convert(file: string, to: string, parent: string): Promise<string[]> {
  if (!existsSync(SOFFICE)) throw new Error(`no LibreOffice at ${SOFFICE}: scripts/test.sh installs it (apt-get install libreoffice-writer-nogui libreoffice-calc-nogui)`);
  const profile = await mkdtemp(path.join(tmpdir(), 'pm-lo-profile-'));
  const outDir = await mkdtemp(path.join(parent, 'out-'));
  const before = new Set(await readdir(outDir));
  const { stderr } = await run(SOFFICE, ['--headless', '--norestore', '--nolockcheck', `-env:UserInstallation=file://${profile}`, '--convert-to', to, '--outdir', outDir, file], { timeout: 180_000 });
  const made = (await readdir(outDir)).filter((f) => !before.has(f));
  await rm(profile, { recursive: true, force: true });
  if (made.length === 0) throw new Error(`LibreOffice converted nothing (${to}): ${stderr}`);
  return made.map((f) => path.join(outDir, f));
}

/** The cells of the first sheet of a flat ODS (.fods) file: each cell's value type and value as LibreOffice read them. */
export function fodsCells(xml: string, sheetName: string): Array<Array<{ type: string; value: string; text: string }>> {
  const sheet = new RegExp(`<table:table table:name="${sheetName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[\\s\\S]*?</table:table>`).exec(xml)?.[0];
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  const rows: Array<Array<{ type: string; value: string; text: string }>> = [];
  for (const row of sheet.matchAll(/<table:table-row\b[^>]*>([\s\S]*?)<\/table:table-row>/g)) {
    const cells: Array<{ type: string; value: string; text: string }> = [];
    for (const c of (row[1] ?? '').matchAll(/<table:table-cell\b([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-cell>)/g)) {
      const attrs = c[1] ?? '';
      const repeat = Number(/table:number-columns-repeated="(\d+)"/.exec(attrs)?.[1] ?? '1');
      const type = /office:value-type="([^"]+)"/.exec(attrs)?.[1] ?? 'empty';
      const value = /office:value="([^"]+)"/.exec(attrs)?.[1] ?? '';
      const text = (c[2] ?? '').replace(/<[^>]+>/g, '').trim().replace(/&amp;/g, '&');
      for (let i = 0; i < Math.min(repeat, 50); i++) cells.push({ type, value, text });
    }
    rows.push(cells);
  }
  return rows;
}
