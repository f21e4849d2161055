/**
 * Target attainment from a forecast: the probability that the value at the target year meets the target, and the
 * average growth the target requires against the growth the forecast implies.
 *
 * The forecast distribution at the target year is read off its point and its 80% and 95% intervals — for the
 * automatic forecast these are the calibrated ones (domain/forecast/calibration.ts), so the probability is no more
 * confident than the intervals proved on M3. On each side of the point, x is mapped to a normal quantile z by
 * straight lines through (point, 0), (80% bound, ±z80), (95% bound, ±z95), continued beyond the 95% bound with the
 * outer slope, and P(Y ≤ x) = Φ(z): the distribution matches both intervals exactly, keeps skewed intervals (the
 * log-linear trend's) skewed, gets a heavier tail when the 95% interval is wide relative to the 80% one, and is the
 * normal itself when the intervals are normal ones. Without usable 80% bounds it is the two-piece normal with
 * σ = (95% half-width)/z95 on each side.
 *
 * "Met" follows the evaluation's comparator rule (domain/evaluation/comparator.ts): at_least → Y ≥ target;
 * at_most → Y ≤ target; about (左右) → not short of the band: Y ≥ target − tolerance for an increasing indicator,
 * Y ≤ target + tolerance for a decreasing one (overshooting the band counts as met, flagged, as the evaluation does).
 * A share indicator (占…比重) is handled in its own unit, percent: the target and band are percentage points and its
 * growth is a change in percentage points per year, not a percent growth rate.
 */
import type { Target } from '../plan/model';
import type { Direction } from '../plan/terms';
import { Z80, Z95, type ModelForecast } from './model';
import { normalCdf } from './normal';

export interface ForecastPoint {
  year: number;
  point: number;
  lo80: number;
  hi80: number;
  lo95: number;
  hi95: number;
}

/** A model's forecast as one point per year from the year after `lastYear`. */
export function yearlyPath(f: Pick<ModelForecast, 'point' | 'lo80' | 'hi80' | 'lo95' | 'hi95'>, lastYear: number): ForecastPoint[] {
  return f.point.map((point, j) => ({
    year: lastYear + j + 1,
    point,
    lo80: f.lo80[j] ?? Number.NaN,
    hi80: f.hi80[j] ?? Number.NaN,
    lo95: f.lo95[j] ?? Number.NaN,
    hi95: f.hi95[j] ?? Number.NaN,
  }));
}

type CdfInput = Pick<ForecastPoint, 'point' | 'lo95' | 'hi95'> & Partial<Pick<ForecastPoint, 'lo80' | 'hi80'>>;

/** P(Y ≤ x) for the distribution implied by a forecast point and its intervals (see above). */
export function forecastCdf(at: CdfInput, x: number): number {
  if (x === at.point) return 0.5;
  const upper = x > at.point;
  const d = Math.abs(x - at.point);
  const inner = at.lo80 === undefined || at.hi80 === undefined ? Number.NaN : upper ? at.hi80 - at.point : at.point - at.lo80;
  const outer = Math.max(0, upper ? at.hi95 - at.point : at.point - at.lo95);
  let z: number;
  if (inner > 0 && outer > inner) {
    const slope = (Z95 - Z80) / (outer - inner);
    z = d <= inner ? (Z80 * d) / inner : Z80 + slope * (d - inner);
  } else if (outer > 0) {
    z = (Z95 * d) / outer;
  } else {
    z = Number.POSITIVE_INFINITY;
  }
  return upper ? normalCdf(z) : 1 - normalCdf(z);
}

/** The probability that the target is met. */
export function probabilityMet(at: CdfInput, target: Pick<Target, 'value' | 'comparator' | 'tolerance'>, direction: Direction): number {
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
