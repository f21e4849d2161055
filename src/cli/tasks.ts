/**
 * plan-monitor tasks list | import | remind (issue 16): the supervision board as a table, the project dispatch import,
 * and the reminders per unit (printed as notice text; --send passes them to the notifier: the log, or SMTP when
 * SMTP_URL is set).
 */
import type { Command } from 'commander';
import { allUnits } from '../db/supervision/units';
import { TASK_KINDS, TASK_LIGHTS, TASK_LIGHT_LABELS, TASK_STATE_LABELS } from '../domain/supervision/terms';
import { byLight, loadBoard } from '../services/supervision/board';
import { notifierFor } from '../services/supervision/notifier';
import { importProjects } from '../services/supervision/projectImport';
import { buildReminders } from '../services/supervision/reminders';
import { sendReminders } from '../services/supervision/remind';
import { readSupervisionEnv } from '../services/supervision/settings';
import { outputLang, printTable, wantsJson } from './output';
import { withDatabase } from './target';

const atOf = (day?: string): Date | undefined => {
  if (day === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`--as-of "${day}" must be a day (YYYY-MM-DD)`);
  return new Date(`${day}T23:59:59.999Z`);
};

export function tasksCommand(program: Command): void {
  const tasks = program.command('tasks').description('督促检查: tasks of a plan, the project dispatch import, reminders');
  tasks
    .command('list')
    .description('tasks with their lights and reasons (red first)')
    .requiredOption('--plan <id>', 'plan id')
    .option('--unit <name|code|id>', 'lead or co-operating unit')
    .option('--light <light>', TASK_LIGHTS.join(' | '))
    .option('--kind <kind>', TASK_KINDS.join(' | '))
    .option('--as-of <day>', 'lights as of this day (YYYY-MM-DD; default today)')
    .option('--json', 'print JSON')
    .action(async (o: { plan: string; unit?: string; light?: string; kind?: string; asOf?: string; json?: boolean }) =>
      withDatabase(async (database) => {
        const at = atOf(o.asOf);
        const board = await loadBoard(database, o.plan, at ? { at } : {});
        let unitId: number | undefined;
        if (o.unit !== undefined) {
          const u = (await allUnits(database.db)).find((x) => String(x.id) === o.unit || x.code === o.unit || x.name.zh === o.unit);
          if (!u) throw new Error(`--unit "${o.unit}" is not a unit (plan-monitor tasks list shows units by name)`);
          unitId = u.id;
        }
        if (o.light !== undefined && !(TASK_LIGHTS as readonly string[]).includes(o.light)) throw new Error(`--light must be one of ${TASK_LIGHTS.join(', ')}`);
        if (o.kind !== undefined && !(TASK_KINDS as readonly string[]).includes(o.kind)) throw new Error(`--kind must be one of ${TASK_KINDS.join(', ')}`);
        const lang = outputLang();
        const rows = board.tasks
          .filter((t) => (unitId === undefined || t.leadUnitId === unitId || t.coUnitIds.includes(unitId)) && (o.light === undefined || t.light === o.light) && (o.kind === undefined || t.kind === o.kind))
          .sort(byLight);
        printTable(
          // In the language of the command (--lang, else the locale).
          rows.map((t) => ({ id: t.id, key: t.itemKey ?? `↳${t.parentId}`, task: t.title[lang], unit: t.leadUnit?.name[lang] ?? '—', state: TASK_STATE_LABELS[t.state][lang], light: TASK_LIGHT_LABELS[t.light][lang], why: t.reasons.map((r) => r.text[lang]).join(lang === 'zh' ? '；' : '; ') })),
          [['id', 'Id'], ['key', 'Key'], ['task', '任务'], ['unit', '牵头单位'], ['state', '状态'], ['light', '预警'], ['why', '原因']],
          o,
          { planId: o.plan, asOf: board.asOf, tasks: rows },
        );
      }),
    );
  tasks
    .command('import')
    .description('import a unit’s monthly project dispatch table (XLSX or CSV); one transaction, per-cell errors, idempotent')
    .argument('<file>', 'the dispatch table (template: GET /api/plans/{planId}/projects/template)')
    .requiredOption('--plan <id>', 'plan id')
    .option('--dry-run', 'check and report what would change; write nothing')
    .option('--json', 'print JSON')
    .action(async (file: string, o: { plan: string; dryRun?: boolean; json?: boolean }) =>
      withDatabase(async (database) => {
        const r = await importProjects(database, { planId: o.plan, file, dryRun: o.dryRun === true });
        if (wantsJson(o)) process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
        else {
          for (const e of r.errors) console.log(e);
          for (const p of r.rejected) console.log(`${p.file}, row ${p.row}, ${p.column ?? 'row'}: ${p.reason}`);
          for (const p of r.warnings) console.log(`warning: ${p.file}, row ${p.row}, ${p.column ?? 'row'}: ${p.reason}`);
          const c = r.counts;
          console.log(`${r.dryRun ? 'dry run: ' : ''}${r.committed ? 'imported' : 'nothing written'} — ${r.rows} rows: ${c.new} new, ${c.revision} revised, ${c.unchanged} unchanged, ${c.replanned} re-planned, ${c.rejected} rejected${r.unit ? ` (${r.unit.name})` : ''}`);
        }
        if (r.errors.length > 0 || r.counts.rejected > 0) process.exitCode = 1;
      }),
    );
  tasks
    .command('remind')
    .description('what each unit must do and by when, as notice text; --send passes it to the notifier (log, or SMTP when SMTP_URL is set)')
    .option('--plan <id>', 'plan id (default: every plan)')
    .option('--as-of <day>', 'as of this day (YYYY-MM-DD; default today)')
    .option('--lang <lang>', 'zh | en', 'zh')
    .option('--send', 'send through the notifier')
    .option('--json', 'print JSON')
    .action(async (o: { plan?: string; asOf?: string; lang: string; send?: boolean; json?: boolean }) =>
      withDatabase(async (database) => {
        const at = atOf(o.asOf);
        if (o.lang !== 'zh' && o.lang !== 'en') throw new Error('--lang must be zh or en');
        if (o.send) {
          const sent = await sendReminders(database, notifierFor(readSupervisionEnv(), (l) => console.error(l)), { ...(o.plan ? { planId: o.plan } : {}), ...(at ? { at } : {}) });
          printTable(sent, [['planId', 'Plan'], ['unit', 'Unit'], ['items', 'Items'], ['delivered', 'Sent'], ['detail', 'How']], o);
          return;
        }
        if (!o.plan) throw new Error('--plan is required without --send');
        const r = await buildReminders(database, o.plan, { lang: o.lang, ...(at ? { at } : {}) });
        if (wantsJson(o)) process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
        else process.stdout.write(r.units.length === 0 ? `nothing due or late as of ${r.asOf}\n` : `${r.units.map((u) => u.text).join('\n\n')}\n`);
      }),
    );
}
