/** The region registry of a database, as one value (domain/region/registry.ts) for lookups and name resolution. */
import type { Db } from '../../db/client';
import { listRegions } from '../../db/regions';
import { createRegionRegistry, type RegionRegistry } from '../../domain/region/registry';

export async function regionRegistryOf(db: Db): Promise<RegionRegistry> {
  return createRegionRegistry(await listRegions(db));
}
