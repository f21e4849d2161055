/**
 * 重点任务推进情况 and 重大项目进展 of a report, written from the supervision records (issue 16): counts by light, the
 * red and late items by name with their unit and reason, escalations, investment completion of the major projects
 * and, in a final report, which tasks were completed (办结) by the end of the plan. The task records are read as
 * they stand when the report is drafted (or on the as-of date when one is given); the projects for the as-of year.
 * Where nothing has been assigned or reported yet, the report keeps its list of what the plan sets out (draft.ts).
 */
import type { AsOf } from '../domain/evaluation/asOf';
import type { PlanSummary } from '../domain/plan/model';
import type { Portfolio } from '../domain/supervision/projectMetrics';
import { TASK_KIND_LABELS, type TaskLight } from '../domain/supervision/terms';
import type { Language, LocalizedText } from '../domain/text';
import { lightCounts, loadBoard, type TaskView } from '../services/supervision/board';
import { projectTable, type ProjectView } from '../services/supervision/projects';
import { unitsService } from '../services/supervision/units';
import type { Database } from './database';
import type { ReportKind } from './kinds';

export interface SupervisionReport {
  /** The day the lights are for. */
  asOf: string;
  planEnd: string;
  /** Plan-item tasks (measures, projects, bases, parks) and sub-tasks. */
  tasks: TaskView[];
  counts: Record<TaskLight, number>;
  /** True once anything was assigned or reported: the sections are written from the records. */
  recorded: boolean;
  projects: { year: number; asOf: string; rows: ProjectView[]; summary: Portfolio; unitName: (id: number | null) => LocalizedText | null };
}

export async function supervisionReport(database: Database, plan: PlanSummary, asOf: AsOf, now = new Date()): Promise<SupervisionReport> {
  const at = asOf.publishedBy ? new Date(`${asOf.publishedBy}T23:59:59.999Z`) : now;
  const board = await loadBoard(database, plan.id, { at });
  const year = Math.min(Math.max(asOf.maxYear, plan.period.start), plan.period.end);
  const [table, units] = await Promise.all([projectTable(database, plan.id, { year, reader: { publishedOnly: false }, actor: null, now: at }), unitsService.all(database)]);
  const names = new Map(units.map((u) => [u.id, u.name]));
  const recorded = board.tasks.some((t) => t.state !== 'unassigned') || table.projects.some((p) => p.latest !== null);
  return {
    asOf: board.asOf,
    planEnd: `${plan.period.end}-12-31`,
    tasks: board.tasks,
    counts: lightCounts(board.tasks),
    recorded,
    projects: { year, asOf: table.asOf, rows: table.projects, summary: table.summary, unitName: (id) => (id === null ? null : (names.get(id) ?? null)) },
  };
}

const pct = (x: number | null, lang: Language) => (x === null ? (lang === 'zh' ? '数据暂缺' : 'n/a') : `${(Math.round(x * 1000) / 10).toFixed(1)}%`);
const money = (x: number) => `${Math.round(x * 100) / 100}`;
const LIGHT_WORDS: Record<TaskLight, LocalizedText> = { green: { zh: '绿灯', en: 'green' }, yellow: { zh: '黄灯', en: 'yellow' }, red: { zh: '红灯', en: 'red' }, grey: { zh: '灰灯（未启动）', en: 'grey (not started)' } };

function itemLine(t: TaskView, lang: Language): string {
  const unit = t.leadUnit ? t.leadUnit.name[lang] : lang === 'zh' ? '未明确牵头单位' : 'no lead unit';
  const why = t.reasons.map((r) => r.text[lang]).join(lang === 'zh' ? '；' : '; ');
  return lang === 'zh' ? `${t.title.zh}（牵头单位：${unit}；${why}）` : `${t.title.en} (lead: ${unit}; ${why})`;
}

