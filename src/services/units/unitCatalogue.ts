/**
 * The unit catalogue of a database: the bundled units and the units loaded into it (files, plans). Plan loading,
 * plan validation against a database, figure import and evaluation all read it here, so they agree on what a unit
 * is. Reading it registers the loaded units' English labels for formatting.
 */
import type { Db } from '../../db/client';
import { listLoadedUnits } from '../../db/units';
import { extendUnitCatalogue, type UnitCatalogue } from '../../domain/unit/catalogue';
import { registerUnitLabels } from '../../domain/unit/labels';
import { bundledUnits } from './bundledUnits';

export async function unitCatalogueOf(db: Db): Promise<UnitCatalogue> {
  const [base, loaded] = await Promise.all([bundledUnits(), listLoadedUnits(db)]);
  registerUnitLabels(loaded);
  return extendUnitCatalogue(base, loaded);
}
