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
import { onDatabase, query } from './target';
import { printTable, wantsJson, type OutputOptions } from './output';

const fmt = (v: number | null, digits = 1) => (v === null ? '—' : v.toLocaleString('en-US', { maximumFractionDigits: digits }));

async function importCommand(file: string, opts: OutputOptions & { dryRun?: boolean; skipInvalid?: boolean; mapping?: string; noIndicators?: boolean }): Promise<void> {
  const what = {
    file: path.resolve(file), dryRun: opts.dryRun === true, onError: opts.skipInvalid ? ('skip' as const) : ('reject' as const),
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
    const verdict = report.committed ? `committed (batch ${report.batchId})` : report.dryRun ? 'dry run: nothing written' : 'nothing written';
    console.log(`${report.file} (${report.layout ?? '?'} layout): ${report.rows} rows — figures new ${c.newFigures}, revised ${c.revisedFigures}, unchanged ${c.unchangedFigures}; enterprises new ${c.newEnterprises}, registry versions ${c.newVersions}, key-list changes ${c.listChanges}; rejected rows ${c.rejectedRows}; ${verdict}`);
    for (const e of report.errors) console.log(`  error: ${e}`);
    if (report.ignoredColumns.length > 0) console.log(`  ignored columns: ${report.ignoredColumns.join(', ')}`);
    printTable(report.rejected.map((r) => ({ ...r })), [['row', 'Row'], ['column', 'Column'], ['reason', 'Reason']], { json: false });
    for (const i of indicators) for (const y of i.years) console.log(`  ${i.indicator} ${y.period}: ${y.skipped ? `not written (${y.skipped})` : `${fmt(y.value)} from ${y.enterprises} enterprises`}`);
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
      out.flatMap((i) => i.years.map((y) => ({ indicator: i.indicator, period: y.period, value: y.value, enterprises: y.enterprises, written: y.skipped ?? (i.import?.committed ? 'written' : 'unchanged') }))),
      [['indicator', 'Indicator'], ['period', 'Period'], ['value', 'Value'], ['enterprises', 'Enterprises'], ['written', 'Result']],
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
  console.log(`${r.item.name.zh} (${r.item.unit}), ${r.period.label} vs ${r.previousPeriod.label}, ${r.scope === 'above' ? '规模以上' : '全部'}企业${r.enterprises.synthetic > 0 ? `; 合成数据 ${r.enterprises.synthetic}/${r.enterprises.total} (synthetic)` : ''}`);
  printTable(
    r.cells.map((c) => ({ industry: `${c.industry} ${c.industryName}`, region: c.regionName, count: c.count, total: fmt(c.total), growth: fmt(c.growth), comparable: fmt(c.comparableGrowth), share: fmt(c.shareOfParent), public: c.suppressed ? `suppressed (${c.reason})` : 'published' })),
    [['industry', '行业'], ['region', '地区'], ['count', '企业数'], ['total', '合计'], ['growth', '增速%'], ['comparable', '可比增速%'], ['share', '占比%'], ['public', '对外']],
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
  console.error(`合成数据 synthetic: ${population.length} enterprises, ${out.registryRows} registry rows → ${out.registry}; ${out.figureRows} figure rows → ${out.figures}`);
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
