/**
 * Reads the words people put in the status, price-basis and source-kind cells (Chinese, English or our codes).
 * Returns null for "not stated", and an error message for a word we do not know (never a guess).
 */
import { err, ok, type Result } from '../result';
import type { LocalizedText } from '../text';
import {
  PRICE_BASES, PRICE_BASIS_LABELS, SOURCE_KIND_LABELS, SOURCE_KINDS, STATUS_LABELS, STATUSES, type ObservationStatus, type PriceBasis, type SourceKind,
} from './terms';

const unstated = new Set(['', 'unspecified', '未说明', '不详', '-', '—']);

/** The words people write, plus our own labels in both languages (what the template's drop-downs offer). */
function withLabels<T extends string>(words: Record<string, T>, labels: Record<T, LocalizedText>): Record<string, T> {
  const all: Record<string, T> = { ...words };
  for (const [code, label] of Object.entries(labels) as Array<[T, LocalizedText]>) {
    all[label.zh] = code;
    all[label.en.toLowerCase()] = code;
  }
  return all;
}

function lookup<T extends string>(what: string, codes: readonly T[], words: Record<string, T>, raw: string): Result<T | null> {
  // "(presumed)" and similar notes in brackets qualify a word without changing it.
  const text = raw.replace(/[（(][^）)]*[）)]/g, '').trim().toLowerCase();
  if (unstated.has(text)) return ok(null);
  const hit = (codes as readonly string[]).includes(text) ? (text as T) : words[text];
  return hit ? ok(hit) : err(`unknown ${what} "${raw}" (expected one of: ${[...new Set(Object.keys(words))].join(', ')})`);
}

/**
 * @example
 * parsePriceBasis('名义') // ok('current')
 * parsePriceBasis('可比价(presumed)') // ok('comparable')
 */
export const parsePriceBasis = (raw: string): Result<PriceBasis | null> =>
  lookup('price basis', PRICE_BASES, priceBasisWords, raw);
const priceBasisWords = withLabels<PriceBasis>({ 现价: 'current', 名义: 'current', 当年价: 'current', 可比价: 'comparable', 实际: 'comparable', 不变价: 'comparable' }, PRICE_BASIS_LABELS);

/** @example parseStatus('初步核算') // ok('preliminary') */
export const parseStatus = (raw: string): Result<ObservationStatus | null> =>
  lookup('status', STATUSES, statusWords, raw);
const statusWords = withLabels<ObservationStatus>({ 初步核算: 'preliminary', 快报: 'preliminary', 最终核实: 'final', 正式: 'final', 修正: 'revised' }, STATUS_LABELS);

/** @example parseSourceKind('统计公报') // ok('bureau_bulletin') */
export const parseSourceKind = (raw: string): Result<SourceKind | null> =>
  lookup('source kind', SOURCE_KINDS, sourceKindWords, raw);
const sourceKindWords = withLabels<SourceKind>(
  {
    公报: 'bureau_bulletin', 统计年鉴: 'yearbook', 年鉴: 'yearbook', 统计部门: 'bureau', 统计局: 'bureau', 工作报告: 'work_report',
    部门: 'department', 政府部门: 'department', 政府: 'government', 媒体报道: 'press', 第三方转录: 'third_party',
  },
  SOURCE_KIND_LABELS,
);
