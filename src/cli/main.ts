/**
 * plan-monitor: serve the platform, migrate the database, validate and load plan files.
 * Errors print a clear message (file:line: field: reason) and exit with status 1; no stack traces for users.
 */
import { Command } from 'commander';
import { SettingsError } from '../services/settings';
import { DataFileError } from '../services/yamlFile';
import * as commands from './commands';
import { registerEnterpriseCommands } from './enterprises';
import { registerReferenceDataCommands } from './referenceData';
import { tasksCommand } from './tasks';
import { FolderBusyError } from '../db/folderLock';
import { BadRequestError, ConflictError, ForbiddenError, NotFoundError } from '../services/errors';
import { ServerError } from './target';
import { configureOutput } from './output';
import { packageVersion } from './version';
import { qualityCommands } from './quality';
import { prosperityCommands } from './prosperity';

// A reader that stops early (| head) is not an error: further output is dropped, and the command still finishes
// and closes its database cleanly (exiting here would leave the embedded database to recover on the next start).
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
});

const program = new Command();
program
  .name('plan-monitor')
  .description('规划监测评估平台 Plan Monitor — plans as data, figures, evaluation')
  .showHelpAfterError()
  .version(packageVersion(), '-V, --version', 'print the version')
  .option('--lang <lang>', 'zh | en: the language of tables and messages (default: from the locale, LANG=zh_CN… → zh)')
  .option('--wide', 'tables as wide as the terminal (default: at most 100 columns, cells wrap)')
  .hook('preAction', (cmd) => configureOutput(cmd.opts<{ lang?: string; wide?: boolean }>()))
  .addHelpText('after', '\nSettings (environment): PORT, HOST, DATA_DIR, DATABASE_URL (only serve reads PORT, HOST and the server settings). See README.md.');

program.command('serve').description('start the web server (embedded database unless DATABASE_URL is set)').action(commands.serve);

const db = program.command('db').description('database maintenance');
db.command('migrate').description('apply pending migrations').option('--json', 'print JSON').action((o) => commands.migrate(o));

const plan = program.command('plan').description('plan files');
plan
  .command('validate')
  .description('check a plan file with every check `plan load` runs (format, units, regions, indicator catalogue); writes nothing')
  .argument('<file>', 'plan YAML file')
  .option('--database', 'check against the database the settings name (DATABASE_URL, else DATA_DIR) instead of the bundled files')
  .option('--json', 'print JSON')
  .action((file: string, o) => commands.validatePlan(file, o));
plan
  .command('load')
  .description('load (or reload) a plan file into the database; idempotent')
  .argument('<file>', 'plan YAML file')
  .option('--json', 'print JSON')
  .action((file: string, o) => commands.loadPlan(file, o));
plan.command('list').description('list loaded plans').option('--json', 'print JSON').action((o) => commands.listPlans(o));
plan
  .command('baselines')
  .description('规划衔接: the final values of the earlier plan (same region, ending in the base year) offered as the plan\'s 基期值')
  .requiredOption('--plan <id>', 'plan id')
  .option('--yaml', 'print baseline lines to paste into the plan file')
  .option('--json', 'print JSON')
  .action(async (o) => (await import('./succession')).baselinesCommand(o));

const users = program.command('users').description('accounts (no default account exists)');
users
  .command('create')
  .description('create a user; the password comes from standard input or PLAN_MONITOR_PASSWORD')
  .requiredOption('--username <name>', 'user name')
  .option('--admin', 'an administrator (系统管理员)')
  .option('--role <role>', 'admin | planner | statistician | reporter | viewer', 'viewer')
  .option('--region <codes>', 'for a reporter: region codes in scope, comma-separated (e.g. 440305)')
  .option('--department <names>', 'for a reporter: departments in scope, comma-separated')
  .option('--display-name <name>', 'name shown in the audit log')
  .option('--password-stdin', 'read the password from standard input')
  .option('--json', 'print JSON')
  .action((o) => commands.createUserCommand(o));
users.command('list').description('list users').option('--json', 'print JSON').action((o) => commands.listUsersCommand(o));
users.command('sign-in').description('a one-time sign-in link from the server\'s console (needs the running server)').requiredOption('--username <name>', 'user name').option('--json', 'print JSON').action(async (o) => (await import('./signIn')).signInCommand(o));

program
  .command('import')
  .description('import figures from a CSV or XLSX file (one transaction; idempotent)')
  .argument('<file>', 'CSV (UTF-8 or GBK) or XLSX file')
  .option('--dry-run', 'check and report what would change; write nothing')
  .option('--skip-invalid', 'commit the valid rows and report the rejected ones (default: any bad row rejects the file)')
  .option('--mapping <json>', 'column mapping, e.g. \'{"ind":"indicator","v":"value"}\'')
  .option('--within <region>', 'the region the file is about (code or name, e.g. 440100 or 广州市): its names are read there first')
  .option('--json', 'print JSON')
  .action((file: string, o) => commands.importFile(file, o));

