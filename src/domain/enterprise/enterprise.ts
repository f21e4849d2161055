/**
 * The enterprise registry (名录) and figures as the rest of the platform sees them. The issue-19 prosperity index
 * builds its business-survey panel on these: an enterprise is identified by its USCC for good, and who it is at a
 * date (name, region, industry, size, 规模以上) is the version in force then.
 */
import type { LocalizedText } from '../text';
import type { SizeClass } from './size';

/** One line of a search: the enterprise as its current version describes it. */
export interface EnterpriseSummary {
  uscc: string;
  /** Made by the generator (demos, tests, benchmarks): never a real enterprise. */
  synthetic: boolean;
  name: string;
  industryCode: string;
  industryName: string;
  sectionCode: string;
  regionCode: string;
  regionName: string;
  aboveDesignatedSize: boolean;
  sizeClass: SizeClass | null;
  openedOn: string | null;
  closedOn: string | null;
  /** The date the current version took effect. */
  validFrom: string;
}

/** A registry version: who the enterprise is from validFrom until the next version (newest first in `versions`). */
export interface EnterpriseVersionView {
  validFrom: string;
  recordedAt: string;
  name: string;
  regionCode: string;
  regionName: string;
  industryCode: string;
  industryName: string;
  sizeClass: SizeClass | null;
  aboveDesignatedSize: boolean;
  openedOn: string | null;
  closedOn: string | null;
  importBatchId: number | null;
}

export interface Enterprise extends EnterpriseSummary {
  versions: EnterpriseVersionView[];
  /** 曾用名: earlier names, newest first. */
  formerNames: string[];
  /** 重点企业名录 it belongs to now, and since when. */
  keyLists: Array<{ code: string; name: LocalizedText; since: string }>;
  keyListHistory: Array<{ code: string; validFrom: string; member: boolean }>;
}

/** One reported value; a revision replaces the one before (supersededAt set), which stays for the record. */
export interface EnterpriseFigure {
  itemCode: string;
  periodCode: string;
  periodStart: number;
  periodEnd: number;
  value: number;
  revision: number;
  /** The enterprise's region, industry and 规模以上 flag as they stood for this period. */
  regionCode: string;
  industryCode: string;
  aboveDesignatedSize: boolean;
  importBatchId: number;
  supersededAt: string | null;
}
