/**
 * Brings a database up to date: migrations, the bundled region registry, the bundled plans. Every step is
 * idempotent, so the second start only checks (hashes match) and is quick.
 */
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { openDatabase, type Database, type DatabaseTarget } from '../db/client';
import { loadedFileHash, recordLoadedFile } from '../db/loadedFiles';
import { upsertRegions } from '../db/regions';
import { loadPlanFile, type LoadPlanResult } from './loadPlan';
import { readRegionFile } from './planFile';
import { fileHash } from './yamlFile';

export interface PrepareOptions {
  database: DatabaseTarget;
  regionsDir: string;
  plansDir: string;
}

export interface PrepareReport {
  plans: LoadPlanResult[];
  /** Regions written by this start (0 when the registry files were unchanged). */
  regions: number;
}

export async function openPrepared(opts: PrepareOptions): Promise<{ database: Database; report: PrepareReport }> {
  if (opts.database.driver === 'pglite' && opts.database.dataDir !== null) await mkdir(opts.database.dataDir, { recursive: true });
  const database = await openDatabase(opts.database);
  try {
    const report = await prepare(database, opts);
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
    const name = `regions/${path.basename(file)}`;
    const hash = await fileHash(file);
    if ((await loadedFileHash(database.db, name)) === hash) continue;
    const list = await readRegionFile(file);
    await database.db.transaction(async (tx) => {
      await upsertRegions(tx, list);
      await recordLoadedFile(tx, name, hash);
    });
    regions += list.length;
  }
  const plans: LoadPlanResult[] = [];
  for (const file of await yamlFiles(opts.plansDir)) plans.push(await loadPlanFile(database, file));
  return { plans, regions };
}

async function yamlFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir);
  return names.filter((n) => /\.ya?ml$/.test(n)).sort().map((n) => path.join(dir, n));
}
