/**
 * A forecast model's name in words for people ("指数平滑、Theta法与带漂移随机游走的中位数组合"), from the technical
 * notation the forecasters record ('median(ETS(M,Ad,N), Theta, ARIMA(0,1,0) with drift)'). The notation stays for
 * those who want it (a tooltip); a name not known here is given as it is, never guessed.
 */
import type { LocalizedText } from '../domain/text';

const TREND: Record<string, LocalizedText> = {
  N: { zh: '无趋势', en: 'no trend' },
  A: { zh: '线性趋势', en: 'linear trend' },
  Ad: { zh: '阻尼趋势', en: 'damped trend' },
  M: { zh: '乘法趋势', en: 'multiplicative trend' },
  Md: { zh: '阻尼乘法趋势', en: 'damped multiplicative trend' },
};
const SEASON: Record<string, LocalizedText> = {
  N: { zh: '', en: '' },
  A: { zh: '加法季节', en: 'additive seasonality' },
  M: { zh: '乘法季节', en: 'multiplicative seasonality' },
};

/** One member: ETS(E,T,S), Theta, ARIMA(p,d,q) [with drift], the drifts and trends of the short-series rule. */
function memberWords(name: string): LocalizedText {
  const t = name.trim();
  const ets = /^ETS\((A|M),(N|A|Ad|M|Md),(N|A|M)\)$/.exec(t);
  if (ets) {
    const parts = [TREND[ets[2] ?? 'N'], SEASON[ets[3] ?? 'N']].filter((p): p is LocalizedText => p !== undefined && p.zh !== '');
    return { zh: `指数平滑（${parts.map((p) => p.zh).join('、')}）`, en: `exponential smoothing (${parts.map((p) => p.en).join(', ')})` };
  }
  if (t === 'ETS') return { zh: '指数平滑', en: 'exponential smoothing' };
  if (t === 'Theta') return { zh: 'Theta法', en: 'the Theta method' };
  if (t === 'ARIMA(0,1,0) with drift') return { zh: '带漂移随机游走', en: 'a random walk with drift' };
  if (/^ARIMA\(\d+,\d+,\d+\)( with drift)?$/.test(t)) return { zh: `ARIMA模型${t.endsWith('with drift') ? '（带漂移）' : ''}`, en: `an ARIMA model${t.endsWith('with drift') ? ' with drift' : ''}` };
  if (t === 'geometric drift') return { zh: '几何漂移（按平均增速外推）', en: 'a geometric drift (constant growth rate)' };
  if (t === 'log-linear trend') return { zh: '对数线性趋势', en: 'a log-linear trend' };
  return { zh: t, en: t };
}

/** Splits "a, b(c,d), e" at the commas outside parentheses. */
function splitTop(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out.map((s) => s.trim()).filter((s) => s !== '');
}

const listZh = (xs: string[]) => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join('、')}与${xs[xs.length - 1] ?? ''}`);
const listEn = (xs: string[]) => (xs.length <= 2 ? xs.join(' and ') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1] ?? ''}`);

/** The notes the forecaster appends after "; " (domain/forecast/indicator.ts): interpolated years, the basis fitted on. */
/**
 * @example
 * modelWords('median(ETS(M,Ad,N), Theta, ARIMA(0,1,0) with drift)').zh
 * // '指数平滑（阻尼趋势）、Theta法与带漂移随机游走的中位数组合'
 */
export function modelWords(model: string, notes: readonly LocalizedText[] = []): LocalizedText {
  const head = model;
  const median = /^median\((.*)\)$/.exec(head.trim());
  const members = median ? splitTop(median[1] ?? '').map(memberWords) : null;
  const main = members ? { zh: `${listZh(members.map((m) => m.zh))}的中位数组合`, en: `the median of ${listEn(members.map((m) => m.en))}` } : memberWords(head);
  if (notes.length === 0) return main;
  // The forecast's notes (IndicatorForecast.modelNotes), already in words, after the name.
  return { zh: `${main.zh}（${notes.map((w) => w.zh).join('；')}）`, en: `${main.en} (${notes.map((w) => w.en).join('; ')})` };
}
