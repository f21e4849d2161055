/**
 * plan-monitor: serve the platform, migrate the database, validate and load plan files.
 * Errors print a clear message (file:line: field: reason) and exit with status 1; no stack traces for users.
 */
import { Command } from 'commander';
import { SettingsError } from '../services/settings';
import { DataFileError } from '../services/yamlFile';
import * as commands from './commands';

const program = new Command();
program
  .name('plan-monitor')
  .description('规划监测评估平台 Plan Monitor — plans as data, figures, evaluation')
  .showHelpAfterError()
  .addHelpText('after', '\nSettings (environment): PORT, HOST, DATA_DIR, DATABASE_URL. See README.md.');

program.command('serve').description('start the web server (embedded database unless DATABASE_URL is set)').action(commands.serve);

const db = program.command('db').description('database maintenance');
db.command('migrate').description('apply pending migrations').option('--json', 'print JSON').action((o) => commands.migrate(o));

const plan = program.command('plan').description('plan files');
plan
  .command('validate')
  .description('check a plan file against the format and the region registry; writes nothing')
  .argument('<file>', 'plan YAML file')
  .option('--json', 'print JSON')
  .action((file: string, o) => commands.validatePlan(file, o));
plan
  .command('load')
  .description('load (or reload) a plan file into the database; idempotent')
  .argument('<file>', 'plan YAML file')
  .option('--json', 'print JSON')
  .action((file: string, o) => commands.loadPlan(file, o));
plan.command('list').description('list loaded plans').option('--json', 'print JSON').action((o) => commands.listPlans(o));

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof DataFileError || e instanceof SettingsError) {
    console.error(e.message);
  } else {
    console.error(e instanceof Error ? `error: ${e.message}` : e);
  }
  process.exitCode = 1;
}
