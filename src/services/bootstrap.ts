/**
 * Brings a database up to date: migrations, the bundled region registry and boundaries, the indicator catalogue,
 * the bundled plans and data. Every step is idempotent, so the second start only checks (hashes match) and is quick.
 */
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { openDatabase, type Database, type DatabaseTarget } from '../db/client';
import { userCount } from '../db/access';
import { loadedFileHash, recordLoadedFile } from '../db/loadedFiles';
import { audit, SYSTEM } from './access/audit';
import { createUser } from './access/users';
import { loadPlanFile, type LoadPlanResult } from './loadPlan';
import { catalogueConflicts } from '../domain/plan/catalogue';
import { catalogueByCodes, upsertCatalogue } from '../db/plans';
import { importObservations, type ImportReport } from './import/importObservations';
import { supersedeRedescribed } from '../db/observations';
import { readCatalogueFile } from './planFile';
import { loadQualityFiles } from './quality/files';
import { loadBoundaryFile } from './regions/boundaries';
import { loadRegionFile } from './regions/loadRegions';
import { unitCatalogueOf } from './units/unitCatalogue';
import { DataFileError, fileHash } from './yamlFile';
import { prepareEnterprises } from './enterprises/prepare';
import { loadUnitRegistry } from './supervision/units';
import { loadSurveys } from './prosperity/loadSurveys';

export interface PrepareOptions {
  database: DatabaseTarget;
  /** Region registry files (regions/*.yaml, in name order: a file may extend the ones before) and boundaries (regions/geo/*.geojson). */
  regionsDir: string;
  plansDir: string;
  /** Unit registry files (units/*.yaml); default: the units folder beside the regions folder. */
  unitsDir?: string;
  /** Indicator catalogue files (catalogue/*.yaml). */
  catalogueDir?: string;
  /** Bundled data files (datasets/*.csv), imported once, invalid rows skipped and reported. */
  datasetsDir?: string;
  /** Business-climate surveys (prosperity/*.yaml). */
  prosperityDir?: string;
  /** Give a survey with no panel yet the synthetic demo (services/prosperity/demo.ts): `serve` and the survey commands do. */
  prosperityDemo?: boolean;
  /** PLAN_MONITOR_ADMIN (name:password): the first administrator, created only while no user exists. */
  firstAdmin?: string | undefined;
  /** The enterprise database's reference files (enterprises/*.yaml); with `sample`, its synthetic sample is loaded once. */
  enterprises?: { dir: string; sample: boolean } | undefined;
}

export interface PrepareReport {
  plans: LoadPlanResult[];
  /** Regions written by this start (0 when the registry files were unchanged). */
  regions: number;
  /** Bundled data files imported by this start (none when unchanged). */
  datasets: ImportReport[];
  /** How many users exist (0: the platform is waiting for its first administrator). */
  users: number;
  /** The administrator created from PLAN_MONITOR_ADMIN by this start, if any. */
  firstAdmin: string | null;
}

export async function openPrepared(opts: PrepareOptions): Promise<{ database: Database; report: PrepareReport }> {
  if (opts.database.driver === 'pglite' && opts.database.dataDir !== null) await mkdir(opts.database.dataDir, { recursive: true });
  const database = await openDatabase(opts.database);
  try {
    const report = await database.exclusively('plan-monitor:bootstrap', () => prepare(database, opts));
    return { database, report };
  } catch (e) {
    await database.close();
    throw e;
  }
}

