/**
 * Brings the enterprise database's reference data up to date at start (classification, items, key lists: when
 * their files changed), and loads the small synthetic sample `npm start` shows (once, clearly labelled synthetic).
 */
import path from 'node:path';
import { loadedFileHash, recordLoadedFile } from '../../db/loadedFiles';
import { upsertIndustries, upsertItems, upsertKeyLists } from '../../db/enterprises/reference';
import type { Database } from '../../db/client';
import { hasRealEnterprises } from '../../db/enterprises/registryRead';
import { listRegions } from '../../db/regions';
import { DataFileError, readYamlFile } from '../yamlFile';
import { enterpriseConfig, type EnterpriseConfig } from './config';
import { importEnterpriseRecords, type EnterpriseImportReport } from './import/importEnterprises';
import { monthNumber, sampleSchema, syntheticEnterprises, syntheticOptions, syntheticRecords } from './synthetic';

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

/**
 * Loads the synthetic sample (enterprises/sample.yaml) once — when the file is new or changed — and only into a
 * database that holds no real enterprise: a deployment with real data never gets synthetic rows mixed in.
 */
export async function loadSyntheticSample(database: Database, config: EnterpriseConfig, sampleFile: string): Promise<EnterpriseImportReport | null> {
  const name = 'enterprises/sample.yaml';
  const yaml = await readYamlFile(sampleFile);
  if ((await loadedFileHash(database.db, name)) === yaml.hash) return null;
  const parsed = sampleSchema.safeParse(yaml.data);
  if (!parsed.success) {
    throw new DataFileError(sampleFile, yaml.locate(parsed.error.issues.map((i) => ({ path: i.path.filter((p): p is string | number => typeof p !== 'symbol'), message: i.message }))));
  }
  if (await hasRealEnterprises(database.db)) {
    await recordLoadedFile(database.db, name, yaml.hash);
    return null;
  }
  const s = parsed.data;
  const enterprises = syntheticEnterprises(syntheticOptions(config, await listRegions(database.db), { seed: s.seed, enterprises: s.enterprises, from: monthNumber(s.from), to: monthNumber(s.to) }));
  const report = await importEnterpriseRecords(database, syntheticRecords(enterprises, s.items, s.seed), {
    fileName: '合成样本数据 synthetic sample (enterprises/sample.yaml)', format: 'csv', synthetic: true, config, fileHash: async () => yaml.hash,
  });
  if (report.errors.length > 0 || report.counts.rejectedRows > 0) {
    throw new Error(`the synthetic sample could not be loaded:\n${[...report.errors, ...report.rejected.slice(0, 5).map((r) => `row ${r.row} ${r.column ?? ''}: ${r.reason}`)].join('\n')}`);
  }
  await recordLoadedFile(database.db, name, yaml.hash);
  return report;
}

/** The start-up step: reference data when changed, then the synthetic sample when asked (once). */
export async function prepareEnterprises(database: Database, o: { dir: string; sample: boolean }): Promise<void> {
  const config = await prepareEnterpriseReference(database, { enterprisesDir: o.dir });
  if (o.sample) await loadSyntheticSample(database, config, path.join(o.dir, 'sample.yaml'));
}
