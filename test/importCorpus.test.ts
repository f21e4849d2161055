/**
 * The import corpus, on PGlite and on a real PostgreSQL server: every bad file gets a clear error (file-level, or
 * per row with row number, column header and reason), is not committed, and writes nothing — no figure and no
 * import batch. Then the behaviours around a good file: strict and skip modes, dry run, re-import, revisions,
 * XLSX and explicit column mappings.
 */
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client';
import { listObservations } from '../src/db/observations';
import { queryRows } from '../src/db/raw';
import { prepare } from '../src/services/bootstrap';
import { SYSTEM } from '../src/services/access/audit';
import { importObservations, type ImportOptions, type ImportReport } from '../src/services/import/importObservations';
import { MAX_RECORD_BYTES } from '../src/services/import/readCsv';
import {
  bomFile, duplicateRows, emptyFile, gbkFile, gbkUnknownRegion, goodFile, headerOnly, hugeNumber, longLine, missingSourceColumn,
  missingValueMarks, negativeShare, ownHeaders, PUBLISHER, removeTempDirs, SOURCE, textInNumber, unknownColumn, unknownIndicator, unknownRegion,
  unspecifiedPeriods, xlsxFile, type Figure,
} from './support/badFiles';
import { drivers, serverUrl } from './support/databases';
import { plansDir, regionsDir, root } from './support/paths';

const catalogueDir = path.join(root, 'catalogue');

afterAll(() => removeTempDirs());

async function count(database: Database, table: 'observations' | 'import_batches'): Promise<number> {
  const [row] = await queryRows<{ n: number }>(database.db, sql.raw(`select count(*)::int as n from ${table}`));
  return row?.n ?? Number.NaN;
}

async function counts(database: Database): Promise<{ observations: number; batches: number }> {
  return { observations: await count(database, 'observations'), batches: await count(database, 'import_batches') };
}

