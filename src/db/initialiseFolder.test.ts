import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { holdsDatabase, initialiseFolder } from './initialiseFolder';

describe('a new embedded database folder', () => {
  it('is made in a child process, moved into the (empty) folder, and opens as a database that keeps its rows', { timeout: 120_000 }, async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'pm-init-'));
    const dir = path.join(root, 'pglite');
    await mkdir(dir);
    await initialiseFolder(dir);
    expect(holdsDatabase(dir)).toBe(true);
    // Nothing is left beside it: the staging folder was renamed, not copied.
    expect((await readdir(root)).sort()).toEqual(['pglite']);
    const first = await openDatabase({ driver: 'pglite', dataDir: dir });
    await first.db.execute('create table kept (n int)');
    await first.db.execute('insert into kept values (7)');
    await first.close();
    // Initialising again does nothing to a folder that holds a database.
    await initialiseFolder(dir);
    const again = await openDatabase({ driver: 'pglite', dataDir: dir });
    const rows = (await again.db.execute('select n from kept')) as unknown as { rows: Array<{ n: number }> };
    expect(rows.rows).toEqual([{ n: 7 }]);
    await again.close();
  });

  it('leaves a folder with something else in it to PGlite, and cleans up after a failed initdb', { timeout: 60_000 }, async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'pm-init-'));
    const busy = path.join(root, 'busy');
    await mkdir(busy);
    await writeFile(path.join(busy, 'note.txt'), 'not a database');
    await initialiseFolder(busy);
    expect(holdsDatabase(busy)).toBe(false);
    // A parent that is a file: the child cannot create its staging folder, and the error names the folder.
    const blocked = path.join(root, 'file');
    await writeFile(blocked, '');
    await expect(initialiseFolder(path.join(blocked, 'pglite'))).rejects.toThrow(/could not create the embedded database in .*file\/pglite/);
    expect((await readdir(root)).sort()).toEqual(['busy', 'file']);
  });
});
