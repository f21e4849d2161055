/**
 * Completeness (报送率): the expected items of a calendar against the figures received, as of a date. An item is
 * due once its due date has come; it is received when a figure for its cell was reported (submitted, or loaded by
 * the system) on or before the as-of date, approved when one was approved; it is late when it is due and nothing
 * came by its due date. A figure loaded without a publication date carries the latest date the release calendar
 * allows (domain/observation/releaseCalendar.ts): an upper bound, so it may have come on time — such an item is
 * received, never called late. Rates count due items only: received / due and approved / due.
 */
import type { LocalizedText } from '../text';
import type { ExpectedItem } from './calendar';

/** What the database holds for one cell: when a figure first arrived, and when one was first approved. */
export interface ReceivedCell {
  indicatorCode: string;
  regionCode: string;
  periodCode: string;
  /** ISO date of the first figure reported for the cell (submitted, or published for the system's own loads). */
  receivedOn: string;
  /** ISO date of the first approval; null while none is approved. */
  approvedOn: string | null;
  /** True when a figure of the cell has only an estimated publication date (a bound: it may have come earlier). */
  estimated?: boolean;
}

export const ITEM_STATUSES = ['approved', 'received', 'overdue', 'not_due'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export interface ItemState extends ExpectedItem {
  status: ItemStatus;
  receivedOn: string | null;
  /** receivedOn is the latest date a figure without a stated publication date can have (it may have come earlier). */
  receivedEstimated: boolean;
  /** Due, and nothing received by the due date (missing, or received after it on a known date). */
  late: boolean;
}

export interface Rate {
  /** Items due by the as-of date. */
  due: number;
  received: number;
  approved: number;
  late: number;
  /** Items not due yet (not counted in the rates). */
  notDue: number;
  /** received / due; null when nothing is due. */
  rate: number | null;
  approvedRate: number | null;
}

export interface Completeness {
  asOf: string;
  overall: Rate;
  byRegion: Array<{ regionCode: string } & Rate>;
  byDepartment: Array<{ department: LocalizedText } & Rate>;
  /** Per period of the calendar, in period order: the history of reporting rates. */
  history: Array<{ periodCode: string } & Rate>;
  items: ItemState[];
}

const cellKey = (c: { indicatorCode: string; regionCode: string; periodCode: string }) => `${c.indicatorCode}\u0001${c.regionCode}\u0001${c.periodCode}`;

export function itemStates(items: readonly ExpectedItem[], received: readonly ReceivedCell[], asOf: string): ItemState[] {
  const cells = new Map(received.map((c) => [cellKey(c), c]));
  return items.map((item) => {
    const cell = cells.get(cellKey(item));
    const receivedOn = cell && cell.receivedOn <= asOf ? cell.receivedOn : null;
    const approved = cell?.approvedOn != null && cell.approvedOn <= asOf;
    const due = item.due <= asOf;
    const status: ItemStatus = approved ? 'approved' : receivedOn ? 'received' : due ? 'overdue' : 'not_due';
    const estimated = receivedOn !== null && cell?.estimated === true;
    return { ...item, status, receivedOn, receivedEstimated: estimated, late: due && (receivedOn === null || (receivedOn > item.due && !estimated)) };
  });
}

function rate(items: readonly ItemState[], asOf: string): Rate {
  let due = 0, received = 0, approved = 0, late = 0, notDue = 0;
  for (const i of items) {
    if (i.due > asOf) {
      notDue++;
      continue;
    }
    due++;
    if (i.status === 'approved' || i.status === 'received') received++;
    if (i.status === 'approved') approved++;
    if (i.late) late++;
  }
  return { due, received, approved, late, notDue, rate: due === 0 ? null : received / due, approvedRate: due === 0 ? null : approved / due };
}

function groupBy<K>(items: readonly ItemState[], key: (i: ItemState) => K): Map<K, ItemState[]> {
  const m = new Map<K, ItemState[]>();
  for (const i of items) {
    const k = key(i);
    const list = m.get(k);
    if (list) list.push(i);
    else m.set(k, [i]);
  }
  return m;
}

/**
 * @param periodOrder sorts period codes in time order (the caller has the period parser).
 */
export function completeness(items: readonly ExpectedItem[], received: readonly ReceivedCell[], asOf: string, periodOrder: (a: string, b: string) => number): Completeness {
  const states = itemStates(items, received, asOf);
  const departments = new Map(states.map((s) => [s.department.zh, s.department]));
  return {
    asOf,
    overall: rate(states, asOf),
    byRegion: [...groupBy(states, (s) => s.regionCode)].map(([regionCode, list]) => ({ regionCode, ...rate(list, asOf) })),
    byDepartment: [...groupBy(states, (s) => s.department.zh)].map(([zh, list]) => ({ department: departments.get(zh) ?? { zh, en: zh }, ...rate(list, asOf) })),
    history: [...groupBy(states, (s) => s.periodCode)].sort(([a], [b]) => periodOrder(a, b)).map(([periodCode, list]) => ({ periodCode, ...rate(list, asOf) })),
    items: states,
  };
}
