/**
 * When a file gives a source as free text only (the bundled real data does), its kind is inferred by these
 * visible rules, in order; the first that matches wins. A file can always state the kind itself (来源类型).
 *   1. third_party: GitHub, a "mirror", a code/SQL file — transcriptions, whatever they quote;
 *   2. press: a report that cites or relays another source ("citing 深圳市统计局", 援引, 转载, via) — a
 *      newspaper quoting the bureau is still a newspaper;
 *   3. bureau_bulletin: a 统计公报 / statistical communique or bulletin;
 *   4. bureau: 统计局 / tjj. / a statistics bureau;
 *   5. government: 政府, 工作报告, gov.cn, a government bureau or commission;
 *   6. press: anything else (newspapers, news sites, research notes).
 *
 * @example
 * classifySource('tjj.sz.gov.cn 深圳市2022年国民经济和社会发展统计公报') // 'bureau_bulletin'
 */
import type { SourceKind } from './terms';

const rules: Array<[SourceKind, RegExp]> = [
  ['third_party', /github|mirror|sql file|code file/i],
  ['press', /\bciting\b|援引|转载|\bvia\b|来源:\s*\S*(报|网|新闻)/i],
  ['bureau_bulletin', /统计公报|statistical (communiqu|bulletin)/i],
  ['bureau', /统计局|tjj\.|statistics bureau|bureau of statistics/i],
  ['government', /政府|工作报告|gov\.cn|government|commerce bureau|委员会/i],
];

export function classifySource(source: string): SourceKind {
  for (const [kind, pattern] of rules) if (pattern.test(source)) return kind;
  return 'press';
}