export async function prepare(database: Database, opts: Omit<PrepareOptions, 'database'>): Promise<PrepareReport> {
  await database.migrate();
  let regions = 0;
  for (const file of await yamlFiles(opts.regionsDir)) {
    await applyOnce(database, `regions/${path.basename(file)}`, file, async () => {
      const r = await database.db.transaction((tx) => loadRegionFile(tx, file, null));
      regions += r.added.length + r.updated.length;
    });
  }
  const geoDir = path.join(opts.regionsDir, 'geo');
  for (const file of (await readdir(geoDir).catch(() => [])).filter((n) => /\.(geo)?json$/i.test(n)).sort()) {
    await applyOnce(database, `regions/geo/${file}`, path.join(geoDir, file), async () => {
      await database.db.transaction((tx) => loadBoundaryFile(tx, path.join(geoDir, file), { who: null }));
    });
  }
  if (opts.catalogueDir) {
    for (const file of await yamlFiles(opts.catalogueDir)) await applyOnce(database, `catalogue/${path.basename(file)}`, file, () => loadCatalogue(database, file));
  }
  await loadUnitRegistry(database, opts.unitsDir ?? path.join(path.dirname(opts.regionsDir), 'units'));
  const plans: LoadPlanResult[] = [];
  for (const file of await yamlFiles(opts.plansDir)) plans.push(await loadPlanFile(database, file));
  if (opts.enterprises) await prepareEnterprises(database, opts.enterprises);
  await loadQualityFiles(database, { rulesDir: opts.catalogueDir && path.join(opts.catalogueDir, 'quality'), calendarsDir: path.join(opts.plansDir, 'calendars') });
  const datasets: ImportReport[] = [];
  if (opts.datasetsDir) {
    for (const file of await dataFiles(opts.datasetsDir)) {
      await applyOnce(database, `datasets/${path.basename(file)}`, file, async () => {
        const report = await importObservations(database, { file, onError: 'skip', audit: SYSTEM });
        if (report.errors.length > 0) throw new Error(`bundled data ${file} could not be imported:\n${report.errors.join('\n')}`);
        // A new edition of a bundled file re-describes figures an earlier edition stored: link them, keep both.
        if (report.batchId !== null) await supersedeRedescribed(database.db, report.batchId);
        datasets.push(report);
      });
    }
  }
  if (opts.prosperityDir) await loadSurveys(database, opts.prosperityDir, { demo: opts.prosperityDemo === true });
  const firstAdmin = await firstAdministrator(database, opts.firstAdmin);
  return { plans, regions, datasets, users: await userCount(database.db), firstAdmin };
}

/**
 * PLAN_MONITOR_ADMIN=name:password creates the first administrator — only while no user exists, so the variable is
 * read once, at first start, and can never reset an existing account.
 */
async function firstAdministrator(database: Database, spec: string | undefined): Promise<string | null> {
  if (!spec || (await userCount(database.db)) > 0) return null;
  const i = spec.indexOf(':');
  if (i <= 0) throw new Error('PLAN_MONITOR_ADMIN must be <name>:<password>');
  const username = spec.slice(0, i);
  await database.db.transaction(async (tx) => {
    const u = await createUser({ ...database, db: tx }, { username, password: spec.slice(i + 1), role: 'admin' });
    await audit(tx, SYSTEM, { action: 'user_created', entity: 'user', entityId: u.username, newValue: { role: 'admin', via: 'PLAN_MONITOR_ADMIN' } });
  });
  return username;
}

/** Runs `apply` unless this exact file (by content hash) was applied before, then records it. */
async function applyOnce(database: Database, name: string, file: string, apply: () => Promise<void>): Promise<void> {
  const hash = await fileHash(file);
  if ((await loadedFileHash(database.db, name)) === hash) return;
  await apply();
  await recordLoadedFile(database.db, name, hash);
}

async function loadCatalogue(database: Database, file: string): Promise<void> {
  const { entries } = await readCatalogueFile(file, await unitCatalogueOf(database.db));
  await database.db.transaction(async (tx) => {
    const conflicts = catalogueConflicts(entries, await catalogueByCodes(tx, entries.map((e) => e.code)));
    if (conflicts.length > 0) throw new DataFileError(file, conflicts.map((c) => ({ ...c, file, line: null })));
    await upsertCatalogue(tx, entries);
  });
}

async function yamlFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir);
  return names.filter((n) => /\.ya?ml$/.test(n)).sort().map((n) => path.join(dir, n));
}

async function dataFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir);
  return names.filter((n) => /\.(csv|xlsx)$/i.test(n)).sort().map((n) => path.join(dir, n));
}
