/**
 * plan-monitor prosperity: the business-climate survey from the command line — compute (print or export the
 * indices), import (a wave's answers), waves (response rates), panel (draw the panel from a frame of enterprises).
 * Each command does one use case on the database, or beside a running server through its admin channel
 * (cli/target.ts): the indices, waves and rates through the public routes, the import and the panel through admin
 * routes; the same output either way.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import type { PanelDraw } from '../domain/prosperity/sampling';
import { HORIZON_LABELS } from '../domain/prosperity/answers';
import { LIGHT_LABELS, type Light } from '../domain/prosperity/signals';
import { CLI } from '../services/access/audit';
import type { ResponseImportReport } from '../services/prosperity/importResponses';
import { INDEX_QUERY_KINDS, indicesQuery, indicesResponse, type IndicesResponseDto, type ResponseRatesDto, type SurveySummaryDto, type WaveListDto } from '../shared/api/prosperity';
import { localFile } from './localFile';
import { outputLang, printTable, say, wantsJson, type OutputOptions } from './output';
import { onDatabase, query, ServerError, type ServerClient } from './target';

/** Survey commands open the database as `serve` does: a survey with no panel gets the synthetic demo. */
const SURVEY = { prosperityDemo: true } as const;

/** The first survey's code (the default of every survey command), from the server's list. */
async function firstSurvey(server: ServerClient): Promise<string> {
  const first = (await server.json<SurveySummaryDto[]>('GET', '/api/prosperity/surveys?limit=1'))[0];
  if (!first) throw new Error('no survey is loaded (prosperity/*.yaml)');
  return first.code;
}

interface ComputeOptions extends OutputOptions {
  survey?: string;
  kind: string;
  industry?: string;
  group?: string;
  question?: string;
  horizon?: string;
  from?: string;
  to?: string;
  xlsx?: string;
}