describe.each(drivers)('import corpus on $name', ({ open }) => {
  let database: Database;
  beforeAll(async () => {
    database = await open();
    await prepare(database, { regionsDir, plansDir, catalogueDir });
  });
  afterAll(() => database.close());

  /** Imports a file that must be refused: not committed, and no figure nor batch written. */
  async function refused(file: string, opts: Partial<Omit<ImportOptions, 'file'>> = {}): Promise<ImportReport> {
    const before = await counts(database);
    const report = await importObservations(database, { file, audit: SYSTEM, ...opts });
    expect(report.committed).toBe(false);
    expect(report.batchId).toBeNull();
    expect(await counts(database)).toEqual(before);
    return report;
  }

  /** Imports a file that must be committed; returns the report and how many figures it added. */
  async function accepted(file: string, opts: Partial<Omit<ImportOptions, 'file'>> = {}): Promise<{ report: ImportReport; added: number }> {
    const before = await counts(database);
    const report = await importObservations(database, { file, audit: SYSTEM, ...opts });
    expect(report.errors).toEqual([]);
    expect(report.committed).toBe(true);
    expect(report.batchId).toEqual(expect.any(Number));
    const after = await counts(database);
    expect(after.batches).toBe(before.batches + 1);
    return { report, added: after.observations - before.observations };
  }

  it('starts with no figures (no datasets loaded)', async () => {
    expect(await counts(database)).toEqual({ observations: 0, batches: 0 });
  });

  describe('bad files: a clear error, not committed, nothing written', () => {
    it('1. an empty file (0 bytes) is a file-level error', async () => {
      const report = await refused(await emptyFile());
      expect(report.errors).toEqual(['empty.csv: the file is empty (no header row, no data)']);
      expect(report.rejected).toEqual([]);
      expect(report.rows).toBe(0);
    });

    it('2. a header with no rows is a file-level error', async () => {
      const report = await refused(await headerOnly());
      expect(report.errors).toEqual(['header-only.csv: the file has a header but no data rows']);
      expect(report.rejected).toEqual([]);
    });

    it('3. a GBK file with an unknown region names it in readable Chinese (no mojibake)', async () => {
      const report = await refused(await gbkUnknownRegion());
      expect(report.encoding).toBe('gb18030');
      expect(report.errors).toEqual([]);
      expect(report.rejected).toEqual([{ file: 'gbk-unknown-region.csv', row: 2, column: '地区', reason: expect.stringContaining('unknown region "坪洲区"') }]);
      expect(report.rejected[0]?.reason).not.toContain('\uFFFD');
    });

    it('5. the same row twice: the second is rejected as a duplicate of row 2', async () => {
      const report = await refused(await duplicateRows());
      expect(report.rejected).toEqual([{ file: 'duplicates.csv', row: 3, column: null, reason: expect.stringContaining('duplicate of row 2') }]);
      expect(report.counts.rejected).toBe(1);
      expect(report.changes.map((c) => c.row)).toEqual([2]);
    });

    it('6. an unknown indicator', async () => {
      const report = await refused(await unknownIndicator());
      expect(report.rejected).toEqual([{ file: 'unknown-indicator.csv', row: 2, column: '指标代码', reason: expect.stringMatching(/unknown indicator "NO_SUCH_INDICATOR".*catalogue/) }]);
    });

    it('7. an unknown region', async () => {
      const report = await refused(await unknownRegion());
      expect(report.rejected).toEqual([{ file: 'unknown-region.csv', row: 2, column: '地区', reason: expect.stringContaining('unknown region "坪洲区"') }]);
    });

    it('8. words in a number cell ("约2600") are not read as a number', async () => {
      const report = await refused(await textInNumber());
      expect(report.rejected).toEqual([{ file: 'text-in-number.csv', row: 2, column: '数值', reason: expect.stringMatching(/not a number: "约2600"/) }]);
    });

    it('9. 1e308 is out of range', async () => {
      const report = await refused(await hugeNumber());
      expect(report.rejected).toEqual([{ file: 'huge-number.csv', row: 2, column: '数值', reason: expect.stringMatching(/1e308 is out of range/) }]);
    });

    it('10. a negative share (FIN_SHARE_GDP -3)', async () => {
      const report = await refused(await negativeShare());
      expect(report.rejected).toEqual([{ file: 'negative-share.csv', row: 2, column: '数值', reason: expect.stringMatching(/share must lie between 0 and 100.*-3/) }]);
    });

    it("11. '—' and '-' as the value are missing values, not zero", async () => {
      const report = await refused(await missingValueMarks());
      expect(report.rejected).toEqual([
        { file: 'missing-marks.csv', row: 2, column: '数值', reason: expect.stringMatching(/value is missing \("—"/) },
        { file: 'missing-marks.csv', row: 3, column: '数值', reason: expect.stringMatching(/value is missing \("-"/) },
      ]);
      expect(report.counts.rejected).toBe(2);
    });

    it('12. "unspecified" periods are rejected', async () => {
      const report = await refused(await unspecifiedPeriods());
      expect(report.rejected).toEqual([
        { file: 'unspecified-periods.csv', row: 2, column: '期间', reason: expect.stringContaining('unrecognised period "unspecified"') },
        { file: 'unspecified-periods.csv', row: 3, column: '期间', reason: expect.stringContaining('unrecognised period "unspecified (as of 2022-05 FAQ)"') },
      ]);
    });

    // 13. (a 30 MB line) has a database of its own: see the next describe block.

    it('14. a missing required column (no 来源) is a file-level error', async () => {
      const report = await refused(await missingSourceColumn());
      expect(report.errors).toEqual([expect.stringMatching(/^no-source-column\.csv, header \(row 1\): no column for source \(来源\)/)]);
      expect(report.rows).toBe(0);
    });
  });

  describe('files that import', () => {
    it('3. a GBK file with no declaration imports, Chinese text intact', async () => {
      const { report, added } = await accepted(await gbkFile());
      expect(report.encoding).toBe('gb18030');
      expect(report.counts).toEqual({ new: 1, revision: 0, unchanged: 0, rejected: 0 });
      expect(added).toBe(1);
      const [figure, ...more] = await listObservations(database.db, { indicatorCodes: ['TERTIARY_VA'], regionCodes: ['440300'], periodCodes: ['2023'] });
      expect(more).toEqual([]);
      expect(figure).toMatchObject({
        regionCode: '440300', value: 21566.38, unit: '亿元', priceBasis: 'current', status: 'preliminary', sourceKind: 'bureau_bulletin',
        source: { publication: SOURCE, publisher: PUBLISHER, link: null }, publishedDate: '2024-04-30', origin: 'gbk.csv:2',
      });
    });

    it('4. UTF-8 with a BOM: the first header 指标代码 is recognised', async () => {
      const { report, added } = await accepted(await bomFile({ region: '440303' }));
      expect(report.encoding).toBe('utf-8-bom');
      expect(report.ignoredColumns).toEqual([]);
      expect(report.rejected).toEqual([]);
      expect(added).toBe(1);
      expect(await listObservations(database.db, { indicatorCodes: ['TERTIARY_VA'], regionCodes: ['440303'] })).toHaveLength(1);
    });

    it('15. an unknown column (颜色) is reported in ignoredColumns and does not block a valid file', async () => {
      const { report, added } = await accepted(await unknownColumn({ region: '440304' }));
      expect(report.ignoredColumns).toEqual(['颜色']);
      expect(report.rejected).toEqual([]);
      expect(added).toBe(1);
      expect((await listObservations(database.db, { regionCodes: ['440304'] }))[0]?.value).toBe(21566.38);
    });
  });

  describe('behaviour', () => {
    const threeGoodOneBad = (region: string): Figure[] => [
      { region, period: '2021', publishedDate: '2022-04-30', value: '17000' },
      { region, period: '2022', publishedDate: '2023-04-30', value: '18000' },
      { region, period: '2023', publishedDate: '2024-04-30', value: '19000' },
      { region, period: '2020', publishedDate: '2021-04-30', value: '约2600' },
    ];

    it('16. strict mode (default): one bad row rejects the file, and the report still lists the good rows', async () => {
      const report = await refused(await goodFile('strict.csv', threeGoodOneBad('440305')));
      expect(report.changes).toEqual([
        { row: 2, kind: 'new', existing: null },
        { row: 3, kind: 'new', existing: null },
        { row: 4, kind: 'new', existing: null },
      ]);
      expect(report.rejected).toEqual([{ file: 'strict.csv', row: 5, column: '数值', reason: expect.stringContaining('not a number') }]);
      expect(report.counts).toEqual({ new: 3, revision: 0, unchanged: 0, rejected: 1 });
      expect(report.rows).toBe(4);
    });

    it("17. onError 'skip': the good rows are committed and the bad one reported", async () => {
      const { report, added } = await accepted(await goodFile('skip.csv', threeGoodOneBad('440306')), { onError: 'skip' });
      expect(added).toBe(3);
      expect(report.counts).toEqual({ new: 3, revision: 0, unchanged: 0, rejected: 1 });
      expect(report.rejected).toEqual([{ file: 'skip.csv', row: 5, column: '数值', reason: expect.stringContaining('not a number') }]);
      const stored = await listObservations(database.db, { regionCodes: ['440306'] });
      expect(stored.map((o) => [o.periodCode, o.value])).toEqual([['2021', 17000], ['2022', 18000], ['2023', 19000]]);
    });

    it('18. a dry run reports the counts and writes nothing', async () => {
      const file = await goodFile('dry.csv', [{ region: '440307', period: '2022', publishedDate: '2023-04-30' }, { region: '440307' }]);
      const report = await refused(file, { dryRun: true });
      expect(report.dryRun).toBe(true);
      expect(report.errors).toEqual([]);
      expect(report.counts).toEqual({ new: 2, revision: 0, unchanged: 0, rejected: 0 });
      expect(report.changes.map((c) => c.kind)).toEqual(['new', 'new']);
    });

    it('19. importing the same file twice adds nothing the second time', async () => {
      const figures: Figure[] = [{ region: '440308', period: '2021', publishedDate: '2022-04-30' }, { region: '440308', period: '2022', publishedDate: '2023-04-30' }, { region: '440308' }];
      const file = await goodFile('twice.csv', figures);
      const first = await accepted(file);
      expect(first.added).toBe(3);
      const second = await refused(file);
      expect(second.errors).toEqual([]);
      expect(second.counts).toEqual({ new: 0, revision: 0, unchanged: 3, rejected: 0 });
      expect(second.changes.map((c) => c.kind)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    });

    it('20. a revised figure is added beside the first (never overwritten)', async () => {
      const first = await accepted(await goodFile('first.csv', [{ region: '440309', value: '21566.38', publishedDate: '2024-04-30' }]));
      expect(first.added).toBe(1);
      const second = await accepted(await goodFile('revised.csv', [{ region: '440309', value: '21600.12', status: '修订', publishedDate: '2025-01-15' }]));
      expect(second.added).toBe(1);
      expect(second.report.counts).toEqual({ new: 0, revision: 1, unchanged: 0, rejected: 0 });
      expect(second.report.changes).toEqual([{ row: 2, kind: 'revision', existing: expect.stringContaining('21566.38') }]);
      const stored = await listObservations(database.db, { indicatorCodes: ['TERTIARY_VA'], regionCodes: ['440309'], periodCodes: ['2023'] });
      expect(stored.map((o) => [o.value, o.publishedDate, o.status]).sort()).toEqual([
        [21566.38, '2024-04-30', 'preliminary'],
        [21600.12, '2025-01-15', 'revised'],
      ]);
    });

    it('21. an XLSX file with the template headers imports, with a number cell and a date cell', async () => {
      const file = await xlsxFile({ region: '440310', period: 2023, value: 21566.38, published: new Date(Date.UTC(2024, 3, 30)) });
      const { report, added } = await accepted(file);
      expect(report.format).toBe('xlsx');
      expect(report.rejected).toEqual([]);
      expect(added).toBe(1);
      const [figure] = await listObservations(database.db, { regionCodes: ['440310'] });
      expect(figure).toMatchObject({ indicatorCode: 'TERTIARY_VA', periodCode: '2023', value: 21566.38, unit: '亿元', publishedDate: '2024-04-30', publishedDateEstimated: false, source: { publication: SOURCE } });
    });

    it('22. an explicit column mapping imports a file with headers of its own; a mapping to an unknown field is a file-level error', async () => {
      const mapping = { ind: 'indicator', area: 'region', when: 'period', v: 'value', u: 'unit', src: 'source' };
      const file = await ownHeaders({ region: '440311' });
      const unmapped = await refused(file);
      expect(unmapped.errors[0]).toMatch(/^own-headers\.csv, header \(row 1\): no column for indicator \(指标代码\)/);
      expect(unmapped.ignoredColumns).toEqual(['ind', 'area', 'when', 'v', 'u', 'src']);

      const { report, added } = await accepted(file, { mapping });
      expect(report.ignoredColumns).toEqual([]);
      expect(added).toBe(1);
      const [figure] = await listObservations(database.db, { regionCodes: ['440311'] });
      expect(figure).toMatchObject({ indicatorCode: 'TERTIARY_VA', periodCode: '2023', value: 21566.38, source: { publication: SOURCE } });

      const bad = await refused(file, { mapping: { ...mapping, v: 'amount' } });
      expect(bad.errors).toContainEqual(expect.stringMatching(/^own-headers\.csv, header \(row 1\): mapping for column "v": unknown field "amount"/));
      expect(bad.rows).toBe(0);
    });
  });
});

/**
 * 13. A 30 MB line, on a database of its own: should the import ever hang (it holds its transaction open), it must
 * fail this test alone, within seconds, and not block every later test on a shared database.
 */
describe.each(drivers)('a 30 MB line on $name', ({ name, open }) => {
  const DEADLINE_MS = 8_000;
  let database: Database;
  let databaseName = '';
  let hung = false;
  beforeAll(async () => {
    database = await open();
    await prepare(database, { regionsDir, plansDir, catalogueDir });
    const [row] = await queryRows<{ name: string }>(database.db, sql`select current_database() as name`);
    databaseName = row?.name ?? '';
    // Connections ended under a hung import (see afterAll) must not crash the test run with an unhandled 'error'.
    const pool = (database.db as unknown as { $client?: unknown }).$client;
    if (pool instanceof pg.Pool) {
      const quiet = new WeakSet<pg.PoolClient>();
      pool.on('error', () => {});
      pool.on('acquire', (client) => {
        if (!quiet.has(client)) client.on('error', () => {});
        quiet.add(client);
      });
    }
  });
  afterAll(async () => {
    if (!hung) return database.close();
    // The import never returned and still holds its transaction: close() would wait for it for ever. PGlite (in
    // memory) goes with the test process; the server database is dropped, ending the stuck connection.
    if (name === 'postgres' && serverUrl && databaseName.startsWith('pm_test_')) {
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`drop database if exists ${databaseName} with (force)`);
      await admin.end();
    }
  });

  it('13. is a file-level error naming the row and the size limit, within seconds and in little memory', async () => {
    const file = await longLine(30);
    const before = await counts(database);
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const started = performance.now();
    const outcome = await Promise.race([
      importObservations(database, { file, audit: SYSTEM }).then((report) => ({ report })),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), DEADLINE_MS)),
    ]).finally(() => clearInterval(sampler));
    const elapsed = performance.now() - started;
    hung = outcome === null;
    expect(outcome, `the import of a 30 MB line did not return within ${DEADLINE_MS} ms`).not.toBeNull();
    if (!outcome) return;
    const { report } = outcome;
    expect(report.committed).toBe(false);
    expect(report.batchId).toBeNull();
    expect(await counts(database)).toEqual(before);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatch(/^long-line\.csv: row 2 is longer than /);
    expect(report.errors[0]).toContain(`${MAX_RECORD_BYTES} bytes`);
    expect(report.rejected).toEqual([]);
    expect(elapsed).toBeLessThan(5_000);
    expect(Math.max(peak, process.memoryUsage().rss) - rssBefore).toBeLessThan(200 * 2 ** 20);
  }, 20_000);
});
