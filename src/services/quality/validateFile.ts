/**
 * `plan-monitor quality validate FILE`: a rule file (catalogue/quality/) or a reporting calendar (plans/calendars/)
 * checked against the database's plans, indicators and regions, writing nothing — directly, or by the running server
 * for the command beside it (POST /api/admin/quality/validate). A mistake throws DataFileError (file:line: field: reason).
 */
import type { Database } from '../../db/client';
import { readYamlFile } from '../yamlFile';
import { knownNames, readCalendarFile, readRuleFile } from './files';

export type QualityFileCheck = { file: string; valid: true } & ({ kind: 'calendar'; entries: number } | { kind: 'rules'; rules: number });

/** @example await validateQualityFile(database, '/srv/plan-monitor/catalogue/quality/extra.yaml') // { file, valid: true, kind: 'rules', rules: 3 } */
export async function validateQualityFile(database: Database, file: string): Promise<QualityFileCheck> {
  const names = await knownNames(database.db);
  // A calendar has entries, a rule file rules: read the top level to know which this is.
  const data = (await readYamlFile(file)).data;
  if (typeof data === 'object' && data !== null && 'entries' in data) return { file, valid: true, kind: 'calendar', entries: (await readCalendarFile(file, names)).file.entries.length };
  return { file, valid: true, kind: 'rules', rules: (await readRuleFile(file, names)).file.rules.length };
}
