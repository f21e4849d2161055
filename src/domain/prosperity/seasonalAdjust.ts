/**
 * Seasonal adjustment of a monthly (or quarterly) component before it enters a composite index: January and February
 * combined for 春节 (springFestival.ts), then STL (stl.ts), and the seasonal subtracted. A series too short for STL
 * (two cycles or less) or with a gap is returned unadjusted, and the result says so.
 */
import { combineJanuaryFebruary } from './springFestival';
import { stl } from './stl';

export interface SeasonalAdjustOptions {
  /** 12 for months, 4 for quarters. */
  period: number;
  /** STL's seasonal window ('periodic' for a fixed pattern). */
  sWindow: number | 'periodic';
  robust?: boolean;
  /** Combine January and February first (monthly series only). */
  springFestival: boolean;
}

export interface SeasonalAdjusted {
  values: Array<number | null>;
  adjusted: boolean;
  /** Why the series was left as it was. */
  reason: string | null;
}

export function seasonallyAdjust(values: ReadonlyArray<number | null>, months: readonly number[], opts: SeasonalAdjustOptions): SeasonalAdjusted {
  if (values.some((v) => v === null)) return { values: [...values], adjusted: false, reason: 'a gap in the series: STL needs every period' };
  const y = values as readonly number[];
  if (y.length <= 2 * opts.period) return { values: [...values], adjusted: false, reason: `${y.length} periods: STL needs more than two cycles (${2 * opts.period})` };
  const input = opts.springFestival && opts.period === 12 ? combineJanuaryFebruary(y, months) : [...y];
  const d = stl(input, { period: opts.period, sWindow: opts.sWindow, robust: opts.robust ?? false });
  return { values: input.map((v, i) => v - (d.seasonal[i] ?? 0)), adjusted: true, reason: null };
}
