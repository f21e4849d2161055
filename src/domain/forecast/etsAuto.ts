/**
 * Automatic ETS (Hyndman & Khandakar 2008; Hyndman et al. 2002): fit every admissible model — error A/M, trend
 * N/A/Ad, season N/A/M when m > 1 — and keep the one with the smallest AICc. Restrictions as R's ets(restrict =
 * TRUE): no additive error with a multiplicative season; multiplicative parts only for positive data; models with
 * as many parameters as data points minus one are skipped (so a 5-point annual series gets ETS(A,N,N) or ETS(M,N,N)).
 */
import { aiccOf, finishFit, fitEts, forecastEts, isConstant, R_MAXIT, R_RELTOL, startEtsSearch, type EtsFit, type FitOptions } from './etsFit';
import type { EtsSpec, SeasonType, TrendType } from './etsModel';
import { failure, type ModelResult } from './model';

export function candidateSpecs(m: number, positive: boolean): EtsSpec[] {
  const seasons: SeasonType[] = m > 1 && m <= 24 ? ['N', 'A', 'M'] : ['N'];
  const trends: TrendType[] = ['N', 'A', 'Ad'];
  const out: EtsSpec[] = [];
  for (const error of positive ? (['A', 'M'] as const) : (['A'] as const)) {
    for (const trend of trends) {
      for (const season of seasons) {
        if (error === 'A' && season === 'M') continue;
        if (!positive && season === 'M') continue;
        out.push({ error, trend, season, m: season === 'N' ? 1 : m });
      }
    }
  }
  return out;
}

export interface AutoOptions extends FitOptions {
  /**
   * Screen the candidates (default true, with R's search): run every candidate's Nelder–Mead to a loose tolerance
   * (SCREEN_RELTOL), then finish — to R's tolerance, continuing the same deterministic search, so to exactly the
   * optimum a single run would reach — only those whose AICc so far is within SCREEN_MARGIN of the best so far.
   * A search only lowers its value, so the leader's AICc can only fall; a candidate SCREEN_MARGIN behind would have
   * to gain more than that in the last digits of its search. On the 707 odd-indexed M3 series
   * (bench/forecast-m3-calibrate.mts --check-screen) the screened search chose the same model with the same AICc
   * as the exhaustive one on every series, at a fraction of the likelihood evaluations.
   */
  screen?: boolean;
}

/** Relative tolerance of the screening runs. */
export const SCREEN_RELTOL = 1e-4;
/** AICc units a candidate may trail the leader after screening and still be finished. */
export const SCREEN_MARGIN = 10;

export function autoEts(y: readonly number[], m = 1, opts: AutoOptions = {}): EtsFit | null {
  if (isConstant(y)) return fitEts(y, { error: 'A', trend: 'N', season: 'N', m: 1 });
  const positive = y.every((v) => v > 0);
  const specs = candidateSpecs(m, positive);
  let best: EtsFit | null = null;
  const consider = (fit: EtsFit | null) => {
    if (fit && !Number.isNaN(fit.aicc) && fit.aicc < Number.POSITIVE_INFINITY && (!best || fit.aicc < best.aicc)) best = fit;
  };
  if ((opts.search ?? 'r') !== 'r' || opts.screen === false) {
    for (const spec of specs) consider(fitEts(y, spec, opts));
    return best;
  }
  const searches = specs.flatMap((spec) => startEtsSearch(y, spec) ?? []);
  const screened = searches.map((s) => {
    s.search.run(R_MAXIT, SCREEN_RELTOL);
    return aiccOf(s.search.best().value, s.problem.k, y.length);
  });
  const leader = Math.min(...screened);
  searches.forEach((s, i) => {
    if (!((screened[i] ?? Number.POSITIVE_INFINITY) <= leader + SCREEN_MARGIN)) return;
    s.search.run(R_MAXIT, R_RELTOL);
    consider(finishFit(s.problem, s.search.best()));
  });
  return best;
}

export function autoEtsForecast(y: readonly number[], h: number, m = 1): ModelResult {
  if (y.length < 4) return failure('ETS', `ETS 至少需要 4 个观测值（现有 ${y.length} 个）`, `ETS needs at least 4 observations (has ${y.length})`);
  // The optimiser's tolerances and starting values are absolute numbers: fitted on a series scaled to mean 1 and
  // scaled back, the forecast of c·y is c times the forecast of y, whatever unit (元 or 亿元) the figures are in.
  const scale = y.reduce((a, v) => a + Math.abs(v), 0) / y.length;
  const s = Number.isFinite(scale) && scale > 0 ? scale : 1;
  const fit = autoEts(y.map((v) => v / s), m);
  if (!fit) return failure('ETS', '没有可拟合的 ETS 模型', 'no ETS model could be fitted');
  const f = forecastEts(fit, h);
  if (!f.ok) return f;
  const back = (a: number[]) => a.map((v) => v * s);
  return { ...f, point: back(f.point), lo80: back(f.lo80), hi80: back(f.hi80), lo95: back(f.lo95), hi95: back(f.hi95) };
}
