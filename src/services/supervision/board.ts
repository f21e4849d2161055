/**
 * The supervision board (督办看板): every task of a plan with its light and reasons as of a moment, and roll-ups by
 * chapter, unit and district. Lights are computed, never stored: they depend on the day (a node falls due without
 * anyone writing anything). For a past as-of day the records are read as they stood then (reports submitted by
 * then, tasks assigned and closed by then).
 */
import type { Database } from '../../db/client';
import { nodeFacts, noticeFacts, reportFacts } from '../../db/supervision/board';
import { projectRows } from '../../db/supervision/projects';
import { getSettings } from '../../db/supervision/settings';
import { taskRecords } from '../../db/supervision/tasks';
import { allUnits } from '../../db/supervision/units';
import { escalated as isEscalated } from '../../domain/supervision/workflow';
import { LIGHT_RANK, taskLight, timeProgress, type LightReason } from '../../domain/supervision/light';
import type { ProjectRow, SupervisionSettings, TaskRecord, Unit } from '../../domain/supervision/model';
import type { ReportingPeriod } from '../../domain/supervision/reportingPeriods';
import { completionRate } from '../../domain/supervision/projectMetrics';
import type { TaskLight, TaskState } from '../../domain/supervision/terms';
import type { LocalizedText } from '../../domain/text';
import { byDataVersion } from '../cache/byDataVersion';
import { EVERY_PLAN, plansService, type PlanReader } from '../plans';
import { sees, type Actor } from './actor';

export interface TaskView extends TaskRecord {
  light: TaskLight;
  reasons: LightReason[];
  missing: string[];
  nextDue: ReportingPeriod | null;
  leadUnit: { id: number; name: LocalizedText } | null;
  coUnits: Array<{ id: number; name: LocalizedText }>;
  /** Region codes the task touches: its plan item's, its project's, its lead unit's district. */
  districts: string[];
  percent: number | null;
  lateReports: number;
  pendingReports: number;
  escalated: boolean;
}

export type RollupKey = 'chapter' | 'unit' | 'district';
export interface Rollup {
  key: string;
  label: LocalizedText;
  counts: Record<TaskLight, number>;
  total: number;
}

export interface Board {
  planId: string;
  asOf: string;
  settings: SupervisionSettings;
  tasks: TaskView[];
  projects: ProjectRow[];
}

/** The state a task was in at a past moment, from its timestamps. */
function stateAt(t: TaskRecord, at: string): TaskState {
  if (t.completedAt !== null && t.completedAt <= at) return 'completed';
  if (t.assignedAt === null || t.assignedAt > at) return 'unassigned';
  if (t.state === 'completed') return 'in_progress';
  return t.state;
}

/**
 * @param at the moment (default now); its day is the light's "today".
 */
