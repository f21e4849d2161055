/**
 * Loads or extends the region registry, all or nothing: from a file (`plan-monitor regions load FILE.yaml`, the
 * bundled regions/ at start) or from the API (POST /api/regions, admin). The file may name parents and predecessors
 * the registry already holds; a region already known is updated in place (reference data: its history is carried
 * by validFrom/validTo and predecessors, never by overwriting a figure). A person's load is audited.
 */
import path from 'node:path';
import type { Database, Db } from '../../db/client';
import { listRegions, upsertRegions } from '../../db/regions';
import { formatPath, type PlanIssue } from '../../domain/plan/issues';
import { parseRegionRegistry } from '../../domain/region/schema';
import { audit, type AuditContext } from '../access/audit';
import { BadRequestError } from '../errors';
import { DataFileError, readYamlFile, type YamlFile } from '../yamlFile';

export interface LoadRegionsResult {
  source: string;
  /** Region codes new to the registry, and those updated in place. */
  added: string[];
  updated: string[];
}

/** Checks and writes regions inside the caller's transaction; `refuse` reports the issues its own way. */
async function apply(tx: Db, data: unknown, source: string, refuse: (issues: PlanIssue[]) => Error): Promise<LoadRegionsResult> {
  const existing = await listRegions(tx);
  const parsed = parseRegionRegistry(data, existing);
  if (!parsed.ok) throw refuse(parsed.issues);
  const known = new Set(existing.map((r) => r.code));
  await upsertRegions(tx, parsed.regions);
  return { source, added: parsed.regions.filter((r) => !known.has(r.code)).map((r) => r.code), updated: parsed.regions.filter((r) => known.has(r.code)).map((r) => r.code) };
}

const fileRefusal = (yaml: YamlFile) => (issues: PlanIssue[]) => new DataFileError(yaml.file, yaml.locate(issues));

/** Loads a registry file; `who` (a person or the operator's CLI) is written to the audit log, null for start-up. */
export async function loadRegionFile(tx: Db, file: string, who: AuditContext | null): Promise<LoadRegionsResult> {
  const yaml = await readYamlFile(file);
  const result = await apply(tx, yaml.data, path.basename(file), fileRefusal(yaml));
  if (who) await audit(tx, who, { action: 'regions_loaded', entity: 'region_registry', entityId: result.source, newValue: result });
  return result;
}

/** Loads regions posted to the API (the same shape as a file: `{ regions: [...] }`), audited. */
export async function loadRegions(database: Database, data: unknown, who: AuditContext): Promise<LoadRegionsResult> {
  const refuse = (issues: PlanIssue[]) => new BadRequestError(issues.map((i) => `${formatPath(i.path)}: ${i.message}`).join('\n'));
  return database.db.transaction(async (tx) => {
    const result = await apply(tx, data, 'api', refuse);
    await audit(tx, who, { action: 'regions_loaded', entity: 'region_registry', entityId: 'api', newValue: result });
    return result;
  });
}
