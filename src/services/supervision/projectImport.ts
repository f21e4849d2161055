/**
 * Import of the monthly project dispatch table (重大项目月度调度表): one file of one reporting unit is one
 * transaction. Every cell is checked (file, row, column, reason); a dry run reports what would change and writes
 * nothing; any bad row rejects the whole file; importing the same file again changes nothing. A project's first plan
 * of a year is its baseline (version 1); different plan figures later are a re-plan, a new version — the baseline is
 * kept. A changed record for a month already reported is a new revision; the earlier one is kept.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../../db/client';
import { listPlanItems } from '../../db/plans';
import { listRegions } from '../../db/regions';
import {
  insertPlanVersions, insertProgress, insertProjectImport, lockProjectImports, planFingerprint, storedProjects, upsertProjects, type NewPlanVersion, type NewProgress,
} from '../../db/supervision/projects';
import { allUnits, unitIdsOfUser } from '../../db/supervision/units';
import { mayActForUnit } from '../../domain/access/roles';
import { checkProjectRow, mapProjectHeader, PROJECT_FIELDS, PROJECT_HEADERS, type ProjectField, type ProjectRowDraft } from '../../domain/supervision/projectRow';
import { audit, SYSTEM, type AuditContext } from '../access/audit';
import { EVERY_PLAN, plansService } from '../plans';
import { regionCodeResolver } from '../../domain/region/registry';
import { FileFormatError, readCsv, type SourceRecord } from '../import/readCsv';
import { readXlsx } from '../import/readXlsx';

export interface ProjectRowProblem {
  file: string;
  row: number;
  column: string | null;
  reason: string;
}

export interface ProjectImportReport {
  file: string;
  format: 'csv' | 'xlsx';
  dryRun: boolean;
  committed: boolean;
  importId: number | null;
  rows: number;
  unit: { id: number; name: string } | null;
  counts: { new: number; revision: number; unchanged: number; rejected: number; replanned: number };
  /** File-level problems (no header, missing columns, unreadable): nothing is imported. */
  errors: string[];
  rejected: ProjectRowProblem[];
  /** Accepted with a warning (completed more than the total investment, a re-plan …). */
  warnings: ProjectRowProblem[];
  /** A row of a unit the importer does not act for: the whole file is refused (HTTP 403). */
  forbidden: boolean;
  truncated: boolean;
}

export interface ProjectImportOptions {
  planId: string;
  file: string;
  fileName?: string;
  dryRun?: boolean;
  audit?: AuditContext;
}

const LIMIT = 1000;

/** The plan figures back from a stored plan's fingerprint (total|annual|start|completion, empty = none). */
function planValues(fingerprint: string): { totalInvestment: number | null; annualPlan: number | null; plannedStart: string | null; plannedCompletion: string | null } {
  const [total = '', annual = '', start = '', completion = ''] = fingerprint.split('|');
  return { totalInvestment: total === '' ? null : Number(total), annualPlan: annual === '' ? null : Number(annual), plannedStart: start || null, plannedCompletion: completion || null };
}
class Rollback extends Error {}

