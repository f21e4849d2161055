/**
 * The automatic forecast of a short annual series — a plan indicator's few years (issue 17).
 *
 * Why a rule of its own: on n ≤ 12 annual values the AICc penalty makes ETS's trend models unselectable (at n = 7 a
 * damped trend has as many parameters as the AICc allows, and a linear trend pays ~60 AICc units), so automatic ETS
 * forecasts a flat line on every short series, R's ets the same; the median of ETS (flat), Theta (half the slope)
 * and the random walk with drift (the whole slope) is then Theta's half slope, and a series that rose every year is
 * forecast to slow down by half. The rule, chosen on the M3 half m3/ only and scored on m3-rest/ (bench/RESULTS.md,
 * issue 17, bench/forecast-short.mts):
 *   - every change of the series in the same direction (a steady trend) → the random walk with drift: the average
 *     change goes on (on m3/ windows of 7 values whose 6 changes were all positive: MASE 1.39 against 1.51 for the
 *     median, which fell short of the outcome 70% of the time);
 *   - otherwise → the median of automatic ETS, Theta, the random walk with drift and the geometric drift (constant
 *     growth rate; positive series only): two trend members against two that damp the trend, so a trend in noisy
 *     data is kept at a middle slope (m3/ windows of 7: MASE 1.46 against 1.51 for the three-member median, 1.49 drift).
 * Longer annual series (n ≥ 13) keep the default median of ETS, Theta and ARIMA: there ETS can choose a trend, and
 * the rule above forecast the full-length M3 yearly series worse than the default (m3/: sMAPE 16.54 against 16.37).
 */
import { combineMedian } from './combine';
import { autoEtsForecast } from './etsAuto';
import { geometricDriftForecast } from './geometricDrift';
import type { MethodChoice, ModelFailure, ModelResult } from './model';
import { randomWalkDriftForecast } from './randomWalkDrift';
import { thetaForecast } from './theta';

/** Annual series up to this many values get the short-series rule. */
export const SHORT_ANNUAL_MAX = 12;

/** Whether a series of n values, m periods a year, is a short annual one. */
export function isShortAnnual(n: number, m: number): boolean {
  return m < 4 && n <= SHORT_ANNUAL_MAX;
}

/** +1 when every change is positive, −1 when every change is negative, 0 otherwise (or fewer than 2 changes). */
export function steadyDirection(y: readonly number[]): 1 | -1 | 0 {
  if (y.length < 3) return 0;
  let up = 0;
  let down = 0;
  for (let t = 1; t < y.length; t++) {
    const d = (y[t] ?? Number.NaN) - (y[t - 1] ?? Number.NaN);
    if (d > 0) up++;
    else if (d < 0) down++;
    else return 0;
  }
  return up === y.length - 1 ? 1 : down === y.length - 1 ? -1 : 0;
}

const note = (zh: string, en: string) => ({ zh, en });

export function shortAnnualForecast(y: readonly number[], h: number): ModelResult & { failures?: ModelFailure[] } {
  const n = y.length;
  const direction = steadyDirection(y);
  if (direction !== 0) {
    const drift = randomWalkDriftForecast(y, h);
    if (!drift.ok) return drift;
    const word = direction > 0 ? { zh: '上升', en: 'rose' } : { zh: '下降', en: 'fell' };
    const method: MethodChoice = {
      rule: 'short_steady_trend',
      reason: note(
        `序列较短（${n} 个年度值）且每年都在${word.zh}：保留趋势，按平均每年变化外推（带漂移的随机游走）。短序列上 ETS 无法选出趋势模型，Theta 只保留一半斜率，故不采用。`,
        `A short series (${n} annual values) that ${word.en} every year: the trend is kept, extrapolating the average yearly change (random walk with drift). On short series ETS cannot choose a trend model and Theta keeps half the slope, so neither is used.`,
      ),
      members: [
        { model: drift.model, used: true, note: null },
        { model: 'ETS', used: false, note: note('短序列上只能选出无趋势模型', 'only no-trend models are selectable on a short series') },
        { model: 'Theta', used: false, note: note('只保留一半斜率', 'keeps half the slope') },
      ],
    };
    return { ...drift, method };
  }
  const results = [autoEtsForecast(y, h, 1), thetaForecast(y, h, 1), randomWalkDriftForecast(y, h), geometricDriftForecast(y, h)];
  const combined = combineMedian(results);
  if (!combined.ok) return combined;
  const method: MethodChoice = {
    rule: 'short_median',
    reason: note(
      `序列较短（${n} 个年度值），各年变化方向不一：取 ETS、Theta、带漂移的随机游走和几何漂移（固定增长率）四者的中位数，两个保留趋势、两个收敛趋势。`,
      `A short series (${n} annual values) whose changes go both ways: the median of ETS, Theta, the random walk with drift and the geometric drift (constant growth rate) — two members that keep the trend, two that damp it.`,
    ),
    members: results.map((r) => ({ model: r.model, used: r.ok, note: r.ok ? null : r.reason })),
  };
  return { ...combined, method };
}
