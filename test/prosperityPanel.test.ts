/**
 * The panel's enterprises through the one seam to the enterprise database (services/prosperity/enterpriseFrame.ts):
 * a frame file is read with every problem named by row and column; a panel is drawn from it once (large
 * enterprises all taken), recorded with its frame's origin in the audit; its members then answer a wave. Both drivers.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client';
import { panelMembers } from '../src/db/prosperity';
import { queryRows } from '../src/db/raw';
import { normaliseUscc, usccProblem } from '../src/domain/prosperity/enterpriseRef';
import { prepare } from '../src/services/bootstrap';
import { csvFrame, readFrameFile } from '../src/services/prosperity/enterpriseFrame';
import { importResponses } from '../src/services/prosperity/importResponses';
import { TooLargeError } from '../src/services/errors';
import { drawSurveyPanel } from '../src/services/prosperity/panel';
import { openWave } from '../src/services/prosperity/waves';
import { drivers } from './support/databases';
import { plansDir, regionsDir, root } from './support/paths';

const SURVEY = 'shenzhen-services-bcs';
// Two large enterprises (taken with certainty) and eight small ones in section I (6 of them drawn: perStratum 6).
const LARGE = ['91440300MA5F000011', '91440300MA5F000022'];
const SMALL = Array.from({ length: 8 }, (_, i) => `91440300MA5F1000${i}${i}`);
const FRAME = [
  '统一社会信用代码,行业代码,区划代码,企业规模,营业收入,从业人员',
  `${LARGE[0]?.toLowerCase()},6510,440305,large,250000,1200`,
  `${LARGE[1]},7212,440304,large,180000,900`,
  ...SMALL.map((u, i) => `${u},6510,440305,small,${1000 + i},${20 + i}`),
  '91440300MA5F999999,9221,440305,small,10,3',
].join('\n');

describe('the enterprise key (统一社会信用代码)', () => {
  it('is stored trimmed and in capitals, and refused unless it has the shape of a USCC', () => {
    expect(normaliseUscc(' 91440300ma5f000011 ')).toBe('91440300MA5F000011');
    expect(usccProblem('91440300MA5F000011')).toBeNull();
    expect(usccProblem('')).toMatch(/empty/);
    // 17 characters; and an O, which GB 32100's alphabet leaves out.
    expect(usccProblem('91440300MA5F00001')).toMatch(/18-character/);
    expect(usccProblem('91440300MA5F0000O1')).toMatch(/18-character/);
  });
});

describe.each(drivers)('a panel drawn from a frame of enterprises on $name', ({ open }) => {
  let database: Database;
  let dir: string;
  const file = (name: string, text: string) => {
    const p = path.join(dir, name);
    writeFileSync(p, text);
    return p;
  };

  beforeAll(async () => {
    database = await open();
    dir = mkdtempSync(path.join(tmpdir(), 'pm-frame-'));
    // The survey without its synthetic demo: no panel yet.
    await prepare(database, { regionsDir, plansDir, prosperityDir: path.join(root, 'prosperity') });
  }, 240_000);
  afterAll(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads a frame file and names every problem by row and column, refusing the whole file', async () => {
    const frame = await readFrameFile(file('frame.csv', FRAME));
    expect(frame).toHaveLength(11);
    expect(frame[0]).toEqual({ uscc: LARGE[0], industryCode: '6510', sectionCode: 'I', regionCode: '440305', sizeClass: 'large', revenue: 250000, employees: 1200 });
    const bad = ['uscc,industry_code,region_code,size_class,revenue', '9144030,6510,440305,small,1', `${LARGE[0]},99999,440305,huge,-3`, `${LARGE[0]},6510,440305,small,1`].join('\n');
    const error = await readFrameFile(file('bad.csv', bad)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    const lines = (error as Error).message.split('\n').map((l) => l.replace(`${dir}${path.sep}`, ''));
    expect(lines).toEqual([
      'bad.csv, row 2, uscc: "9144030" is not an 18-character unified social credit code',
      'bad.csv, row 3, industry_code: "99999" is not a GB/T 4754-2017 code',
      'bad.csv, row 3, size_class: "huge" is not one of large, medium, small, micro',
      'bad.csv, row 3, revenue: "-3" is not a non-negative number',
      `bad.csv, row 4, uscc: ${LARGE[0]} is listed twice (rows 3 and 4)`,
    ]);
    await expect(readFrameFile(file('nohead.csv', 'name,industry\nx,6510\n'))).rejects.toThrow(/no column uscc[\s\S]*no column industryCode[\s\S]*no column regionCode/);
  });

  it('refuses an unknown region by enterprise before writing anything', async () => {
    const frame = file('region.csv', [FRAME.split('\n')[0], `${LARGE[0]},6510,999999,large,1,1`].join('\n'));
    await expect(drawSurveyPanel(database, SURVEY, csvFrame(frame), { seed: 7, joined: '2026-01' })).rejects.toThrow(`csv:region.csv: ${LARGE[0]}: region_code "999999" is not a known region`);
    expect(await panelMembers(database.db, SURVEY)).toEqual([]);
  });

  it('draws the panel once — large enterprises all, six of the eight small — and its members answer a wave', async () => {
    const draw = await drawSurveyPanel(database, SURVEY, csvFrame(file('frame.csv', FRAME)), { seed: 7, joined: '2026-01' });
    const members = await panelMembers(database.db, SURVEY);
    expect(members.map((m) => m.uscc)).toEqual(draw.members.map((m) => m.uscc));
    expect(members).toHaveLength(2 + 6);
    for (const u of LARGE) expect(members.map((m) => m.uscc)).toContain(u);
    // Section S (9221, 公共管理) is outside the survey's design sections (F–R): not drawn.
    expect(members.map((m) => m.uscc)).not.toContain('91440300MA5F999999');
    expect(members.every((m) => !m.synthetic && m.joinedPeriod === '2026-01')).toBe(true);
    const logged = await queryRows<{ frame: string }>(database.db, sql`select new_value->>'frame' as frame from audit_log where action = 'survey_panel_drawn'`);
    expect(logged).toEqual([{ frame: 'csv:frame.csv' }]);
    await expect(drawSurveyPanel(database, SURVEY, csvFrame(file('frame.csv', FRAME)), { seed: 8, joined: '2026-01' })).rejects.toThrow(/has a panel already/);

    const wave = await openWave(database, SURVEY, '2026-01');
    const answers = file('answers.csv', `统一社会信用代码,BUSINESS.current\n${LARGE[0]?.toLowerCase()},上升\n${LARGE[1]},下降\n`);
    const report = await importResponses(database, { waveId: wave.id, file: answers });
    expect(report.errors).toEqual([]);
    expect(report.committed).toBe(true);
    expect(report.counts).toMatchObject({ answers: 2, added: 2 });
    // An upload's row bound (UPLOAD_MAX_ROWS; the route answers 413): refused whole, nothing written.
    const longer = file('longer.csv', `统一社会信用代码,BUSINESS.current\n${LARGE[0]},持平\n${LARGE[1]},持平\n`);
    await expect(importResponses(database, { waveId: wave.id, file: longer, maxRows: 1 })).rejects.toThrow(TooLargeError);
    const stored = await queryRows<{ answers: Record<string, number> }>(database.db, sql`select answers from survey_responses where wave_id = ${wave.id} and superseded_at is null order by uscc`);
    expect(stored.map((r) => r.answers['BUSINESS.current'])).toEqual([1, -1]);
  }, 120_000);
});
