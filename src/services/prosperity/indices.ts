/**
 * One use case: a survey's indices of one kind, from its current answers — counted by SQL into tallies, then
 * computed by the domain (diffusion and climate indices with confidentiality applied; composite indices with
 * seasonal adjustment, turning points and signal lights).
 *
 * @example
 * const r = await surveyIndices(database, 'shenzhen-services-bcs', { kind: 'climate', from: '2024-01' });
 */
import type { Database } from '../../db/client';
import { tallyCells } from '../../db/prosperity';
import { cycleIndicators, type CycleResult } from '../../domain/prosperity/cycle';
import { climatePoints, diffusionPoints, type ClimatePoint, type DiffusionPoint, type TallyCell } from '../../domain/prosperity/indices';
import { askedItems, type SurveyDefinition } from '../../domain/prosperity/survey';
import { getSurvey } from './surveys';

export interface IndicesQuery {
  from?: string | undefined;
  to?: string | undefined;
  /** Diffusion: one question, one horizon only (read from the database alone). */
  question?: string | undefined;
  horizon?: 'current' | 'expected' | undefined;
  /** A section letter: only all enterprises and that section (diffusion, climate). */
  industry?: string | undefined;
}

/** Cells of the survey in the span (all groups); the composite needs its whole history, so it asks for no span. */
export async function surveyTallies(database: Database, survey: SurveyDefinition, q: Pick<IndicesQuery, 'from' | 'to'> & { allOnly?: boolean; items?: readonly string[] } = {}): Promise<TallyCell[]> {
  return tallyCells(database.db, database.driver, survey.code, { from: q.from, to: q.to, weight: survey.settings.weight, allOnly: q.allOnly ?? false, items: q.items });
}

/** The items ("QUESTION.horizon") asked, narrowed to a question and a horizon when given. */
const itemsOf = (survey: SurveyDefinition, pick: (question: string, horizon: string) => boolean) =>
  askedItems(survey).filter((i) => pick(i.question.code, i.horizon)).map((i) => `${i.question.code}.${i.horizon}`);

const keep = (industry: string | undefined) => (group: string) => industry === undefined || group === 'all' || group === `industry:${industry}`;

export async function diffusionIndices(database: Database, code: string, q: IndicesQuery = {}): Promise<{ survey: SurveyDefinition; points: DiffusionPoint[] }> {
  const survey = await getSurvey(database, code);
  // Confidentiality looks at every group of a table at once, so the filter by industry comes after it.
  const items = q.question || q.horizon ? itemsOf(survey, (question, horizon) => (!q.question || question === q.question) && (!q.horizon || horizon === q.horizon)) : undefined;
  const points = diffusionPoints(survey, await surveyTallies(database, survey, { ...q, items })).filter((p) => keep(q.industry)(p.group));
  return { survey, points };
}

export async function climateIndices(database: Database, code: string, q: IndicesQuery = {}): Promise<{ survey: SurveyDefinition; points: ClimatePoint[] }> {
  const survey = await getSurvey(database, code);
  const indexed = new Set(survey.questions.filter((x) => x.index).map((x) => x.code));
  const points = climatePoints(survey, await surveyTallies(database, survey, { ...q, items: itemsOf(survey, (question) => indexed.has(question)) })).filter((p) => keep(q.industry)(p.group));
  return { survey, points };
}

/**
 * The composite indices, their components, turning points and signal lights, computed on the whole history — or on
 * the history up to a period (`upTo`), as they stood then (a report as of a past date).
 */
export async function compositeIndices(database: Database, code: string, upTo?: string): Promise<{ survey: SurveyDefinition; cycle: CycleResult }> {
  const survey = await getSurvey(database, code);
  return { survey, cycle: cycleIndicators(survey, await surveyTallies(database, survey, { allOnly: true, to: upTo })) };
}
