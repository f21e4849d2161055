/**
 * Draws a survey's panel from a frame of enterprises (stratified by section × size class, large ones all taken:
 * domain/prosperity/sampling.ts) and records it. The frame is the registry's (`registryFrame`, enterpriseFrame.ts) or
 * a file exported from it; either way every member is an enterprise of the registry (the panel's foreign key), and one
 * that is not is refused here by name, before anything is written.
 */
import type { Database } from '../../db/client';
import { insertPanelMembers, surveyContents } from '../../db/prosperity';
import { notInRegistry } from '../../db/prosperityRegistry';
import { drawPanel, type PanelDraw } from '../../domain/prosperity/sampling';
import { parseWavePeriod } from '../../domain/prosperity/wavePeriod';
import { audit, SYSTEM, type AuditContext } from '../access/audit';
import { BadRequestError, ConflictError } from '../errors';
import type { EnterpriseFrame } from './enterpriseFrame';
import { getSurvey } from './surveys';

export async function drawSurveyPanel(database: Database, surveyCode: string, frame: EnterpriseFrame, opts: { seed: number; joined: string; who?: AuditContext }): Promise<PanelDraw> {
  const survey = await getSurvey(database, surveyCode);
  const joined = parseWavePeriod(opts.joined, survey.frequency);
  if (!joined.ok) throw new BadRequestError(`joined: ${joined.error}`);
  if ((await surveyContents(database.db, survey.code)).panel > 0) throw new ConflictError(`survey ${survey.code} has a panel already: members join and leave one by one, the panel is not drawn again`);
  const members = await frame.members();
  // Named here rather than by the foreign key's SQL error: which enterprises, from which frame.
  const unknown = await notInRegistry(database.db, members.map((m) => m.uscc));
  if (unknown.length > 0) {
    const more = unknown.length > 20 ? `\n… and ${unknown.length - 20} more` : '';
    throw new BadRequestError(`${unknown.slice(0, 20).map((u) => `${frame.source}: ${u}: not in the enterprise registry (import it into the enterprise database first)`).join('\n')}${more}`);
  }
  const draw = drawPanel(members, survey.design, opts.seed);
  if (draw.members.length === 0) throw new BadRequestError(`${frame.source}: no enterprise of the survey's sections (${survey.design.sections.join(', ')}) in the frame`);
  await database.db.transaction(async (tx) => {
    await insertPanelMembers(tx, database.driver, survey.code, draw.members, joined.value.code);
    await audit(tx, opts.who ?? SYSTEM, { action: 'survey_panel_drawn', entity: 'survey', entityId: survey.code, newValue: { members: draw.members.length, frame: frame.source, seed: opts.seed, joined: joined.value.code, strata: draw.strata.length } });
  });
  return draw;
}