export async function loadBoard(database: Database, planId: string, opts: { at?: Date; reader?: PlanReader; taskIds?: readonly number[] } = {}): Promise<Board> {
  const plan = await plansService.get(database, planId, opts.reader ?? EVERY_PLAN);
  const at = opts.at ?? new Date();
  const atIso = at.toISOString();
  const today = atIso.slice(0, 10);
  const year = Number(today.slice(0, 4));
  const { db } = database;
  // The records are read once per data version on the embedded database (any write moves it: never staler than
  // the data); the lights are computed on every call, because they depend on the day.
  const live = opts.at === undefined;
  const key = `board:${planId}:${live ? 'now' : atIso}:${today}:${opts.taskIds?.join(',') ?? '*'}`;
  const { settings, records, reports, notices, nodes, units, projects } = await byDataVersion(database, key, async () => {
    const settings = await getSettings(db, planId);
    const [records, reports, notices, nodes, units, projects] = await Promise.all([
      opts.taskIds ? taskRecords(db, { ids: opts.taskIds }).then((ts) => ts.filter((t) => t.planId === planId)) : taskRecords(db, { planId }),
      reportFacts(db, planId, at, opts.taskIds),
      noticeFacts(db, planId, at, opts.taskIds),
      nodeFacts(db, planId, opts.taskIds, { today, horizon: settings.warnDays }),
      allUnits(db),
      projectRows(db, planId, Math.min(Math.max(year, plan.period.start), plan.period.end), today.slice(0, 7)),
    ]);
    return { settings, records, reports, notices, nodes, units, projects };
  });
  const unitById = new Map<number, Unit>(units.map((u) => [u.id, u]));
  const projectByItem = new Map(projects.map((p) => [p.itemKey, p]));
  const views = records.map((t): TaskView => {
    const r = reports.get(t.id);
    const project = t.kind === 'project' && t.itemKey ? projectByItem.get(t.itemKey) : undefined;
    const rate = project?.plan && project.latest ? completionRate({ annualPlan: project.plan.annualPlan, ytdCompleted: project.latest.ytdCompleted }) : null;
    const percent = r?.percent ?? null;
    const progress =
      rate !== null && project?.latest
        ? { actual: rate, expected: project.latest.monthsElapsed / 12, basis: 'investment' as const }
        : percent !== null && t.startDate !== null && t.deadline !== null
          ? { actual: percent / 100, expected: timeProgress(t.startDate, t.deadline, today), basis: 'percent' as const }
          : null;
    const state = stateAt(t, atIso);
    const light = taskLight(
      {
        state,
        today,
        assignedOn: state === 'unassigned' ? null : (t.assignedAt?.slice(0, 10) ?? null),
        nodes: (nodes.get(t.id) ?? []).map((n) => ({ ...n, doneOn: n.doneOn !== null && n.doneOn <= today ? n.doneOn : null })),
        reportedPeriods: r?.periods ?? new Set(),
        progress,
        anyReport: r?.anyReport ?? (project?.latest !== null && project?.latest !== undefined),
      },
      settings,
    );
    const lead = t.leadUnitId === null ? undefined : unitById.get(t.leadUnitId);
    const districts = new Set(t.regions);
    if (lead?.regionCode) districts.add(lead.regionCode);
    if (project?.regionCode) districts.add(project.regionCode);
    return {
      ...t,
      state,
      light: light.light,
      reasons: light.reasons,
      missing: light.missing.map((p) => p.code),
      nextDue: light.nextDue,
      leadUnit: lead ? { id: lead.id, name: lead.name } : null,
      coUnits: t.coUnitIds.flatMap((id) => {
        const u = unitById.get(id);
        return u ? [{ id: u.id, name: u.name }] : [];
      }),
      districts: [...districts],
      percent,
      lateReports: r?.late ?? 0,
      pendingReports: r?.pending ?? 0,
      escalated: isEscalated(notices.get(t.id) ?? [], today),
    };
  });
  return { planId, asOf: today, settings, tasks: views, projects };
}

/** The tasks an actor may see. */
export const visibleTasks = (board: Board, actor: Actor | null): TaskView[] => (actor === null ? board.tasks : board.tasks.filter((t) => sees(actor, t)));

const zero = (): Record<TaskLight, number> => ({ green: 0, yellow: 0, red: 0, grey: 0 });

/** Counts by light, grouped by chapter, lead unit or district. */
export function rollup(tasks: readonly TaskView[], by: RollupKey, regionName: (code: string) => LocalizedText): Rollup[] {
  const groups = new Map<string, Rollup>();
  const add = (key: string, label: LocalizedText, light: TaskLight) => {
    const g = groups.get(key) ?? { key, label, counts: zero(), total: 0 };
    g.counts[light]++;
    g.total++;
    groups.set(key, g);
  };
  for (const t of tasks) {
    if (by === 'chapter') add(t.chapter?.number ?? '—', t.chapter ? { zh: `${t.chapter.number}、${t.chapter.title.zh}`, en: `${t.chapter.number}. ${t.chapter.title.en}` } : { zh: '未归章', en: 'No chapter' }, t.light);
    else if (by === 'unit') add(t.leadUnit ? String(t.leadUnit.id) : '—', t.leadUnit?.name ?? { zh: '未交办', en: 'Not assigned' }, t.light);
    else if (t.districts.length === 0) add('—', { zh: '全市（未分区）', en: 'City-wide' }, t.light);
    else for (const d of t.districts) add(d, regionName(d), t.light);
  }
  return [...groups.values()];
}

export function lightCounts(tasks: readonly TaskView[]): Record<TaskLight, number> {
  const c = zero();
  for (const t of tasks) c[t.light]++;
  return c;
}

export const byLight = (a: Pick<TaskView, 'light' | 'id'>, b: Pick<TaskView, 'light' | 'id'>): number => LIGHT_RANK[a.light] - LIGHT_RANK[b.light] || a.id - b.id;
