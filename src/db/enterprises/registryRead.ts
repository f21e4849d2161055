/**
 * Reading the registry and an enterprise's figures: search (paged by USCC, keyset cursor), one enterprise with its
 * dated versions and key lists, and its figures with every revision.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Enterprise, EnterpriseFigure, EnterpriseSummary } from '../../domain/enterprise/enterprise';
import type { SizeClass } from '../../domain/enterprise/size';
import type { Db } from '../client';
import { numericToNumber } from '../numeric';
import { queryRows } from '../raw';

export async function hasRealEnterprises(db: Db): Promise<boolean> {
  const rows = await queryRows<{ any: boolean }>(db, sql`select exists (select 1 from enterprises where not synthetic) as any`);
  return rows[0]?.any ?? false;
}

export interface EnterpriseSearch {
  /** A USCC (or its beginning) or part of a name, current or former. */
  q?: string | undefined;
  /** A GB/T 4754 code at any level: a section letter, or a 2–4 digit code the enterprise's class starts with. */
  industry?: string | undefined;
  /** A region and everything under it. */
  region?: string | undefined;
  keyList?: string | undefined;
  /** Only enterprises after this USCC (the previous page's last). */
  after?: string | undefined;
  limit: number;
}

/** The regions under a region (itself included), down the registry's parent links. */
export const regionAndBelow = (code: string): SQL =>
  sql`(with recursive below(code) as (select ${code}::text union select r.code from regions r join below b on r.parent_code = b.code) select code from below)`;

type SummaryRow = {
  uscc: string; synthetic: boolean; name: string; industryCode: string; industryName: string; sectionCode: string; regionCode: string; regionName: string;
  aboveDesignatedSize: boolean; sizeClass: string | null; openedOn: string | null; closedOn: string | null; validFrom: string;
};

const summarySelect = sql`select e.uscc, e.synthetic, v.name, v.industry_code as "industryCode", i.name_zh as "industryName", i.section_code as "sectionCode",
    v.region_code as "regionCode", r.name_zh as "regionName", v.above_designated_size as "aboveDesignatedSize", v.size_class as "sizeClass",
    v.opened_on::text as "openedOn", v.closed_on::text as "closedOn", v.valid_from::text as "validFrom"
  from enterprises e join enterprise_versions v on v.id = e.current_version_id
  join industries i on i.code = v.industry_code join regions r on r.code = v.region_code`;

const toSummary = (r: SummaryRow): EnterpriseSummary => ({ ...r, sizeClass: r.sizeClass as SizeClass | null });

export async function searchEnterprises(db: Db, s: EnterpriseSearch): Promise<EnterpriseSummary[]> {
  const where: SQL[] = [sql`true`];
  const q = s.q?.trim();
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`(e.uscc like ${`${q.toUpperCase().replace(/[\\%_]/g, '')}%`} or exists (select 1 from enterprise_versions n where n.uscc = e.uscc and n.name ilike ${like}))`);
  }
  if (s.industry) where.push(/^[A-T]$/.test(s.industry) ? sql`i.section_code = ${s.industry}` : sql`v.industry_code like ${`${s.industry.replace(/\D/g, '')}%`}`);
  if (s.region) where.push(sql`v.region_code in ${regionAndBelow(s.region)}`);
  if (s.keyList) where.push(sql`e.uscc in (select uscc from (select distinct on (uscc) uscc, member from key_enterprise_list_entries where list_code = ${s.keyList} and valid_from <= current_date order by uscc, valid_from desc, id desc) m where m.member)`);
  if (s.after) where.push(sql`e.uscc > ${s.after}`);
  const rows = await queryRows<SummaryRow>(db, sql`${summarySelect} where ${sql.join(where, sql` and `)} order by e.uscc limit ${s.limit}`);
  return rows.map(toSummary);
}

export async function getEnterprise(db: Db, uscc: string): Promise<Enterprise | null> {
  const [summary] = await queryRows<SummaryRow>(db, sql`${summarySelect} where e.uscc = ${uscc}`);
  if (!summary) return null;
  const versions = await queryRows<{
    validFrom: string; recordedAt: string; name: string; regionCode: string; regionName: string; industryCode: string; industryName: string; sizeClass: string | null;
    aboveDesignatedSize: boolean; openedOn: string | null; closedOn: string | null; importBatchId: number | null;
  }>(
    db,
    sql`select v.valid_from::text as "validFrom", v.recorded_at as "recordedAt", v.name, v.region_code as "regionCode", r.name_zh as "regionName",
        v.industry_code as "industryCode", i.name_zh as "industryName", v.size_class as "sizeClass", v.above_designated_size as "aboveDesignatedSize",
        v.opened_on::text as "openedOn", v.closed_on::text as "closedOn", v.import_batch_id as "importBatchId"
      from enterprise_versions v join regions r on r.code = v.region_code join industries i on i.code = v.industry_code
      where v.uscc = ${uscc} order by v.valid_from desc, v.id desc`,
  );
  const lists = await queryRows<{ code: string; nameZh: string; nameEn: string; validFrom: string; member: boolean }>(
    db,
    sql`select l.code, l.name_zh as "nameZh", l.name_en as "nameEn", x.valid_from::text as "validFrom", x.member
      from key_enterprise_list_entries x join key_enterprise_lists l on l.code = x.list_code where x.uscc = ${uscc} order by x.valid_from, x.id`,
  );
  const current = new Map<string, { code: string; name: { zh: string; en: string }; since: string }>();
  for (const l of lists) {
    if (l.validFrom > new Date().toISOString().slice(0, 10)) continue;
    if (l.member) current.set(l.code, { code: l.code, name: { zh: l.nameZh, en: l.nameEn }, since: l.validFrom });
    else current.delete(l.code);
  }
  return {
    ...toSummary(summary),
    versions: versions.map((v) => ({ ...v, recordedAt: new Date(v.recordedAt).toISOString(), sizeClass: v.sizeClass as SizeClass | null })),
    formerNames: [...new Set(versions.map((v) => v.name))].filter((n) => n !== summary.name),
    keyLists: [...current.values()],
    keyListHistory: lists.map((l) => ({ code: l.code, validFrom: l.validFrom, member: l.member })),
  };
}

/** An enterprise's figures, every revision (the current one has supersededAt null), by item and period. */
export async function enterpriseFigures(db: Db, uscc: string): Promise<EnterpriseFigure[]> {
  const rows = await queryRows<{
    itemCode: string; periodCode: string; periodStart: number; periodEnd: number; value: string; revision: number; regionCode: string; industryCode: string;
    aboveDesignatedSize: boolean; importBatchId: number; supersededAt: string | null;
  }>(
    db,
    sql`select item_code as "itemCode", period_code as "periodCode", period_start as "periodStart", period_end as "periodEnd", value::text as value, revision,
        region_code as "regionCode", industry_code as "industryCode", above_designated_size as "aboveDesignatedSize", import_batch_id as "importBatchId",
        superseded_at as "supersededAt"
      from enterprise_figures where uscc = ${uscc} order by item_code, period_end, period_start, revision`,
  );
  return rows.map((r) => ({ ...r, value: numericToNumber(r.value) ?? Number.NaN, supersededAt: r.supersededAt === null ? null : new Date(r.supersededAt).toISOString() }));
}
