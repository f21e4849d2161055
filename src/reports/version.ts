/**
 * 规划版本 in a report: which version of the plan the report judges against — the one in force on the as-of date
 * (a 中期调整 changes targets from its date; services/evaluation/evaluatePlan.ts). Said whenever the plan names its
 * version or has been adjusted; a plan as issued with no version block needs no such line.
 */
import type { Language } from '../domain/text';
import { zhDate } from '../domain/typography';
import type { ReportContext } from './context';

/** "本报告对照的规划版本：中期调整稿（第2版，2028年7月1日起施行）。", or nothing. */
export function versionParagraph(version: ReportContext['version'], lang: Language): string[] {
  if (!version || (version.number === 1 && !version.label)) return [];
  const from = version.effectiveFrom;
  if (lang === 'zh') {
    const name = version.label ? version.label.zh : `第${version.number}版`;
    const detail = [...(version.label ? [`第${version.number}版`] : []), ...(from ? [`${zhDate(from)}起施行`] : [])].join('，');
    return [`本报告对照的规划版本：${name}${detail ? `（${detail}）` : ''}。`];
  }
  const name = version.label ? `“${version.label.en}”` : '';
  return [`This report judges against the plan version ${name}${name ? ' ' : ''}(version ${version.number}${from ? `, in force from ${from}` : ''}).`];
}
