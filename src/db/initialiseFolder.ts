/**
 * A new embedded database folder is initialised (PGlite's initdb) in a short-lived child process, then moved into
 * place. Why: initdb runs in its own WebAssembly instance; run inside the server it took the server's peak to ~920 MB
 * and its idle size to ~480 MB (measured with VmHWM/VmRSS); run in a child, whose memory is returned when it exits,
 * the server peaks at ~490 MB and idles at ~380 MB, as on any later start. Built beside the
 * folder and renamed, a start killed during initdb leaves no half-made database behind.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** True when the folder holds a database already (PGlite, like PostgreSQL, marks one with PG_VERSION). */
export const holdsDatabase = (dataDir: string): boolean => existsSync(path.join(dataDir, 'PG_VERSION'));

const isMissingOrEmpty = (dir: string): boolean => !existsSync(dir) || readdirSync(dir).length === 0;

/**
 * Initialises `dataDir` when it is missing or empty; a folder with anything else in it is left to PGlite, which
 * reports what it finds. The caller holds the folder's lock (a sibling file), so no one else is creating it.
 */
export async function initialiseFolder(dataDir: string): Promise<void> {
  if (holdsDatabase(dataDir) || !isMissingOrEmpty(dataDir)) return;
  const staging = `${path.resolve(dataDir)}.initdb-${process.pid}`;
  // Resolved here, where the package is known to be installed; the child loads exactly this file.
  const pglite = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const script = 'const [, file, dir] = process.argv; require(file).PGlite.create(dir).then((c) => c.close())';
  try {
    await rm(staging, { recursive: true, force: true });
    await run(process.execPath, ['-e', script, pglite, staging], { maxBuffer: 4 << 20 });
    // rename(2) replaces an empty directory: the caller may have created the folder already.
    await rename(staging, dataDir);
  } catch (e) {
    await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    const detail = e instanceof Error && 'stderr' in e ? String(e.stderr) : String(e);
    throw new Error(`could not create the embedded database in ${dataDir}: ${detail}`);
  }
}
