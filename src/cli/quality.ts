/**
 * plan-monitor quality: `check` runs every data-quality rule over the figures held (for a plan: the general rules and
 * the plan's own) and prints the violations; `validate FILE` checks a rule file (catalogue/quality/) or a reporting
 * calendar (plans/calendars/) against the database and prints file:line: field: reason for every mistake.
 */
import type { Command } from 'commander';
import { printTable, wantsJson, type OutputOptions } from './output';

export function qualityCommands(program: Command): void {
  const quality = program.command('quality').description('data-quality rules (数据质量审核) and completeness');
  quality
    .command('check')
    .description('run every data-quality rule over the figures held; list the violations (errors first)')
    .option('--plan <id>', 'the general rules and this plan\'s own, violations touching its indicators')
    .option('--json', 'print JSON')
    .action((o: OutputOptions & { plan?: string }) => check(o));
  quality
    .command('validate')
    .description('check a rule file or a reporting calendar (YAML) against the loaded plans, indicators and regions; writes nothing')
    .argument('<file>', 'catalogue/quality/*.yaml or plans/calendars/*.yaml')
    .option('--json', 'print JSON')
    .action((file: string, o: OutputOptions) => validate(file, o));
}

async function check(opts: OutputOptions & { plan?: string }): Promise<void> {
  const [{ openPrepared }, { readCommandSettings }, { qualityRun }, { summarise }] = await Promise.all([
    import('../services/bootstrap'), import('../services/settings'), import('../services/quality/run'), import('../domain/quality/summary'),
  ]);
  const { database } = await openPrepared(readCommandSettings());
  try {
    const run = await qualityRun(database, opts.plan ?? null);
    const summary = summarise(run.violations);
    if (wantsJson(opts)) {
      process.stdout.write(`${JSON.stringify({ planId: run.planId, checkedAt: run.checkedAt, figures: run.figures, rules: run.rules.map((r) => ({ id: r.rule.id, severity: r.rule.severity, ...run.counts[r.rule.id] })), summary: { total: summary.total, errors: summary.errors, warnings: summary.warnings, open: summary.open }, violations: run.violations }, null, 2)}\n`);
      return;
    }
    printTable(
      run.violations.map((v) => ({ rule: v.ruleId, severity: v.severity === 'error' ? '错误 error' : '警告 warning', cell: `${v.anchor.indicatorCode} ${v.anchor.regionCode} ${v.anchor.periodCode}`, message: v.message.zh, status: v.acknowledgement ? `已确认 ${v.acknowledgement.by ?? ''}` : '待处理 open' })),
      [['rule', 'Rule'], ['severity', 'Severity'], ['cell', 'Indicator region period'], ['message', 'What was compared'], ['status', 'Status']],
      opts,
    );
    console.log(`${run.figures} figures checked by ${run.rules.length} rules: ${summary.errors} errors, ${summary.warnings} warnings (${summary.open} open)`);
  } finally {
    await database.close();
  }
}

async function validate(file: string, opts: OutputOptions): Promise<void> {
  const [{ openPrepared }, { readCommandSettings }, { knownNames, readCalendarFile, readRuleFile }, { readYamlFile }] = await Promise.all([
    import('../services/bootstrap'), import('../services/settings'), import('../services/quality/files'), import('../services/yamlFile'),
  ]);
  const { database } = await openPrepared(readCommandSettings());
  try {
    const names = await knownNames(database.db);
    // A calendar has entries, a rule file rules: read the top level to know which this is.
    const data = (await readYamlFile(file)).data;
    const isCalendar = typeof data === 'object' && data !== null && 'entries' in data;
    const counts = isCalendar ? { kind: 'calendar', entries: (await readCalendarFile(file, names)).file.entries.length } : { kind: 'rules', rules: (await readRuleFile(file, names)).file.rules.length };
    printTable([{ file, ...counts, valid: true }], [['file', 'File'], ['kind', 'Kind'], [isCalendar ? 'entries' : 'rules', isCalendar ? 'Entries' : 'Rules'], ['valid', 'Valid']], opts, { file, valid: true, ...counts });
  } finally {
    await database.close();
  }
}
