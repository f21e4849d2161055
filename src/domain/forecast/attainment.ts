/**
 * Target attainment from a forecast: the probability that the value at the target year meets the target, and the
 * average growth the target requires against the growth the forecast implies.
 *
 * The forecast distribution at the target year is read off its point and 95% interval as a two-piece normal with
 * its median at the point: σ_lo = (point − lo95)/z95 below, σ_hi = (hi95 − point)/z95 above. That keeps skewed
 * intervals (the log-linear trend's) honest and reduces to the normal for symmetric ones.
 *
 * "Met" follows the evaluation's comparator rule (domain/evaluation/comparator.ts): at_least → Y ≥ target;
 * at_most → Y ≤ target; about (左右) → not short of the band: Y ≥ target − tolerance for an increasing indicator,
 * Y ≤ target + tolerance for a decreasing one (overshooting the band counts as met, flagged, as the evaluation does).
 * A share indicator (占…比重) is handled in its own unit, percent: the target and band are percentage points and its
 * growth is a change in percentage points per year, not a percent growth rate.
 */
import type { Target } from '../plan/model';
import type { Direction } from '../plan/terms';
import { Z95 } from './model';
import { normalCdf } from './normal';

export interface ForecastPoint {
  year: number;
  point: number;
  lo80: number;
  hi80: number;
  lo95: number;
  hi95: number;
}

/** P(Y ≤ x) for the two-piece normal implied by a forecast point and its 95% interval. */
export function forecastCdf(at: Pick<ForecastPoint, 'point' | 'lo95' | 'hi95'>, x: number): number {
  const below = Math.max(0, (at.point - at.lo95) / Z95);
  const above = Math.max(0, (at.hi95 - at.point) / Z95);
  if (x < at.point) return below > 0 ? normalCdf((x - at.point) / below) : 0;
  if (x > at.point) return above > 0 ? normalCdf((x - at.point) / above) : 1;
  return 0.5;
}

/** The probability that the target is met. */
export function probabilityMet(at: Pick<ForecastPoint, 'point' | 'lo95' | 'hi95'>, target: Pick<Target, 'value' | 'comparator' | 'tolerance'>, direction: Direction): number {
  const tolerance = Math.abs(target.tolerance ?? 0);
  switch (target.comparator) {
    case 'at_least':
      return 1 - forecastCdf(at, target.value);
    case 'at_most':
      return forecastCdf(at, target.value);
    case 'about':
      return direction === 'increase' ? 1 - forecastCdf(at, target.value - tolerance) : forecastCdf(at, target.value + tolerance);
  }
}

/** The band [lower, upper] of an about (左右) target; null for the others. */
export function targetBand(target: Pick<Target, 'value' | 'comparator' | 'tolerance'>): [number, number] | null {
  if (target.comparator !== 'about') return null;
  const t = Math.abs(target.tolerance ?? 0);
  return [target.value - t, target.value + t];
}

/**
 * Average annual growth from `from` to `to` over `years` years: a percent growth rate, ((to/from)^(1/years) − 1)·100,
 * or for a share (percent unit) the change in percentage points per year, (to − from)/years. null when undefined
 * (no years between, or a rate across zero or negative values).
 */
export function averageGrowth(from: number, to: number, years: number, isShare: boolean): number | null {
  if (!(years > 0)) return null;
  if (isShare) return (to - from) / years;
  if (!(from > 0) || !(to > 0)) return null;
  return ((to / from) ** (1 / years) - 1) * 100;
}
