/**
 * 年内监测 in a report's words: the newest in-year figure (1–N月, a quarter, a month) after the latest annual one,
 * and its 同比 — "年内最新：2026年1-9月为18000亿元，同比增长6.2%。" A share or rate changes in percentage points
 * (提高/下降x个百分点), a level or flow in percent (增长/下降x%).
 */
import { periodLabel } from '../period/format';
import { parsePeriod } from '../period/parse';
import type { Language } from '../text';
import { formatValue } from '../unit/format';

export interface InYearReading {
  periodCode: string;
  value: number;
  /** 同比: percent, or percentage points for shares and rates; null without last year's same period. */
  change: number | null;
  changeKind: 'percent' | 'points';
}

export function inYearSentence(r: InYearReading, unit: string, lang: Language): string {
  const parsed = parsePeriod(r.periodCode);
  const when = parsed.ok ? periodLabel(parsed.value, lang) : r.periodCode;
  const value = formatValue(r.value, unit, lang);
  const size = r.change === null ? '' : Math.abs(r.change).toFixed(1);
  if (lang === 'zh') {
    const change =
      r.change === null
        ? '（上年同期数据暂缺）'
        : r.changeKind === 'points'
          ? `，同比${r.change < 0 ? '下降' : '提高'}${size}个百分点`
          : `，同比${r.change < 0 ? '下降' : '增长'}${size}%`;
    return `年内最新：${when}为${value}${change}。`;
  }
  const change =
    r.change === null ? ' (same period last year not available)' : r.changeKind === 'points' ? `, ${r.change < 0 ? 'down' : 'up'} ${size} percentage points year on year` : `, ${r.change < 0 ? 'down' : 'up'} ${size}% year on year`;
  return `In-year: ${value} in ${when}${change}.`;
}
