/**
 * The light of a task (三色预警 plus 灰), by one documented rule (docs/SUPERVISION.md):
 *
 * - 已办结 (completed) → 绿, whatever came before;
 * - 待交办 (not assigned yet) → 灰;
 * - 红 when a time node is overdue (its day has passed and it is not done), or the report of a period is missing
 *   after its due day (a returned report does not count as reported);
 * - 黄 when a node not done is due within `warnDays` days, or progress is behind its 序时进度 by more than the
 *   tolerance (for a project: 年度投资完成率 against months elapsed / 12; otherwise the reported percentage against
 *   the share of the task's time that has passed);
 * - 灰 when the task is assigned but no progress has been reported yet and nothing above applies (not started);
 * - 绿 otherwise (on schedule).
 *
 * Every light comes with its reasons, in words, so a board, a notice and a report can say why.
 */
import type { LocalizedText } from '../text';
import { daysBetween } from './dates';
import { periodContaining, periodsEnding, type ReportingPeriod } from './reportingPeriods';
import type { Cycle, TaskLight, TaskState } from './terms';

export interface LightRules {
  cycle: Cycle;
  /** A period's report is due this many days after the period ends. */
  dueDays: number;
  /** 黄 when a node is due within this many days. */
  warnDays: number;
  /** 黄 when progress lags 序时进度 by more than this share (0.05 = 5 percentage points). */
  behindTolerance: number;
}

export const DEFAULT_RULES: LightRules = { cycle: 'quarterly', dueDays: 10, warnDays: 15, behindTolerance: 0.05 };

export interface LightInput {
  state: TaskState;
  /** The day the light is for (today, or a report's as-of day). */
  today: string;
  /** 交办 day: reports are owed for the periods ending from then on. Null while not assigned. */
  assignedOn: string | null;
  nodes: ReadonlyArray<{ title: string; due: string; doneOn: string | null }>;
  /** Periods with a report in hand (submitted or approved) by `today`. */
  reportedPeriods: ReadonlySet<string>;
  /** Progress against 序时进度, both as shares (0.45 = 45%); null where no percentage is meaningful. */
  progress: { actual: number; expected: number; basis: 'percent' | 'investment' } | null;
  /** True once any report was made (a task with none is not started). */
  anyReport: boolean;
}

export interface LightReason {
  code: 'completed' | 'not_assigned' | 'node_overdue' | 'report_missing' | 'node_due_soon' | 'behind_schedule' | 'not_started' | 'on_schedule';
  text: LocalizedText;
}

export interface TaskLightResult {
  light: TaskLight;
  reasons: LightReason[];
  /** Periods whose report is missing after its due day (late). */
  missing: ReportingPeriod[];
  /** The next period whose report is owed (not yet due, not yet reported), if any. */
  nextDue: ReportingPeriod | null;
}

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

/**
 * @example
 * taskLight({ state: 'in_progress', today: '2024-05-01', assignedOn: '2024-01-05', nodes: [{ title: '出台方案', due: '2024-04-30', doneOn: null }],
 *   reportedPeriods: new Set(['2024Q1']), progress: null, anyReport: true }, DEFAULT_RULES).light // 'red' (node overdue by 1 day)
 */
export function taskLight(input: LightInput, rules: LightRules): TaskLightResult {
  const { today } = input;
  if (input.state === 'completed') return { light: 'green', reasons: [{ code: 'completed', text: { zh: '已办结', en: 'completed' } }], missing: [], nextDue: null };
  if (input.state === 'unassigned' || input.assignedOn === null) {
    return { light: 'grey', reasons: [{ code: 'not_assigned', text: { zh: '尚未交办', en: 'not assigned yet' } }], missing: [], nextDue: null };
  }
  const red: LightReason[] = [];
  const yellow: LightReason[] = [];
  for (const n of input.nodes) {
    if (n.doneOn !== null && n.doneOn <= today) continue;
    const late = daysBetween(n.due, today);
    if (late > 0) red.push({ code: 'node_overdue', text: { zh: `时间节点“${n.title}”已逾期${late}天（应于${n.due}完成）`, en: `node "${n.title}" is ${late} days overdue (due ${n.due})` } });
    else if (-late <= rules.warnDays) yellow.push({ code: 'node_due_soon', text: { zh: `时间节点“${n.title}”将于${n.due}到期（剩${-late}天）`, en: `node "${n.title}" is due on ${n.due} (${-late} days left)` } });
  }
  // Reports are owed for every period that ends from the day the task was assigned, the current one included.
  const owed = owedPeriods(rules, input.assignedOn, today);
  // ISO days compare as strings.
  const missing = owed.filter((p) => !input.reportedPeriods.has(p.code) && p.due < today);
  for (const p of missing) red.push({ code: 'report_missing', text: { zh: `${p.code}进度逾期未报送（应于${p.due}前报送）`, en: `progress for ${p.code} not reported (due ${p.due})` } });
  const nextDue = owed.find((p) => !input.reportedPeriods.has(p.code) && p.due >= today) ?? null;
  const pr = input.progress;
  if (pr && pr.actual < pr.expected - rules.behindTolerance) {
    const what = pr.basis === 'investment' ? { zh: '年度投资完成率', en: 'annual investment completion' } : { zh: '进度', en: 'progress' };
    yellow.push({ code: 'behind_schedule', text: { zh: `${what.zh}${pct(pr.actual)}，落后序时进度（${pct(pr.expected)}）`, en: `${what.en} ${pct(pr.actual)} is behind time progress (${pct(pr.expected)})` } });
  }
  if (red.length > 0) return { light: 'red', reasons: [...red, ...yellow], missing, nextDue };
  if (yellow.length > 0) return { light: 'yellow', reasons: yellow, missing, nextDue };
  if (!input.anyReport) return { light: 'grey', reasons: [{ code: 'not_started', text: { zh: '已交办，尚未报送进展', en: 'assigned, no progress reported yet' } }], missing, nextDue };
  return { light: 'green', reasons: [{ code: 'on_schedule', text: { zh: '按计划推进', en: 'on schedule' } }], missing, nextDue };
}

/**
 * The periods owed from an assignment day to the end of today's period. Many tasks share an assignment day and a
 * board computes thousands of lights at once, so the lists are remembered (a bounded cache: pure in, pure out).
 */
const owedCache = new Map<string, ReportingPeriod[]>();
function owedPeriods(rules: LightRules, from: string, today: string): ReportingPeriod[] {
  const key = `${rules.cycle}|${rules.dueDays}|${from}|${today}`;
  let list = owedCache.get(key);
  if (!list) {
    if (owedCache.size > 2000) owedCache.clear();
    list = periodsEnding(rules.cycle, from, periodContaining(rules.cycle, today, rules.dueDays).end, rules.dueDays);
    owedCache.set(key, list);
  }
  return list;
}

/**
 * 序时进度 of a task: the share of its time from start to deadline that has passed by `today`, within [0, 1].
 *
 * @example
 * timeProgress('2021-01-01', '2025-12-31', '2023-07-02') // ≈ 0.5
 */
export function timeProgress(start: string, deadline: string, today: string): number {
  const span = daysBetween(start, deadline);
  if (span <= 0) return 1;
  return Math.min(1, Math.max(0, daysBetween(start, today) / span));
}

/** Order for lists: red first, then yellow, grey, green. */
export const LIGHT_RANK: Record<TaskLight, number> = { red: 0, yellow: 1, grey: 2, green: 3 };