async function compute(o: ComputeOptions): Promise<void> {
  if (!(INDEX_QUERY_KINDS as readonly string[]).includes(o.kind)) throw new Error(`--kind "${o.kind}" is not one of ${INDEX_QUERY_KINDS.join(', ')}`);
  if (o.horizon !== undefined && o.horizon !== 'current' && o.horizon !== 'expected') throw new Error(`--horizon "${o.horizon}" must be current or expected`);
  // The API's own checks of a query, here, so that both ways refuse the same options alike.
  const parsed = indicesQuery.omit({ limit: true, cursor: true }).safeParse({ kind: o.kind, survey: o.survey, industry: o.industry, group: o.group, question: o.question, horizon: o.horizon, from: o.from, to: o.to });
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `--${String(i.path[0] ?? 'option')}: ${i.message}`).join('\n'));
  const q = parsed.data;
  if (q.from && q.to && q.from > q.to) throw new Error('--from must not be after --to');
  if (o.xlsx) {
    const out = path.resolve(o.xlsx);
    const body = await onDatabase(
      async (database) => {
        const [{ surveyWorkbook }, { defaultSurvey }] = await Promise.all([import('../services/prosperity/exportXlsx'), import('../services/prosperity/query')]);
        return surveyWorkbook(database, q.survey ?? (await defaultSurvey(database)));
      },
      async (server) => {
        const res = await server.request('GET', `/api/prosperity/surveys/${encodeURIComponent(q.survey ?? (await firstSurvey(server)))}/export`);
        if (res.status !== 200) throw new ServerError(res.status, (JSON.parse(res.body.toString('utf8')) as { error: string }).error);
        return res.body;
      },
      SURVEY,
    );
    await writeFile(out, body);
    console.error(`${say('已写入', 'wrote')} ${out}`);
    return;
  }
  const r = await onDatabase(
    async (database) => {
      const { indices } = await import('../services/prosperity/query');
      // Every item in one answer; as the API presents it, so that the JSON is the same either way.
      return indicesResponse.parse(await indices(database, { ...q, limit: Number.MAX_SAFE_INTEGER }));
    },
    async (server) => {
      const at = `/api/prosperity/indices${query({ ...q, limit: 5000 })}`;
      let page = await server.answer<IndicesResponseDto>('GET', at);
      const whole = page.body;
      // Diffusion and climate items are paged: the next page's cursor in x-next-cursor.
      for (let next = page.headers['x-next-cursor']; typeof next === 'string' && next !== '' && (whole.kind === 'diffusion' || whole.kind === 'climate'); next = page.headers['x-next-cursor']) {
        page = await server.answer<IndicesResponseDto>('GET', `${at}&cursor=${encodeURIComponent(next)}`);
        if (page.body.kind === 'diffusion' && whole.kind === 'diffusion') whole.items.push(...page.body.items);
        if (page.body.kind === 'climate' && whole.kind === 'climate') whole.items.push(...page.body.items);
      }
      return whole;
    },
    SURVEY,
  );
  if (wantsJson(o)) {
    process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
    return;
  }
  if (r.synthetic) console.error('注意：本调查的样本和答案为合成数据（演示用），不是真实企业。 Note: synthetic demo data, not real enterprises.');
  const lang = outputLang();
  const fix = (v: number | null | undefined) => (v === null || v === undefined ? null : Number(v.toFixed(1)));
  const lamp = (l: Light | null | undefined) => (l ? LIGHT_LABELS[l][lang] : null);
  const period: [string, string] = ['period', say('期别', 'Period')];
  const withheld: [string, string] = ['withheld', say('不公布', 'Withheld')];
  switch (r.kind) {
    case 'diffusion':
      printTable(
        r.items.map((p) => ({ ...p, label: p.label[lang], horizon: HORIZON_LABELS[p.horizon][lang] })),
        [period, ['label', say('分组', 'Group')], ['question', say('题目', 'Question')], ['horizon', say('时期', 'Horizon')], ['n', say('样本', 'Sample')], ['value', say('扩散指数', 'Diffusion index')], ['weighted', say('加权', 'Weighted')], withheld],
        o,
      );
      return;
    case 'climate':
      printTable(
        r.items.map((p) => ({ ...p, label: p.label[lang], kind: p.kind === 'climate' ? say('企业景气指数', 'Business climate') : say('企业家信心指数', 'Entrepreneur confidence') })),
        [period, ['label', say('分组', 'Group')], ['kind', say('指数', 'Index')], ['nCurrent', say('样本', 'Sample')], ['current', say('即期', 'Current')], ['expected', say('预期', 'Expected')], ['value', say('指数', 'Index')], ['weighted', say('加权', 'Weighted')], withheld],
        o,
      );
      return;
    case 'composite': {
      const c = r.composite;
      const rows = c.periods.map((p, t) => ({ period: p, ...Object.fromEntries(c.indices.map((g) => [g.group, fix(g.level[t])])) }));
      printTable(rows, [period, ...c.indices.map((g): [string, string] => [g.group, g.name[lang]])], o);
      for (const g of c.indices) {
        if (g.turningPoints.length === 0) continue;
        const points = g.turningPoints.map((t) => `${t.period} ${t.kind === 'peak' ? say('峰', 'peak') : say('谷', 'trough')}`);
        console.log(say(`${g.name.zh}转折点：${points.join('，')}`, `turning points of the ${g.name.en}: ${points.join(', ')}`));
      }
      return;
    }
    case 'signals': {
      const s = r.signals;
      const rows = s.rows.map((row) => ({ period: row.period, ...Object.fromEntries(s.components.map((c) => [c.code, lamp(row.lights[c.code]?.light)])), score: fix(row.score), light: lamp(row.light) }));
      printTable(rows, [period, ...s.components.map((c): [string, string] => [c.code, c.name[lang]]), ['score', say('预警指数', 'Signal score')], ['light', say('综合', 'Overall')]], o);
    }
  }
}

interface ImportOptions extends OutputOptions {
  survey?: string;
  wave: string;
  dryRun?: boolean;
  skipInvalid?: boolean;
}

