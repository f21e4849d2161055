/**
 * The vocabulary of a published figure: its status (数据状态), price basis (价格口径) and source kind (来源类型).
 * Labels are what people read; codes are what the database stores.
 */
import type { LocalizedText } from '../text';

/** 数据状态. 预计 (estimate) is a figure announced before the statistics are compiled (e.g. in a work report). */
export const STATUSES = ['preliminary', 'final', 'revised', 'estimate'] as const;
export type ObservationStatus = (typeof STATUSES)[number];
export const STATUS_LABELS: Record<ObservationStatus, LocalizedText> = {
  preliminary: { zh: '初步', en: 'preliminary' },
  final: { zh: '最终', en: 'final' },
  revised: { zh: '修订', en: 'revised' },
  estimate: { zh: '预计', en: 'estimate' },
};

/** 价格口径: 现价 (current prices, also called 名义) or 可比价 (comparable prices, also 实际). */
export const PRICE_BASES = ['current', 'comparable'] as const;
export type PriceBasis = (typeof PRICE_BASES)[number];
export const PRICE_BASIS_LABELS: Record<PriceBasis, LocalizedText> = {
  current: { zh: '现价', en: 'current prices' },
  comparable: { zh: '可比价', en: 'comparable prices' },
};

/**
 * 来源类型: the kind of publication a figure comes from — what was published, never where its text was read (a
 * mirror, an archive or a transcription of a bulletin is still the bulletin; see `readAt` on a figure).
 * The codes of the first version are kept (bureau_bulletin, bureau, government, press, third_party) so stored
 * figures keep their meaning; yearbook, work_report and department were added to say what plans' figures come from.
 */
export const SOURCE_KINDS = ['bureau_bulletin', 'yearbook', 'bureau', 'work_report', 'department', 'government', 'press', 'third_party'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
export const SOURCE_KIND_LABELS: Record<SourceKind, LocalizedText> = {
  bureau_bulletin: { zh: '统计公报', en: 'statistical bulletin' },
  yearbook: { zh: '统计年鉴', en: 'statistical yearbook' },
  bureau: { zh: '统计局发布', en: 'statistics bureau release' },
  work_report: { zh: '政府工作报告', en: 'government work report' },
  department: { zh: '部门发布', en: 'government department release' },
  government: { zh: '其他政府发布', en: 'other government publication' },
  press: { zh: '媒体', en: 'press' },
  third_party: { zh: '第三方', en: 'third party' },
};

/**
 * 来源级别: how official a kind of publication is. Kinds of one standing are "comparable": between them an exact
 * figure beats a rounded one or a bound, whatever the kind (see preference.ts). 1 official statistics (统计公报,
 * 统计年鉴, 统计局发布); 2 other government (政府工作报告, 部门发布, 其他政府); 3 media; 4 third parties (research
 * reports, compilations, transcriptions that are not a copy of one publication).
 */
export const SOURCE_STANDING: Record<SourceKind, 1 | 2 | 3 | 4> = {
  bureau_bulletin: 1, yearbook: 1, bureau: 1, work_report: 2, department: 2, government: 2, press: 3, third_party: 4,
};
export const STANDING_LABELS: Record<1 | 2 | 3 | 4, LocalizedText> = {
  1: { zh: '官方统计', en: 'official statistics' },
  2: { zh: '政府发布', en: 'government' },
  3: { zh: '媒体', en: 'press' },
  4: { zh: '第三方', en: 'third party' },
};

/** Within one standing, the kind: the bulletin and the yearbook (which revises it) first, then other releases. */
const KIND_ORDER: Record<SourceKind, number> = {
  bureau_bulletin: 1, yearbook: 1, bureau: 2, work_report: 1, department: 2, government: 3, press: 1, third_party: 1,
};

/** Lower is preferred: the standing first, then the kind within it (a plain order over all kinds). */
export const sourceRank = (kind: SourceKind): number => SOURCE_STANDING[kind] * 10 + KIND_ORDER[kind];

/**
 * 数据精度: how exactly the publication states the figure. 精确 exact ("10486.19亿元"); 约数 rounded ("约1.05万亿元",
 * "2.69 trillion"); 下限 a lower bound ("突破2600亿元", "超过1万亿元", "不低于"): the true value is at least this;
 * 上限 an upper bound ("近5138亿元", "不到"): at most this.
 */
export const PRECISIONS = ['exact', 'rounded', 'lower_bound', 'upper_bound'] as const;
export type Precision = (typeof PRECISIONS)[number];
export const PRECISION_LABELS: Record<Precision, LocalizedText> = {
  exact: { zh: '精确值', en: 'exact' },
  rounded: { zh: '约数', en: 'rounded' },
  lower_bound: { zh: '下限值', en: 'lower bound' },
  upper_bound: { zh: '上限值', en: 'upper bound' },
};
/** Lower is preferred: an exact figure, then a rounded one, then a bound (a bound is not the value). */
export const precisionRank = (p: Precision): number => (p === 'exact' ? 0 : p === 'rounded' ? 1 : 2);
