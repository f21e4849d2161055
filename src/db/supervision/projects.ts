/** Queries on major projects: identity, plan versions (baseline and re-plans), dispatch records, import batches. */
import { sql } from 'drizzle-orm';
import type { ProjectRow } from '../../domain/supervision/model';
import type { ProjectPhase } from '../../domain/supervision/terms';
import type { Db } from '../client';
import { numberToNumeric, numericToNumber } from '../numeric';
import { queryRows } from '../raw';
import { projectImports } from '../schema';

interface Row extends Record<string, unknown> {
  id: number | null;
  plan_id: string;
  item_key: string;
  task_id: number | null;
  title_zh: string;
  title_en: string;
  field_zh: string | null;
  field_en: string | null;
  column_no: string | null;
  code: string | null;
  region_code: string | null;
  owner_unit_id: number | null;
  plan: { version: number; total: string | null; annual: string | null; start: string | null; completion: string | null; baseline: string | null } | null;
  latest: { month: string; months: number; revision: number; ytd: string; since: string | null; phase: string | null; start: string | null; completion: string | null; image: string | null; problems: string | null; warnings: string[] } | null;
  series: Array<{ month: string; ytd: string }> | null;
}

const num = (v: string | number | null | undefined): number | null => (v === null || v === undefined ? null : numericToNumber(String(v)));

/**
 * Every project item of a plan with its project record for a year: the current plan version (and the baseline's
 * annual plan), the latest record up to `untilMonth` (YYYY-MM) and the month-by-month 本年累计完成投资.
 */
export async function projectRows(db: Db, planId: string, year: number, untilMonth: string): Promise<ProjectRow[]> {
  const rows = await queryRows<Row>(
    db,
    sql`with latest_rev as (
          select distinct on (g.project_id, g.month) g.* from project_progress g join projects p on p.id = g.project_id
          where p.plan_id = ${planId} and g.year = ${year} and g.month <= ${untilMonth}
          order by g.project_id, g.month, g.revision desc)
        select p.id, i.plan_id, i.key as item_key, t.id as task_id, i.title_zh, i.title_en, i.field_zh, i.field_en, i.location->>'column' as column_no,
          p.code, p.region_code, p.owner_unit_id,
          (select json_build_object('version', v.version, 'total', v.total_investment::text, 'annual', v.annual_plan::text, 'start', v.planned_start::text,
                    'completion', v.planned_completion::text,
                    'baseline', (select b.annual_plan::text from project_plans b where b.project_id = p.id and b.year = ${year} and b.version = 1))
             from project_plans v where v.project_id = p.id and v.year = ${year} order by v.version desc limit 1) as plan,
          (select json_build_object('month', l.month, 'months', l.months_elapsed, 'revision', l.revision, 'ytd', l.ytd_completed::text, 'since', l.since_start_completed::text,
                    'phase', l.phase, 'start', l.actual_start::text, 'completion', l.actual_completion::text, 'image', l.image_progress, 'problems', l.problems, 'warnings', l.warnings)
             from latest_rev l where l.project_id = p.id order by l.month desc limit 1) as latest,
          (select json_agg(json_build_object('month', l.month, 'ytd', l.ytd_completed::text) order by l.month) from latest_rev l where l.project_id = p.id) as series
        from plan_items i
        left join projects p on p.plan_id = i.plan_id and p.item_key = i.key
        left join tasks t on t.plan_id = i.plan_id and t.item_key = i.key
        where i.plan_id = ${planId} and i.kind = 'project'
        order by i.ordinal`,
  );
  return rows.map((r) => ({
    id: r.id ?? 0,
    planId: r.plan_id,
    itemKey: r.item_key,
    taskId: r.task_id,
    name: { zh: r.title_zh, en: r.title_en },
    field: r.field_zh !== null && r.field_en !== null ? { zh: r.field_zh, en: r.field_en } : null,
    column: r.column_no,
    code: r.code,
    regionCode: r.region_code,
    ownerUnitId: r.owner_unit_id,
    year,
    plan: r.plan
      ? { version: r.plan.version, baselineAnnualPlan: num(r.plan.baseline), totalInvestment: num(r.plan.total), annualPlan: num(r.plan.annual), plannedStart: r.plan.start, plannedCompletion: r.plan.completion }
      : null,
    latest: r.latest
      ? {
          month: r.latest.month, monthsElapsed: r.latest.months, revision: r.latest.revision, ytdCompleted: num(r.latest.ytd) ?? 0, sinceStartCompleted: num(r.latest.since),
          phase: r.latest.phase as ProjectPhase | null, actualStart: r.latest.start, actualCompletion: r.latest.completion, imageProgress: r.latest.image, problems: r.latest.problems, warnings: r.latest.warnings,
        }
      : null,
    months: (r.series ?? []).map((s) => ({ month: s.month, ytdCompleted: num(s.ytd) ?? 0 })),
  }));
}