/** The text of 重点任务推进情况 from the records, or null to keep the plan's list. */
export function measuresText(s: SupervisionReport | null | undefined, kind: ReportKind, lang: Language): string[] | null {
  if (!s || !s.recorded) return null;
  const items = s.tasks.filter((t) => t.kind !== 'subtask');
  const subtasks = s.tasks.length - items.length;
  const by = (k: TaskView['kind']) => items.filter((t) => t.kind === k).length;
  const assigned = items.filter((t) => t.state !== 'unassigned').length;
  const done = items.filter((t) => t.state === 'completed');
  const c = lightCounts(items);
  const red = s.tasks.filter((t) => t.light === 'red');
  const late = s.tasks.filter((t) => t.missing.length > 0 && t.light !== 'red');
  const escalated = s.tasks.filter((t) => t.escalated);
  const out: string[] = [];
  if (lang === 'zh') {
    out.push(
      `规划部署${['measure', 'project', 'base', 'park'].map((k) => `${TASK_KIND_LABELS[k as TaskView['kind']].zh}${by(k as TaskView['kind'])}项`).join('、')}，共${items.length}项纳入督促检查${subtasks > 0 ? `，另分解任务${subtasks}项` : ''}。截至${s.asOf}，已交办${assigned}项，已办结${done.length}项。`,
      `按三色预警：${(['green', 'yellow', 'red', 'grey'] as const).map((l) => `${LIGHT_WORDS[l].zh}${c[l]}项`).join('、')}。`,
    );
    if (red.length > 0) out.push(`红灯事项${red.length}项：${red.map((t) => itemLine(t, 'zh')).join('；')}。`);
    if (late.length > 0) out.push(`进展逾期未报送${late.length}项：${late.map((t) => `${t.title.zh}（${t.leadUnit?.name.zh ?? '未明确牵头单位'}，${t.missing.join('、')}）`).join('；')}。`);
    if (escalated.length > 0) out.push(`督办单两次逾期未回复、已提级督办${escalated.length}项：${escalated.map((t) => t.title.zh).join('、')}。`);
    if (kind === 'final') {
      const byEnd = done.filter((t) => t.completedAt !== null && t.completedAt.slice(0, 10) <= s.planEnd);
      const after = done.length - byEnd.length;
      out.push(
        `截至规划期末（${s.planEnd}），${items.length}项任务中已办结${byEnd.length}项${byEnd.length > 0 ? `：${byEnd.map((t) => t.title.zh).join('、')}` : ''}；${after > 0 ? `规划期末后办结${after}项；` : ''}未办结${items.length - done.length}项。`,
      );
    }
  } else {
    out.push(
      `The plan sets out ${['measure', 'project', 'base', 'park'].map((k) => `${by(k as TaskView['kind'])} ${TASK_KIND_LABELS[k as TaskView['kind']].en.toLowerCase()}s`).join(', ')}: ${items.length} tasks under supervision${subtasks > 0 ? `, with ${subtasks} sub-tasks` : ''}. As of ${s.asOf}, ${assigned} are assigned and ${done.length} completed.`,
      `Lights: ${(['green', 'yellow', 'red', 'grey'] as const).map((l) => `${LIGHT_WORDS[l].en} ${c[l]}`).join(', ')}.`,
    );
    if (red.length > 0) out.push(`Red (${red.length}): ${red.map((t) => itemLine(t, 'en')).join('; ')}.`);
    if (late.length > 0) out.push(`Progress reports overdue (${late.length}): ${late.map((t) => `${t.title.en} (${t.leadUnit?.name.en ?? 'no lead unit'}, ${t.missing.join(', ')})`).join('; ')}.`);
    if (escalated.length > 0) out.push(`Escalated after two missed notices (${escalated.length}): ${escalated.map((t) => t.title.en).join('; ')}.`);
    if (kind === 'final') {
      const byEnd = done.filter((t) => t.completedAt !== null && t.completedAt.slice(0, 10) <= s.planEnd);
      out.push(`By the end of the plan (${s.planEnd}), ${byEnd.length} of ${items.length} tasks were completed${byEnd.length > 0 ? `: ${byEnd.map((t) => t.title.en).join('; ')}` : ''}; ${items.length - done.length} are not completed.`);
    }
  }
  return out;
}

/** The text of 重大项目进展 from the dispatch records, or null to keep the plan's list. */
export function projectsText(s: SupervisionReport | null | undefined, lang: Language): string[] | null {
  if (!s) return null;
  const { rows, summary: m, year } = s.projects;
  const reported = rows.filter((p) => p.latest !== null);
  if (reported.length === 0) return null;
  const lastMonth = reported.map((p) => p.latest?.month ?? '').sort().at(-1) ?? '';
  const months = Number(lastMonth.slice(5, 7));
  const behind = reported.filter((p) => p.gap !== null && p.gap < -0.05).sort((a, b) => (a.gap ?? 0) - (b.gap ?? 0));
  const problems = reported.filter((p) => p.latest?.problems);
  const unit = (p: ProjectView) => s.projects.unitName(p.ownerUnitId)?.[lang] ?? (lang === 'zh' ? '责任单位未明确' : 'owner not given');
  if (lang === 'zh') {
    return [
      `规划列重大项目${rows.length}项，${year}年已报送调度数据${reported.length}项（截至${lastMonth}）。年度计划投资合计${money(m.annualPlan)}亿元，本年累计完成投资${money(m.ytdCompleted)}亿元，年度投资完成率${pct(m.completionRate, 'zh')}，序时进度${pct(months / 12, 'zh')}。`,
      `开工率${pct(m.start.rate, 'zh')}（计划开工${m.start.due}项、已开工${m.start.started}项）；按期竣工率${pct(m.onTimeCompletion.rate, 'zh')}（计划竣工${m.onTimeCompletion.due}项、按期竣工${m.onTimeCompletion.onTime}项）。`,
      ...(behind.length > 0 ? [`投资完成率落后序时进度的项目${behind.length}项：${behind.map((p) => `${p.name.zh}（${unit(p)}，完成率${pct(p.completionRate, 'zh')}）`).join('；')}。`] : []),
      ...(problems.length > 0 ? [`项目反映的主要问题：${problems.map((p) => `${p.name.zh}：${p.latest?.problems ?? ''}`).join('；')}。`] : []),
    ];
  }
  return [
    `The plan lists ${rows.length} major projects; ${reported.length} reported dispatch data for ${year} (up to ${lastMonth}). Annual planned investment ${money(m.annualPlan)} 100 million yuan, completed this year ${money(m.ytdCompleted)}: ${pct(m.completionRate, 'en')} of the annual plan against ${pct(months / 12, 'en')} of the year.`,
    `Start rate ${pct(m.start.rate, 'en')} (${m.start.started} of ${m.start.due}); on-time completion ${pct(m.onTimeCompletion.rate, 'en')} (${m.onTimeCompletion.onTime} of ${m.onTimeCompletion.due}).`,
    ...(behind.length > 0 ? [`Behind time progress (${behind.length}): ${behind.map((p) => `${p.name.en} (${unit(p)}, ${pct(p.completionRate, 'en')})`).join('; ')}.`] : []),
  ];
}
