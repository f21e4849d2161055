/**
 * The sentence that explains a forecast and its warning, in Chinese and English, e.g.
 * "按当前趋势，2025年服务业增加值预计为24000亿元（80%区间22000—26000亿元），达到2.5万亿元目标的概率约为30%。"
 * Numbers are rounded for reading (4 significant digits, at most 2 decimals); the API carries the exact values.
 */
import type { Target } from '../plan/model';
import type { LocalizedText } from '../text';
import { formatValue } from '../unit/format';
import type { ForecastPoint } from './attainment';

export interface SentenceInput {
  name: LocalizedText;
  unit: string;
  atTarget: ForecastPoint | null;
  target: Pick<Target, 'value' | 'printed' | 'comparator' | 'tolerance'> | null;
  probability: number | null;
  behind: boolean;
  /** Why no forecast could be made, when atTarget is null. */
  reason: LocalizedText | null;
}

export function readable(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const digits = Math.max(0, Math.min(2, 3 - Math.floor(Math.log10(Math.abs(x)))));
  return Number(x.toFixed(digits));
}

export function forecastSentence(input: SentenceInput): LocalizedText {
  const { atTarget: at, target, unit, name } = input;
  const behindZh = input.behind ? '评估结果为滞后。' : '';
  const behindEn = input.behind ? ' The evaluation says it is behind schedule.' : '';
  if (!at) {
    const why = input.reason ?? { zh: '无法预测', en: 'no forecast could be made' };
    return { zh: `${name.zh}：${why.zh}。${behindZh}`, en: `${name.en}: ${why.en}.${behindEn}` };
  }
  const v = (x: number, lang: 'zh' | 'en') => formatValue(readable(x), unit, lang);
  const zh = `按当前趋势，${at.year}年${name.zh}预计为${v(at.point, 'zh')}（80%区间${v(at.lo80, 'zh')}—${v(at.hi80, 'zh')}）`;
  const en = `On current trends, ${lowerFirst(name.en)} is forecast at ${v(at.point, 'en')} in ${at.year} (80% interval ${v(at.lo80, 'en')} to ${v(at.hi80, 'en')})`;
  if (!target || input.probability === null) {
    return { zh: `${zh}；规划未设定该年的目标值。${behindZh}`, en: `${en}; the plan sets no target for that year.${behindEn}` };
  }
  const printedZh = target.printed ?? v(target.value, 'zh');
  // English names the target in English only (the printed Chinese target is the zh text's; 左右 reads "about").
  const printedEn = `${target.comparator === 'about' ? 'about ' : ''}${v(target.value, 'en')}`;
  const p = Math.round(input.probability * 100);
  const verbZh = target.comparator === 'at_most' ? '控制在' : target.comparator === 'about' ? '实现' : '达到';
  return {
    zh: `${zh}，${verbZh}${printedZh}目标的概率约为${p}%。${behindZh}`,
    en: `${en}; the probability of meeting the target of ${printedEn} is about ${p}%.${behindEn}`,
  };
}

function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}
