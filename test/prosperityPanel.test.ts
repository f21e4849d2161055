/**
 * The panel is a sample of the enterprise registry (issue 18), on both drivers: the frame is the registry's enterprises
 * open on the panel's first day, real or synthetic as asked, with their figures as weights; a panel is drawn from it
 * once (large enterprises all taken) and recorded with its frame's origin in the audit; the foreign key refuses an
 * enterprise the registry does not hold, and a frame file naming one is refused by name before anything is written;
 * answers name their enterprise by a checked code, and one outside the registry or the panel is refused by row and
 * column; a member is grouped by the registry version in force at each wave, so a reclassification moves its later
 * answers and response rates to its new industry and leaves the earlier ones where they were.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client';
import { panelMembers, tallyCells } from '../src/db/prosperity';
import { panelAt } from '../src/db/prosperityRegistry';
import { queryRows } from '../src/db/raw';
import { withCheckChar } from '../src/domain/enterprise/uscc';
import { normaliseUscc, usccProblem } from '../src/domain/prosperity/enterpriseRef';
import { SYSTEM } from '../src/services/access/audit';
import { prepare } from '../src/services/bootstrap';
import { importEnterpriseFile } from '../src/services/enterprises/import/importEnterprises';
import { csvFrame, readFrameFile, registryFrame } from '../src/services/prosperity/enterpriseFrame';
import { importResponses } from '../src/services/prosperity/importResponses';
import { TooLargeError } from '../src/services/errors';
import { drawSurveyPanel } from '../src/services/prosperity/panel';
import { openWave, waveResponseRates } from '../src/services/prosperity/waves';
import { drivers } from './support/databases';
import { plansDir, regionsDir, root } from './support/paths';

const SURVEY = 'shenzhen-services-bcs';
// Two large enterprises (taken with certainty) — the first reclassified from software (I) to business services (L)
// on 2025-02-01 — eight small ones in section I (6 of them drawn: perStratum 6), one of public administration (S,
// outside the survey's sections), one closed before the panel starts, one synthetic.
const LARGE = [withCheckChar('91440305MA5F00001'), withCheckChar('91440304MA5F00002')];
const SMALL = Array.from({ length: 8 }, (_, i) => withCheckChar(`91440305MA5F1000${i}`));
const PUBLIC = withCheckChar('91440305MA5F99999');
const CLOSED = withCheckChar('91440306MA5F88888');
const SYNTHETIC = withCheckChar('91440306MA5F77777');
/** Valid codes the registry does not hold. */
const STRANGER = withCheckChar('91440300MA5F66666');
const REGISTRY = [
  '统一社会信用代码,单位名称,行业代码,区划代码,规模以上,企业规模,成立日期,变更日期,注销日期',
  `${LARGE[0]},甲软件有限公司,6513,440305,是,大型,2010-05-01,2010-05-01,`,
  `${LARGE[0]},甲商务服务有限公司,7212,440305,是,大型,2010-05-01,2025-02-01,`,
  `${LARGE[1]},乙咨询有限公司,7212,440304,是,大型,2012-01-01,2012-01-01,`,
  ...SMALL.map((u, i) => `${u},丙${i}软件有限公司,6513,440305,否,小型,2018-01-01,2018-01-01,`),
  `${PUBLIC},丁协会,9221,440305,否,小型,2015-01-01,2015-01-01,`,
  `${CLOSED},戊软件有限公司,6513,440306,否,小型,2015-01-01,2015-01-01,`,
  `${CLOSED},戊软件有限公司,6513,440306,否,小型,2015-01-01,2024-06-30,2024-06-30`,
].join('\n');
const FIGURES = [
  '统一社会信用代码,统计期,指标,数值,计量单位',
  `${LARGE[0]},2023,营业收入,200000,万元`,
  `${LARGE[0]},2024,营业收入,250000,万元`,
  `${LARGE[0]},2024-11,从业人员期末人数,1150,人`,
  `${LARGE[0]},2024-12,从业人员期末人数,1200,人`,
].join('\n');