async function importAnswers(file: string, o: ImportOptions): Promise<void> {
  const what = { file: await localFile(file), wave: o.wave, survey: o.survey, dryRun: o.dryRun === true, onError: o.skipInvalid ? ('skip' as const) : ('reject' as const) };
  const r = await onDatabase(
    async (database) => (await import('../services/prosperity/importWave')).importWaveAnswers(database, { ...what, audit: CLI }),
    (server) => server.json<ResponseImportReport>('POST', '/api/admin/prosperity/import', what, [422]),
    SURVEY,
  );
  if (wantsJson(o)) process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
  else {
    for (const e of r.errors) console.error(e);
    for (const x of r.rejected) console.error(say(`${x.file}，第 ${x.row} 行，${x.column ?? '整行'}：${x.reason}`, `${x.file}, row ${x.row}, ${x.column ?? 'row'}: ${x.reason}`));
    printTable(
      [{ wave: `${r.survey} ${r.wave.period}`, rows: r.rows, answers: r.counts.answers, added: r.counts.added, revised: r.counts.revised, unchanged: r.counts.unchanged, rejected: r.counts.rejectedRows, committed: r.committed }],
      [['wave', say('期次', 'Wave')], ['rows', say('行数', 'Rows')], ['answers', say('答案', 'Answers')], ['added', say('新增', 'Added')], ['revised', say('修订', 'Revised')], ['unchanged', say('未变', 'Unchanged')], ['rejected', say('拒绝行', 'Rejected rows')], ['committed', say('已写入', 'Committed')]],
      o,
    );
  }
  if (r.errors.length > 0 || (r.counts.rejectedRows > 0 && !r.committed)) process.exitCode = 1;
}

/** The wave of a period in a survey's list, or a clear error. */
function waveOf(list: WaveListDto, period: string, survey: string): WaveListDto[number] {
  const w = list.find((x) => x.period === period);
  if (!w) throw new Error(`no wave ${period} in ${survey}`);
  return w;
}

async function waves(o: OutputOptions & { survey?: string; wave?: string }): Promise<void> {
  const { list, rates } = await onDatabase(
    async (database): Promise<{ list: WaveListDto; rates: ResponseRatesDto | null }> => {
      const [{ labelledResponseRates, waveList, waveSummaryOf }, { defaultSurvey }] = await Promise.all([import('../services/prosperity/waves'), import('../services/prosperity/query')]);
      const code = o.survey ?? (await defaultSurvey(database));
      const list = (await waveList(database, code, 1_000_000, null)).map(waveSummaryOf);
      return { list, rates: o.wave ? await labelledResponseRates(database, waveOf(list, o.wave, code).id) : null };
    },
    async (server) => {
      const code = o.survey ?? (await firstSurvey(server));
      const list = await server.pages<WaveListDto[number]>(`/api/prosperity/surveys/${encodeURIComponent(code)}/waves?limit=500`);
      return { list, rates: o.wave ? await server.json<ResponseRatesDto>('GET', `/api/prosperity/waves/${waveOf(list, o.wave, code).id}/response-rates`) : null };
    },
    SURVEY,
  );
  const percent = (rate: number | null) => (rate === null ? null : `${(rate * 100).toFixed(1)}%`);
  const counts: Array<[string, string]> = [['panel', say('样本', 'Panel')], ['responded', say('已答', 'Responded')], ['rate', say('回答率', 'Rate')]];
  if (rates) {
    const lang = outputLang();
    printTable(rates.rows.map((x) => ({ ...x, label: x.label[lang], rate: percent(x.rate) })), [['label', say('分组', 'Group')], ...counts], o, rates);
    return;
  }
  printTable(list.map((w) => ({ ...w, rate: percent(w.rate) })), [['period', say('期次', 'Wave')], ...counts], o, list);
}

