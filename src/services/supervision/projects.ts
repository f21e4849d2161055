/** The project table of a plan for a year: identity, plan, latest record and the derived figures. */
import type { Database } from '../../db/client';
import { projectRows } from '../../db/supervision/projects';
import { lastDayOfMonth } from '../../domain/supervision/dates';
import type { ProjectRow } from '../../domain/supervision/model';
import { completionRate, gapToTimeProgress, portfolio, type Portfolio } from '../../domain/supervision/projectMetrics';
import { BadRequestError } from '../errors';
import { plansService, type PlanReader } from '../plans';
import type { Actor } from './actor';

export interface ProjectView extends ProjectRow {
  completionRate: number | null;
  gap: number | null;
  /** The plan was changed after its baseline (计划调整). */
  replanned: boolean;
}

export interface ProjectTable {
  planId: string;
  year: number;
  asOf: string;
  projects: ProjectView[];
  summary: Portfolio;
}

/** The table as of a year (to its end, or today in the current year). A reporter sees its units' projects. */
export async function projectTable(database: Database, planId: string, opts: { year?: number | undefined; reader: PlanReader; actor: Actor | null; now?: Date }): Promise<ProjectTable> {
  const plan = await plansService.get(database, planId, opts.reader);
  const today = (opts.now ?? new Date()).toISOString().slice(0, 10);
  const thisYear = Number(today.slice(0, 4));
  const year = opts.year ?? Math.min(Math.max(thisYear, plan.period.start), plan.period.end);
  if (year < plan.period.start || year > plan.period.end) throw new BadRequestError(`year: ${year} is outside the plan period ${plan.period.start}–${plan.period.end}`);
  const asOf = year < thisYear ? `${year}-12-31` : year === thisYear ? today : `${year}-12-31`;
  const rows = await projectRows(database.db, planId, year, asOf.slice(0, 7));
  const actor = opts.actor;
  const visible = actor === null || actor.seesAll ? rows : rows.filter((p) => p.ownerUnitId !== null && actor.units.includes(p.ownerUnitId));
  const projects = visible.map((p) => {
    const args = { annualPlan: p.plan?.annualPlan ?? null, ytdCompleted: p.latest?.ytdCompleted ?? null, monthsElapsed: p.latest?.monthsElapsed ?? null };
    return { ...p, completionRate: completionRate(args), gap: gapToTimeProgress(args), replanned: (p.plan?.version ?? 1) > 1 };
  });
  const summary = portfolio(
    projects.map((p) => ({
      ...{ annualPlan: p.plan?.annualPlan ?? null, ytdCompleted: p.latest?.ytdCompleted ?? null, monthsElapsed: p.latest?.monthsElapsed ?? null },
      plannedStart: p.plan?.plannedStart ?? null, actualStart: p.latest?.actualStart ?? null, plannedCompletion: p.plan?.plannedCompletion ?? null, actualCompletion: p.latest?.actualCompletion ?? null,
    })),
    year,
    asOf > lastDayOfMonth(year, 12) ? lastDayOfMonth(year, 12) : asOf,
  );
  return { planId, year, asOf, projects, summary };
}
