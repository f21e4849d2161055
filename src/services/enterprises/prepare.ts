/**
 * Brings the enterprise database's reference data up to date at start (classification, items, key lists: when
 * their files changed), and loads the small synthetic sample `npm start` shows (once, clearly labelled synthetic).
 */
import path from 'node:path';
import { loadedFileHash, recordLoadedFile } from '../../db/loadedFiles';
import { upsertIndustries, upsertItems, upsertKeyLists } from '../../db/enterprises/reference';
import type { Database } from '../../db/client';
import { fileHash } from '../yamlFile';
import { enterpriseConfig, enterpriseFilesHash } from './config';

/** The name under which the loaded sample's hash is recorded (loaded_files). */
export const SAMPLE = 'enterprises/sample.yaml';

export interface EnterprisePrepareOptions {
  enterprisesDir?: string;
  classificationFile?: string;
}

export async function prepareEnterpriseReference(database: Database, opts: EnterprisePrepareOptions = {}): Promise<void> {
  const name = 'enterprises/reference';
  // A warm start hashes the files and stops there; they are parsed only when they changed.
  if ((await loadedFileHash(database.db, name)) === (await enterpriseFilesHash(opts.enterprisesDir, opts.classificationFile))) return;
  const config = await enterpriseConfig(opts.enterprisesDir, opts.classificationFile);
  await database.db.transaction(async (tx) => {
    await upsertIndustries(tx, config.industries);
    await upsertItems(tx, config.items);
    await upsertKeyLists(tx, config.keyLists);
    await recordLoadedFile(tx, name, config.hash);
  });
}

/** The start-up step: reference data when changed, then the synthetic sample when asked (once). */
export async function prepareEnterprises(database: Database, o: { dir: string; sample: boolean }): Promise<void> {
  await prepareEnterpriseReference(database, { enterprisesDir: o.dir });
  if (!o.sample) return;
  const file = path.join(o.dir, 'sample.yaml');
  // The generator and the import are loaded only on the start that loads the sample, not on every start.
  if ((await loadedFileHash(database.db, SAMPLE)) === (await fileHash(file))) return;
  const { loadSyntheticSample } = await import('./sample');
  await loadSyntheticSample(database, file, o.dir);
}
