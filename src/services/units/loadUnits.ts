/**
 * `plan-monitor units load FILE`: adds the units of a file to a database's catalogue, all or nothing. A unit the
 * catalogue holds may be repeated (its names and aliases are updated if it was loaded, never if it is bundled) but
 * its dimension and factor never change; a symbol or alias may not name two units. Audited.
 */
import path from 'node:path';
import type { Database } from '../../db/client';
import { upsertUnits } from '../../db/units';
import { unitConflicts } from '../../domain/unit/conflicts';
import { audit, SYSTEM, type AuditContext } from '../access/audit';
import { DataFileError } from '../yamlFile';
import { bundledUnits } from './bundledUnits';
import { unitCatalogueOf } from './unitCatalogue';
import { readUnitFile } from './unitFile';

export interface LoadUnitsResult {
  file: string;
  /** Units new to this database. */
  added: string[];
  /** Units already known (repeated, or names updated). */
  known: string[];
}

export async function loadUnitFile(database: Database, file: string, who: AuditContext = SYSTEM): Promise<LoadUnitsResult> {
  const { units, yaml } = await readUnitFile(file);
  const bundled = new Set((await bundledUnits()).units.map((u) => u.code));
  return database.db.transaction(async (tx) => {
    const catalogue = await unitCatalogueOf(tx);
    const conflicts = unitConflicts(units, catalogue, ['units']);
    if (conflicts.length > 0) throw new DataFileError(file, yaml.locate(conflicts));
    const known = new Set(catalogue.units.map((u) => u.code));
    await upsertUnits(tx, units.filter((u) => !bundled.has(u.code)), path.basename(file));
    const result = { file, added: units.filter((u) => !known.has(u.code)).map((u) => u.code), known: units.filter((u) => known.has(u.code)).map((u) => u.code) };
    await audit(tx, who, { action: 'units_loaded', entity: 'unit', entityId: path.basename(file), newValue: result });
    return result;
  });
}
