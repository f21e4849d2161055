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
 * 来源类型, in order of preference: the statistics bureau's bulletin (统计公报) first, then other bureau releases,
 * other government publications, the press, and third-party transcriptions (mirrors, code repositories) last.
 */
export const SOURCE_KINDS = ['bureau_bulletin', 'bureau', 'government', 'press', 'third_party'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
export const SOURCE_KIND_LABELS: Record<SourceKind, LocalizedText> = {
  bureau_bulletin: { zh: '统计公报', en: 'statistical bulletin' },
  bureau: { zh: '统计部门发布', en: 'statistics bureau release' },
  government: { zh: '其他政府发布', en: 'other government publication' },
  press: { zh: '媒体报道', en: 'press report' },
  third_party: { zh: '第三方转录', en: 'third-party transcription' },
};

/** Lower is preferred. */
export const sourceRank = (kind: SourceKind): number => SOURCE_KINDS.indexOf(kind) + 1;
