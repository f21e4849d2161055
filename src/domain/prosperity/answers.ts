/**
 * The answers of a business-climate questionnaire (景气调查问卷). Every question has three options, printed in the
 * order favourable → neutral → unfavourable, and one answer per time horizon: the current period (即期, "this month /
 * this quarter compared with the last") and the next (预期, "next quarter compared with this one"). An answer is
 * stored as +1 (上升 / 良好 / 乐观 / 偏热), 0 (持平 / 一般 / 正常) or −1 (下降 / 不佳 / 不乐观 / 偏冷).
 */
import type { LocalizedText } from '../text';

export type Answer = 1 | 0 | -1;

export const HORIZONS = ['current', 'expected'] as const;
export type Horizon = (typeof HORIZONS)[number];
export const HORIZON_LABELS: Record<Horizon, LocalizedText> = {
  current: { zh: '即期', en: 'current' },
  expected: { zh: '预期', en: 'expected' },
};

/** Answer scales: the words of the three options, favourable first. */
export const SCALES = {
  trend: [
    { zh: '上升', en: 'increase' },
    { zh: '持平', en: 'same' },
    { zh: '下降', en: 'decrease' },
  ],
  state: [
    { zh: '良好', en: 'good' },
    { zh: '一般', en: 'normal' },
    { zh: '不佳', en: 'poor' },
  ],
  outlook: [
    { zh: '乐观', en: 'optimistic' },
    { zh: '一般', en: 'neutral' },
    { zh: '不乐观', en: 'pessimistic' },
  ],
  heat: [
    { zh: '偏热', en: 'hot' },
    { zh: '正常', en: 'normal' },
    { zh: '偏冷', en: 'cold' },
  ],
} as const satisfies Record<string, readonly [LocalizedText, LocalizedText, LocalizedText]>;
export type ScaleId = keyof typeof SCALES;
export const SCALE_IDS = Object.keys(SCALES) as ScaleId[];

const ANSWER_OF_OPTION: readonly Answer[] = [1, 0, -1];

/**
 * Reads an answer cell: the option's word in Chinese or English (上升, "increase"), or its printed number 1–3.
 * Null when the text is none of them.
 *
 * @example
 * parseAnswer('trend', '持平') // 0
 * parseAnswer('state', '3')    // -1 (不佳)
 */
export function parseAnswer(scale: ScaleId, text: string): Answer | null {
  const t = text.trim();
  const options = SCALES[scale];
  for (let i = 0; i < 3; i++) {
    const o = options[i];
    if (o && (t === o.zh || t.toLowerCase() === o.en)) return ANSWER_OF_OPTION[i] ?? null;
  }
  if (/^[123]$/.test(t)) return ANSWER_OF_OPTION[Number(t) - 1] ?? null;
  return null;
}

/** The option words of an answer on a scale. */
export function answerLabel(scale: ScaleId, answer: Answer): LocalizedText {
  return SCALES[scale][answer === 1 ? 0 : answer === 0 ? 1 : 2];
}