/** What an import compares against: each project's identity, current plan per year, and latest record per month. */
export interface StoredProject {
  id: number;
  code: string | null;
  regionCode: string | null;
  ownerUnitId: number | null;
  /** year → the current plan version and its fingerprint. */
  plans: Map<number, { version: number; fingerprint: string }>;
  /** month → the latest revision and its fingerprint. */
  months: Map<string, { revision: number; fingerprint: string }>;
}

export async function storedProjects(db: Db, planId: string): Promise<Map<string, StoredProject>> {
  const rows = await queryRows<{ id: number; item_key: string; code: string | null; region_code: string | null; owner_unit_id: number | null; plans: Array<{ y: number; v: number; f: string }> | null; months: Array<{ m: string; r: number; f: string }> | null }>(
    db,
    sql`select p.id, p.item_key, p.code, p.region_code, p.owner_unit_id,
          (select json_agg(json_build_object('y', v.year, 'v', v.version,
                  'f', concat_ws('|', coalesce(v.total_investment::text, ''), coalesce(v.annual_plan::text, ''), coalesce(v.planned_start::text, ''), coalesce(v.planned_completion::text, ''))))
             from project_plans v where v.project_id = p.id and v.version = (select max(x.version) from project_plans x where x.project_id = p.id and x.year = v.year)) as plans,
          (select json_agg(json_build_object('m', g.month, 'r', g.revision, 'f', g.fingerprint))
             from project_progress g where g.project_id = p.id and g.revision = (select max(x.revision) from project_progress x where x.project_id = p.id and x.month = g.month)) as months
        from projects p where p.plan_id = ${planId}`,
  );
  return new Map(
    rows.map((r) => [
      r.item_key,
      {
        id: r.id, code: r.code, regionCode: r.region_code, ownerUnitId: r.owner_unit_id,
        plans: new Map((r.plans ?? []).map((p) => [p.y, { version: p.v, fingerprint: p.f }])),
        months: new Map((r.months ?? []).map((m) => [m.m, { revision: m.r, fingerprint: m.f }])),
      },
    ]),
  );
}

/** The fingerprint of a plan version as stored (NUMERIC and dates as PostgreSQL prints them). */
export const planFingerprint = (p: { totalInvestment: number | null; annualPlan: number | null; plannedStart: string | null; plannedCompletion: string | null }): string =>
  [p.totalInvestment, p.annualPlan, p.plannedStart, p.plannedCompletion].map((x) => (x === null ? '' : String(x))).join('|');

/**
 * Adds projects or updates their identity (a code or district once given is kept unless a new one is given); → id by
 * item key. Rows travel as one JSON parameter per statement: building thousands of VALUES tuples in the ORM costs
 * more than the database's work (bench/project-import.mts).
 */
