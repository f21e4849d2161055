/**
 * The preference rule: which of several figures for the same indicator, region and period evaluation uses.
 * It is visible (the API returns every candidate with the reason it ranks where it does) and deterministic:
 *   0. only figures published on or before the "as of" date count (a past evaluation is reproduced exactly), and a
 *      figure that another of the given figures corrects counts no longer (审核: a correction replaces it), nor one
 *      that a new edition of its data file re-describes (supersededBy), while that new record is among them;
 *   1. the standing of the publication: official statistics (统计公报, 统计年鉴, 统计局发布) > other government
 *      (政府工作报告, 部门发布) > media > third parties (terms.ts) — by what was published, never by where its text
 *      was read: a bulletin read through a mirror is still the bulletin;
 *   2. among publications of the same standing, an exact figure before a rounded one, and both before a bound
 *      ("突破2600亿元" says at least 2600, not 2600): precision beats the finer kind, so "1.05万亿" from a work report
 *      never outranks 10486.19 from the same standing;
 *   3. then the kind within the standing (the bulletin or yearbook before other bureau releases);
 *   4. then the newest vintage (latest published date) — a revision supersedes what it revises;
 *   5. then status: 修订 > 最终 > 初步 > 预计;
 *   6. then the publication read at first hand before one read through a copy;
 *   7. then the figure entered last, then the highest id (ties are real duplicates from different files).
 */
import type { LocalizedText } from '../text';
import type { Observation } from './observation';
import { PRECISION_LABELS, precisionRank, SOURCE_KIND_LABELS, SOURCE_STANDING, sourceRank, STANDING_LABELS, STATUS_LABELS, type ObservationStatus } from './terms';

const statusOrder: ObservationStatus[] = ['revised', 'final', 'preliminary', 'estimate'];

export const PREFERENCE_RULE: LocalizedText = {
  zh: '先看发布来源的级别（官方统计＞其他政府发布＞媒体＞第三方，按发布物而非转载处判断），同级来源中精确值优先于约数和上下限值，再按来源类型（统计公报、年鉴优先）、最新发布版本和数据状态（修订＞最终＞初步＞预计）；只计评估基准日前已发布的数据。',
  en: 'The standing of the publication first (official statistics > other government > press > third party, judged by what was published, not where it was read); among sources of the same standing an exact figure before a rounded one or a bound; then the kind of source (bulletin and yearbook first), the newest vintage and the status (revised > final > preliminary > estimate); only figures published by the as-of date count.',
};

export interface RankedCandidate {
  observation: Observation;
  /** 1 for the chosen figure; null when excluded. */
  rank: number | null;
  reason: LocalizedText;
}

export interface Preference {
  chosen: Observation | null;
  candidates: RankedCandidate[];
  rule: LocalizedText;
}

/** What the rule ranks a figure by (a full Observation, or the lean figures of the quality checks). */
export type PreferenceKeys = Pick<Observation, 'id' | 'sourceKind' | 'precision' | 'publishedDate' | 'status' | 'enteredAt'> & { source: Pick<Observation['source'], 'readAt'> };

const standing = (o: PreferenceKeys) => SOURCE_STANDING[o.sourceKind];
const firstHand = (o: PreferenceKeys) => (o.source.readAt === null ? 0 : 1);

/** Orders two figures by the rule; negative when `a` is preferred. */
export function comparePreference(a: PreferenceKeys, b: PreferenceKeys): number {
  return (
    standing(a) - standing(b) ||
    precisionRank(a.precision) - precisionRank(b.precision) ||
    sourceRank(a.sourceKind) - sourceRank(b.sourceKind) ||
    b.publishedDate.localeCompare(a.publishedDate) ||
    statusOrder.indexOf(a.status) - statusOrder.indexOf(b.status) ||
    firstHand(a) - firstHand(b) ||
    b.enteredAt.localeCompare(a.enteredAt) ||
    b.id - a.id
  );
}

/**
 * @example
 * const { chosen, candidates } = choosePreferred(figures, '2024-06-30');
 */