export async function importProjects(database: Database, opts: ProjectImportOptions): Promise<ProjectImportReport> {
  const fileName = opts.fileName ?? path.basename(opts.file);
  const format = /\.xlsx$/i.test(fileName) || /\.xlsx$/i.test(opts.file) ? 'xlsx' : 'csv';
  const report: ProjectImportReport = {
    file: fileName, format, dryRun: opts.dryRun === true, committed: false, importId: null, rows: 0, unit: null,
    counts: { new: 0, revision: 0, unchanged: 0, rejected: 0, replanned: 0 }, errors: [], rejected: [], warnings: [], forbidden: false, truncated: false,
  };
  const note = (list: ProjectRowProblem[], p: Omit<ProjectRowProblem, 'file'>) => {
    if (list.length < LIMIT) list.push({ file: fileName, ...p });
    else report.truncated = true;
  };
  await plansService.get(database, opts.planId, EVERY_PLAN);
  const ctxAudit = opts.audit ?? SYSTEM;
  const who = ctxAudit.principal;
  const [items, regions, units, memberOf] = await Promise.all([
    listPlanItems(database.db, opts.planId, 'project'),
    listRegions(database.db),
    allUnits(database.db),
    who.kind === 'user' ? unitIdsOfUser(database.db, who.userId) : Promise.resolve([]),
  ]);
  const itemBy = new Map<string, { key: string; name: string }>();
  for (const i of items) {
    itemBy.set(i.key, { key: i.key, name: i.title.zh });
    itemBy.set(i.title.zh, { key: i.key, name: i.title.zh });
  }
  const unitBy = new Map<string, { id: number; name: string }>();
  for (const u of units) for (const k of [u.code, u.name.zh, u.name.en.toLowerCase()]) unitBy.set(k, { id: u.id, name: u.name.zh });
  const region = regionCodeResolver(regions);
  const ctx = { item: (t: string) => itemBy.get(t.trim()) ?? null, region, unit: (t: string) => unitBy.get(t.trim()) ?? unitBy.get(t.trim().toLowerCase()) ?? null };

  let records: AsyncIterable<SourceRecord> | SourceRecord[];
  const drafts: Array<{ row: number; draft: ProjectRowDraft }> = [];
  const bad = new Set<number>();
  let headers: Partial<Record<ProjectField, string>> = {};
  const column = (f: ProjectField | null) => (f === null ? null : (headers[f] ?? PROJECT_HEADERS[f]));
  try {
    records = format === 'xlsx' ? await readXlsx(opts.file) : readCsv(opts.file, () => undefined);
    let map: ReturnType<typeof mapProjectHeader> | null = null;
    for await (const rec of records) {
      if (!map) {
        map = mapProjectHeader(rec.cells);
        headers = map.headers;
        if (map.errors.length > 0) {
          report.errors.push(...map.errors.map((e) => `${fileName}, header (row ${rec.row}): ${e}`));
          return report;
        }
        continue;
      }
      report.rows++;
      const raw: Partial<Record<ProjectField, string>> = {};
      for (const f of PROJECT_FIELDS) {
        const i = map.columns[f];
        if (i !== undefined) raw[f] = rec.cells[i] ?? '';
      }
      const checked = checkProjectRow(raw, map.scale, ctx);
      if (!checked.ok) {
        bad.add(rec.row);
        for (const e of checked.errors) note(report.rejected, { row: rec.row, column: column(e.field), reason: e.message });
        continue;
      }
      for (const w of checked.warnings) note(report.warnings, { row: rec.row, column: column(w.field), reason: w.message });
      drafts.push({ row: rec.row, draft: checked.draft });
    }
    if (!map) report.errors.push(`${fileName}: the file is empty (no header row, no data)`);
    else if (report.rows === 0) report.errors.push(`${fileName}: the file has a header but no data rows`);
  } catch (e) {
    if (e instanceof FileFormatError) report.errors.push(`${fileName}: ${e.message}`);
    else throw e;
  }
  if (report.errors.length > 0) return report;

  // One file is one reporting unit's table.
  const first = drafts[0]?.draft;
  if (first) report.unit = { id: first.unitId, name: first.unitName };
  const seen = new Map<string, number>();
  for (const { row, draft } of drafts) {
    if (first && draft.unitId !== first.unitId) {
      bad.add(row);
      note(report.rejected, { row, column: column('owner'), reason: `one file per reporting unit: this file is ${first.unitName}'s, the row names ${draft.unitName}` });
    } else if (who.kind === 'user' && !mayActForUnit(who, memberOf, draft.unitId)) {
      bad.add(row);
      report.forbidden = true;
      note(report.rejected, { row, column: column('owner'), reason: `you do not act for ${draft.unitName}: you may not import its table` });
    }
    const key = `${draft.itemKey} ${draft.month}`;
    const dup = seen.get(key);
    if (dup !== undefined) {
      bad.add(row);
      note(report.rejected, { row, column: column('item'), reason: `duplicate of row ${dup}: ${draft.name} for ${draft.month} twice in one file` });
    } else seen.set(key, row);
  }

  try {
    await database.db.transaction(async (tx) => {
      await lockProjectImports(tx, opts.planId);
      const stored = await storedProjects(tx, opts.planId);
      const plans: Array<Omit<NewPlanVersion, 'importId' | 'projectId'> & { itemKey: string }> = [];
      const progress: Array<Omit<NewProgress, 'importId' | 'projectId'> & { itemKey: string }> = [];
      const identities = new Map<string, { planId: string; itemKey: string; code: string | null; regionCode: string | null; ownerUnitId: number }>();
      // The plan and month state as rows are applied in file order (a file may carry several months of a project).
      const planState = new Map<string, { version: number; fingerprint: string; values: { totalInvestment: number | null; annualPlan: number | null; plannedStart: string | null; plannedCompletion: string | null } }>();
      const monthState = new Map<string, { revision: number; fingerprint: string }>();
      for (const { row, draft: d } of drafts) {
        if (bad.has(row)) continue;
        const s = stored.get(d.itemKey);
        const planKey = `${d.itemKey} ${d.year}`;
        const storedPlan = s?.plans.get(d.year);
        const current = planState.get(planKey) ?? (storedPlan ? { ...storedPlan, values: planValues(storedPlan.fingerprint) } : null);
        const given = { totalInvestment: d.totalInvestment, annualPlan: d.annualPlan, plannedStart: d.plannedStart, plannedCompletion: d.plannedCompletion };
        const anyGiven = Object.values(given).some((v) => v !== null);
        if (!current && d.annualPlan === null) {
          bad.add(row);
          note(report.rejected, { row, column: column('annualPlan'), reason: `${d.name} has no plan for ${d.year} yet: give its 年度计划投资 (the baseline)` });
          continue;
        }
        if (anyGiven) {
          // Cells left empty keep the current plan's figures.
          const merged = current ? { ...current.values, ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== null)) } : given;
          const fp = planFingerprint(merged);
          if (!current || current.fingerprint !== fp) {
            const version = (current?.version ?? 0) + 1;
            plans.push({ itemKey: d.itemKey, year: d.year, version, ...merged });
            planState.set(planKey, { version, fingerprint: fp, values: merged });
            if (version > 1) {
              report.counts.replanned++;
              note(report.warnings, { row, column: column('annualPlan'), reason: `re-plan: ${d.name}'s plan for ${d.year} becomes version ${version}; the baseline (version 1) is kept` });
            }
          } else planState.set(planKey, current);
        }
        const fingerprint = createHash('sha256').update(JSON.stringify([d.month, d.ytdCompleted, d.sinceStartCompleted, d.phase, d.actualStart, d.actualCompletion, d.imageProgress, d.problems])).digest('hex');
        const monthKey = `${d.itemKey} ${d.month}`;
        const known = monthState.get(monthKey) ?? s?.months.get(d.month);
        if (known?.fingerprint === fingerprint) report.counts.unchanged++;
        else {
          const revision = (known?.revision ?? 0) + 1;
          if (revision > 1) report.counts.revision++;
          else report.counts.new++;
          monthState.set(monthKey, { revision, fingerprint });
          progress.push({
            itemKey: d.itemKey, month: d.month, year: d.year, monthsElapsed: d.monthsElapsed, revision, ytdCompleted: d.ytdCompleted, sinceStartCompleted: d.sinceStartCompleted, phase: d.phase,
            actualStart: d.actualStart, actualCompletion: d.actualCompletion, imageProgress: d.imageProgress, problems: d.problems,
            warnings: report.warnings.filter((w) => w.row === row).map((w) => `${w.column ?? ''}: ${w.reason}`), fingerprint,
          });
        }
        if (!s || s.code !== (d.code ?? s.code) || s.regionCode !== (d.regionCode ?? s.regionCode) || s.ownerUnitId !== d.unitId) {
          identities.set(d.itemKey, { planId: opts.planId, itemKey: d.itemKey, code: d.code, regionCode: d.regionCode, ownerUnitId: d.unitId });
        }
      }
      report.counts.rejected = bad.size;
      if (report.dryRun || bad.size > 0 || (progress.length === 0 && plans.length === 0 && identities.size === 0)) throw new Rollback();
      const unitId = report.unit?.id;
      if (unitId === undefined) throw new Rollback();
      const importId = await insertProjectImport(tx, {
        planId: opts.planId, unitId, fileName, fileHash: createHash('sha256').update(await readFile(opts.file)).digest('hex'), format, rows: report.rows, counts: report.counts,
        createdBy: who.kind === 'user' ? who.userId : null,
      });
      const ids = await upsertProjects(tx, [...identities.values()]);
      const idOf = (key: string) => {
        const id = ids.get(key) ?? stored.get(key)?.id;
        if (id === undefined) throw new Error(`project ${key} has no record`);
        return id;
      };
      await insertPlanVersions(tx, plans.map(({ itemKey, ...p }) => ({ ...p, projectId: idOf(itemKey), importId })));
      await insertProgress(tx, progress.map(({ itemKey, ...p }) => ({ ...p, projectId: idOf(itemKey), importId })));
      report.importId = importId;
      report.committed = true;
      await audit(tx, ctxAudit, { action: 'project.import', entity: 'project_import', entityId: importId, newValue: { plan: opts.planId, file: fileName, unit: report.unit, counts: report.counts } });
    });
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
    report.committed = false;
    report.importId = null;
  }
  report.counts.rejected = bad.size;
  return report;
}
