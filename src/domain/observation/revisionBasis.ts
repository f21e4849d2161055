/**
 * Revision bases (数据口径): China's national economic censuses revise GDP and sector levels backwards, so a level
 * published before a census revision and one published after it are not comparable, and must never be divided
 * one by the other. The dates are when revised levels began to be published (approximately: the month after the
 * census communiqués); a figure published on or after a date stands on that census's basis.
 */
import type { LocalizedText } from '../text';

export const CENSUS_REVISIONS: ReadonlyArray<{ from: string; id: string; label: LocalizedText }> = [
  { from: '2014-12-01', id: 'census3', label: { zh: '第三次经济普查后口径', en: 'post-3rd-census basis' } },
  { from: '2019-12-01', id: 'census4', label: { zh: '第四次经济普查后口径', en: 'post-4th-census basis' } },
  { from: '2025-01-01', id: 'census5', label: { zh: '第五次经济普查后口径', en: 'post-5th-census basis' } },
];

const before: { id: string; label: LocalizedText } = { id: 'pre-census3', label: { zh: '第三次经济普查前口径', en: 'pre-3rd-census basis' } };

/** @example revisionBasis('2023-05-08').id // 'census4' */
export function revisionBasis(publishedDate: string): { id: string; label: LocalizedText } {
  let basis = before;
  for (const r of CENSUS_REVISIONS) if (publishedDate >= r.from) basis = r;
  return basis;
}
