/**
 * The business-climate survey on both databases: the bundled survey and its synthetic demo load, the demo's panel
 * drawn from the enterprise registry's synthetic sample (every member joins its registry row); SQL counts the
 * answers into the same cells the domain counts in memory; a wave's answers import atomically with every problem
 * named by row and column, idempotently, revisions kept; the indices of an imported wave are the hand-computed ones;
 * response rates; answers cannot be deleted or rewritten.
 */
import { sql } from 'drizzle-orm';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client';
import { panelMembers, rebuildWaveTallies, tallyCells, wavesOf } from '../src/db/prosperity';
import { panelAt, registryFrameRows } from '../src/db/prosperityRegistry';
import { queryRows } from '../src/db/raw';
import { withCheckChar } from '../src/domain/enterprise/uscc';
import { syntheticAnswers } from '../src/domain/prosperity/synthetic';
import { drawPanel } from '../src/domain/prosperity/sampling';
import { tallyAnswers } from '../src/domain/prosperity/tallyAnswers';
import { waveFirstDay, waveLastDay } from '../src/domain/prosperity/waveDays';
import { periodRange } from '../src/domain/prosperity/wavePeriod';
import { prepare } from '../src/services/bootstrap';
import { DEFAULT_DEMO } from '../src/services/prosperity/demo';
import { SYSTEM } from '../src/services/access/audit';
import { importResponses } from '../src/services/prosperity/importResponses';
import { importWaveAnswers } from '../src/services/prosperity/importWave';
import { climateIndices, diffusionIndices } from '../src/services/prosperity/indices';
import { getSurvey } from '../src/services/prosperity/surveys';
import { openWave, waveResponseRates } from '../src/services/prosperity/waves';
import { drivers } from './support/databases';
import { plansDir, regionsDir, root } from './support/paths';

const SURVEY = 'shenzhen-services-bcs';
const START = { regionsDir, plansDir, prosperityDir: path.join(root, 'prosperity'), prosperityDemo: true, enterprises: { dir: path.join(root, 'enterprises'), sample: true } };

