/**
 * plan-monitor prosperity: the business-climate survey from the command line — compute (print or export the
 * indices), import (a wave's answers), waves (response rates), panel (draw the panel from a frame of enterprises).
 * Each command opens the database, does one use case, prints and closes.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import type { Database } from '../db/client';
import { HORIZON_LABELS } from '../domain/prosperity/answers';
import { LIGHT_LABELS, type Light } from '../domain/prosperity/signals';
import { openPrepared } from '../services/bootstrap';
import { readCommandSettings } from '../services/settings';
import { INDEX_QUERY_KINDS } from '../shared/api/prosperity';
import { printTable, wantsJson, type OutputOptions } from './output';

async function withDatabase<T>(use: (database: Database) => Promise<T>): Promise<T> {
  const { database } = await openPrepared({ ...readCommandSettings(), prosperityDemo: true });
  try {
    return await use(database);
  } finally {
    await database.close();
  }
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
  const { indices, defaultSurvey } = await import('../services/prosperity/query');
  await withDatabase(async (database) => {
    if (o.xlsx) {
      const { surveyWorkbook } = await import('../services/prosperity/exportXlsx');
      const out = path.resolve(o.xlsx);
      await writeFile(out, await surveyWorkbook(database, o.survey ?? (await defaultSurvey(database))));
      console.error(`wrote ${out}`);
      return;
    }
    const r = await indices(database, {
      kind: o.kind as (typeof INDEX_QUERY_KINDS)[number], survey: o.survey, industry: o.industry, group: o.group, question: o.question,
      horizon: o.horizon as 'current' | 'expected' | undefined, from: o.from, to: o.to, limit: Number.MAX_SAFE_INTEGER,
    });
    if (wantsJson(o)) {
      process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
      return;
    }
    if (r.synthetic) console.error('注意：本调查的样本和答案为合成数据（演示用），不是真实企业。 Note: synthetic demo data, not real enterprises.');
    const fix = (v: number | null | undefined) => (v === null || v === undefined ? null : Number(v.toFixed(1)));
    const lamp = (l: Light | null | undefined) => (l ? LIGHT_LABELS[l].zh : null);
    switch (r.kind) {
      case 'diffusion':
        printTable(r.items.map((p) => ({ ...p, label: p.label.zh, horizon: HORIZON_LABELS[p.horizon].zh })), [['period', '期别'], ['label', '分组'], ['question', '题目'], ['horizon', '时期'], ['n', '样本'], ['value', '扩散指数'], ['weighted', '加权'], ['withheld', '不公布']], o);
        return;
      case 'climate':
        printTable(r.items.map((p) => ({ ...p, label: p.label.zh, kind: p.kind === 'climate' ? '企业景气指数' : '企业家信心指数' })), [['period', '期别'], ['label', '分组'], ['kind', '指数'], ['nCurrent', '样本'], ['current', '即期'], ['expected', '预期'], ['value', '指数'], ['weighted', '加权'], ['withheld', '不公布']], o);
        return;
      case 'composite': {
        const c = r.composite;
        const rows = c.periods.map((p, t) => ({ period: p, ...Object.fromEntries(c.indices.map((g) => [g.group, fix(g.level[t])])) }));
        printTable(rows, [['period', '期别'], ...c.indices.map((g): [string, string] => [g.group, g.name.zh])], o);
        for (const g of c.indices) if (g.turningPoints.length > 0) console.log(`${g.name.zh}转折点：${g.turningPoints.map((t) => `${t.period} ${t.kind === 'peak' ? '峰' : '谷'}`).join('，')}`);
        return;
      }
      case 'signals': {
        const s = r.signals;
        const rows = s.rows.map((row) => ({ period: row.period, ...Object.fromEntries(s.components.map((c) => [c.code, lamp(row.lights[c.code]?.light)])), score: fix(row.score), light: lamp(row.light) }));
        printTable(rows, [['period', '期别'], ...s.components.map((c): [string, string] => [c.code, c.name.zh]), ['score', '预警指数'], ['light', '综合']], o);
      }
    }
  });
}

interface ImportOptions extends OutputOptions {
  survey?: string;
  wave: string;
  dryRun?: boolean;
  skipInvalid?: boolean;
}

async function importAnswers(file: string, o: ImportOptions): Promise<void> {
  const [{ importResponses }, { openWave }, { defaultSurvey }] = await Promise.all([import('../services/prosperity/importResponses'), import('../services/prosperity/waves'), import('../services/prosperity/query')]);
  await withDatabase(async (database) => {
    const wave = await openWave(database, o.survey ?? (await defaultSurvey(database)), o.wave);
    const r = await importResponses(database, { waveId: wave.id, file, dryRun: o.dryRun === true, onError: o.skipInvalid ? 'skip' : 'reject' });
    if (wantsJson(o)) process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
    else {
      for (const e of r.errors) console.error(e);
      for (const x of r.rejected) console.error(`${x.file}, row ${x.row}, ${x.column ?? 'row'}: ${x.reason}`);
      printTable([{ wave: `${r.survey} ${r.wave.period}`, rows: r.rows, answers: r.counts.answers, added: r.counts.added, revised: r.counts.revised, unchanged: r.counts.unchanged, rejected: r.counts.rejectedRows, committed: r.committed }], [['wave', 'Wave'], ['rows', 'Rows'], ['answers', 'Answers'], ['added', 'Added'], ['revised', 'Revised'], ['unchanged', 'Unchanged'], ['rejected', 'Rejected rows'], ['committed', 'Committed']], o);
    }
    if (r.errors.length > 0 || (r.counts.rejectedRows > 0 && !r.committed)) process.exitCode = 1;
  });
}

async function waves(o: OutputOptions & { survey?: string; wave?: string }): Promise<void> {
  const [{ waveList, waveResponseRates }, { defaultSurvey }] = await Promise.all([import('../services/prosperity/waves'), import('../services/prosperity/query')]);
  await withDatabase(async (database) => {
    const code = o.survey ?? (await defaultSurvey(database));
    const list = await waveList(database, code, 1000, null);
    if (o.wave) {
      const w = list.find((x) => x.period === o.wave);
      if (!w) throw new Error(`no wave ${o.wave} in ${code}`);
      const r = await waveResponseRates(database, w.id);
      printTable(r.rows.map((x) => ({ ...x, rate: x.rate === null ? null : `${(x.rate * 100).toFixed(1)}%` })), [['group', 'Group'], ['panel', 'Panel'], ['responded', 'Responded'], ['rate', 'Rate']], o, r);
      return;
    }
    printTable(list.map((w) => ({ ...w, rate: w.panel > 0 ? `${((w.responded / w.panel) * 100).toFixed(1)}%` : null })), [['period', 'Wave'], ['panel', 'Panel'], ['responded', 'Responded'], ['rate', 'Rate']], o, list);
  });
}

async function drawPanel(o: OutputOptions & { survey?: string; frame: string; seed: string; joined: string }): Promise<void> {
  const [{ drawSurveyPanel }, { csvFrame }, { defaultSurvey }] = await Promise.all([import('../services/prosperity/panel'), import('../services/prosperity/enterpriseFrame'), import('../services/prosperity/query')]);
  // Read (and checked) before the database opens: a bad frame costs nothing.
  const frame = csvFrame(o.frame);
  const members = await frame.members();
  await withDatabase(async (database) => {
    const draw = await drawSurveyPanel(database, o.survey ?? (await defaultSurvey(database)), { source: frame.source, members: async () => members }, { seed: Number(o.seed), joined: o.joined });
    printTable(draw.strata, [['section', 'Section'], ['sizeClass', 'Size'], ['frame', 'Frame'], ['drawn', 'Drawn'], ['designWeight', 'N/n']], o, draw);
  });
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
