/**
 * `plan-monitor enterprises …`: import enterprise files, print industry aggregates (the operator's view: every value,
 * with the cells the public would not see marked), recompute the plan indicators defined as aggregates, and write a
 * synthetic population to files.
 */
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { industryAggregates } from '../services/enterprises/aggregates';
import { enterpriseConfig } from '../services/enterprises/config';
import { importEnterpriseFile, type EnterpriseImportReport } from '../services/enterprises/import/importEnterprises';
import { materialiseAggregateIndicators, type MaterialiseReport } from '../services/enterprises/materialise';
import { confidentialityRules } from '../services/enterprises/rules';
import { monthNumber, syntheticEnterprises, syntheticOptions, writeSyntheticFiles } from '../services/enterprises/synthetic';
import { CLI } from '../services/access/audit';
import { readRegionFile } from '../services/planFile';
import { readCommandSettings } from '../services/settings';
import { localFile } from './localFile';
import { onDatabase, query } from './target';
import { printTable, say, wantsJson, type OutputOptions } from './output';

const fmt = (v: number | null, digits = 1) => (v === null ? '—' : v.toLocaleString('en-US', { maximumFractionDigits: digits }));

async function importCommand(file: string, opts: OutputOptions & { dryRun?: boolean; skipInvalid?: boolean; mapping?: string; noIndicators?: boolean }): Promise<void> {
  const what = {
    file: await localFile(file), dryRun: opts.dryRun === true, onError: opts.skipInvalid ? ('skip' as const) : ('reject' as const),
    ...(opts.mapping ? { mapping: JSON.parse(opts.mapping) as Record<string, string> } : {}),
  };
  // Directly, or through the server that holds the embedded folder (its admin channel: same checks, same audit).
  const { report, indicators } = await onDatabase(
    async (database) => {
      const report = await importEnterpriseFile(database, { ...what, audit: CLI });
      const indicators = report.committed && !opts.noIndicators ? await materialiseAggregateIndicators(database, confidentialityRules(), { audit: CLI }) : [];
      return { report, indicators };
    },
    (server) => server.json<{ report: EnterpriseImportReport; indicators: MaterialiseReport[] }>('POST', '/api/admin/enterprises/import', { ...what, indicators: !opts.noIndicators }, [422]),
  );
  if (wantsJson(opts)) process.stdout.write(`${JSON.stringify({ ...report, indicators }, null, 2)}\n`);
  else {
    const c = report.counts;
    const verdict = report.committed ? say(`已写入（批次 ${report.batchId}）`, `committed (batch ${report.batchId})`) : report.dryRun ? say('试导入：未写入', 'dry run: nothing written') : say('未写入', 'nothing written');
    console.log(
      say(
        `${report.file}（${report.layout ?? '?'} 格式）：${report.rows} 行 — 数据新增 ${c.newFigures}、修订 ${c.revisedFigures}、未变 ${c.unchangedFigures}；企业新增 ${c.newEnterprises}、名录版本 ${c.newVersions}、重点名单变动 ${c.listChanges}；拒绝 ${c.rejectedRows} 行；${verdict}`,
        `${report.file} (${report.layout ?? '?'} layout): ${report.rows} rows — figures new ${c.newFigures}, revised ${c.revisedFigures}, unchanged ${c.unchangedFigures}; enterprises new ${c.newEnterprises}, registry versions ${c.newVersions}, key-list changes ${c.listChanges}; rejected rows ${c.rejectedRows}; ${verdict}`,
      ),
    );
    for (const e of report.errors) console.log(`  ${say('错误：', 'error: ')}${e}`);
    if (report.ignoredColumns.length > 0) console.log(`  ${say('未使用的列：', 'ignored columns: ')}${report.ignoredColumns.join(', ')}`);
    printTable(report.rejected.map((r) => ({ ...r })), [['row', say('行', 'Row')], ['column', say('列', 'Column')], ['reason', say('原因', 'Reason')]], { json: false });
    for (const i of indicators) {
      for (const y of i.years) console.log(`  ${i.indicator} ${y.period}: ${y.skipped ? say(`未写入（${y.skipped}）`, `not written (${y.skipped})`) : say(`${fmt(y.value)}，来自 ${y.enterprises} 家企业`, `${fmt(y.value)} from ${y.enterprises} enterprises`)}`);
    }
  }
  if (report.errors.length > 0 || (report.counts.rejectedRows > 0 && !report.committed)) process.exitCode = 1;
}

