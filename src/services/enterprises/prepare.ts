/**
 * Brings the enterprise database's reference data up to date at start (classification, items, key lists: when
 * their files changed), and loads the small synthetic sample `npm start` shows (once, clearly labelled synthetic).
 */
import { loadedFileHash, recordLoadedFile } from '../../db/loadedFiles';
import { upsertIndustries, upsertItems, upsertKeyLists } from '../../db/enterprises/reference';
import type { Database } from '../../db/client';
import { enterpriseConfig, type EnterpriseConfig } from './config';

export interface EnterprisePrepareOptions {
  enterprisesDir?: string;
  classificationFile?: string;
}

export async function prepareEnterpriseReference(database: Database, opts: EnterprisePrepareOptions = {}): Promise<EnterpriseConfig> {
  const config = await enterpriseConfig(opts.enterprisesDir, opts.classificationFile);
  const name = 'enterprises/reference';
  if ((await loadedFileHash(database.db, name)) !== config.hash) {
    await database.db.transaction(async (tx) => {
      await upsertIndustries(tx, config.industries);
      await upsertItems(tx, config.items);
      await upsertKeyLists(tx, config.keyLists);
      await recordLoadedFile(tx, name, config.hash);
    });
  }
  return config;
}
