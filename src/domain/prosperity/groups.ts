/**
 * The groups a survey's indices are published for: all enterprises, each industry section (门类), each size class and
 * each district. Partitions of the whole sample, never crossed (see confidentiality.ts). A group is named by a key:
 * `all`, `industry:I`, `size:large`, `region:440305`.
 */
import type { Language } from '../text';
import { SECTION_NAMES } from './industrySection';
import { SIZE_CLASS_LABELS, type SizeClass } from '../enterprise/size';

export type GroupDimension = 'industry' | 'size' | 'region';
export const GROUP_DIMENSIONS: readonly GroupDimension[] = ['industry', 'size', 'region'];
export const ALL = 'all';

/** The group keys an enterprise's answers count in. */
export function groupsOf(m: { sectionCode: string; sizeClass: SizeClass | null; regionCode: string }): string[] {
  return [ALL, `industry:${m.sectionCode}`, `size:${m.sizeClass ?? 'unknown'}`, `region:${m.regionCode}`];
}

export function parseGroup(key: string): { dimension: GroupDimension | 'all'; value: string | null } {
  if (key === ALL) return { dimension: 'all', value: null };
  const i = key.indexOf(':');
  return { dimension: key.slice(0, i) as GroupDimension, value: key.slice(i + 1) };
}

/**
 * A group's name for people: 全部企业, I 信息传输、软件和信息技术服务业, 大型企业, 南山区 (a district's name from the
 * region registry, given by the caller; its code otherwise).
 */
export function groupLabel(key: string, lang: Language, regionName: (code: string) => string | undefined = () => undefined): string {
  const { dimension, value } = parseGroup(key);
  const v = value ?? '';
  switch (dimension) {
    case 'all':
      return lang === 'zh' ? '全部企业' : 'all enterprises';
    case 'industry':
      return `${v} ${SECTION_NAMES[v]?.[lang] ?? ''}`.trim();
    case 'size':
      return v === 'unknown' ? (lang === 'zh' ? '规模未知' : 'size unknown') : lang === 'zh' ? `${SIZE_CLASS_LABELS[v as SizeClass]?.zh ?? v}企业` : `${SIZE_CLASS_LABELS[v as SizeClass]?.en ?? v} enterprises`;
    case 'region':
      return regionName(v) ?? v;
  }
}
