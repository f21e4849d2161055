/**
 * The groups a survey's indices are published for: all enterprises, each industry section (门类), each size class and
 * each district. Partitions of the whole sample, never crossed (see confidentiality.ts). A group is named by a key:
 * `all`, `industry:I`, `size:large`, `region:440305`.
 */
import type { SizeClass } from './sampling';

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
