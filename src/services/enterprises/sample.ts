/** The synthetic sample `npm start` loads (enterprises/sample.yaml): generated from its seed and imported once. */
import { loadedFileHash, recordLoadedFile } from '../../db/loadedFiles';
import type { Database } from '../../db/client';
import { hasRealEnterprises } from '../../db/enterprises/registryRead';
import { listRegions } from '../../db/regions';
import { DataFileError, fileHash, readYamlFile } from '../yamlFile';
import { enterpriseConfig } from './config';
import { importEnterpriseRecords, type EnterpriseImportReport } from './import/importEnterprises';
import { SYSTEM } from '../access/audit';
import { SAMPLE } from './prepare';
import { monthNumber, sampleSchema, syntheticEnterprises, syntheticOptions, syntheticRecords } from './synthetic';

/**
 * Loads the synthetic sample (enterprises/sample.yaml) once — when the file is new or changed — and only into a
 * database that holds no real enterprise: a deployment with real data never gets synthetic rows mixed in.
 */
export async function loadSyntheticSample(database: Database, sampleFile: string, dir?: string): Promise<EnterpriseImportReport | null> {
  const name = SAMPLE;
  if ((await loadedFileHash(database.db, name)) === (await fileHash(sampleFile))) return null;
  const yaml = await readYamlFile(sampleFile);
  const config = await enterpriseConfig(dir);
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
    fileName: '合成样本数据 synthetic sample (enterprises/sample.yaml)', format: 'csv', synthetic: true, config, audit: SYSTEM, fileHash: async () => yaml.hash,
  });
  if (report.errors.length > 0 || report.counts.rejectedRows > 0) {
    throw new Error(`the synthetic sample could not be loaded:\n${[...report.errors, ...report.rejected.slice(0, 5).map((r) => `row ${r.row} ${r.column ?? ''}: ${r.reason}`)].join('\n')}`);
  }
  await recordLoadedFile(database.db, name, yaml.hash);
  return report;
}