async function aggregateCommand(opts: OutputOptions & { item: string; period: string; industry?: string; region?: string; all?: boolean; writeIndicators?: boolean; allowSynthetic?: boolean }): Promise<void> {
  const rules = confidentialityRules();
  if (opts.writeIndicators) {
    const out = await onDatabase(
      (database) => materialiseAggregateIndicators(database, rules, { audit: CLI, ...(opts.allowSynthetic ? { allowSynthetic: true } : {}) }),
      (server) => server.json<MaterialiseReport[]>('POST', '/api/admin/enterprises/indicators', { allowSynthetic: opts.allowSynthetic === true }),
    );
    printTable(
      out.flatMap((i) => i.years.map((y) => ({ indicator: i.indicator, period: y.period, value: y.value, enterprises: y.enterprises, written: y.skipped ?? (i.import?.committed ? say('已写入', 'written') : say('未变', 'unchanged')) }))),
      [['indicator', 'Indicator'], ['period', 'Period'], ['value', say('数值', 'Value')], ['enterprises', say('企业数', 'Enterprises')], ['written', say('结果', 'Result')]],
      opts,
      out,
    );
    return;
  }
  // The operator at the command line reads microdata: every value, the would-be-suppressed cells marked.
  const q = { item: opts.item, period: opts.period, industry: opts.industry, region: opts.region, scope: opts.all ? ('all' as const) : ('above' as const) };
  const r = await onDatabase(
    (database) => industryAggregates(database, q, { microdata: true, audit: CLI }, rules),
    (server) => server.json<Awaited<ReturnType<typeof industryAggregates>>>('GET', `/api/industry-aggregates${query(q)}`),
  );
  if (wantsJson(opts)) {
    process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
    return;
  }
  // In the language of the command (--lang, else the locale); industry and region names are the registry's (Chinese).
  const synthetic = r.enterprises.synthetic > 0 ? say(`；合成数据 ${r.enterprises.synthetic}/${r.enterprises.total}`, `; synthetic ${r.enterprises.synthetic}/${r.enterprises.total}`) : '';
  console.log(
    say(
      `${r.item.name.zh}（${r.item.unit}），${r.period.label}比${r.previousPeriod.label}，${r.scope === 'above' ? '规模以上' : '全部'}企业${synthetic}`,
      `${r.item.name.en} (${r.item.unit}), ${r.period.label} vs ${r.previousPeriod.label}, ${r.scope === 'above' ? 'enterprises above the size threshold' : 'all enterprises'}${synthetic}`,
    ),
  );
  printTable(
    r.cells.map((c) => ({ industry: `${c.industry} ${c.industryName}`, region: c.regionName, count: c.count, total: fmt(c.total), growth: fmt(c.growth), comparable: fmt(c.comparableGrowth), share: fmt(c.shareOfParent), public: c.suppressed ? say(`不公布（${c.reason}）`, `suppressed (${c.reason})`) : say('公布', 'published') })),
    [['industry', say('行业', 'Industry')], ['region', say('地区', 'Region')], ['count', say('企业数', 'Enterprises')], ['total', say('合计', 'Total')], ['growth', say('增速%', 'Growth %')], ['comparable', say('可比增速%', 'Comparable growth %')], ['share', say('占比%', 'Share %')], ['public', say('对外', 'Public')]],
    { json: false },
  );
}

