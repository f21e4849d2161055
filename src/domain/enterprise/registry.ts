/**
 * The enterprise registry (名录) as dated versions, and how an incoming record changes it. A record says what some
 * cells are as of a date; the version in force then, with those cells replaced, becomes a new version dated then —
 * unless nothing changed. Nothing is overwritten: the versions before stay as they were. Key-list membership works
 * the same way (a list given in a record is the whole membership as of its date).
 */
import type { RegistryCells } from './row';
import type { SizeClass } from './size';

/** Who an enterprise is from `validFrom` on. */
export interface RegistryState {
  validFrom: string;
  name: string;
  regionCode: string;
  industryCode: string;
  sizeClass: SizeClass | null;
  aboveDesignatedSize: boolean;
  openedOn: string | null;
  closedOn: string | null;
}

/** A stored version (with its id, for ordering versions of the same date: the later id is the correction). */
export interface StoredVersion extends RegistryState {
  id: number;
}

export interface RegistryRecord {
  row: number;
  /** ISO date the record speaks for. */
  asOf: string;
  cells: RegistryCells;
}

export interface ListEntry {
  listCode: string;
  validFrom: string;
  member: boolean;
}

export interface RegistryChange {
  /** New versions, in the order to record them, each with the file row it came from. */
  versions: Array<RegistryState & { row: number }>;
  listEntries: Array<ListEntry & { row: number }>;
  problems: Array<{ row: number; field: keyof RegistryCells | null; message: string }>;
}

/** The version in force on a date: the latest valid from then or before (the later recorded on a tie); else the earliest. */
export function versionOn<T extends RegistryState>(versions: readonly T[], date: string): T | null {
  let best: T | null = null;
  for (const v of versions) if (v.validFrom <= date && (best === null || v.validFrom >= best.validFrom)) best = v;
  if (best) return best;
  let first: T | null = null;
  for (const v of versions) if (first === null || v.validFrom < first.validFrom) first = v;
  return first;
}

const ATTRS = ['name', 'regionCode', 'industryCode', 'sizeClass', 'aboveDesignatedSize', 'openedOn', 'closedOn'] as const;

/** Lists an enterprise belongs to on a date, from its entries (the latest entry per list counts). */
export function listsOn(entries: readonly ListEntry[], date: string): Set<string> {
  const latest = new Map<string, ListEntry>();
  for (const e of entries) {
    if (e.validFrom > date) continue;
    const prior = latest.get(e.listCode);
    if (!prior || e.validFrom >= prior.validFrom) latest.set(e.listCode, e);
  }
  return new Set([...latest.values()].filter((e) => e.member).map((e) => e.listCode));
}

/**
 * What a series of records of one enterprise changes, given its stored versions (ordered by id) and list entries.
 * A new enterprise's first record must give its name, industry, region and 规模以上 flag.
 *
 * @example
 * applyRecords([v2019], [], [{ row: 5, asOf: '2024-03-01', cells: { name: '新名称' } }]).versions
 * // [{ ...v2019, name: '新名称', validFrom: '2024-03-01', row: 5 }]
 */
export function applyRecords(stored: readonly StoredVersion[], storedLists: readonly ListEntry[], records: readonly RegistryRecord[]): RegistryChange {
  const change: RegistryChange = { versions: [], listEntries: [], problems: [] };
  const versions: RegistryState[] = [...stored];
  const entries: ListEntry[] = [...storedLists];
  const ordered = [...records].sort((a, b) => a.asOf.localeCompare(b.asOf) || a.row - b.row);
  for (const rec of ordered) {
    const base = versionOn(versions, rec.asOf);
    const c = rec.cells;
    let next: RegistryState | null;
    if (base) {
      next = { ...base, validFrom: rec.asOf };
      for (const a of ATTRS) if (c[a] !== undefined) (next as unknown as Record<string, unknown>)[a] = c[a];
    } else {
      const missing = (['name', 'industryCode', 'regionCode', 'aboveDesignatedSize'] as const).filter((a) => c[a] === undefined);
      if (missing.length > 0) {
        const words: Record<string, string> = { name: '单位名称', industryCode: '行业代码', regionCode: '区划代码', aboveDesignatedSize: '规模以上' };
        change.problems.push({ row: rec.row, field: missing[0] ?? null, message: `a new enterprise (not yet in the registry) needs ${missing.map((m) => words[m]).join(', ')} (新企业须填写)` });
        continue;
      }
      next = {
        validFrom: rec.asOf, name: c.name ?? '', regionCode: c.regionCode ?? '', industryCode: c.industryCode ?? '', sizeClass: c.sizeClass ?? null,
        aboveDesignatedSize: c.aboveDesignatedSize ?? false, openedOn: c.openedOn ?? null, closedOn: c.closedOn ?? null,
      };
    }
    if (next.openedOn && next.closedOn && next.closedOn < next.openedOn) {
      change.problems.push({ row: rec.row, field: 'closedOn', message: `注销日期 ${next.closedOn} would be before 成立日期 ${next.openedOn}` });
      continue;
    }
    if (!base || ATTRS.some((a) => base[a] !== next[a])) {
      versions.push(next);
      change.versions.push({ ...next, row: rec.row });
    }
    if (c.keyLists !== undefined) {
      const now = listsOn(entries, rec.asOf);
      const wanted = new Set(c.keyLists);
      for (const l of wanted) if (!now.has(l)) change.listEntries.push({ listCode: l, validFrom: rec.asOf, member: true, row: rec.row });
      for (const l of now) if (!wanted.has(l)) change.listEntries.push({ listCode: l, validFrom: rec.asOf, member: false, row: rec.row });
      entries.push(...change.listEntries.filter((e) => e.row === rec.row));
    }
  }
  return change;
}
