/** The surveys as stored: one survey's checked definition, and the list. */
import type { Database } from '../../db/client';
import { surveyDefinition } from '../../db/prosperity';
import { parseSurvey, type SurveyDefinition } from '../../domain/prosperity/survey';
import { NotFoundError } from '../errors';

export async function getSurvey(database: Database, code: string): Promise<SurveyDefinition> {
  const raw = await surveyDefinition(database.db, code);
  if (raw === null) throw new NotFoundError(`no survey "${code}"`);
  // Stored from a checked file; checked again so a hand-edited row cannot reach the indices unchecked.
  const r = parseSurvey(raw);
  if (!r.ok) throw new Error(`survey ${code} as stored does not check: ${r.issues.map((i) => i.message).join('; ')}`);
  return r.survey;
}