export async function upsertProjects(db: Db, list: ReadonlyArray<{ planId: string; itemKey: string; code: string | null; regionCode: string | null; ownerUnitId: number }>): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let i = 0; i < list.length; i += 5000) {
    const rows = await queryRows<{ id: number; item_key: string }>(
      db,
      sql`insert into projects (plan_id, item_key, code, region_code, owner_unit_id)
          select x."planId", x."itemKey", x.code, x."regionCode", x."ownerUnitId"
          from json_to_recordset(${JSON.stringify(list.slice(i, i + 5000))}::json) as x("planId" text, "itemKey" text, code text, "regionCode" text, "ownerUnitId" int)
          on conflict (plan_id, item_key) do update set code = coalesce(excluded.code, projects.code), region_code = coalesce(excluded.region_code, projects.region_code), owner_unit_id = excluded.owner_unit_id
          returning id, item_key`,
    );
    for (const r of rows) out.set(r.item_key, r.id);
  }
  return out;
}

export async function insertProjectImport(db: Db, b: { planId: string; unitId: number; fileName: string; fileHash: string; format: string; rows: number; counts: unknown; createdBy: number | null }): Promise<number> {
  const rows = await db.insert(projectImports).values(b).returning({ id: projectImports.id });
  const id = rows[0]?.id;
  if (id === undefined) throw new Error('import batch was not stored');
  return id;
}

export type NewPlanVersion = { projectId: number; year: number; version: number; totalInvestment: number | null; annualPlan: number | null; plannedStart: string | null; plannedCompletion: string | null; importId: number };
export type NewProgress = {
  projectId: number; month: string; year: number; monthsElapsed: number; revision: number; ytdCompleted: number; sinceStartCompleted: number | null; phase: ProjectPhase | null;
  actualStart: string | null; actualCompletion: string | null; imageProgress: string | null; problems: string | null; warnings: string[]; importId: number; fingerprint: string;
};

/** Plan versions, 5,000 rows per statement as one JSON parameter (NUMERIC travels as text: no binary rounding). */
export async function insertPlanVersions(db: Db, list: readonly NewPlanVersion[]): Promise<void> {
  for (let i = 0; i < list.length; i += 5000) {
    const rows = list.slice(i, i + 5000).map((p) => ({ ...p, totalInvestment: numberToNumeric(p.totalInvestment), annualPlan: numberToNumeric(p.annualPlan) }));
    await db.execute(sql`
      insert into project_plans (project_id, year, version, total_investment, annual_plan, planned_start, planned_completion, import_id)
      select x."projectId", x.year, x.version, x."totalInvestment"::numeric, x."annualPlan"::numeric, x."plannedStart"::date, x."plannedCompletion"::date, x."importId"
      from json_to_recordset(${JSON.stringify(rows)}::json) as x("projectId" int, year int, version int, "totalInvestment" text, "annualPlan" text, "plannedStart" text, "plannedCompletion" text, "importId" int)`);
  }
}

export async function insertProgress(db: Db, list: readonly NewProgress[]): Promise<void> {
  for (let i = 0; i < list.length; i += 5000) {
    const rows = list.slice(i, i + 5000).map((p) => ({ ...p, ytdCompleted: String(p.ytdCompleted), sinceStartCompleted: numberToNumeric(p.sinceStartCompleted) }));
    await db.execute(sql`
      insert into project_progress (project_id, month, year, months_elapsed, revision, ytd_completed, since_start_completed, phase, actual_start, actual_completion, image_progress, problems, warnings, import_id, fingerprint)
      select x."projectId", x.month, x.year, x."monthsElapsed", x.revision, x."ytdCompleted"::numeric, x."sinceStartCompleted"::numeric, x.phase, x."actualStart"::date, x."actualCompletion"::date,
        x."imageProgress", x.problems, x.warnings, x."importId", x.fingerprint
      from json_to_recordset(${JSON.stringify(rows)}::json) as x("projectId" int, month text, year int, "monthsElapsed" int, revision int, "ytdCompleted" text, "sinceStartCompleted" text, phase text,
        "actualStart" text, "actualCompletion" text, "imageProgress" text, problems text, warnings jsonb, "importId" int, fingerprint text)`);
  }
}

/** One import at a time per plan: two files of the same projects must not both decide "new revision 2". */
export async function lockProjectImports(db: Db, planId: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`project-import:${planId}`}))`);
}
