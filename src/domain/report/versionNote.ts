/**
 * Which plan version a report judges against (规划版本), said where it matters: after a mid-term adjustment (中期调整)
 * a reader must know whether the targets are the original or the adjusted ones. A plan never adjusted that does not
 * name its version says nothing.
 */
import type { Language, LocalizedText } from '../text';
import { zhDate } from '../typography';

export interface VersionRef {
  number: number;
  effectiveFrom: string | null;
  label: LocalizedText | null;
}

/**
 * @param judged the version in force on the as-of date (the evaluation's)
 * @param latest the newest version loaded
 * @example versionNote({ number: 2, effectiveFrom: '2028-07-01', label: { zh: '中期调整', en: 'mid-term adjustment' } }, same, 'zh')
 *   // '依据规划第2版（中期调整，2028年7月1日起施行）'
 */
export function versionNote(judged: VersionRef, latest: VersionRef, lang: Language): string | null {
  // A plan as issued, never adjusted and not naming its version, needs no such line.
  if (judged.number === 1 && latest.number === 1 && !judged.label) return null;
  const zh = lang === 'zh';
  const about = [judged.label?.[lang] ?? null, judged.effectiveFrom ? (zh ? `${zhDate(judged.effectiveFrom)}起施行` : `in force from ${judged.effectiveFrom}`) : null].filter((x): x is string => x !== null);
  const own = zh ? `规划第${judged.number}版${about.length > 0 ? `（${about.join('，')}）` : ''}` : `version ${judged.number} of the plan${about.length > 0 ? ` (${about.join(', ')})` : ''}`;
  if (judged.number >= latest.number) return zh ? `依据${own}` : `judged against ${own}`;
  const later = latest.effectiveFrom ? (zh ? `第${latest.number}版自${zhDate(latest.effectiveFrom)}起施行` : `version ${latest.number} is in force from ${latest.effectiveFrom}`) : zh ? `已有第${latest.number}版` : `version ${latest.number} exists`;
  return zh ? `依据当时施行的${own}；${later}` : `judged against ${own}, in force then; ${later}`;
}
