/**
 * Everything a report says, gathered once: the plan, the one evaluation (as indicator rows), the forecasts, the
 * plan's key measures by chapter and its major projects by 专栏. The drafted text and every format read only this,
 * so the numbers in the text are the numbers in the table.
 */
import type { ApprovalState } from '../domain/observation/approval';
import type { AsOf } from '../domain/evaluation/asOf';
import { METHOD_IDS } from '../domain/evaluation/result';
import type { PlanSummary } from '../domain/plan/model';
import type { Language, LocalizedText } from '../domain/text';
import { assessPlan } from '../services/evaluation/assessPlan';
import type { PlanEvaluation } from '../services/evaluation/evaluatePlan';
import { EVERY_PLAN, plansService } from '../services/plans';
import type { Database } from './database';
import { reportForecasts } from './forecasts';
import type { ReportKind } from './kinds';
import { indicatorRows, statusCounts, type IndicatorRow, type StatusCounts } from './rows';
import { reportQuality, type ReportQuality } from './quality';
import { supervisionReport, type SupervisionReport } from './supervision';
import { loadProsperityBrief, type ProsperityBrief } from './prosperity';

export interface ChapterMeasures {
  /** 三, 四 … as printed. */
  number: string;
  title: LocalizedText;
  measures: Array<{ title: LocalizedText; leadDepartments: string[] }>;
}

export interface ProjectGroup {
  /** 专栏2 … */
  column: string;
  field: LocalizedText | null;
  projects: LocalizedText[];
}

export interface ReportContext {
  kind: ReportKind;
  lang: Language;
  asOf: AsOf;
  plan: PlanSummary;
  regionCode: string;
  rows: IndicatorRow[];
  counts: StatusCounts;
  /** False while no forecast service is available: every forecast cell reads 预测暂缺. */
  forecastsAvailable: boolean;
  chapters: ChapterMeasures[];
  projects: ProjectGroup[];
  /** Which figures the report rests on: approved ones (the default), or drafts and submitted ones too. */
  figures: 'approved' | 'including_drafts';
  /** The latest year any indicator has a figure for; null when there is none. */
  latestDataYear: number | null;
  /** 督促检查 records for 重点任务推进情况 and 重大项目进展 (reports/supervision.ts). */
  supervision?: SupervisionReport | null;
  /** Completeness and open data-quality violations (the annual report's 数据质量 paragraph). */
  quality?: ReportQuality | null;
  /** The 服务业景气指数 box's numbers (reports/prosperity.ts); null without a survey. */
  prosperity?: ProsperityBrief | null;
  /** The plan version judged against: the one in force on the as-of date (reports/version.ts). */
  version?: PlanEvaluation['version'] | null;
}

export interface ContextOptions {
  asOf: AsOf;
  lang: Language;
  regionCode?: string;
  /** Approval states of the figures to use (default approved only); the caller checks who may widen it. */
  states?: readonly ApprovalState[];
}

export async function reportContext(database: Database, planId: string, kind: ReportKind, opts: ContextOptions): Promise<ReportContext> {
  const plan = await plansService.get(database, planId, EVERY_PLAN);
  const regionCode = opts.regionCode ?? plan.regionCode;
  const states = opts.states ?? ['approved'];
  const [{ evaluation, forecasts }, chapterItems, measureItems, projectItems, supervision, prosperity] = await Promise.all([
    assessPlan(database, planId, { asOf: opts.asOf, methods: [...METHOD_IDS], regionCode, states }),
    plansService.items(database, planId, EVERY_PLAN, 'chapter'),
    plansService.items(database, planId, EVERY_PLAN, 'measure'),
    plansService.items(database, planId, EVERY_PLAN, 'project'),
    supervisionReport(database, plan, opts.asOf),
    kind === 'final' ? null : loadProsperityBrief(database, opts.asOf),
  ]);
  const quality = kind === 'annual' ? await reportQuality(database, planId, opts.asOf) : null;
  const rows = indicatorRows(evaluation.indicators, reportForecasts(forecasts), forecasts.lights);
  const chapters: ChapterMeasures[] = chapterItems
    .map((c) => ({
      number: c.number ?? '',
      title: c.title,
      measures: measureItems.filter((m) => m.location.chapter === c.number).map((m) => ({ title: m.title, leadDepartments: m.leadDepartments })),
    }))
    .filter((c) => c.measures.length > 0);
  const projects: ProjectGroup[] = [];
  for (const p of projectItems) {
    const column = p.location.column ?? '';
    const last = projects[projects.length - 1];
    if (last && last.column === column && last.field?.zh === p.field?.zh) last.projects.push(p.title);
    else projects.push({ column, field: p.field, projects: [p.title] });
  }
  const years = rows.flatMap((r) => (r.latest ? [r.latest.year] : []));
  return {
    kind,
    figures: evaluation.figures,
    lang: opts.lang,
    asOf: opts.asOf,
    plan,
    regionCode,
    rows,
    counts: statusCounts(rows),
    forecastsAvailable: true,
    chapters,
    projects,
    latestDataYear: years.length > 0 ? Math.max(...years) : null,
    supervision,
    quality,
    prosperity,
    version: evaluation.version,
  };
}
