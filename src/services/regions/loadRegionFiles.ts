/**
 * Registry files (.yaml) and boundary files (.geojson) from this machine, in the order given, in one transaction —
 * what `plan-monitor regions load` does, directly or through a running server (its admin channel).
 */
import path from 'node:path';
import type { Database } from '../../db/client';
import type { AuditContext } from '../access/audit';
import { loadBoundaryFile, type LoadBoundariesResult } from './boundaries';
import { loadRegionFile, type LoadRegionsResult } from './loadRegions';

export const isGeoJsonFile = (file: string): boolean => /\.(geo)?json$/i.test(file);

export function loadRegionFiles(database: Database, files: readonly string[], opts: { parent: string | null; who: AuditContext }): Promise<Array<LoadRegionsResult | LoadBoundariesResult>> {
  return database.db.transaction(async (tx) => {
    const out: Array<LoadRegionsResult | LoadBoundariesResult> = [];
    for (const f of files.map((x) => path.resolve(x))) {
      out.push(isGeoJsonFile(f) ? await loadBoundaryFile(tx, f, { parent: opts.parent, who: opts.who }) : await loadRegionFile(tx, f, opts.who));
    }
    return out;
  });
}
