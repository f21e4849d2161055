/**
 * Draws a survey's panel from a frame of enterprises (stratified by section × size class, large ones all taken:
 * domain/prosperity/sampling.ts) and records it. The frame is any list with the enterprise registry's attributes:
 * today a CSV the registry exports (`readFrameFile`); once the enterprise database (issue 18) is on main, its
 * registry read (the enterprises in force at a date) is the frame.
 */
import type { Database } from '../../db/client';
import { insertPanelMembers, surveyContents } from '../../db/prosperity';
import { sectionOf } from '../../domain/prosperity/industrySection';
import { drawPanel, SIZE_CLASSES, type FrameMember, type PanelDraw, type SizeClass } from '../../domain/prosperity/sampling';
import { parseWavePeriod } from '../../domain/prosperity/wavePeriod';
import { audit, SYSTEM, type AuditContext } from '../access/audit';
import { BadRequestError, ConflictError } from '../errors';
import { readCsv } from '../import/readCsv';
import { getSurvey } from './surveys';

export async function drawSurveyPanel(database: Database, surveyCode: string, frame: readonly FrameMember[], opts: { seed: number; joined: string; who?: AuditContext }): Promise<PanelDraw> {
  const survey = await getSurvey(database, surveyCode);
  const joined = parseWavePeriod(opts.joined, survey.frequency);
  if (!joined.ok) throw new BadRequestError(`joined: ${joined.error}`);
  if ((await surveyContents(database.db, survey.code)).panel > 0) throw new ConflictError(`survey ${survey.code} has a panel already: members join and leave one by one, the panel is not drawn again`);
  const draw = drawPanel(frame, survey.design, opts.seed);
  await database.db.transaction(async (tx) => {
    await insertPanelMembers(tx, database.driver, survey.code, draw.members, joined.value.code, false);
    await audit(tx, opts.who ?? SYSTEM, { action: 'survey_panel_drawn', entity: 'survey', entityId: survey.code, newValue: { members: draw.members.length, seed: opts.seed, joined: joined.value.code, strata: draw.strata.length } });
  });
  return draw;
}

/**
 * A frame from a CSV with the registry's columns (统一社会信用代码/uscc, 行业代码/industry_code, 区划代码/region_code,
 * 企业规模/size_class, 营业收入/revenue, 从业人员/employees); every problem names its row and column.
 */
export async function readFrameFile(file: string): Promise<FrameMember[]> {
  const aliases: Record<string, keyof FrameMember> = {
    统一社会信用代码: 'uscc', uscc: 'uscc', 行业代码: 'industryCode', industry_code: 'industryCode', 区划代码: 'regionCode', region_code: 'regionCode',
    企业规模: 'sizeClass', size_class: 'sizeClass', 营业收入: 'revenue', revenue: 'revenue', 从业人员: 'employees', employees: 'employees',
  };
  const out: FrameMember[] = [];
  const problems: string[] = [];
  let cols: Partial<Record<keyof FrameMember, number>> | null = null;
  for await (const rec of readCsv(file)) {
    if (!cols) {
      cols = {};
      rec.cells.forEach((h, i) => {
        const f = aliases[h.replace(/^\uFEFF/, '').trim()];
        if (f && cols) cols[f] = i;
      });
      for (const need of ['uscc', 'industryCode', 'regionCode'] as const) if (cols[need] === undefined) problems.push(`${file}: header: no column ${need}`);
      if (problems.length > 0) break;
      continue;
    }
    const cell = (f: keyof FrameMember) => (cols?.[f] === undefined ? '' : (rec.cells[cols[f] ?? 0] ?? '').trim());
    const num = (f: 'revenue' | 'employees') => {
      const t = cell(f);
      if (t === '') return null;
      const v = Number(t);
      if (!Number.isFinite(v) || v < 0) problems.push(`${file}, row ${rec.row}, ${f}: "${t}" is not a non-negative number`);
      return Number.isFinite(v) ? v : null;
    };
    const industry = cell('industryCode');
    const section = sectionOf(industry);
    if (!section) problems.push(`${file}, row ${rec.row}, industry_code: "${industry}" is not a GB/T 4754-2017 code`);
    const size = cell('sizeClass');
    if (size !== '' && !(SIZE_CLASSES as readonly string[]).includes(size)) problems.push(`${file}, row ${rec.row}, size_class: "${size}" is not one of ${SIZE_CLASSES.join(', ')}`);
    out.push({ uscc: cell('uscc').toUpperCase(), industryCode: industry, sectionCode: section ?? '', regionCode: cell('regionCode'), sizeClass: size === '' ? null : (size as SizeClass), revenue: num('revenue'), employees: num('employees') });
  }
  if (problems.length > 0) throw new BadRequestError(problems.slice(0, 50).join('\n'));
  return out;
}
