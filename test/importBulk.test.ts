/**
 * The bulk path of an import (rows staged with COPY, foreign keys checked once per import) stores exactly what the
 * file says on both drivers: text with tabs, backslashes, line breaks and COPY's own null mark survives, and on a
 * server a role that may not switch row triggers off imports the same figures through the triggers.
 */
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/client';
import { listObservations } from '../src/db/observations';
import { queryRows } from '../src/db/raw';
import { prepare } from '../src/services/bootstrap';
import { SYSTEM } from '../src/services/access/audit';
import { importObservations } from '../src/services/import/importObservations';
import { goodFile, removeTempDirs, type Figure } from './support/badFiles';
import { drivers, serverUrl, withUnprivilegedDatabase } from './support/databases';
import { plansDir, regionsDir, root } from './support/paths';

const catalogueDir = path.join(root, 'catalogue');
afterAll(() => removeTempDirs());

// Cells that COPY's text format would misread if they were not escaped.
const awkward: Figure[] = [
  { quote: 'tab\there', notes: 'back\\slash \\N and \\t', period: '2023' },
  { quote: 'line\nbreak', notes: 'carriage\r\nreturn', period: '2022', publishedDate: '2023-04-30' },
  { quote: '\\N', notes: '', period: '2021', publishedDate: '2022-04-30' },
];

const stored = (rows: Awaited<ReturnType<typeof listObservations>>) =>
  rows.map((o) => ({ period: o.periodCode, value: o.value, quote: o.quote, notes: o.notes, source: o.source, publishedDate: o.publishedDate, origin: o.origin }));

describe.each(drivers)('bulk import on $name', ({ open }) => {
  it('stores awkward text exactly as the file has it', async () => {
    const database = await open();
    try {
      await prepare(database, { regionsDir, plansDir, catalogueDir });
      const report = await importObservations(database, { file: await goodFile('awkward.csv', awkward), audit: SYSTEM });
      expect(report.errors).toEqual([]);
      expect(report.committed).toBe(true);
      expect(report.counts).toEqual({ new: 3, revision: 0, unchanged: 0, rejected: 0 });
      const rows = await listObservations(database.db);
      const byPeriod = new Map(rows.map((o) => [o.periodCode, o]));
      expect(byPeriod.get('2023')?.quote).toBe('tab\there');
      expect(byPeriod.get('2023')?.notes).toBe('back\\slash \\N and \\t');
      expect(byPeriod.get('2022')?.quote).toBe('line\nbreak');
      expect(byPeriod.get('2022')?.notes).toBe('carriage\r\nreturn');
      expect(byPeriod.get('2021')?.quote).toBe('\\N');
      expect(byPeriod.get('2021')?.notes).toBeNull();
    } finally {
      await database.close();
    }
  });
});

describe.runIf(serverUrl)('bulk import by a role that may not switch row triggers off', () => {
  it('imports the same figures through the foreign-key triggers', async () => {
    await withUnprivilegedDatabase(serverUrl ?? '', 'bulk', async (database) => {
      await database.migrate();
      await prepare(database, { regionsDir, plansDir, catalogueDir });
      const [who] = await queryRows<{ superuser: string }>(database.db, sql`select current_setting('is_superuser') as superuser`);
      expect(who?.superuser).toBe('off');
      const file = await goodFile('unprivileged.csv', awkward);
      const report = await importObservations(database, { file, audit: SYSTEM });
      expect(report.committed).toBe(true);
      expect(report.counts).toEqual({ new: 3, revision: 0, unchanged: 0, rejected: 0 });
      const viaTriggers = stored(await listObservations(database.db));

      const reference = await openDatabase({ driver: 'pglite', dataDir: null });
      try {
        await prepare(reference, { regionsDir, plansDir, catalogueDir });
        await importObservations(reference, { file, audit: SYSTEM });
        expect(viaTriggers).toEqual(stored(await listObservations(reference.db)));
      } finally {
        await reference.close();
      }
    });
  }, 60_000);
});
