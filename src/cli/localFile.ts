/**
 * A file a command names (a table to import, a frame): absolute, and checked readable here before anything opens.
 * Beside a running server the server reads the same path on this machine, so a mistyped path is said the same way
 * either way — as `plan validate` says it (file: (file): cannot read the file (ENOENT)) — not as a server error.
 */
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { DataFileError } from '../services/yamlFile';

/** @example await localFile('dispatch.xlsx') // '/home/ops/dispatch.xlsx', or DataFileError */
export async function localFile(file: string): Promise<string> {
  const abs = path.resolve(file);
  try {
    await access(abs, constants.R_OK);
  } catch (e) {
    throw new DataFileError(abs, [{ file: abs, line: null, path: [], message: `cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)})` }]);
  }
  return abs;
}