describe('the enterprise key (统一社会信用代码)', () => {
  it('is stored trimmed and in capitals, and refused with the enterprise database’s reason unless it is a valid USCC', () => {
    expect(normaliseUscc(' 9144030071526726xg ')).toBe('9144030071526726XG');
    expect(usccProblem('9144030071526726XG')).toBeNull();
    expect(usccProblem('')).toMatch(/missing/);
    expect(usccProblem('9144030071526726X')).toMatch(/17 characters, it must have 18/);
    expect(usccProblem('9144030071526726OG')).toMatch(/character 17 "O" is not allowed/);
    expect(usccProblem('9144030071526726XA')).toMatch(/check character A is wrong, it should be G/);
  });
});

describe.each(drivers)('a panel drawn from the enterprise registry on $name', ({ open }) => {
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
    // The survey without its synthetic demo (no panel yet) and the registry without the synthetic sample.
    await prepare(database, { regionsDir, plansDir, prosperityDir: path.join(root, 'prosperity'), enterprises: { dir: path.join(root, 'enterprises'), sample: false } });
    for (const [name, text, synthetic] of [['registry.csv', REGISTRY, false], ['figures.csv', FIGURES, false], ['synthetic.csv', `统一社会信用代码,单位名称,行业代码,区划代码,规模以上,企业规模,成立日期\n${SYNTHETIC},己软件有限公司（合成）,6513,440306,是,大型,2010-01-01`, true]] as const) {
      const r = await importEnterpriseFile(database, { file: file(name, text), audit: SYSTEM, synthetic });
      expect(r.committed, JSON.stringify(r.rejected.slice(0, 3).concat(r.errors as never[]))).toBe(true);
    }
  }, 240_000);
  afterAll(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('frames the registry’s real enterprises open on a day, as the version in force then describes them, weighed by their latest figures', async () => {
    const frame = await registryFrame(database, { at: '2025-01-01', synthetic: false }).members();
    // The closed one and the synthetic one are not in the frame; the rest are.
    expect(frame.map((m) => m.uscc).sort()).toEqual([...LARGE, ...SMALL, PUBLIC].sort());
    // Before its reclassification the first large enterprise is software (6513, I), weighed by 2024's revenue and
    // December's employees (the latest full year and month-end).
    expect(frame.find((m) => m.uscc === LARGE[0])).toEqual({ uscc: LARGE[0], industryCode: '6513', sectionCode: 'I', regionCode: '440305', sizeClass: 'large', revenue: 250000, employees: 1200, closedOn: null });
    expect(frame.find((m) => m.uscc === SMALL[0])).toMatchObject({ sizeClass: 'small', revenue: null, employees: null });
    const synthetic = await registryFrame(database, { at: '2025-01-01', synthetic: true }).members();
    expect(synthetic.map((m) => m.uscc)).toEqual([SYNTHETIC]);
    // On 2024-01-01 the closed enterprise was still open.
    expect((await registryFrame(database, { at: '2024-01-01', synthetic: false }).members()).map((m) => m.uscc)).toContain(CLOSED);
  });

  it('reads a frame file and names every problem by row and column, refusing the whole file', async () => {
    const text = ['统一社会信用代码,行业代码,区划代码,企业规模,营业收入,从业人员', `${LARGE[0]?.toLowerCase()},6513,440305,large,250000,1200`, `${SMALL[0]},6513,440305,small,1000,20`].join('\n');
    const frame = await readFrameFile(file('frame.csv', text));
    expect(frame[0]).toEqual({ uscc: LARGE[0], industryCode: '6513', sectionCode: 'I', regionCode: '440305', sizeClass: 'large', revenue: 250000, employees: 1200 });
    const bad = ['uscc,industry_code,region_code,size_class,revenue', '9144030,6510,440305,small,1', `${LARGE[0]},99999,440305,huge,-3`, `${LARGE[0]},6510,440305,small,1`].join('\n');
    const error = await readFrameFile(file('bad.csv', bad)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    const lines = (error as Error).message.split('\n').map((l) => l.replace(`${dir}${path.sep}`, ''));
    expect(lines).toEqual([
      'bad.csv, row 2, uscc: 统一社会信用代码 9144030: 7 characters, it must have 18 (应为18位)',
      'bad.csv, row 3, industry_code: "99999" is not a GB/T 4754-2017 code',
      'bad.csv, row 3, size_class: "huge" is not one of large, medium, small, micro',
      'bad.csv, row 3, revenue: "-3" is not a non-negative number',
      `bad.csv, row 4, uscc: ${LARGE[0]} is listed twice (rows 3 and 4)`,
    ]);
    await expect(readFrameFile(file('nohead.csv', 'name,industry\nx,6510\n'))).rejects.toThrow(/no column uscc[\s\S]*no column industryCode[\s\S]*no column regionCode/);
  });

  it('refuses a frame naming an enterprise the registry does not hold, by name, and the foreign key refuses one whatever the path', async () => {
    const frame = file('stranger.csv', ['统一社会信用代码,行业代码,区划代码,企业规模', `${LARGE[0]},6513,440305,large`, `${STRANGER},6513,440305,large`].join('\n'));
    await expect(drawSurveyPanel(database, SURVEY, csvFrame(frame), { seed: 7, joined: '2025-01' })).rejects.toThrow(`csv:stranger.csv: ${STRANGER}: not in the enterprise registry`);
    expect(await panelMembers(database.db, SURVEY)).toEqual([]);
    const refused = await database.db
      .execute(sql`insert into survey_panel_members (survey_code, uscc, joined_period) values (${SURVEY}, ${STRANGER}, '2025-01')`)
      .then(() => 'not refused', (e: unknown) => String((e as { cause?: unknown }).cause ?? e));
    expect(refused).toMatch(/survey_panel_members_uscc_enterprises_uscc_fk/);
  });

  it('draws the panel once from the registry — large enterprises all, six of the eight small — and its members answer a wave', async () => {
    const draw = await drawSurveyPanel(database, SURVEY, registryFrame(database, { at: '2025-01-01', synthetic: false }), { seed: 7, joined: '2025-01' });
    const members = await panelMembers(database.db, SURVEY);
    expect(members.map((m) => m.uscc)).toEqual(draw.members.map((m) => m.uscc));
    expect(members).toHaveLength(2 + 6);
    for (const u of LARGE) expect(members.map((m) => m.uscc)).toContain(u);
    // Section S (9221, 公共管理) is outside the survey's design sections (F–R): not drawn.
    expect(members.map((m) => m.uscc)).not.toContain(PUBLIC);
    expect(members.find((m) => m.uscc === LARGE[0])).toEqual({ uscc: LARGE[0], revenue: 250000, employees: 1200, joinedPeriod: '2025-01', leftPeriod: null, synthetic: false });
    const logged = await queryRows<{ frame: string }>(database.db, sql`select new_value->>'frame' as frame from audit_log where action = 'survey_panel_drawn'`);
    expect(logged).toEqual([{ frame: 'registry:2025-01-01' }]);
    await expect(drawSurveyPanel(database, SURVEY, registryFrame(database, { at: '2025-01-01', synthetic: false }), { seed: 8, joined: '2025-01' })).rejects.toThrow(/has a panel already/);

    const wave = await openWave(database, SURVEY, '2025-01');
    const answers = file('answers.csv', `统一社会信用代码,BUSINESS.current\n${LARGE[0]?.toLowerCase()},上升\n${LARGE[1]},下降\n`);
    const report = await importResponses(database, { waveId: wave.id, file: answers });
    expect(report.errors).toEqual([]);
    expect(report.committed).toBe(true);
    expect(report.counts).toMatchObject({ answers: 2, added: 2 });
    // An upload's row bound (UPLOAD_MAX_ROWS; the route answers 413): refused whole, nothing written.
    const longer = file('longer.csv', `统一社会信用代码,BUSINESS.current\n${LARGE[0]},持平\n${LARGE[1]},持平\n`);
    await expect(importResponses(database, { waveId: wave.id, file: longer, maxRows: 1 })).rejects.toThrow(TooLargeError);
    const stored = await queryRows<{ uscc: string; answers: Record<string, number> }>(database.db, sql`select uscc, answers from survey_responses where wave_id = ${wave.id} and superseded_at is null`);
    expect(Object.fromEntries(stored.map((r) => [r.uscc, r.answers['BUSINESS.current']]))).toEqual({ [LARGE[0] ?? '']: 1, [LARGE[1] ?? '']: -1 });
  }, 120_000);

  it('refuses answers of an enterprise outside the registry, or outside the panel, or with a mistyped code — by row and column', async () => {
    const wave = await openWave(database, SURVEY, '2025-01');
    const inPanel = new Set((await panelMembers(database.db, SURVEY)).map((m) => m.uscc));
    const outside = SMALL.filter((u) => !inPanel.has(u));
    expect(outside).toHaveLength(2);
    const typo = `${STRANGER.slice(0, 17)}${STRANGER.endsWith('0') ? '1' : '0'}`;
    const text = `统一社会信用代码,BUSINESS.current\n${STRANGER},上升\n${outside[0]},上升\n${typo},上升\n${PUBLIC},持平\n`;
    const r = await importResponses(database, { waveId: wave.id, file: file('outside.csv', text) });
    expect(r.committed).toBe(false);
    expect(r.rejected).toEqual([
      { file: 'outside.csv', row: 2, column: '统一社会信用代码', reason: `${STRANGER} is not in the enterprise registry (企业名录), so not in the panel of ${SURVEY}` },
      { file: 'outside.csv', row: 3, column: '统一社会信用代码', reason: `${outside[0]} is not in the panel of ${SURVEY}` },
      { file: 'outside.csv', row: 4, column: '统一社会信用代码', reason: expect.stringMatching(/check character . is wrong/) },
      { file: 'outside.csv', row: 5, column: '统一社会信用代码', reason: `${PUBLIC} is not in the panel of ${SURVEY}` },
    ]);
  });

  it('groups a member by the registry version in force at each wave: a reclassification moves its later answers, not its earlier ones', async () => {
    const feb = await openWave(database, SURVEY, '2025-02');
    const r = await importResponses(database, { waveId: feb.id, file: file('feb.csv', `统一社会信用代码,BUSINESS.current\n${LARGE[0]},上升\n${LARGE[1]},持平\n`) });
    expect(r.committed).toBe(true);
    const cells = await tallyCells(database.db, database.driver, SURVEY, { from: '2025-01', to: '2025-02', weight: 'revenue', items: ['BUSINESS.current'] });
    const n = (period: string, group: string) => cells.find((c) => c.period === period && c.group === group)?.tally.n ?? 0;
    // January: the first large enterprise is software (I), the second business services (L); February: both L.
    expect([n('2025-01', 'industry:I'), n('2025-01', 'industry:L')]).toEqual([1, 1]);
    expect([n('2025-02', 'industry:I'), n('2025-02', 'industry:L')]).toEqual([0, 2]);
    // The weight is the panel's (the draw's figures), whatever the version.
    expect(cells.find((c) => c.period === '2025-01' && c.group === 'industry:I')?.tally.wPositive).toBe(250000);
    // Response rates follow the same rule: in February section I has the six small members only, L both large.
    const rates = (await waveResponseRates(database, feb.id)).rows;
    expect(rates.find((x) => x.group === 'industry:I')).toMatchObject({ panel: 6, responded: 0 });
    expect(rates.find((x) => x.group === 'industry:L')).toMatchObject({ panel: 2, responded: 2 });
    // Who a member is at a wave, as the registry says then: its name and industry.
    const jan = await panelAt(database.db, SURVEY, '2025-01', '2025-01-31');
    const febMembers = await panelAt(database.db, SURVEY, '2025-02', '2025-02-28');
    expect(jan.find((m) => m.uscc === LARGE[0])).toMatchObject({ name: '甲软件有限公司', industryCode: '6513', sectionCode: 'I' });
    expect(febMembers.find((m) => m.uscc === LARGE[0])).toMatchObject({ name: '甲商务服务有限公司', industryCode: '7212', sectionCode: 'L' });
  });
});
