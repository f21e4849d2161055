/**
 * Reads and checks a plan file without touching the database: used by `plan validate` and before every load.
 */
import { parsePlan } from '../domain/plan/parse';
import type { PlanDocument } from '../domain/plan/schema';
import { parseCatalogueFile, type CatalogueEntry } from '../domain/plan/catalogueFile';
import { parseRegionRegistry } from '../domain/region/schema';
import type { Region } from '../domain/region/region';
import { DataFileError, readYamlFile } from './yamlFile';

export interface CheckedPlanFile {
  file: string;
  plan: PlanDocument;
  hash: string;
}

export async function readPlanFile(file: string, knownRegions: ReadonlySet<string>): Promise<CheckedPlanFile> {
  const yaml = await readYamlFile(file);
  const result = parsePlan(yaml.data, { knownRegions });
  if (!result.ok) throw new DataFileError(file, yaml.locate(result.issues));
  return { file, plan: result.plan, hash: yaml.hash };
}

export async function readRegionFile(file: string): Promise<Region[]> {
  const yaml = await readYamlFile(file);
  const result = parseRegionRegistry(yaml.data);
  if (!result.ok) throw new DataFileError(file, yaml.locate(result.issues));
  return result.regions;
}

export async function readCatalogueFile(file: string): Promise<{ entries: CatalogueEntry[]; hash: string }> {
  const yaml = await readYamlFile(file);
  const result = parseCatalogueFile(yaml.data);
  if (!result.ok) throw new DataFileError(file, yaml.locate(result.issues));
  return { entries: result.entries, hash: yaml.hash };
}