async function drawPanel(o: OutputOptions & { survey?: string; frame: string; seed: string; joined: string }): Promise<void> {
  const seed = Number(o.seed);
  if (!Number.isSafeInteger(seed)) throw new Error(`--seed "${o.seed}" must be a whole number`);
  const file = await localFile(o.frame);
  const [{ drawSurveyPanel }, { csvFrame }, { defaultSurvey }] = await Promise.all([import('../services/prosperity/panel'), import('../services/prosperity/enterpriseFrame'), import('../services/prosperity/query')]);
  // Read (and checked) before the database opens: a bad frame costs nothing.
  const frame = csvFrame(file);
  const members = await frame.members();
  const draw = await onDatabase(
    async (database) => drawSurveyPanel(database, o.survey ?? (await defaultSurvey(database)), { source: frame.source, members: async () => members }, { seed, joined: o.joined, who: CLI }),
    // The server reads the same file: it is on this machine.
    (server) => server.json<PanelDraw>('POST', '/api/admin/prosperity/panel', { frame: file, survey: o.survey, seed, joined: o.joined }),
    SURVEY,
  );
  printTable(draw.strata, [['section', say('门类', 'Section')], ['sizeClass', say('规模', 'Size')], ['frame', say('框', 'Frame')], ['drawn', say('抽中', 'Drawn')], ['designWeight', 'N/n']], o, draw);
}

/** Adds `prosperity` and its subcommands to the program. */
export function prosperityCommands(program: Command): void {
  const p = program.command('prosperity').description('服务业景气指数: business-climate survey, diffusion / climate / composite indices, signal lights');
  p.command('compute')
    .description('compute and print the indices (or write every index with its inputs to Excel)')
    .option('--survey <code>', 'survey code (default: the first survey)')
    .option('--kind <kind>', INDEX_QUERY_KINDS.join(' | '), 'composite')
    .option('--industry <section>', 'diffusion/climate: all enterprises and this GB/T 4754 section (I, L …)')
    .option('--group <group>', 'diffusion/climate: one group (all, industry:I, size:large, region:440305)')
    .option('--question <code>', 'diffusion: one question')
    .option('--horizon <h>', 'diffusion: current (即期) or expected (预期)')
    .option('--from <period>', 'first period (2024-01 or 2024Q1)')
    .option('--to <period>', 'last period')
    .option('--xlsx <file>', 'write every index with its inputs to this Excel file instead')
    .option('--json', 'print JSON')
    .action((o: ComputeOptions) => compute(o));
  p.command('import')
    .description('import a wave’s answers from CSV (UTF-8/GBK) or XLSX: one row per enterprise, one column per question and horizon')
    .argument('<file>', 'the answers file')
    .requiredOption('--wave <period>', 'the wave: a month (2026-01) or quarter (2026Q1); opened if new')
    .option('--survey <code>', 'survey code (default: the first survey)')
    .option('--dry-run', 'check and report; write nothing')
    .option('--skip-invalid', 'commit the good rows and report the bad ones (default: any bad row rejects the file)')
    .option('--json', 'print JSON')
    .action((file: string, o: ImportOptions) => importAnswers(file, o));
  p.command('waves')
    .description('the waves with their response rates, or one wave’s rates by industry, size and district')
    .option('--survey <code>', 'survey code (default: the first survey)')
    .option('--wave <period>', 'one wave: its response rates by group')
    .option('--json', 'print JSON')
    .action((o: OutputOptions & { survey?: string; wave?: string }) => waves(o));
  p.command('panel')
    .description('draw the survey panel from a frame of enterprises (CSV: 统一社会信用代码, 行业代码, 区划代码, 企业规模, 营业收入, 从业人员)')
    .requiredOption('--frame <file>', 'the frame CSV (the enterprise registry’s export)')
    .requiredOption('--joined <period>', 'the first wave the panel answers (2026-01)')
    .option('--seed <n>', 'random seed (the same seed draws the same panel)', '1')
    .option('--survey <code>', 'survey code (default: the first survey)')
    .option('--json', 'print JSON')
    .action((o: OutputOptions & { survey?: string; frame: string; seed: string; joined: string }) => drawPanel(o));
}
