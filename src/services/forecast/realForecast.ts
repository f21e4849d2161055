/**
 * The forecast of a series published as real growth rates (可比价) plus one level (issue 17): the rates are chained
 * from the level into real levels at that year's prices (domain/forecast/realGrowth.ts), which the automatic
 * forecast extends; the answer is in real terms and says so. Figures are chosen as the evaluation chooses them
 * (preference rule, as-of date); growth figures not at comparable prices are left out, levels not at current prices too.
 */
import type { Database } from '../../db/client';
import { listObservations } from '../../db/observations';
import type { AsOf } from '../../domain/evaluation/asOf';
import { MIN_POINTS } from '../../domain/forecast/indicator';
import type { Forecaster } from '../../domain/forecast/model';
import { chainRealLevels, forecastRealLevels, type RealForecast } from '../../domain/forecast/realGrowth';
import type { ApprovalState } from '../../domain/observation/approval';
import { annualSeries } from '../../domain/observation/series';
import type { LocalizedText } from '../../domain/text';
import { BadRequestError } from '../errors';
import { autoForecast } from './autoForecast';
import { parseAsOfOption } from './forecastPlan';

export interface RealForecastOptions {
  growthCode: string;
  levelCode: string;
  regionCode: string;
  asOf: AsOf | string | number;
  /** The year whose level anchors the chain (its prices are the real series' prices); default: the one giving the longest chain, the latest on a tie. */
  anchorYear?: number;
  /** Forecast to this year (default: two years after the last real value). */
  toYear?: number;
  states?: readonly ApprovalState[];
  forecaster?: Forecaster;
}

export interface RealSeriesForecast {
  growthCode: string;
  levelCode: string;
  regionCode: string;
  asOf: string;
  status: 'ok' | 'insufficient_data';
  reason: LocalizedText | null;
  rates: Array<{ year: number; ratePercent: number; observationId: number }>;
  anchor: { year: number; value: number; observationId: number } | null;
  forecast: RealForecast | null;
}

export async function forecastRealSeries(database: Database, opts: RealForecastOptions): Promise<RealSeriesForecast> {
  const asOf = parseAsOfOption(opts.asOf);
  if (opts.toYear !== undefined && !Number.isInteger(opts.toYear)) throw new BadRequestError(`to must be a year (got ${opts.toYear})`);
  const figures = await listObservations(database.db, { indicatorCodes: [opts.growthCode, opts.levelCode], regionCodes: [opts.regionCode], states: opts.states ?? ['approved'] });
  const choose = (code: string, basis: 'comparable' | 'current') =>
    annualSeries(
      figures.filter((f) => f.indicatorCode === code && f.priceBasis === basis),
      { publishedBy: asOf.publishedBy, maxYear: asOf.maxYear, priceBasis: 'any' },
    ).flatMap((p) => (p.observation ? [{ year: p.year, value: p.value, observationId: p.observation.id }] : []));
  const rates = choose(opts.growthCode, 'comparable').map((p) => ({ year: p.year, ratePercent: p.value, observationId: p.observationId }));
  const levels = choose(opts.levelCode, 'current');
  const base = { growthCode: opts.growthCode, levelCode: opts.levelCode, regionCode: opts.regionCode, asOf: asOf.text, rates };
  const insufficient = (reason: LocalizedText, anchor: RealSeriesForecast['anchor'] = null): RealSeriesForecast => ({ ...base, status: 'insufficient_data', reason, anchor, forecast: null });
  if (rates.length === 0) return insufficient({ zh: `没有 ${opts.growthCode} 的可比价增长率`, en: `no growth rates of ${opts.growthCode} at comparable prices` });
  const candidates = opts.anchorYear === undefined ? levels : levels.filter((l) => l.year === opts.anchorYear);
  if (candidates.length === 0) {
    const which = opts.anchorYear === undefined ? '' : `${opts.anchorYear}年`;
    return insufficient({ zh: `没有 ${opts.levelCode} ${which}的现价水平值作为链接起点`, en: `no current-price level of ${opts.levelCode}${opts.anchorYear === undefined ? '' : ` for ${opts.anchorYear}`} to chain from` });
  }
  // The anchor giving the longest chain; the latest such year on a tie (its prices are the most recent).
  let best: { level: (typeof levels)[number]; length: number } | null = null;
  for (const level of candidates) {
    const chained = chainRealLevels(rates, { year: level.year, value: level.value });
    const length = chained.ok ? chained.value.points.length : 0;
    if (!best || length >= best.length) best = { level, length };
  }
  if (!best) return insufficient({ zh: '没有可用的水平值', en: 'no usable level' });
  const anchor = best.level;
  const chained = chainRealLevels(rates, { year: anchor.year, value: anchor.value });
  if (!chained.ok) return insufficient(chained.error, anchor);
  const last = chained.value.points[chained.value.points.length - 1]?.year ?? anchor.year;
  const toYear = opts.toYear ?? last + 2;
  if (toYear <= last || toYear > last + 10) throw new BadRequestError(`to must be a year from ${last + 1} to ${last + 10} (got ${toYear})`);
  const f = forecastRealLevels(chained.value, opts.forecaster ?? autoForecast, toYear, MIN_POINTS);
  if (!f.ok) return insufficient(f.error, anchor);
  return { ...base, status: 'ok', reason: null, anchor, forecast: f.value };
}
