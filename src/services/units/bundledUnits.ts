/**
 * The unit catalogue the program ships (measurement-units/*.yaml in the project folder), read once per process. It is part of
 * the program like its code: not copied into a database, but read beside the units a database holds
 * (./unitCatalogue.ts). Reading it registers its English labels for formatting (domain/unit/labels.ts).
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { createUnitCatalogue, type UnitCatalogue } from '../../domain/unit/catalogue';
import { unitConflicts } from '../../domain/unit/conflicts';
import { registerUnitLabels } from '../../domain/unit/labels';
import type { Unit } from '../../domain/unit/units';
import { projectRoot } from '../settings';
import { DataFileError } from '../yamlFile';
import { readUnitFile } from './unitFile';

export const BUNDLED_UNITS_DIR = path.join(projectRoot, 'measurement-units');

let bundled: Promise<UnitCatalogue> | null = null;

/** The bundled catalogue (every file of measurement-units/, in name order; a later file may not redefine an earlier unit). */
export function bundledUnits(): Promise<UnitCatalogue> {
  bundled ??= readBundled().catch((e: unknown) => {
    bundled = null;
    throw e;
  });
  return bundled;
}

async function readBundled(): Promise<UnitCatalogue> {
  const files = (await readdir(BUNDLED_UNITS_DIR)).filter((n) => /\.ya?ml$/.test(n)).sort();
  let units: Unit[] = [];
  for (const name of files) {
    const file = path.join(BUNDLED_UNITS_DIR, name);
    const { units: more, yaml } = await readUnitFile(file);
    const conflicts = unitConflicts(more, createUnitCatalogue(units), ['units']);
    if (conflicts.length > 0) throw new DataFileError(file, yaml.locate(conflicts));
    units = [...units, ...more.filter((u) => !units.some((k) => k.code === u.code))];
  }
  registerUnitLabels(units);
  return createUnitCatalogue(units);
}
