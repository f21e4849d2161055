/**
 * Regions (行政区划): a hierarchy from province to street with validity dates. A boundary change closes a region
 * (validTo) and opens its successors (predecessors), so figures recorded under an old region keep their meaning
 * and history never breaks.
 */
import type { LocalizedText } from '../text';

/** administrative: a GB/T 2260 行政区; functional: a 功能区/新区/合作区 without its own GB/T 2260 code. */
export type RegionKind = 'administrative' | 'functional';

/**
 * The tier of a region, outermost first: 省级 province (and 直辖市 as a province), 地级 city, 县级 district (区、县、
 * 县级市), 乡级 street (街道、乡镇). A functional area sits at the tier it is run at (大鹏新区: district) with
 * kind `functional`.
 */
export const REGION_LEVELS = ['province', 'city', 'district', 'street'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/** Chinese names of the tiers, for messages and the web app. */
export const REGION_LEVEL_LABELS: Record<RegionLevel, LocalizedText> = {
  province: { zh: '省级', en: 'province' },
  city: { zh: '地级市', en: 'city' },
  district: { zh: '区县', en: 'district' },
  street: { zh: '街道乡镇', en: 'street' },
};

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
