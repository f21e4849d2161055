/**
 * Reads and checks data files: plans (against a PlanCheckContext: the target database's or the bundled files'), the
 * region registry and the indicator catalogue. Used by `plan validate`, `plan load` and the start-up.
 */
import { parsePlan, type PlanCheckContext } from '../domain/plan/parse';
import type { PlanDocument } from '../domain/plan/schema';
import { parseCatalogueFile, type CatalogueEntry } from '../domain/plan/catalogueFile';
import { parseRegionRegistry } from '../domain/region/schema';
import type { Region } from '../domain/region/region';
import type { UnitCatalogue } from '../domain/unit/catalogue';
import type { Unit } from '../domain/unit/units';
import type { PlanIssue } from '../domain/plan/issues';
import { DataFileError, readYamlFile, type YamlFile } from './yamlFile';

export interface CheckedPlanFile {
  file: string;
  plan: PlanDocument;
  /** Units the plan declares that the context's catalogue does not hold (stored with the plan). */
  units: Unit[];
  hash: string;
}

/** Checks a plan file already read, every rule in one pass; throws DataFileError with each problem at its line. */
export function checkPlanFile(yaml: YamlFile, ctx: PlanCheckContext): CheckedPlanFile {
  const result = parsePlan(yaml.data, ctx);
  if (!result.ok) throw new DataFileError(yaml.file, yaml.locate(result.issues));
  return { file: yaml.file, plan: result.plan, units: result.units, hash: yaml.hash };
}

export async function readPlanFile(file: string, ctx: PlanCheckContext): Promise<CheckedPlanFile> {
  return checkPlanFile(await readYamlFile(file), ctx);
}

/** A registry file; `existing` is the registry it extends (its parents and predecessors may be there). */
export async function readRegionFile(file: string, existing: readonly Region[] = []): Promise<Region[]> {
  const yaml = await readYamlFile(file);
  const result = parseRegionRegistry(yaml.data, existing);
  if (!result.ok) throw new DataFileError(file, yaml.locate(result.issues));
  return result.regions;
}

/**
 * An indicator catalogue file, its units read in `units` (written as the catalogue's symbols); an unknown unit is
 * refused at its line like any other problem.
 */
export async function readCatalogueFile(file: string, units: UnitCatalogue): Promise<{ entries: CatalogueEntry[]; hash: string }> {
  const yaml = await readYamlFile(file);
  const result = parseCatalogueFile(yaml.data);
  if (!result.ok) throw new DataFileError(file, yaml.locate(result.issues));
  const issues: PlanIssue[] = [];
  const entries = result.entries.map((e, i) => {
    const u = units.parse(e.unit);
    if (!u.ok) issues.push({ path: ['indicators', i, 'unit'], message: u.error });
    return u.ok ? { ...e, unit: u.value.code } : e;
  });
  if (issues.length > 0) throw new DataFileError(file, yaml.locate(issues));
  return { entries, hash: yaml.hash };
}
