/**
 * What every forecasting method returns: point forecasts for horizons 1..h and the 80% and 95% prediction
 * intervals — or the reason the model cannot be fitted to this series (too short, non-positive values, …), so a
 * caller can say so instead of showing a number it should not trust.
 */
import type { LocalizedText } from '../text';

export interface ModelForecast {
  ok: true;
  /** Model name in the usual notation, e.g. 'ETS(A,Ad,N)', 'Theta', 'ARIMA(0,1,1) with drift'. */
  model: string;
  point: number[];
  lo80: number[];
  hi80: number[];
  lo95: number[];
  hi95: number[];
  /** For a combination or a rule that chooses among methods: which members were used, and why (issue 17). */
  method?: MethodChoice;
}

/** How an automatic forecast was put together: the rule that applied, its reason, and each member's part. */
export interface MethodChoice {
  /** 'median' (the default combination), 'short_steady_trend' or 'short_median' (domain/forecast/shortAnnual.ts). */
  rule: string;
  reason: LocalizedText;
  members: Array<{ model: string; used: boolean; note: LocalizedText | null }>;
}

export interface ModelFailure {
  ok: false;
  model: string;
  reason: LocalizedText;
}

export type ModelResult = ModelForecast | ModelFailure;

/**
 * A forecasting method: fits `y` (observations in time order, `m` periods per year: 1 annual, 4 quarterly,
 * 12 monthly) and forecasts `h` steps ahead. Methods that need WebAssembly (ETS via augurs, ARIMA via the `arima`
 * package) live in services/forecast and are handed to domain code through this type.
 */
export type Forecaster = (y: readonly number[], h: number, m: number) => ModelResult;

export function failure(model: string, zh: string, en: string): ModelFailure {
  return { ok: false, model, reason: { zh, en } };
}

/** Builds symmetric normal intervals point ± z·se (z for 80% and 95%). */
export function normalIntervals(model: string, point: number[], se: readonly number[]): ModelForecast {
  const at = (z: number, sign: number) => point.map((p, i) => p + sign * z * (se[i] ?? Number.NaN));
  return { ok: true, model, point, lo80: at(Z80, -1), hi80: at(Z80, 1), lo95: at(Z95, -1), hi95: at(Z95, 1) };
}

/** qnorm(0.9) and qnorm(0.975): the half-widths, in standard errors, of central 80% and 95% normal intervals. */
export const Z80 = 1.2815515655446004;
export const Z95 = 1.959963984540054;

/** Whether every value is a finite number (a forecast can be shown). */
export function allFinite(f: ModelForecast): boolean {
  return [f.point, f.lo80, f.hi80, f.lo95, f.hi95].every((a) => a.every((v) => Number.isFinite(v)));
}
