/**
 * A database made with the first edition of the bundled data (every source in one free-text column, no precision)
 * is brought up to date by the second edition (publication, kind, where read, precision, dates): the re-described
 * records supersede the old ones — recorded in the append-only figure_supersessions, nothing updated, nothing
 * deleted — and evaluation chooses as on a fresh database. Both drivers.
 */
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client';
import { listObservations } from '../src/db/observations';
import { choosePreferred } from '../src/domain/observation/preference';
import { prepare } from '../src/services/bootstrap';
import { importObservations } from '../src/services/import/importObservations';
import { drivers } from './support/databases';
import { fixture, plansDir, regionsDir, root } from './support/paths';
import { SYSTEM } from '../src/services/access/audit';

describe.each(drivers)('a second edition of the bundled data on $name', ({ open }) => {
  let database: Database;
  let before = 0;

  beforeAll(async () => {
    database = await open();
    await prepare(database, { regionsDir, plansDir, catalogueDir: path.join(root, 'catalogue') });
    const first = await importObservations(database, { file: fixture('data/shenzhen-observations-2014-2023.first-edition.csv'), fileName: 'shenzhen-observations-2014-2023.csv', onError: 'skip', audit: SYSTEM });
    expect(first.committed).toBe(true);
    before = (await listObservations(database.db)).length;
    await prepare(database, { regionsDir, plansDir, catalogueDir: path.join(root, 'catalogue'), datasetsDir: path.join(root, 'datasets') });
  }, 120_000);
  afterAll(() => database.close());

  it('keeps every record and links each re-described one to its successor', async () => {
    const all = await listObservations(database.db);
    expect(all.length).toBeGreaterThan(before);
    const superseded = all.filter((o) => o.supersededBy !== null);
    expect(superseded.length).toBeGreaterThan(100);
    // Each superseded record and its successor are the same cell and value of the same row of the file.
    const byId = new Map(all.map((o) => [o.id, o]));
    for (const o of superseded) {
      const next = byId.get(o.supersededBy ?? -1);
      expect(next).toMatchObject({ indicatorCode: o.indicatorCode, regionCode: o.regionCode, periodCode: o.periodCode, valueStd: o.valueStd, origin: o.origin });
    }
    const refused = await database.db.execute(sql`delete from figure_supersessions`).then(
      () => 'not refused',
      (e: unknown) => ((e as { cause?: unknown }).cause instanceof Error ? ((e as { cause: Error }).cause.message) : String(e)),
    );
    expect(refused).toMatch(/append-only/);
  });

  it('chooses as a fresh database does: 社会消费品零售总额 2023 is the bulletin’s 10486.19, the old records passed over with the reason', async () => {
    const retail = (await listObservations(database.db, { indicatorCodes: ['RETAIL'], regionCodes: ['440300'], periodCodes: ['2023'] }));
    const p = choosePreferred(retail);
    expect(p.chosen).toMatchObject({ valueStd: 10486.19, sourceKind: 'bureau_bulletin', precision: 'exact' });
    expect(p.candidates.filter((c) => c.rank === null).map((c) => c.reason.zh)).toEqual([expect.stringContaining('已由数据文件的新版本重新描述'), expect.stringContaining('已由数据文件的新版本重新描述')]);
    const gdp2020 = choosePreferred(await listObservations(database.db, { indicatorCodes: ['GDP'], regionCodes: ['440300'], periodCodes: ['2020'] }));
    // The first release of 2020 GDP is 初步, not 修订 (the first edition's note "later revised" no longer makes it one).
    expect(gdp2020.chosen).toMatchObject({ valueStd: 27670.24, status: 'preliminary' });
  });
});
