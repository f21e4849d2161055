/**
 * Reference data of the enterprise database: the GB/T 4754-2017 classification, the items, the key-enterprise lists.
 * Like the region registry they are reference data, not figures: a changed file updates them in place.
 */
import { asc, sql } from 'drizzle-orm';
import type { EnterpriseItem } from '../../domain/enterprise/items';
import type { KeyEnterpriseList } from '../../domain/enterprise/keyList';
import type { Industry, IndustryLevel } from '../../domain/industry/classification';
import type { Db } from '../client';
import { numericToNumber } from '../numeric';
import { queryRows } from '../raw';
import { enterpriseItems, industries, keyEnterpriseLists } from '../schema';

/** Writes the classification in one statement (parents come before children in the list, as the file orders them). */
export async function upsertIndustries(db: Db, list: readonly Industry[]): Promise<void> {
  await db.execute(sql`insert into ${industries} (code, level, name_zh, parent_code, section_code)
    select code, level, name_zh, parent_code, section_code from json_to_recordset(${JSON.stringify(
      list.map((i) => ({ code: i.code, level: i.level, name_zh: i.name, parent_code: i.parentCode, section_code: i.sectionCode })),
    )}::json) as x(code text, level text, name_zh text, parent_code text, section_code text)
    on conflict (code) do update set level = excluded.level, name_zh = excluded.name_zh, parent_code = excluded.parent_code, section_code = excluded.section_code`);
}

export async function listIndustries(db: Db): Promise<Industry[]> {
  const rows = await db.select().from(industries).orderBy(asc(industries.code));
  return rows.map((r) => ({ code: r.code, level: r.level as IndustryLevel, name: r.nameZh, parentCode: r.parentCode, sectionCode: r.sectionCode }));
}

export async function upsertItems(db: Db, list: readonly EnterpriseItem[]): Promise<void> {
  for (const [ordinal, it] of list.entries()) {
    const row = { code: it.code, nameZh: it.name.zh, nameEn: it.name.en, unit: it.unit, kind: it.kind, cumulativeNonDecreasing: it.cumulativeNonDecreasing, min: String(it.min), max: String(it.max), ordinal };
    await db.insert(enterpriseItems).values(row).onConflictDoUpdate({ target: enterpriseItems.code, set: row });
  }
}

/** The items in file order; aliases live in the file only, so the caller that resolves headers reads the file. */
export async function listItems(db: Db): Promise<EnterpriseItem[]> {
  const rows = await db.select().from(enterpriseItems).orderBy(asc(enterpriseItems.ordinal));
  return rows.map((r) => ({
    code: r.code,
    name: { zh: r.nameZh, en: r.nameEn },
    aliases: [],
    unit: r.unit,
    kind: r.kind as EnterpriseItem['kind'],
    cumulativeNonDecreasing: r.cumulativeNonDecreasing,
    // NOT NULL columns: a null here would be a broken row, which stays visible as NaN rather than a silent 0.
    min: numericToNumber(r.min) ?? Number.NaN,
    max: numericToNumber(r.max) ?? Number.NaN,
  }));
}

export async function upsertKeyLists(db: Db, lists: readonly KeyEnterpriseList[]): Promise<void> {
  for (const l of lists) {
    const row = { code: l.code, nameZh: l.name.zh, nameEn: l.name.en, planId: l.planId, chapter: l.chapter };
    await db.insert(keyEnterpriseLists).values(row).onConflictDoUpdate({ target: keyEnterpriseLists.code, set: row });
  }
}

export async function listKeyLists(db: Db): Promise<KeyEnterpriseList[]> {
  const rows = await db.select().from(keyEnterpriseLists).orderBy(asc(keyEnterpriseLists.code));
  return rows.map((r) => ({ code: r.code, name: { zh: r.nameZh, en: r.nameEn }, planId: r.planId, chapter: r.chapter }));
}

/** Whether the classification has been loaded (the enterprise database is usable). */
export async function industryCount(db: Db): Promise<number> {
  return (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${industries}`))[0]?.n ?? 0;
}
