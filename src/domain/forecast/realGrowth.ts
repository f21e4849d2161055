/**
 * Forecasting in real terms (可比价) from published real growth rates and one level (issue 17). Chinese statistics
 * publish levels at current prices and growth rates at comparable prices; a real level series is what the rates
 * chain to from a level in a chosen year — the series at that year's prices:
 *   L_Y = the published level of year Y;  L_t = L_{t−1}·(1 + g_t/100) forward;  L_{t−1} = L_t / (1 + g_t/100) back,
 * (国家统计局's 以某年价格计算 / constant prices of year Y). The chain stops at the first year without a rate on each
 * side: a missing rate cannot be bridged by current-price levels, which carry inflation. The real series is then
 * forecast like any level, and the forecast is reported as such: real levels at year-Y prices and the average real
 * growth they imply from the last observed year (with the interval that the level interval gives; the map from the
 * level at year T to the average rate is monotone, so its bounds are the bounds' images).
 */
import { err, ok, type Result } from '../result';
import type { LocalizedText } from '../text';
import { yearlyPath, type ForecastPoint } from './attainment';
import type { Forecaster, MethodChoice } from './model';

export interface RealLevels {
  /** The year whose prices the levels are at (the anchor level's year). */
  priceYear: number;
  points: Array<{ year: number; value: number }>;
}

/** Chains real growth rates (percent, year on year at comparable prices) from a level in its year. */
export function chainRealLevels(
  rates: ReadonlyArray<{ year: number; ratePercent: number }>,
  anchor: { year: number; value: number },
): Result<RealLevels, LocalizedText> {
  if (!(anchor.value > 0)) return err({ zh: `${anchor.year}年的水平值不为正数，无法链接增长率`, en: `the ${anchor.year} level is not positive: growth rates cannot be chained from it` });
  const rate = new Map<number, number>();
  for (const r of rates) {
    if (!Number.isFinite(r.ratePercent) || r.ratePercent <= -100) return err({ zh: `${r.year}年的增长率 ${r.ratePercent}% 无效`, en: `the ${r.year} growth rate ${r.ratePercent}% is not usable` });
    rate.set(r.year, r.ratePercent);
  }
  const points = [{ year: anchor.year, value: anchor.value }];
  for (let t = anchor.year + 1, level = anchor.value; rate.has(t); t++) {
    level *= 1 + (rate.get(t) ?? Number.NaN) / 100;
    points.push({ year: t, value: level });
  }
  for (let t = anchor.year, level = anchor.value; rate.has(t); t--) {
    level /= 1 + (rate.get(t) ?? Number.NaN) / 100;
    points.unshift({ year: t - 1, value: level });
  }
  return ok({ priceYear: anchor.year, points });
}

export interface RealForecast {
  priceYear: number;
  /** How the numbers are to be read, e.g. 按2020年价格计算（可比价）. */
  basis: LocalizedText;
  history: Array<{ year: number; value: number }>;
  /** Real levels at priceYear prices, each year to the last one asked for. */
  path: ForecastPoint[];
  /** Average real growth per year (percent) from the last observed year to each forecast year, with its intervals. */
  growth: ForecastPoint[];
  model: string;
  method: MethodChoice | null;
}

/** Forecasts the chained real levels to `toYear` and reads the implied average real growth. */
export function forecastRealLevels(real: RealLevels, forecaster: Forecaster, toYear: number, minPoints: number): Result<RealForecast, LocalizedText> {
  const last = real.points[real.points.length - 1];
  if (!last || real.points.length < minPoints) {
    return err({
      zh: `数据不足：可比价序列只有 ${real.points.length} 个年度值（至少需要 ${minPoints} 个）`,
      en: `Insufficient data: the real series has ${real.points.length} annual values (a forecast needs ${minPoints})`,
    });
  }
  const h = toYear - last.year;
  if (h < 1) return err({ zh: `预测年份 ${toYear} 不晚于最后观测年 ${last.year}`, en: `the year ${toYear} is not after the last observed year ${last.year}` });
  const f = forecaster(real.points.map((p) => p.value), h, 1);
  if (!f.ok) return err(f.reason);
  const path = yearlyPath(f, last.year);
  const rate = (level: number, years: number) => (level > 0 ? ((level / last.value) ** (1 / years) - 1) * 100 : Number.NaN);
  const growth = path.map((p, j) => ({ year: p.year, point: rate(p.point, j + 1), lo80: rate(p.lo80, j + 1), hi80: rate(p.hi80, j + 1), lo95: rate(p.lo95, j + 1), hi95: rate(p.hi95, j + 1) }));
  return ok({
    priceYear: real.priceYear,
    basis: { zh: `按${real.priceYear}年价格计算（可比价）`, en: `at constant ${real.priceYear} prices (real terms)` },
    history: real.points,
    path,
    growth,
    model: f.model,
    method: f.method ?? null,
  });
}
