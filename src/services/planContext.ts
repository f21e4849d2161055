/**
 * What a plan file is checked against (domain/plan/parse.ts PlanCheckContext): the region registry, the unit
 * catalogue and the shared indicator catalogue — of a database (what `plan load` and `plan validate --database`
 * use), or of the bundled files (what `plan validate` uses without a database: the registry of regions/, the units
 * of units/, and the indicators of catalogue/ and plans/ that a fresh database would hold).
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../db/client';
import { listCatalogue } from '../db/plans';
import type { CatalogueIndicator } from '../domain/plan/model';
import type { PlanCheckContext } from '../domain/plan/parse';
import { createRegionRegistry } from '../domain/region/registry';
import type { Region } from '../domain/region/region';
import { readCatalogueFile, readRegionFile } from './planFile';
import { regionRegistryOf } from './regions/registry';
import { bundledUnits } from './units/bundledUnits';
import { unitCatalogueOf } from './units/unitCatalogue';
import { readYamlFile } from './yamlFile';
import { concurrently } from '../db/concurrently';

export async function databasePlanContext(db: Db): Promise<PlanCheckContext> {
  const [regions, units, catalogue] = await concurrently(db, [() => regionRegistryOf(db), () => unitCatalogueOf(db), () => listCatalogue(db)]);
  return { regions, units, catalogue: new Map(catalogue.map((c) => [c.code, c])) };
}

export interface BundledDirs {
  regionsDir: string;
  catalogueDir: string;
  plansDir: string;
}

const yamlIn = async (dir: string) =>
  (await readdir(dir).catch(() => []))
    .filter((n) => /\.ya?ml$/.test(n))
    .sort()
    .map((n) => path.join(dir, n));

export async function bundledPlanContext(dirs: BundledDirs): Promise<PlanCheckContext> {
  const units = await bundledUnits();
  let regions: Region[] = [];
  for (const file of await yamlIn(dirs.regionsDir)) {
    const more = await readRegionFile(file, regions);
    regions = [...regions.filter((r) => !more.some((m) => m.code === r.code)), ...more];
  }
  // The indicators a fresh database holds after its start: the catalogue files, then the bundled plans' own.
  const catalogue = new Map<string, CatalogueIndicator>();
  const add = (c: CatalogueIndicator) => {
    if (!catalogue.has(c.code)) catalogue.set(c.code, c);
  };
  for (const file of await yamlIn(dirs.catalogueDir)) {
    for (const e of (await readCatalogueFile(file, units)).entries) {
      add({ code: e.code, name: e.name, unit: e.unit, numeratorCode: e.share?.numerator ?? null, denominatorCode: e.share?.denominator ?? null, growthOf: e.growthOf ?? null });
    }
  }
  for (const file of await yamlIn(dirs.plansDir)) {
    const { data } = await readYamlFile(file);
    const indicators = (data as { indicators?: unknown }).indicators;
    for (const ind of Array.isArray(indicators) ? (indicators as Array<Record<string, unknown>>) : []) {
      if (typeof ind.code !== 'string' || typeof ind.unit !== 'string') continue;
      const share = ind.share as { numerator?: string; denominator?: string } | undefined;
      const unit = units.parse(ind.unit);
      const name = ind.name as { zh: string; en: string };
      add({ code: ind.code, name, unit: unit.ok ? unit.value.code : ind.unit, numeratorCode: share?.numerator ?? null, denominatorCode: share?.denominator ?? null, growthOf: null });
    }
  }
  return { regions: createRegionRegistry(regions), units, catalogue };
}
