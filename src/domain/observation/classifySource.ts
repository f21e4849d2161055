/**
 * When a file does not state a figure's source kind (来源类型), it is inferred from the publication it names — its
 * title and publisher — by these visible rules, in order; the first that matches wins. Where the text was read (the
 * readAt column: a mirror, an archive, a repository) is never looked at: a bulletin read through a mirror is a
 * bulletin. A file can always state the kind itself, and should for anything that matters.
 *   1. bureau_bulletin: the publication is a 统计公报 / statistical communique or bulletin;
 *   2. yearbook: a 统计年鉴 / statistical yearbook;
 *   3. work_report: a 政府工作报告 / government work report;
 *   4. press: an article that cites or relays another source ("citing 深圳市统计局", 援引, 转载, via) — a newspaper
 *      quoting the bureau is still a newspaper;
 *   5. third_party: a code or data file, a repository (older files that wrote everything in one column);
 *   6. bureau: 统计局 / 调查队 / tjj. / a statistics bureau;
 *   7. department: another government bureau or commission (…局, …委员会, commerce bureau);
 *   8. government: 政府, gov.cn, government;
 *   9. press: anything else (newspapers, news sites, research notes).
 *
 * @example
 * classifySource('深圳市2022年国民经济和社会发展统计公报 深圳市统计局') // 'bureau_bulletin'
 */
import type { SourceKind } from './terms';

const rules: Array<[SourceKind, RegExp]> = [
  ['bureau_bulletin', /统计公报|statistical (communiqu|bulletin)/i],
  ['yearbook', /统计年鉴|statistical yearbook/i],
  ['work_report', /政府工作报告|government work report/i],
  ['press', /\bciting\b|援引|转载|\bvia\b|来源:\s*\S*(报|网|新闻)/i],
  ['third_party', /github|sql file|code file/i],
  ['bureau', /统计局|调查队|tjj\.|statistics bureau|bureau of statistics/i],
  ['department', /[局厅]|委员会|commerce bureau|regulatory|commission|authority/i],
  ['government', /政府|gov\.cn|government/i],
];

export function classifySource(publication: string): SourceKind {
  for (const [kind, pattern] of rules) if (pattern.test(publication)) return kind;
  return 'press';
}