describe.each(drivers)('business-climate survey on $name', ({ open }) => {
  let database: Database;
  let dir: string;
  let members: Awaited<ReturnType<typeof panelMembers>>;
  /** The members still in the panel (those whose enterprise the registry closes left it): who may answer a 2026 wave. */
  let current: typeof members;
  const file = (name: string, text: string | Buffer) => {
    const p = path.join(dir, name);
    writeFileSync(p, text);
    return p;
  };

  beforeAll(async () => {
    database = await open();
    dir = mkdtempSync(path.join(tmpdir(), 'pm-survey-'));
    await prepare(database, START);
    members = await panelMembers(database.db, SURVEY);
    current = members.filter((m) => m.leftPeriod === null);
  }, 240_000);
  afterAll(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads the survey and its synthetic demo once: a panel of the registry’s synthetic enterprises, 60 monthly waves of 2021–2025', async () => {
    // 77 of the sample's 160 enterprises: large ones all, six per other section × size class of the survey's sections.
    expect(members.length).toBeGreaterThan(50);
    expect(members.every((m) => m.synthetic)).toBe(true);
    // Every member joins its registry row and a version, named …（合成）; none is a real enterprise.
    const joined = await queryRows<{ members: number; registered: number; synthetic: number; named: number }>(
      database.db,
      sql`select count(*)::int as members, count(e.uscc)::int as registered, count(*) filter (where e.synthetic)::int as synthetic,
          count(*) filter (where exists (select 1 from enterprise_versions v where v.uscc = m.uscc and v.name like '%（合成）'))::int as named
        from survey_panel_members m left join enterprises e on e.uscc = m.uscc where m.survey_code = ${SURVEY}`,
    );
    expect(joined).toEqual([{ members: members.length, registered: members.length, synthetic: members.length, named: members.length }]);
    // Drawn from the enterprises open on the first wave's first day, stratified by section and size class.
    const frame = await registryFrameRows(database.db, { at: '2021-01-01', synthetic: true });
    expect(new Set(members.map((m) => m.uscc)).size).toBe(members.length);
    for (const m of members) expect(frame.some((f) => f.uscc === m.uscc)).toBe(true);
    // An enterprise the registry says closes leaves the panel with the wave before it closed.
    for (const m of members) expect(m.leftPeriod === null).toBe(frame.find((f) => f.uscc === m.uscc)?.closedOn === null);
    const waves = await wavesOf(database.db, SURVEY);
    expect(waves.map((w) => w.period)).toEqual(periodRange([DEFAULT_DEMO.from, DEFAULT_DEMO.to], 'monthly').map((p) => p.code));
    // A second start changes nothing.
    await prepare(database, START);
    expect((await panelMembers(database.db, SURVEY)).length).toBe(members.length);
  });

  it('counts answers in SQL into exactly the cells the domain counts in memory, by the registry version in force at each wave', async () => {
    const survey = await getSurvey(database, SURVEY);
    const periods = periodRange([DEFAULT_DEMO.from, DEFAULT_DEMO.to], 'monthly');
    const panel = drawPanel(await registryFrameRows(database.db, { at: waveFirstDay(DEFAULT_DEMO.from), synthetic: true }), survey.design, DEFAULT_DEMO.seed);
    expect(panel.members.map((m) => m.uscc)).toEqual(members.map((m) => m.uscc));
    const answers = syntheticAnswers(survey, panel.members, periods, DEFAULT_DEMO.seed);
    const waves = await wavesOf(database.db, SURVEY);
    // Recount three waves by SQL (rebuildWaveTallies is what every import runs) and compare every cell.
    const picked = [0, 25, 59].flatMap((i) => (waves[i] ? [{ wave: waves[i], index: i }] : []));
    for (const { wave } of picked) await database.db.transaction((tx) => rebuildWaveTallies(tx, wave));
    const sizes: Array<Map<string, string | null>> = [];
    for (const { wave: w, index } of picked) {
      // The members as the registry has them at the wave (in the draw's order: answers name members by position);
      // a member out of the panel then answered nothing.
      const at = new Map((await panelAt(database.db, SURVEY, w.period, waveLastDay(w.period))).map((m) => [m.uscc, m]));
      sizes.push(new Map([...at.values()].map((m) => [m.uscc, m.sizeClass])));
      const asOf = panel.members.map((m) => at.get(m.uscc) ?? m);
      const keep: number[] = [];
      for (let k = 0; k < answers.length; k++) if (answers.period[k] === index && at.has(panel.members[answers.member[k] ?? 0]?.uscc ?? '')) keep.push(k);
      const pick = <T extends ArrayLike<number>>(xs: T) => Int32Array.from(keep, (k) => xs[k] ?? 0);
      const memory = tallyAnswers(survey, asOf, [periods[index] ?? { code: w.period, year: 0, sub: 0 }], { member: pick(answers.member), period: new Int32Array(keep.length), item: pick(answers.item), answer: pick(answers.answer), length: keep.length });
      const fromSql = await tallyCells(database.db, database.driver, SURVEY, { from: w.period, to: w.period, weight: 'revenue' });
      const key = (c: { group: string; question: string; horizon: string }) => `${c.group}|${c.question}|${c.horizon}`;
      expect(fromSql.length).toBe(memory.length);
      const byKey = new Map(fromSql.map((c) => [key(c), c.tally]));
      for (const c of memory) {
        const s = byKey.get(key(c));
        expect(s, `${w.period} ${key(c)}`).toBeDefined();
        if (!s) continue;
        expect({ n: s.n, p: s.positive, s: s.neutral, d: s.negative }).toEqual({ n: c.tally.n, p: c.tally.positive, s: c.tally.neutral, d: c.tally.negative });
        for (const k of ['wPositive', 'wNeutral', 'wNegative', 'wMax'] as const) expect(Math.abs(s[k] - c.tally[k])).toBeLessThanOrEqual(1e-6 * (1 + Math.abs(c.tally[k])));
      }
    }
    // The registry's yearly revision moves some members to another size class between the first and the last wave.
    const [first, last] = [sizes[0], sizes[sizes.length - 1]];
    expect([...(first?.entries() ?? [])].some(([u, size]) => last?.has(u) && last.get(u) !== size)).toBe(true);
  });

  describe('importing a wave', () => {
    let waveId: number;
    // A valid code (check character and all) of no enterprise in the registry.
    const STRANGER = withCheckChar('91440300MA5F66666');
    const header = '统一社会信用代码,单位名称,BUSINESS.current,本企业业务总量（预期）,OPERATING_STATE_即期,OPERATING_STATE_预期\n';
    const row = (i: number, cells: string) => `${current[i]?.uscc ?? '?'},企业${i},${cells}\n`;

    beforeAll(async () => {
      waveId = (await openWave(database, SURVEY, '2026年1月')).id;
    });

    it('rejects the whole file for one bad cell, naming row and column, and writes nothing', async () => {
      const bad = file('bad.csv', `${header}${row(0, '上升,持平,良好,良好')}${row(1, '大涨,持平,良好,一般')}${STRANGER},外来,上升,上升,良好,良好\n${row(0, '下降,下降,不佳,不佳')}`);
      const r = await importResponses(database, { waveId, file: bad });
      expect(r.committed).toBe(false);
      expect(r.rejected).toEqual([
        { file: 'bad.csv', row: 3, column: 'BUSINESS.current', reason: '"大涨" is not an answer to 本企业业务总量 (上升/持平/下降, or 1–3)' },
        { file: 'bad.csv', row: 4, column: '统一社会信用代码', reason: `${STRANGER} is not in the enterprise registry (企业名录), so not in the panel of ${SURVEY}` },
        { file: 'bad.csv', row: 5, column: '统一社会信用代码', reason: `${current[0]?.uscc} answered twice in one file: rows 2 and 5` },
      ]);
      expect(r.ignoredColumns).toEqual(['单位名称']);
      const [n] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from survey_responses where wave_id = ${waveId}`);
      expect(n?.n).toBe(0);
    });

    it('opens the wave of a new period only when the import commits: a dry run or a refused file opens none', async () => {
      const waves = async () => (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from survey_waves where survey_code = ${SURVEY} and period = '2026-02'`))[0]?.n;
      const opened = async () => (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from audit_log where action = 'survey_wave_opened' and new_value->>'period' = '2026-02'`))[0]?.n;
      const good = file('feb.csv', `统一社会信用代码,BUSINESS.current\n${current[0]?.uscc},上升\n`);
      const dry = await importWaveAnswers(database, { file: good, wave: '2026年2月', dryRun: true, onError: 'reject', audit: SYSTEM });
      expect(dry).toMatchObject({ committed: false, dryRun: true, wave: { id: null, period: '2026-02' }, counts: { added: 1 } });
      const refused = await importWaveAnswers(database, { file: file('feb-bad.csv', `统一社会信用代码,BUSINESS.current\n${current[0]?.uscc},大涨\n`), wave: '2026-02', dryRun: false, onError: 'reject', audit: SYSTEM });
      expect(refused).toMatchObject({ committed: false, wave: { id: null }, rejected: [{ row: 2, column: 'BUSINESS.current' }] });
      expect([await waves(), await opened()]).toEqual([0, 0]);
      const done = await importWaveAnswers(database, { file: good, wave: '2026-02', dryRun: false, onError: 'reject', audit: SYSTEM });
      expect(done).toMatchObject({ committed: true, counts: { added: 1 } });
      expect(done.wave.id).toBeGreaterThan(0);
      expect([await waves(), await opened()]).toEqual([1, 1]);
      // The same file again: the wave exists, nothing changes, nothing more is opened.
      expect(await importWaveAnswers(database, { file: good, wave: '2026-02', dryRun: true, onError: 'reject', audit: SYSTEM })).toMatchObject({ wave: { id: done.wave.id }, counts: { unchanged: 1 } });
      expect([await waves(), await opened()]).toEqual([1, 1]);
    });

    it('refuses an unknown column rather than dropping its answers', async () => {
      const r = await importResponses(database, { waveId, file: file('typo.csv', `统一社会信用代码,BUSINES.current\n${current[0]?.uscc},上升\n`) });
      expect(r.errors[0]).toMatch(/column "BUSINES.current" is neither 统一社会信用代码 nor a question of this survey/);
    });

    it('imports a good file (dry run first), idempotently, and keeps a revised answer’s earlier version', async () => {
      // Five enterprises: business 上升, 上升, 持平, 下降, 1 (= 上升); operating state current 良好 ×2, 一般, 不佳 ×2.
      const good = `${header}${row(0, '上升,上升,良好,良好')}${row(1, '上升,持平,良好,一般')}${row(2, '持平,持平,一般,一般')}${row(3, '下降,下降,不佳,良好')}${row(4, '1,,3,2')}`;
      const dry = await importResponses(database, { waveId, file: file('good.csv', good), dryRun: true });
      expect(dry).toMatchObject({ committed: false, dryRun: true, rows: 5, counts: { answers: 19, added: 5, revised: 0, unchanged: 0, rejectedRows: 0 } });
      const first = await importResponses(database, { waveId, file: file('good.csv', good) });
      expect(first).toMatchObject({ committed: true, counts: { added: 5, revised: 0, unchanged: 0 } });
      const again = await importResponses(database, { waveId, file: file('good.csv', good) });
      expect(again).toMatchObject({ committed: false, counts: { added: 0, revised: 0, unchanged: 5 } });
      // A correction of one answer: enterprise 3's business becomes 持平; its other answers stay.
      const fix = await importResponses(database, { waveId, file: file('fix.csv', `统一社会信用代码,BUSINESS.current\n${current[3]?.uscc},持平\n`) });
      expect(fix).toMatchObject({ committed: true, counts: { added: 0, revised: 1, unchanged: 0 } });
      const versions = await queryRows<{ answers: Record<string, number>; superseded: boolean }>(
        database.db,
        sql`select answers, superseded_at is not null as superseded from survey_responses where wave_id = ${waveId} and uscc = ${current[3]?.uscc ?? ''} order by id`,
      );
      expect(versions).toEqual([
        { answers: { 'BUSINESS.current': -1, 'BUSINESS.expected': -1, 'OPERATING_STATE.current': -1, 'OPERATING_STATE.expected': 1 }, superseded: true },
        { answers: { 'BUSINESS.current': 0, 'BUSINESS.expected': -1, 'OPERATING_STATE.current': -1, 'OPERATING_STATE.expected': 1 }, superseded: false },
      ]);
    });

    it('gives the hand-computed indices for the wave, and withholds the cells of fewer than three', async () => {
      const { points } = await diffusionIndices(database, SURVEY, { from: '2026-01', to: '2026-01' });
      const all = points.find((p) => p.group === 'all' && p.question === 'BUSINESS' && p.horizon === 'current');
      // 上升 3 (rows 0, 1, 4), 持平 2 (rows 2, 3 after the correction), 下降 0: DI = (3 + 0.5 × 2)/5 × 100 = 80.
      expect(all).toMatchObject({ n: 5, value: 80, withheld: null });
      // A cell of one or two enterprises is withheld; in each partition of the five (by industry, size, district)
      // a withheld cell has a withheld partner, so the total cannot give it back.
      const table = points.filter((p) => p.question === 'BUSINESS' && p.horizon === 'current' && p.group !== 'all');
      for (const p of table) if (p.n < 3) expect(p).toMatchObject({ value: null, withheld: 'count' });
      for (const dim of ['industry:', 'size:', 'region:']) {
        const hidden = table.filter((p) => p.group.startsWith(dim) && p.withheld !== null);
        expect(hidden.length === 0 || hidden.length >= 2, dim).toBe(true);
      }
      expect(table.some((p) => p.withheld !== null)).toBe(true);
      const climate = (await climateIndices(database, SURVEY, { from: '2026-01', to: '2026-01' })).points.find((p) => p.group === 'all' && p.kind === 'climate');
      // 即期: 良好 (rows 0, 1), 一般 (row 2), 不佳 (rows 3, 4: "3") → (2 − 2)/5 × 100 + 100 = 100.
      // 预期: 良好 (rows 0, 3), 一般 (rows 1, 2, 4: "2"), 不佳 none → (2 − 0)/5 × 100 + 100 = 140.
      // Index: 0.4 × 100 + 0.6 × 140 = 40 + 84 = 124.
      expect(climate).toMatchObject({ nCurrent: 5, nExpected: 5, current: 100, expected: 140, value: 124 });
    });

    it('reads GBK CSV and XLSX files the same way', async () => {
      const wave2 = (await openWave(database, SURVEY, '2026-02')).id;
      // GBK bytes of a header and one row, written by hand: "统一社会信用代码,BUSINESS.current\n<uscc>,持平\n".
      const text = `统一社会信用代码,BUSINESS.current\n${current[5]?.uscc},持平\n`;
      const encoded = Buffer.from(await gbkBytes(text));
      const r = await importResponses(database, { waveId: wave2, file: file('gbk.csv', encoded) });
      expect(r).toMatchObject({ encoding: 'gb18030', committed: true, counts: { added: 1 } });
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('数据');
      ws.addRow(['统一社会信用代码', '本企业综合经营状况（即期）']);
      ws.addRow([current[6]?.uscc, 2]);
      const xlsx = file('answers.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
      expect(await importResponses(database, { waveId: wave2, file: xlsx })).toMatchObject({ format: 'xlsx', committed: true, counts: { added: 1, answers: 1 } });
    });

    it('reports response rates for all enterprises and by industry, size and district', async () => {
      const r = await waveResponseRates(database, waveId);
      const all = r.rows.find((x) => x.group === 'all');
      expect(all).toMatchObject({ panel: current.length, responded: 5 });
      expect(all?.rate).toBeCloseTo(5 / current.length, 12);
      const byIndustry = r.rows.filter((x) => x.group.startsWith('industry:'));
      expect(byIndustry.reduce((a, x) => a + x.panel, 0)).toBe(current.length);
      expect(byIndustry.reduce((a, x) => a + x.responded, 0)).toBe(5);
      expect(r.rows.some((x) => x.group.startsWith('region:44030'))).toBe(true);
      expect(r.rows.some((x) => x.group.startsWith('size:'))).toBe(true);
    });

    it('never deletes or rewrites a stored questionnaire, whoever asks', async () => {
      expect(await refusal(database.db.execute(sql`delete from survey_responses where wave_id = ${waveId}`))).toMatch(/never deleted/);
      expect(await refusal(database.db.execute(sql`update survey_responses set answers = '{}'::jsonb where wave_id = ${waveId}`))).toMatch(/kept as recorded/);
      expect(await refusal(database.db.execute(sql`truncate survey_responses cascade`))).toMatch(/never deleted/);
      expect(await refusal(database.db.execute(sql`insert into survey_responses (wave_id, survey_code, uscc, answers) values (${waveId}, ${SURVEY}, ${current[9]?.uscc ?? ''}, '{"BUSINESS.current": 2}'::jsonb)`))).toMatch(/answers_check/);
    });
  });
});

/** The database's own message for a refused statement (the driver wraps it as the cause). */
async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'not refused';
  } catch (e) {
    const cause = (e as { cause?: unknown }).cause;
    return cause instanceof Error ? cause.message : String(e);
  }
}

/** GB18030 bytes of a text (Node has a decoder but no encoder): by a small table of the characters used. */
async function gbkBytes(text: string): Promise<Uint8Array> {
  // The GB2312 codes of the Chinese characters in the test text.
  const table: Record<string, [number, number]> = { 统: [0xcd, 0xb3], 一: [0xd2, 0xbb], 社: [0xc9, 0xe7], 会: [0xbb, 0xe1], 信: [0xd0, 0xc5], 用: [0xd3, 0xc3], 代: [0xb4, 0xfa], 码: [0xc2, 0xeb], 持: [0xb3, 0xd6], 平: [0xc6, 0xbd] };
  const out: number[] = [];
  for (const ch of text) {
    const g = table[ch];
    if (g) out.push(...g);
    else out.push(ch.charCodeAt(0));
  }
  const bytes = Uint8Array.from(out);
  // Proof that the table is right: Node's own decoder reads the text back.
  if (new TextDecoder('gb18030').decode(bytes) !== text) throw new Error('the GBK table in the test is wrong');
  return bytes;
}
