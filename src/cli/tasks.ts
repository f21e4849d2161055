/**
 * plan-monitor tasks list | import | remind (issue 16): the supervision board as a table, the project dispatch import,
 * and the reminders per unit (printed as notice text; --send passes them to the notifier: the log, or SMTP when
 * SMTP_URL is set). Each runs on the database, or beside a running server through its admin channel (cli/target.ts):
 * the lists through the public routes, the import and --send through admin routes; the same output either way.
 */
import type { Command } from 'commander';
import type { z } from 'zod';
import { allUnits } from '../db/supervision/units';
import { isIsoDay } from '../domain/supervision/dates';
import { TASK_KINDS, TASK_LIGHTS, TASK_LIGHT_LABELS, TASK_STATE_LABELS } from '../domain/supervision/terms';
import { CLI } from '../services/access/audit';
import { byLight, loadBoard } from '../services/supervision/board';
import { notifierFor } from '../services/supervision/notifier';
import { importProjects, type ProjectImportReport } from '../services/supervision/projectImport';
import { buildReminders } from '../services/supervision/reminders';
import { sendReminders } from '../services/supervision/remind';
import { readSupervisionEnv } from '../services/supervision/settings';
import { taskDto, unitReminderDto, type TaskDto } from '../shared/api/supervision';
import { localFile } from './localFile';
import { outputLang, printTable, say, wantsJson, type OutputOptions } from './output';
import { afterPages, onDatabase, query } from './target';

type UnitReminderDto = z.infer<typeof unitReminderDto>;
type Sent = Awaited<ReturnType<typeof sendReminders>>;

/** The end of an as-of day (UTC), as the API reads it; checked here so both ways refuse the same days alike. */
const atOf = (day?: string): Date | undefined => {
  if (day === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !isIsoDay(day)) throw new Error(`--as-of "${day}" must be a day (YYYY-MM-DD)`);
  return new Date(`${day}T23:59:59.999Z`);
};

/** A unit by id, code or Chinese name. */
function unitId(units: ReadonlyArray<{ id: number; code: string; name: { zh: string } }>, given: string): number {
  const u = units.find((x) => String(x.id) === given || x.code === given || x.name.zh === given);
  if (!u) throw new Error(`--unit "${given}" is not a unit (plan-monitor tasks list shows units by name)`);
  return u.id;
}

interface ListOptions extends OutputOptions {
  plan: string;
  unit?: string;
  light?: string;
  kind?: string;
  asOf?: string;
}

async function list(o: ListOptions): Promise<void> {
  if (o.light !== undefined && !(TASK_LIGHTS as readonly string[]).includes(o.light)) throw new Error(`--light must be one of ${TASK_LIGHTS.join(', ')}`);
  if (o.kind !== undefined && !(TASK_KINDS as readonly string[]).includes(o.kind)) throw new Error(`--kind must be one of ${TASK_KINDS.join(', ')}`);
  const at = atOf(o.asOf);
  const { asOf, tasks } = await onDatabase(
    async (database) => {
      const unit = o.unit === undefined ? undefined : unitId(await allUnits(database.db), o.unit);
      const board = await loadBoard(database, o.plan, at ? { at } : {});
      const chosen = board.tasks.filter((t) => (unit === undefined || t.leadUnitId === unit || t.coUnitIds.includes(unit)) && (o.light === undefined || t.light === o.light) && (o.kind === undefined || t.kind === o.kind));
      // As the API presents a task, so that the JSON is the same either way.
      return { asOf: board.asOf, tasks: chosen.map((t) => taskDto.parse(t)) };
    },
    async (server) => {
      const unit = o.unit === undefined ? undefined : unitId((await afterPages<{ id: number; code: string; name: { zh: string } }>(server, '/api/units?limit=500')).items, o.unit);
      const q = query({ limit: 500, unit, light: o.light, kind: o.kind, asOf: o.asOf });
      const { first, items } = await afterPages<TaskDto, { asOf: string; items: TaskDto[]; next: string | null }>(server, `/api/plans/${encodeURIComponent(o.plan)}/tasks${q}`);
      return { asOf: first.asOf, tasks: items };
    },
  );
  const rows = [...tasks].sort(byLight);
  // In the language of the command (--lang, else the locale).
  const lang = outputLang();
  printTable(
    rows.map((t) => ({ id: t.id, key: t.itemKey ?? `↳${t.parentId}`, task: t.title[lang], unit: t.leadUnit?.name[lang] ?? '—', state: TASK_STATE_LABELS[t.state][lang], light: TASK_LIGHT_LABELS[t.light][lang], why: t.reasons.map((r) => r.text[lang]).join(say('；', '; ')) })),
    [['id', 'Id'], ['key', 'Key'], ['task', '任务'], ['unit', '牵头单位'], ['state', '状态'], ['light', '预警'], ['why', '原因']],
    o,
    { planId: o.plan, asOf, tasks: rows },
  );
}

