/**
 * Writing the registry: new enterprises, new dated versions and key-list entries (append-only), and each
 * enterprise's pointer to the version in force now. Rows go in with COPY (an import may register 100,000
 * enterprises at once); the same text on both drivers.
 */
import { sql } from 'drizzle-orm';
import type { ListEntry, RegistryState, StoredVersion } from '../../domain/enterprise/registry';
import type { SizeClass } from '../../domain/enterprise/size';
import type { DatabaseTarget, Db } from '../client';
import { copyInto, copyLine } from '../copy';
import { queryRows } from '../raw';

export interface StoredRegistry {
  synthetic: boolean;
  versions: StoredVersion[];
  lists: ListEntry[];
}

const usccList = (usccs: Iterable<string>) => JSON.stringify([...usccs]);

/** The stored versions (ordered by id) and key-list entries of the given enterprises; absent ones are not in the map. */
export async function storedRegistry(db: Db, usccs: Iterable<string>): Promise<Map<string, StoredRegistry>> {
  const list = usccList(usccs);
  const out = new Map<string, StoredRegistry>();
  const ents = await queryRows<{ uscc: string; synthetic: boolean }>(
    db,
    sql`select uscc, synthetic from enterprises where uscc in (select value from json_array_elements_text(${list}::json))`,
  );
  for (const e of ents) out.set(e.uscc, { synthetic: e.synthetic, versions: [], lists: [] });
  const versions = await queryRows<{
    id: number; uscc: string; validFrom: string; name: string; regionCode: string; industryCode: string; sizeClass: string | null;
    aboveDesignatedSize: boolean; openedOn: string | null; closedOn: string | null;
  }>(
    db,
    sql`select id, uscc, valid_from::text as "validFrom", name, region_code as "regionCode", industry_code as "industryCode", size_class as "sizeClass",
        above_designated_size as "aboveDesignatedSize", opened_on::text as "openedOn", closed_on::text as "closedOn"
      from enterprise_versions where uscc in (select value from json_array_elements_text(${list}::json)) order by uscc, id`,
  );
  for (const v of versions) out.get(v.uscc)?.versions.push({ ...v, sizeClass: v.sizeClass as SizeClass | null });
  const lists = await queryRows<{ uscc: string; listCode: string; validFrom: string; member: boolean }>(
    db,
    sql`select uscc, list_code as "listCode", valid_from::text as "validFrom", member from key_enterprise_list_entries
      where uscc in (select value from json_array_elements_text(${list}::json)) order by id`,
  );
  for (const l of lists) out.get(l.uscc)?.lists.push({ listCode: l.listCode, validFrom: l.validFrom, member: l.member });
  return out;
}

export interface RegistryWrite {
  enterprises: Array<{ uscc: string; synthetic: boolean }>;
  versions: Array<RegistryState & { uscc: string }>;
  listEntries: Array<ListEntry & { uscc: string }>;
}

/** Records new enterprises, versions and list entries, then points every touched enterprise at its version in force. */
export async function writeRegistry(db: Db, driver: DatabaseTarget['driver'], w: RegistryWrite, batchId: number): Promise<void> {
  await copyInto(db, driver, 'enterprises', ['uscc', 'synthetic'], w.enterprises.map((e) => copyLine([e.uscc, e.synthetic])).join(''));
  await copyInto(
    db,
    driver,
    'enterprise_versions',
    ['uscc', 'valid_from', 'name', 'region_code', 'industry_code', 'size_class', 'above_designated_size', 'opened_on', 'closed_on', 'import_batch_id'],
    w.versions.map((v) => copyLine([v.uscc, v.validFrom, v.name, v.regionCode, v.industryCode, v.sizeClass, v.aboveDesignatedSize, v.openedOn, v.closedOn, batchId])).join(''),
  );
  await copyInto(
    db,
    driver,
    'key_enterprise_list_entries',
    ['list_code', 'uscc', 'valid_from', 'member', 'import_batch_id'],
    w.listEntries.map((e) => copyLine([e.listCode, e.uscc, e.validFrom, e.member, batchId])).join(''),
  );
  const touched = new Set(w.versions.map((v) => v.uscc));
  if (touched.size === 0) return;
  // A large registry load changes the tables' sizes by orders of magnitude: the planner needs to know at once.
  if (w.versions.length >= 1000) await db.execute(sql`analyze enterprises, enterprise_versions`);
  await db.execute(sql`update enterprises e set current_version_id = c.id
    from (select distinct on (uscc) uscc, id from enterprise_versions
          where uscc in (select value from json_array_elements_text(${usccList(touched)}::json)) and valid_from <= current_date
          order by uscc, valid_from desc, id desc) c
    where e.uscc = c.uscc and e.current_version_id is distinct from c.id`);
  // An enterprise whose every version lies in the future (registered with a later date) points at its first one.
  await db.execute(sql`update enterprises e set current_version_id = c.id
    from (select distinct on (uscc) uscc, id from enterprise_versions
          where uscc in (select value from json_array_elements_text(${usccList(touched)}::json)) order by uscc, valid_from, id) c
    where e.uscc = c.uscc and e.current_version_id is null`);
}
