/**
 * Where the business-climate survey reads the enterprise registry (issue 18): the sampling frame a panel is drawn
 * from, and who a panel member is at a wave. A member's industry, section, district, size class, name and synthetic
 * flag are the registry's, never copies (schema/prosperity.ts); the tallies and response rates in db/prosperity.ts
 * group by `panelInForce`, so both use one rule.
 *
 * The version in force on a day is the one with the latest valid_from on or before it, the later recorded of two on
 * the same day (the rule `enterprises.current_version_id` follows). A member the registry knows only from a later
 * day is taken as its first version: the best the registry says about it.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { SizeClass } from '../domain/enterprise/size';
import type { FrameMember } from '../domain/prosperity/sampling';
import type { Db } from './client';
import { numericToNumber } from './numeric';
import { queryRows } from './raw';

/** The items of enterprises/items.yaml whose figures weigh an enterprise in the weighted indices. */
const REVENUE_ITEM = 'REVENUE';
const EMPLOYEES_ITEM = 'EMPLOYEES';

/**
 * A survey's panel members with the registry version in force on `day`, as a subquery: uscc, revenue, employees,
 * joined_period, left_period, synthetic, name, industry_code, section_code, region_code, size_class.
 */
export const panelInForce = (surveyCode: string, day: string): SQL => sql`(select m.uscc, m.revenue, m.employees, m.joined_period, m.left_period, e.synthetic,
      v.name, v.industry_code, i.section_code, v.region_code, v.size_class
    from survey_panel_members m
    join enterprises e on e.uscc = m.uscc
    cross join lateral (select x.name, x.industry_code, x.region_code, x.size_class from enterprise_versions x where x.uscc = m.uscc
      order by x.valid_from <= ${day}::date desc, case when x.valid_from <= ${day}::date then x.valid_from end desc, x.valid_from, x.id desc
      limit 1) v
    join industries i on i.code = v.industry_code
    where m.survey_code = ${surveyCode})`;

export interface PanelMemberAt extends FrameMember {
  name: string;
  synthetic: boolean;
  joinedPeriod: string;
  leftPeriod: string | null;
}

type Row = {
  uscc: string; name: string; synthetic: boolean; industryCode: string; sectionCode: string; regionCode: string; sizeClass: string | null;
  revenue: string | null; employees: string | null; joinedPeriod: string; leftPeriod: string | null;
};

/** The members in a survey's panel in a wave's period, as the registry describes them on `day` (the wave's last day). */
export async function panelAt(db: Db, surveyCode: string, period: string, day: string): Promise<PanelMemberAt[]> {
  const rows = await queryRows<Row>(
    db,
    sql`select p.uscc, p.name, p.synthetic, p.industry_code as "industryCode", p.section_code as "sectionCode", p.region_code as "regionCode",
        p.size_class as "sizeClass", p.revenue::text as revenue, p.employees::text as employees, p.joined_period as "joinedPeriod", p.left_period as "leftPeriod"
      from ${panelInForce(surveyCode, day)} p
      where p.joined_period <= ${period} and (p.left_period is null or p.left_period >= ${period})
      order by p.uscc`,
  );
  return rows.map((r) => ({ ...r, sizeClass: r.sizeClass as SizeClass | null, revenue: numericToNumber(r.revenue), employees: numericToNumber(r.employees) }));
}

/** A frame member and the day its enterprise closes after the frame's day, if the registry says it does. */
export interface RegistryFrameMember extends FrameMember {
  closedOn: string | null;
}

/**
 * The sampling frame (抽样框) on a day: every enterprise open then (the version in force says so), real or synthetic
 * as asked — a synthetic demo never draws a real enterprise, a real panel never a synthetic one — with its section,
 * district and size class then, and the size measures of the weighted indices from its figures as known now: 营业收入
 * of the latest full year reported (1–12月) and 从业人员 at the latest month-end reported. Either may be null (an
 * enterprise without that figure weighs 0 in the weighted indices and counts in the others).
 */
export async function registryFrameRows(db: Db, o: { at: string; synthetic: boolean }): Promise<RegistryFrameMember[]> {
  const rows = await queryRows<{ uscc: string; industryCode: string; sectionCode: string; regionCode: string; sizeClass: string | null; revenue: string | null; employees: string | null; closedOn: string | null }>(
    db,
    sql`with v as (
        select distinct on (x.uscc) x.uscc, x.industry_code, x.region_code, x.size_class, x.opened_on, x.closed_on
        from enterprise_versions x join enterprises e on e.uscc = x.uscc
        where e.synthetic = ${o.synthetic} and x.valid_from <= ${o.at}::date
        order by x.uscc, x.valid_from desc, x.id desc),
      in_force as (select * from v where (v.opened_on is null or v.opened_on <= ${o.at}::date) and (v.closed_on is null or v.closed_on > ${o.at}::date)),
      revenue as (
        select distinct on (f.uscc) f.uscc, f.value from enterprise_figures f
        where f.item_code = ${REVENUE_ITEM} and f.superseded_at is null and f.period_start % 100 = 1 and f.period_end = f.period_start + 11
          and f.uscc in (select uscc from in_force)
        order by f.uscc, f.period_end desc),
      employees as (
        select distinct on (f.uscc) f.uscc, f.value from enterprise_figures f
        where f.item_code = ${EMPLOYEES_ITEM} and f.superseded_at is null and f.period_start = f.period_end and f.uscc in (select uscc from in_force)
        order by f.uscc, f.period_end desc),
      closing as (
        select x.uscc, min(x.closed_on) as closed_on from enterprise_versions x
        where x.closed_on > ${o.at}::date and x.uscc in (select uscc from in_force) group by x.uscc)
      select o.uscc, o.industry_code as "industryCode", i.section_code as "sectionCode", o.region_code as "regionCode", o.size_class as "sizeClass",
        r.value::text as revenue, p.value::text as employees, c.closed_on::text as "closedOn"
      from in_force o join industries i on i.code = o.industry_code
      left join revenue r on r.uscc = o.uscc left join employees p on p.uscc = o.uscc left join closing c on c.uscc = o.uscc
      order by o.uscc`,
  );
  return rows.map((r) => ({ ...r, sizeClass: r.sizeClass as SizeClass | null, revenue: numericToNumber(r.revenue), employees: numericToNumber(r.employees) }));
}

/** Of these USCCs, those the registry does not hold (in the order given). */
export async function notInRegistry(db: Db, usccs: readonly string[]): Promise<string[]> {
  if (usccs.length === 0) return [];
  const rows = await queryRows<{ uscc: string }>(
    db,
    sql`select u.value as uscc from json_array_elements_text(${JSON.stringify(usccs)}::json) with ordinality u
      where not exists (select 1 from enterprises e where e.uscc = u.value) order by u.ordinality`,
  );
  return rows.map((r) => r.uscc);
}