export function choosePreferred(figures: readonly Observation[], asOf: string | null = null): Preference {
  const inTime = figures.filter((f) => asOf === null || f.publishedDate <= asOf);
  const correctedBy = new Map(inTime.flatMap((f) => (f.approval?.corrects != null ? [[f.approval.corrects, f.id] as const] : [])));
  const present = new Set(inTime.map((f) => f.id));
  const superseded = (f: Observation) => f.supersededBy !== null && present.has(f.supersededBy);
  const published = inTime.filter((f) => !correctedBy.has(f.id) && !superseded(f));
  const ranked = [...published].sort(comparePreference);
  const chosen = ranked[0] ?? null;
  const candidates: RankedCandidate[] = ranked.map((observation, i) => ({
    observation,
    rank: i + 1,
    reason: i === 0 || !chosen ? chosenReason(observation, ranked.length) : whyBehind(observation, chosen),
  }));
  for (const f of inTime) {
    if (superseded(f)) {
      candidates.push({ observation: f, rank: null, reason: { zh: `已由数据文件的新版本重新描述（#${f.supersededBy}），不计入`, en: `re-described by a new edition of its data file (#${f.supersededBy}): not counted` } });
      continue;
    }
    const by = correctedBy.get(f.id);
    if (by !== undefined) {
      candidates.push({ observation: f, rank: null, reason: { zh: `已被更正（更正数据 #${by}），不计入`, en: `corrected by figure #${by}: not counted` } });
    }
  }
  for (const f of figures) {
    if (asOf !== null && f.publishedDate > asOf) {
      candidates.push({
        observation: f,
        rank: null,
        reason: { zh: `发布于${f.publishedDate}，晚于评估基准日${asOf}，不计入`, en: `published ${f.publishedDate}, after the as-of date ${asOf}: not counted` },
      });
    }
  }
  return { chosen, candidates, rule: PREFERENCE_RULE };
}

function chosenReason(o: Observation, n: number): LocalizedText {
  const kind = SOURCE_KIND_LABELS[o.sourceKind];
  const bound = o.precision === 'exact' ? null : PRECISION_LABELS[o.precision];
  const zhBound = bound ? `，${bound.zh}` : '';
  const enBound = bound ? `, ${bound.en}` : '';
  if (n === 1) return { zh: `唯一数据（${kind.zh}${zhBound}）`, en: `the only figure (${kind.en}${enBound})` };
  return {
    zh: `选用：${kind.zh}，发布于${o.publishedDate}，${STATUS_LABELS[o.status].zh}${zhBound}`,
    en: `chosen: ${kind.en}, published ${o.publishedDate}, ${STATUS_LABELS[o.status].en}${enBound}`,
  };
}

function whyBehind(o: Observation, chosen: Observation): LocalizedText {
  if (standing(o) > standing(chosen)) {
    const [k, b] = [SOURCE_KIND_LABELS[o.sourceKind], STANDING_LABELS[standing(chosen)]];
    return { zh: `来源级别较低（${k.zh}，低于${b.zh}）`, en: `lower standing (${k.en}, below ${b.en})` };
  }
  if (precisionRank(o.precision) > precisionRank(chosen.precision)) {
    const [a, b] = [PRECISION_LABELS[o.precision], PRECISION_LABELS[chosen.precision]];
    return { zh: `${a.zh}，同级来源有${b.zh}`, en: `${a.en}: a source of the same standing gives the ${b.en} figure` };
  }
  if (sourceRank(o.sourceKind) > sourceRank(chosen.sourceKind)) {
    const [a, b] = [SOURCE_KIND_LABELS[o.sourceKind], SOURCE_KIND_LABELS[chosen.sourceKind]];
    return { zh: `来源类型次之（${a.zh}，次于${b.zh}）`, en: `lower source kind (${a.en}, after ${b.en})` };
  }
  if (o.publishedDate < chosen.publishedDate) {
    return { zh: `较早的版本（发布于${o.publishedDate}，已被${chosen.publishedDate}的版本取代）`, en: `older vintage (published ${o.publishedDate}, superseded by ${chosen.publishedDate})` };
  }
  if (o.status !== chosen.status) {
    return { zh: `数据状态为${STATUS_LABELS[o.status].zh}，次于${STATUS_LABELS[chosen.status].zh}`, en: `status ${STATUS_LABELS[o.status].en}, behind ${STATUS_LABELS[chosen.status].en}` };
  }
  if (firstHand(o) > firstHand(chosen)) {
    return { zh: '同一发布物的转载（选用原始出处）', en: 'a copy of the same publication (the first-hand one is used)' };
  }
  return { zh: '同级同期的另一条记录（较早录入）', en: 'another record of the same source kind and vintage (entered earlier)' };
}