async function generateCommand(opts: { output: string; seed: string; enterprises: string; from: string; to: string; items?: string }): Promise<void> {
  const config = await enterpriseConfig();
  // The region registry's files (no database needed: the command only writes files).
  const regionsDir = readCommandSettings().regionsDir;
  const regions = (await Promise.all((await readdir(regionsDir)).filter((n) => /\.ya?ml$/.test(n)).map((n) => readRegionFile(path.join(regionsDir, n))))).flat();
  const items = (opts.items?.split(',').map((s) => s.trim()) ?? ['REVENUE', 'PAYROLL', 'RD_EXP', 'EMPLOYEES']) as Array<'REVENUE' | 'PROFIT' | 'PAYROLL' | 'EMPLOYEES' | 'RD_EXP' | 'TAXES' | 'ASSETS'>;
  const population = syntheticEnterprises(syntheticOptions(config, regions, { seed: Number(opts.seed), enterprises: Number(opts.enterprises), from: monthNumber(opts.from), to: monthNumber(opts.to) }));
  await mkdir(opts.output, { recursive: true });
  const out = await writeSyntheticFiles(opts.output, population, items, Number(opts.seed));
  console.error(
    say(
      `合成数据：${population.length} 家企业，名录 ${out.registryRows} 行 → ${out.registry}；数据 ${out.figureRows} 行 → ${out.figures}`,
      `synthetic data: ${population.length} enterprises, ${out.registryRows} registry rows → ${out.registry}; ${out.figureRows} figure rows → ${out.figures}`,
    ),
  );
}

export function registerEnterpriseCommands(program: Command): void {
  const ent = program.command('enterprises').description('重点行业企业数据库: enterprise files, industry aggregates, synthetic data');
  ent
    .command('import')
    .description('import an enterprise file (registry and/or figures; our template or the 一套表 export; CSV or XLSX); one transaction, idempotent')
    .argument('<file>', 'CSV (UTF-8 or GBK) or XLSX file')
    .option('--dry-run', 'check and report; write nothing')
    .option('--skip-invalid', 'commit the valid rows and report the rejected ones (default: any bad row rejects the file)')
    .option('--mapping <json>', 'column mapping, e.g. \'{"信用代码":"uscc"}\'')
    .option('--no-indicators', 'do not recompute the plan indicators defined as aggregates afterwards')
    .option('--json', 'print JSON')
    .action((file: string, o) => importCommand(file, o));
  ent
    .command('aggregate')
    .description('industry × region totals, counts, growth and shares of an item for a period (every value; cells the public would not see are marked)')
    .option('--item <code>', 'item code (enterprises/items.yaml), e.g. REVENUE', 'REVENUE')
    .option('--period <period>', 'period: 2025-01~09, 2025年1-9月, 2025', String(new Date().getFullYear() - 1))
    .option('--industry <code>', 'ALL, a section letter or a 2–4 digit code (that node and its children)')
    .option('--region <code>', 'a region (that region and its children)')
    .option('--all', 'all enterprises (default: 规模以上 only)')
    .option('--write-indicators', 'instead: recompute the plan indicators defined as aggregates and store them as figures')
    .option('--allow-synthetic', 'with --write-indicators: also from synthetic enterprises (a demo database only)')
    .option('--json', 'print JSON')
    .action((o) => aggregateCommand(o));
  ent
    .command('generate')
    .description('write a synthetic enterprise population (合成数据, deterministic) as enterprises.csv and figures.csv')
    .requiredOption('-o, --output <dir>', 'folder to write to')
    .option('--seed <n>', 'random seed', '1')
    .option('--enterprises <n>', 'number of enterprises', '1000')
    .option('--from <yyyy-mm>', 'first month', '2023-01')
    .option('--to <yyyy-mm>', 'last month', '2025-12')
    .option('--items <codes>', 'items, comma-separated (REVENUE,PROFIT,PAYROLL,EMPLOYEES,RD_EXP,TAXES,ASSETS)')
    .action((o) => generateCommand(o));
}
