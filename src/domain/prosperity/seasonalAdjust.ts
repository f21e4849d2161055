/**
 * Seasonal adjustment of a monthly (or quarterly) component before it enters a composite index: January and February
 * combined for 春节 (springFestival.ts), then STL (stl.ts), and the seasonal subtracted. A series too short for STL
 * (two cycles or less) or with a gap inside is returned unadjusted, and the result says so; missing values at either
 * end (a wave not answered yet) stay missing around an adjusted series.
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
  // Missing values before the first and after the last value (a wave not yet answered) stay missing; a gap inside
  // leaves the series unadjusted.
  const first = values.findIndex((v) => v !== null);
  let last = values.length - 1;
  while (last >= 0 && values[last] === null) last--;
  if (first < 0) return { values: [...values], adjusted: false, reason: 'no value' };
  const inner = values.slice(first, last + 1);
  if (inner.some((v) => v === null)) return { values: [...values], adjusted: false, reason: 'a gap in the series: STL needs every period' };
  const y = inner as number[];
  if (y.length <= 2 * opts.period) return { values: [...values], adjusted: false, reason: `${y.length} periods: STL needs more than two cycles (${2 * opts.period})` };
  const m = months.slice(first, last + 1);
  const input = opts.springFestival && opts.period === 12 ? combineJanuaryFebruary(y, m) : [...y];
  const d = stl(input, { period: opts.period, sWindow: opts.sWindow, robust: opts.robust ?? false });
  const out: Array<number | null> = [...values];
  input.forEach((v, i) => (out[first + i] = v - (d.seasonal[i] ?? 0)));
  return { values: out, adjusted: true, reason: null };
}
