/**
 * The preference rule: which of several figures for the same indicator, region and period evaluation uses.
 * It is visible (the API returns every candidate with the reason it ranks where it does) and deterministic:
 *   0. only figures published on or before the "as of" date count (a past evaluation is reproduced exactly), and a
 *      figure that another of the given figures corrects counts no longer (审核: a correction replaces it);
 *   1. the better source kind: 统计公报 > 统计部门 > 其他政府 > 媒体 > 第三方 (terms.ts);
 *   2. within it, the newest vintage (latest published date) — a revision supersedes what it revises;
 *   3. then status: 修订 > 最终 > 初步 > 预计;
 *   4. then the figure entered last, then the highest id (ties are real duplicates from different files).
 */
import type { LocalizedText } from '../text';
import type { Observation } from './observation';
import { SOURCE_KIND_LABELS, sourceRank, STATUS_LABELS, type ObservationStatus } from './terms';

const statusOrder: ObservationStatus[] = ['revised', 'final', 'preliminary', 'estimate'];

export const PREFERENCE_RULE: LocalizedText = {
  zh: '按来源优先（统计公报＞统计部门＞其他政府＞媒体＞第三方），同一来源取最新发布版本，再按数据状态（修订＞最终＞初步＞预计）；只计评估基准日前已发布的数据。',
  en: 'Best source first (bulletin > statistics bureau > other government > press > third party); within a source the newest vintage; then status (revised > final > preliminary > estimate); only figures published by the as-of date count.',
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
export type PreferenceKeys = Pick<Observation, 'id' | 'sourceKind' | 'publishedDate' | 'status' | 'enteredAt'>;

/** Orders two figures by the rule; negative when `a` is preferred. */
export function comparePreference(a: PreferenceKeys, b: PreferenceKeys): number {
  return (
    sourceRank(a.sourceKind) - sourceRank(b.sourceKind) ||
    b.publishedDate.localeCompare(a.publishedDate) ||
    statusOrder.indexOf(a.status) - statusOrder.indexOf(b.status) ||
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
  const published = inTime.filter((f) => !correctedBy.has(f.id));
  const ranked = [...published].sort(comparePreference);
  const chosen = ranked[0] ?? null;
  const candidates: RankedCandidate[] = ranked.map((observation, i) => ({
    observation,
    rank: i + 1,
    reason: i === 0 || !chosen ? chosenReason(observation, ranked.length) : whyBehind(observation, chosen),
  }));
  for (const f of inTime) {
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
  if (n === 1) return { zh: `唯一数据（${kind.zh}）`, en: `the only figure (${kind.en})` };
  return { zh: `选用：${kind.zh}，发布于${o.publishedDate}，${STATUS_LABELS[o.status].zh}`, en: `chosen: ${kind.en}, published ${o.publishedDate}, ${STATUS_LABELS[o.status].en}` };
}

function whyBehind(o: Observation, chosen: Observation): LocalizedText {
  if (sourceRank(o.sourceKind) > sourceRank(chosen.sourceKind)) {
    const [a, b] = [SOURCE_KIND_LABELS[o.sourceKind], SOURCE_KIND_LABELS[chosen.sourceKind]];
    return { zh: `来源级别较低（${a.zh}，低于${b.zh}）`, en: `lower source kind (${a.en}, below ${b.en})` };
  }
  if (o.publishedDate < chosen.publishedDate) {
    return { zh: `较早的版本（发布于${o.publishedDate}，已被${chosen.publishedDate}的版本取代）`, en: `older vintage (published ${o.publishedDate}, superseded by ${chosen.publishedDate})` };
  }
  if (o.status !== chosen.status) {
    return { zh: `数据状态为${STATUS_LABELS[o.status].zh}，次于${STATUS_LABELS[chosen.status].zh}`, en: `status ${STATUS_LABELS[o.status].en}, behind ${STATUS_LABELS[chosen.status].en}` };
  }
  return { zh: '同级同期的另一条记录（较早录入）', en: 'another record of the same source kind and vintage (entered earlier)' };
}
