/**
 * plan-monitor quality: `check` runs every data-quality rule over the figures held (for a plan: the general rules and
 * the plan's own) and prints the violations; `validate FILE` checks a rule file (catalogue/quality/) or a reporting
 * calendar (plans/calendars/) against the database and prints file:line: field: reason for every mistake. Beside a
 * running server both go through its admin channel: the check through the public quality routes, the file check
 * through POST /api/admin/quality/validate; the same output either way.
 */
import path from 'node:path';
import type { Command } from 'commander';
import type { QualityFileCheck } from '../services/quality/validateFile';
import type { QualitySummaryDto, ViolationDto } from '../shared/api/quality';
import { outputLang, printTable, say, wantsJson, type OutputOptions } from './output';
import { onDatabase, query } from './target';

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
  const { summary, violations } = await onDatabase(
    async (database) => {
      const [{ listViolations, qualitySummary }, { qualitySummaryResponse, violationsResponse }] = await Promise.all([import('../services/quality/violations'), import('../shared/api/quality')]);
      const filter = { plan: opts.plan };
      // As the API presents them, so that the JSON is the same either way.
      return {
        summary: qualitySummaryResponse.parse(await qualitySummary(database, filter)),
        violations: violationsResponse.parse((await listViolations(database, { ...filter, limit: Number.MAX_SAFE_INTEGER })).items),
      };
    },
    async (server) => ({
      summary: await server.json<QualitySummaryDto>('GET', `/api/quality/summary${query({ plan: opts.plan })}`),
      violations: await server.pages<ViolationDto>(`/api/quality/violations${query({ plan: opts.plan, limit: 1000 })}`),
    }),
  );
  const s = summary.summary;
  if (wantsJson(opts)) {
    const rules = summary.rules.map((r) => ({ id: r.id, severity: r.severity, pass: r.pass, fail: r.fail, skipped: r.skipped }));
    process.stdout.write(`${JSON.stringify({ planId: summary.planId, checkedAt: summary.checkedAt, figures: summary.figures, rules, summary: { total: s.total, errors: s.errors, warnings: s.warnings, open: s.open }, violations }, null, 2)}\n`);
    return;
  }
  const lang = outputLang();
  printTable(
    violations.map((v) => ({
      rule: v.ruleId,
      severity: v.severity === 'error' ? say('错误', 'error') : say('警告', 'warning'),
      cell: `${v.anchor.indicatorCode} ${v.anchor.regionCode} ${v.anchor.periodCode}`,
      message: v.message[lang],
      status: v.acknowledgement ? `${say('已确认', 'acknowledged')} ${v.acknowledgement.by ?? ''}`.trim() : say('待处理', 'open'),
    })),
    [['rule', say('规则', 'Rule')], ['severity', say('级别', 'Severity')], ['cell', say('指标 地区 期间', 'Indicator region period')], ['message', say('比对内容', 'What was compared')], ['status', say('状态', 'Status')]],
    opts,
  );
  console.log(
    say(
      `检查数据 ${summary.figures} 条，规则 ${summary.rules.length} 条：错误 ${s.errors} 项，警告 ${s.warnings} 项（待处理 ${s.open} 项）`,
      `${summary.figures} figures checked by ${summary.rules.length} rules: ${s.errors} errors, ${s.warnings} warnings (${s.open} open)`,
    ),
  );
}

async function validate(file: string, opts: OutputOptions): Promise<void> {
  const abs = path.resolve(file);
  const checked = await onDatabase(
    async (database) => (await import('../services/quality/validateFile')).validateQualityFile(database, abs),
    (server) => server.json<QualityFileCheck>('POST', '/api/admin/quality/validate', { file: abs }),
  );
  const count: [string, string] = checked.kind === 'calendar' ? ['entries', say('条目', 'Entries')] : ['rules', say('规则', 'Rules')];
  printTable([{ ...checked }], [['file', say('文件', 'File')], ['kind', say('类型', 'Kind')], count, ['valid', say('有效', 'Valid')]], opts, checked);
}
