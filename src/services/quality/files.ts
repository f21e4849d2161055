/**
 * Reads, checks and loads the data-quality files: rule files (catalogue/quality/*.yaml) and reporting calendars
 * (plans/calendars/*.yaml). A mistake is reported as `file:line: field: reason`, at the line of the field. The
 * whole folder is loaded in one transaction when any file in it changed (a removed file's rules go too); an
 * unchanged folder is only hashed.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { Database } from '../../db/client';
import type { Db } from '../../db/client';
import { loadedFileHash, recordLoadedFile } from '../../db/loadedFiles';
import { listCatalogue, listPlans } from '../../db/plans';
import { replaceCalendars, replaceRuleFiles, type StoredDocument } from '../../db/quality';
import { listRegions } from '../../db/regions';
import { crossCheckCalendar, expectedItems, parseCalendarFile, type CalendarFile } from '../../domain/quality/calendar';
import { parseRuleFile, type RuleFile } from '../../domain/quality/rules';
import { crossCheckRules, type IndicatorInfo } from '../../domain/quality/ruleSet';
import type { PlanIssue } from '../../domain/plan/issues';
import { DataFileError, readYamlFile } from '../yamlFile';
import { concurrently } from '../../db/concurrently';

/** What the files may name, read from the database. */
export interface KnownNames {
  indicators: Map<string, IndicatorInfo>;
  regions: Awaited<ReturnType<typeof listRegions>>;
  plans: Awaited<ReturnType<typeof listPlans>>;
}

export async function knownNames(db: Db): Promise<KnownNames> {
  const [catalogue, regions, plans] = await concurrently(db, [() => listCatalogue(db), () => listRegions(db), () => listPlans(db)]);
  const indicators = new Map(catalogue.map((c) => [c.code, { unit: c.unit, share: c.numeratorCode && c.denominatorCode ? { numerator: c.numeratorCode, denominator: c.denominatorCode } : null }]));
  return { indicators, regions, plans };
}

/** A rule file checked against the database's indicators, regions and plans; throws DataFileError at the lines. */
export async function readRuleFile(file: string, names: KnownNames): Promise<{ file: RuleFile; hash: string }> {
  const yaml = await readYamlFile(file);
  const parsed = parseRuleFile(yaml.data);
  if (!parsed.ok) throw new DataFileError(file, yaml.locate(parsed.issues));
  const issues = crossCheckRules(parsed.file, { indicators: names.indicators, regions: new Set(names.regions.map((r) => r.code)), plans: new Set(names.plans.map((p) => p.id)) });
  if (issues.length > 0) throw new DataFileError(file, yaml.locate(issues));
  return { file: parsed.file, hash: yaml.hash };
}

export async function readCalendarFile(file: string, names: KnownNames): Promise<{ file: CalendarFile; hash: string }> {
  const yaml = await readYamlFile(file);
  const parsed = parseCalendarFile(yaml.data);
  if (!parsed.ok) throw new DataFileError(file, yaml.locate(parsed.issues));
  const cal = parsed.file;
  const plan = names.plans.find((p) => p.id === cal.plan);
  const issues = crossCheckCalendar(
    cal,
    { indicators: new Set(names.indicators.keys()), regions: new Set(names.regions.map((r) => r.code)), plans: new Set(names.plans.map((p) => p.id)) },
    () => (plan ? expectedItems(cal, { plan, regions: names.regions }) : []),
  );
  if (issues.length > 0) throw new DataFileError(file, yaml.locate(issues));
  return { file: cal, hash: yaml.hash };
}

async function yamlFilesIn(dir: string | undefined): Promise<string[]> {
  if (!dir) return [];
  try {
    return (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n)).sort().map((n) => path.join(dir, n));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
}

export interface QualityDirs {
  /** Rule files: catalogue/quality. */
  rulesDir?: string | undefined;
  /** Reporting calendars: plans/calendars. */
  calendarsDir?: string | undefined;
}

/** Loads the rule files and calendars when any of them changed; returns how many of each were loaded (0: unchanged). */
export async function loadQualityFiles(database: Database, dirs: QualityDirs): Promise<{ ruleFiles: number; calendars: number }> {
  const ruleFiles = await yamlFilesIn(dirs.rulesDir);
  const calendarFiles = await yamlFilesIn(dirs.calendarsDir);
  const digest = createHash('sha256');
  for (const f of [...ruleFiles, ...calendarFiles]) digest.update(`${path.basename(f)}\u0000`).update(await readFile(f));
  const hash = digest.digest('hex');
  if ((await loadedFileHash(database.db, 'quality')) === hash) return { ruleFiles: 0, calendars: 0 };

  const names = await knownNames(database.db);
  const rules: StoredDocument[] = [];
  const seen = new Map<string, string>();
  for (const f of ruleFiles) {
    const { file, hash: h } = await readRuleFile(f, names);
    const issues: PlanIssue[] = [];
    file.rules.forEach((r, i) => {
      const other = seen.get(r.id);
      if (other) issues.push({ path: ['rules', i, 'id'], message: `rule id "${r.id}" is already used in ${other}: each id names one rule` });
      seen.set(r.id, path.basename(f));
    });
    if (issues.length > 0) throw new DataFileError(f, (await readYamlFile(f)).locate(issues));
    rules.push({ name: path.basename(f), planId: file.plan ?? null, document: file, contentHash: h });
  }
  const calendars: Array<StoredDocument & { planId: string }> = [];
  const calendarOf = new Map<string, string>();
  for (const f of calendarFiles) {
    const { file, hash: h } = await readCalendarFile(f, names);
    const other = calendarOf.get(file.plan);
    if (other) throw new DataFileError(f, (await readYamlFile(f)).locate([{ path: ['plan'], message: `plan ${file.plan} already has a calendar (${other}): one calendar per plan` }]));
    calendarOf.set(file.plan, path.basename(f));
    calendars.push({ name: path.basename(f), planId: file.plan, document: file, contentHash: h });
  }
  await database.db.transaction(async (tx) => {
    await replaceRuleFiles(tx, rules);
    await replaceCalendars(tx, calendars);
    await recordLoadedFile(tx, 'quality', hash);
  });
  return { ruleFiles: rules.length, calendars: calendars.length };
}