program
  .command('export')
  .description('export figures (every vintage) as CSV, XLSX or SDMX-CSV')
  .option('--format <format>', 'csv | xlsx | sdmx', 'csv')
  .option('--plan <id>', 'only this plan\'s indicators')
  .option('--indicator <codes>', 'indicator codes, comma-separated')
  .option('--region <codes>', 'region codes, comma-separated')
  .option('--from <period>', 'first year or month (2020, 2020-07)')
  .option('--to <period>', 'last year or month (2023, 2023-09)')
  .option('-o, --output <file>', 'write to a file (default: standard output)')
  .option('--include-drafts', 'also figures not yet approved (default: approved figures only)')
  .action((o) => commands.exportFile(o));

program
  .command('evaluate')
  .description('evaluate a plan\'s indicators as of a year or a date')
  .requiredOption('--plan <id>', 'plan id')
  .requiredOption('--as-of <year|date>', '2023 (periods up to 2023) or 2024-06-30 (only figures published by then)')
  .option('--method <methods>', 'time_proportional,cagr_ratio,unsd_projection,escap_anticipated (default all)')
  .option('--region <code>', 'region code (default: the plan\'s region)')
  .option('--include-drafts', 'also use figures not yet approved (the result says so)')
  .option('--json', 'print JSON')
  .action((o) => commands.evaluate(o));

program
  .command('report')
  .description('write an evaluation report: 年度监测报告 (annual), 中期评估报告 (midterm), 总结评估报告 (final)')
  .requiredOption('--plan <id>', 'plan id')
  .requiredOption('--kind <kind>', 'annual | midterm | final')
  .option('--as-of <year|date>', 'as of a year (2025) or date (2026-03-31); default: plan end (final), middle year (midterm), last year (annual)')
  .option('--format <format>', 'docx | pdf | xlsx (pdf needs Chromium)', 'docx')
  .option('--lang <lang>', 'zh | en (default zh)')
  .option('--region <code>', 'region code (default: the plan\'s region)')
  .option('-o, --output <file>', 'file to write (default: <plan>-<kind>-<as-of>-<lang>.<format> here)')
  .option('--draft', 'print the drafted text as JSON (sections to edit) instead of writing a file')
  .option('--edits <file>', 'JSON file {"sections":[{"id","text"}]} with edited section text')
  // Loaded on use: the report modules are not part of every command's start.
  .action(async (o) => (await import('./report')).reportCommand(o));

program
  .command('forecast')
  .description('forecast a plan\'s indicators to their target year: interval, probability of meeting the target, early warning')
  .requiredOption('--plan <id>', 'plan id')
  .requiredOption('--as-of <year|date>', '2023 (periods up to 2023) or 2024-06-30 (only figures published by then)')
  .option('--region <code>', 'region code (default: the plan\'s region)')
  .option('--red-below <p>', 'warning rule: red below this probability (default 0.3)')
  .option('--yellow-below <p>', 'warning rule: yellow below this probability, green from it (default 0.7)')
  .option('--no-red-when-behind', 'warning rule: do not make every 滞后 (behind) indicator red')
  .option('--json', 'print JSON')
  .action((o) => commands.forecast(o));

program
  .command('backtest')
  .description('rolling-origin backtest of the forecasting methods on one series (CSV: year,value or period,value)')
  .argument('<file>', 'CSV with a header "year,value" (2015…) or "period,value" (2015Q1… or 2015-01…), consecutive, oldest first')
  .option('--horizon <n>', 'steps forecast from each origin', '2')
  .option('--min-train <n>', 'shortest training series (default 5, or 2 years + 2 for quarterly/monthly)')
  .option('--method <methods>', 'auto,ets,theta,arima,loglinear,drift (default all)')
  .option('--json', 'print JSON')
  .action((file: string, o) => commands.backtestFile(file, o));

registerEnterpriseCommands(program);
registerReferenceDataCommands(program);
tasksCommand(program);
qualityCommands(program);
prosperityCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  // A use case's refusal (services/errors.ts) is said as the server says it, so a command prints the same message
  // on the database itself and beside a running server (where it arrives as a ServerError).
  if (e instanceof DataFileError || e instanceof SettingsError || e instanceof ServerError || e instanceof FolderBusyError || e instanceof NotFoundError || e instanceof BadRequestError || e instanceof ConflictError || e instanceof ForbiddenError) {
    console.error(e.message);
  } else {
    console.error(e instanceof Error ? `error: ${e.message}` : e);
  }
  process.exitCode = 1;
}
