/**
 * Periods as text: one canonical machine code per period (stored, exchanged, sorted by people in spreadsheets),
 * and labels for people in Chinese and English. Chinese labels use the wording of the bureau's releases, and
 * `parsePeriod` reads them back, so a label copied from a report is valid input.
 */
import type { Language } from '../text';
import { monthNameEn } from './canonical';
import type { Period } from './period';

const two = (n: number): string => String(n).padStart(2, '0');
const QUARTER_ZH = ['一', '二', '三', '四'] as const;

/**
 * The canonical code of a period: `2020`, `2020H1`, `2020Q3`, `2020-08`, `2020-01~09` or `2021-2025`.
 *
 * @example
 * formatPeriod({ type: 'cumulative', year: 2020, endMonth: 9 }); // '2020-01~09'
 */
export function formatPeriod(p: Period): string {
  switch (p.type) {
    case 'year':
      return String(p.year);
    case 'half':
      return `${p.year}H${p.half}`;
    case 'quarter':
      return `${p.year}Q${p.quarter}`;
    case 'month':
      return `${p.year}-${two(p.month)}`;
    case 'cumulative':
      return `${p.year}-01~${two(p.endMonth)}`;
    case 'span':
      return `${p.startYear}-${p.endYear}`;
  }
}

/**
 * A label for people: `2020年第三季度` / `Q3 2020`, `2020年1-9月` / `Jan–Sep 2020`, `2021—2025年` / `2021–2025`.
 *
 * @example
 * periodLabel({ type: 'half', year: 2020, half: 1 }, 'zh'); // '2020年上半年'
 * periodLabel({ type: 'month', year: 2020, month: 8 }, 'en'); // 'Aug 2020'
 */
export function periodLabel(p: Period, lang: Language): string {
  return lang === 'zh' ? labelZh(p) : labelEn(p);
}

function labelZh(p: Period): string {
  switch (p.type) {
    case 'year':
      return `${p.year}年`;
    case 'half':
      return `${p.year}年${p.half === 1 ? '上' : '下'}半年`;
    case 'quarter':
      return `${p.year}年第${QUARTER_ZH[p.quarter - 1] ?? p.quarter}季度`;
    case 'month':
      return `${p.year}年${p.month}月`;
    case 'cumulative':
      return `${p.year}年1-${p.endMonth}月`;
    case 'span':
      return `${p.startYear}—${p.endYear}年`;
  }
}

function labelEn(p: Period): string {
  switch (p.type) {
    case 'year':
      return String(p.year);
    case 'half':
      return `H${p.half} ${p.year}`;
    case 'quarter':
      return `Q${p.quarter} ${p.year}`;
    case 'month':
      return `${monthNameEn(p.month)} ${p.year}`;
    case 'cumulative':
      return `Jan–${monthNameEn(p.endMonth)} ${p.year}`;
    case 'span':
      return `${p.startYear}–${p.endYear}`;
  }
}
