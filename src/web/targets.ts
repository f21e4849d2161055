/**
 * An indicator's target as a page shows it, for every kind a plan states: the target it stands by (the current one of
 * the evaluation: a milestone before its year has passed, else the plan's own), in the plan's printed words — a
 * level, a range, 比2025年下降10%, 累计新增200万吨, 基本建成… — or its 年均增长 requirement. The comparator sign (≥, ≤)
 * is added only where the printed words do not already say it, so 突破2万亿元 never reads "≥突破2万亿元".
 */
import { targetWords } from '../shared/targetWords';
import { formatValue } from './format';
import type { Lang } from './i18n';
import type { IndicatorEvaluation } from './status';

export type TargetEvaluation = IndicatorEvaluation['targets'][number];

/** Words of the plan that already say how a value is compared. */
const COMPARING_WORDS = /突破|达到|达|超过|以上|以下|以内|左右|不低于|不高于|不超过|控制在|力争|—|～|~/;

/** The target the indicator stands by, or null when it has none (an average-growth requirement alone, or no target). */
export function currentTarget(ev: IndicatorEvaluation): TargetEvaluation | null {
  return ev.current !== null ? (ev.targets[ev.current] ?? null) : null;
}

/** "2030年突破2万亿元", "2030年≥2.5万亿元", "2030年比2025年下降10%", "年均增长7%（2025—2030年）"; English likewise. */
export function targetLabel(ev: IndicatorEvaluation, lang: Lang): string {
  const cur = currentTarget(ev);
  const unit = ev.indicator.unit;
  if (!cur) {
    const g = ev.indicator.growthTarget;
    if (g) return lang === 'zh' ? `${g.printed}（${g.fromYear}—${g.toYear}年）` : `${g.ratePercent}% a year, ${g.fromYear}–${g.toYear}`;
    const tg = ev.indicator.target;
    if (!tg) return lang === 'zh' ? '无量化目标' : 'no numeric target';
    return levelLabel(tg.printed, tg.value, tg.comparator, tg.year, unit, lang, tg.wording);
  }
  const t = cur.target;
  if (lang === 'zh') {
    if (t.kind === 'level' && t.value !== undefined && t.comparator) return levelLabel(t.printed, t.value, t.comparator, t.year, unit, lang, t.wording);
    return t.printed.includes(`${t.year}年`) ? t.printed : `${t.year}年${t.printed}`;
  }
  switch (t.kind) {
    case 'level':
      return levelLabel(null, t.value ?? Number.NaN, t.comparator ?? 'at_least', t.year, unit, lang);
    case 'range':
      return `${formatValue(t.lower, unit, lang)}–${formatValue(t.upper, unit, lang)} by ${t.year}`;
    case 'relative':
      return `${(t.percent ?? 0) > 0 ? '+' : ''}${t.percent ?? ''}% on ${t.from ?? ''} by ${t.year}`;
    case 'cumulative':
      return `${t.mode === 'sum' ? 'a total of' : 'a cumulative increase of'} ${formatValue(t.value, unit, lang)} by ${t.year}`;
    case 'qualitative':
      return `${t.printed} (${t.year})`;
  }
}

function levelLabel(printed: string | null, value: number, comparator: string, year: number, unit: string, lang: Lang, wording: string | null = null): string {
  if (lang === 'zh') {
    // The plan's own words with its wording (突破, 控制在…以内), as the reports say them; ≥ / ≤ only where no word says it.
    const text = targetWords({ value, year, printed, comparator: comparator as 'at_least' | 'at_most' | 'about', tolerance: null, wording }, unit).zh;
    const sign = COMPARING_WORDS.test(text) ? '' : ({ at_least: '≥', at_most: '≤', about: '' }[comparator] ?? '');
    const about = comparator === 'about' && !COMPARING_WORDS.test(text) ? '左右' : '';
    return text.includes(`${year}年`) ? `${sign}${text}${about}` : `${year}年${sign}${text}${about}`;
  }
  const word = { at_least: 'at least', about: 'about', at_most: 'at most' }[comparator] ?? '';
  return `${word} ${formatValue(value, unit, lang)} by ${year}`.trim();
}

/**
 * The value a card shows as the indicator's latest: a cumulative target's amount so far (marked); after the target
 * year the verdict's, or the year's figure where the verdict waits or there is none (an average-growth target);
 * before, the newest figure. Null for a qualitative target, which has an assessment instead.
 */
export function shownLatest(ev: IndicatorEvaluation): { value: number; year: number; cumulative: boolean } | null {
  const cur = currentTarget(ev);
  if (cur?.target.kind === 'qualitative') return null;
  if (cur?.target.kind === 'cumulative') {
    // The cumulative amount so far (y_t − y_base, or the sum of the years), as 序时进度 read it.
    const w = ev.results.time_proportional?.workings.inputs;
    if (w && typeof w.yt === 'number' && typeof w.t === 'number') return { value: w.yt, year: w.t, cumulative: true };
  }
  const v = ev.standing.verdict;
  if (ev.standing.phase === 'final' && v && v.value !== null) return { value: v.value, year: v.targetYear, cumulative: cur?.target.kind === 'cumulative' };
  return ev.latest ? { value: ev.latest.value, year: ev.latest.year, cumulative: false } : null;
}
