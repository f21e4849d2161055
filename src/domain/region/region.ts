/**
 * Regions (行政区划): the city and its districts as a hierarchy with validity dates. A boundary change closes a
 * region (validTo) and opens its successors (predecessors), so figures recorded under an old region keep their
 * meaning and history never breaks.
 */
import type { LocalizedText } from '../text';

/** administrative: a GB/T 2260 行政区; functional: a 功能区/新区/合作区 without its own GB/T 2260 code. */
export type RegionKind = 'administrative' | 'functional';
export type RegionLevel = 'city' | 'district';

export interface Region {
  code: string;
  name: LocalizedText;
  level: RegionLevel;
  kind: RegionKind;
  parentCode: string | null;
  /** ISO date (YYYY-MM-DD) from which the region exists in this form. */
  validFrom: string;
  /** ISO date of the last day it existed in this form; null while it still does. */
  validTo: string | null;
  predecessors: string[];
  note: string | null;
}

/**
 * Whether a region exists in its recorded form on a given ISO date.
 *
 * @example
 * isValidOn({ validFrom: '2017-01-07', validTo: null }, '2016-12-31') // false
 */
export function isValidOn(region: Pick<Region, 'validFrom' | 'validTo'>, isoDate: string): boolean {
  return region.validFrom <= isoDate && (region.validTo === null || isoDate <= region.validTo);
}

/** The regions valid on a date whose parent is `parentCode`, in the given order. */
export function childrenOn(regions: readonly Region[], parentCode: string, isoDate: string): Region[] {
  return regions.filter((r) => r.parentCode === parentCode && isValidOn(r, isoDate));
}