async function importTable(file: string, o: OutputOptions & { plan: string; dryRun?: boolean }): Promise<void> {
  const what = { planId: o.plan, file: await localFile(file), dryRun: o.dryRun === true };
  const r = await onDatabase(
    (database) => importProjects(database, { ...what, audit: CLI }),
    (server) => server.json<ProjectImportReport>('POST', '/api/admin/projects/import', what, [422]),
  );
  if (wantsJson(o)) process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
  else {
    const where = (p: ProjectImportReport['rejected'][number]) => say(`${p.file}，第 ${p.row} 行，${p.column ?? '整行'}`, `${p.file}, row ${p.row}, ${p.column ?? 'row'}`);
    for (const e of r.errors) console.log(e);
    for (const p of r.rejected) console.log(`${where(p)}${say('：', ': ')}${p.reason}`);
    for (const p of r.warnings) console.log(`${say('警告：', 'warning: ')}${where(p)}${say('：', ': ')}${p.reason}`);
    const c = r.counts;
    console.log(
      say(
        `${r.dryRun ? '试导入：' : ''}${r.committed ? '已导入' : '未写入'} — ${r.rows} 行：新增 ${c.new}，修订 ${c.revision}，未变 ${c.unchanged}，重新计划 ${c.replanned}，拒绝 ${c.rejected}${r.unit ? `（${r.unit.name}）` : ''}`,
        `${r.dryRun ? 'dry run: ' : ''}${r.committed ? 'imported' : 'nothing written'} — ${r.rows} rows: ${c.new} new, ${c.revision} revised, ${c.unchanged} unchanged, ${c.replanned} re-planned, ${c.rejected} rejected${r.unit ? ` (${r.unit.name})` : ''}`,
      ),
    );
  }
  if (r.errors.length > 0 || r.counts.rejected > 0) process.exitCode = 1;
}

async function remind(o: OutputOptions & { plan?: string; asOf?: string; lang?: string; send?: boolean }): Promise<void> {
  const at = atOf(o.asOf);
  // The global --lang is read before the command's own (commander), so both land in outputLang().
  const lang = o.lang ?? outputLang();
  if (lang !== 'zh' && lang !== 'en') throw new Error('--lang must be zh or en');
  if (o.send) {
    const { sent, log } = await onDatabase(
      async (database): Promise<{ sent: Sent; log: string[] }> => {
        const lines: string[] = [];
        const sent = await sendReminders(database, notifierFor(readSupervisionEnv(), (l) => lines.push(l)), { ...(o.plan ? { planId: o.plan } : {}), ...(at ? { at } : {}) });
        return { sent, log: lines };
      },
      // Sent by the server's notifier (its SMTP settings); what a log notifier wrote comes back to be printed here.
      (server) => server.json<{ sent: Sent; log: string[] }>('POST', '/api/admin/reminders/send', { planId: o.plan, asOf: o.asOf }),
    );
    for (const line of log) console.error(line);
    printTable(sent, [['planId', 'Plan'], ['unit', 'Unit'], ['items', 'Items'], ['delivered', 'Sent'], ['detail', 'How']], o);
    return;
  }
  const planId = o.plan;
  if (!planId) throw new Error('--plan is required without --send');
  const r = await onDatabase(
    async (database) => {
      const r = await buildReminders(database, planId, { lang, ...(at ? { at } : {}) });
      return { planId: r.planId, asOf: r.asOf, units: r.units.map((u) => unitReminderDto.parse(u)) };
    },
    async (server) => {
      const { first, items } = await afterPages<UnitReminderDto, { asOf: string; items: UnitReminderDto[]; next: string | null }>(server, `/api/plans/${encodeURIComponent(planId)}/reminders${query({ limit: 500, lang, asOf: o.asOf })}`);
      return { planId, asOf: first.asOf, units: items };
    },
  );
  if (wantsJson(o)) process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
  else process.stdout.write(r.units.length === 0 ? `${lang === 'zh' ? `截至${r.asOf}没有到期或逾期事项` : `nothing due or late as of ${r.asOf}`}\n` : `${r.units.map((u) => u.text).join('\n\n')}\n`);
}

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
    .action((o: ListOptions) => list(o));
  tasks
    .command('import')
    .description('import a unit’s monthly project dispatch table (XLSX or CSV); one transaction, per-cell errors, idempotent')
    .argument('<file>', 'the dispatch table (template: GET /api/plans/{planId}/projects/template)')
    .requiredOption('--plan <id>', 'plan id')
    .option('--dry-run', 'check and report what would change; write nothing')
    .option('--json', 'print JSON')
    .action((file: string, o: OutputOptions & { plan: string; dryRun?: boolean }) => importTable(file, o));
  tasks
    .command('remind')
    .description('what each unit must do and by when, as notice text; --send passes it to the notifier (log, or SMTP when SMTP_URL is set; beside a running server, the server\'s)')
    .option('--plan <id>', 'plan id (default: every plan)')
    .option('--as-of <day>', 'as of this day (YYYY-MM-DD; default today)')
    .option('--lang <lang>', 'zh | en (default: the command\'s language, --lang before the command or the locale)')
    .option('--send', 'send through the notifier')
    .option('--json', 'print JSON')
    .action((o: OutputOptions & { plan?: string; asOf?: string; lang?: string; send?: boolean }) => remind(o));
}
