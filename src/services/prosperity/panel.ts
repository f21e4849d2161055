/**
 * Draws a survey's panel from a frame of enterprises (stratified by section × size class, large ones all taken:
 * domain/prosperity/sampling.ts) and records it. The frame comes through `EnterpriseFrame` (enterpriseFrame.ts):
 * today a CSV the registry exports; once the enterprise database (issue 18) is merged, its registry.
 */
import type { Database } from '../../db/client';
import { insertPanelMembers, surveyContents } from '../../db/prosperity';
import { listRegions } from '../../db/regions';
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
  // Named here rather than by the foreign key's SQL error: which enterprise, which code.
  const regions = new Set((await listRegions(database.db)).map((r) => r.code));
  const unknown = members.filter((m) => !regions.has(m.regionCode));
  if (unknown.length > 0) throw new BadRequestError(unknown.slice(0, 20).map((m) => `${frame.source}: ${m.uscc}: region_code "${m.regionCode}" is not a known region`).join('\n'));
  const draw = drawPanel(members, survey.design, opts.seed);
  await database.db.transaction(async (tx) => {
    await insertPanelMembers(tx, database.driver, survey.code, draw.members, joined.value.code, false);
    await audit(tx, opts.who ?? SYSTEM, { action: 'survey_panel_drawn', entity: 'survey', entityId: survey.code, newValue: { members: draw.members.length, frame: frame.source, seed: opts.seed, joined: joined.value.code, strata: draw.strata.length } });
  });
  return draw;
}
