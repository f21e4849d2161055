/**
 * The survey's cyclical indicators over time, from the counted answers of all enterprises: the composite leading /
 * coincident / lagging indices (composite.ts) with their components seasonally adjusted first (seasonalAdjust.ts),
 * their turning points (turningPoints.ts), and the signal lights of every period (signals.ts).
 */
import type { LocalizedText } from '../text';
import { balanceIndex, weightedBalanceIndex } from './climate';
import { COMPOSITE_GROUPS, compositeIndices, type CompositeComponent, type CompositeGroup } from './composite';
import { diffusionIndex, weightedDiffusionIndex } from './diffusion';
import { ALL } from './groups';
import { indexCells, type TallyCell } from './indices';
import { roundHalfUp } from './rounding';
import { seasonallyAdjust } from './seasonalAdjust';
import { signalRow, type Light, type SignalComponent } from './signals';
import { datingRules, type SeriesSource, type SurveyDefinition } from './survey';
import type { Tally } from './tally';
import { turningPoints, type TurningPoint } from './turningPoints';
import { periodRange, type WavePeriod } from './wavePeriod';

export interface ComponentSeries {
  code: string;
  name: LocalizedText;
  group: CompositeGroup;
  /** The source index per period, as computed (unrounded), null where no enterprise answered. */
  raw: Array<number | null>;
  /** After seasonal adjustment (equal to raw when not adjusted). */
  adjusted: Array<number | null>;
  seasonallyAdjusted: boolean;
  /** Why the component was not seasonally adjusted. */
  note: string | null;
  change: 'symmetric' | 'difference';
  invert: boolean;
  sigma: number | null;
  r: number | null;
}

export interface CompositeSeries {
  group: CompositeGroup;
  trendAdjust: boolean;
  trendAdjustment: number;
  level: Array<number | null>;
  growth: Array<number | null>;
  turningPoints: TurningPoint[];
}

export interface SignalPoint {
  period: string;
  lights: Record<string, { value: number | null; light: Light | null }>;
  points: number;
  counted: number;
  score: number | null;
  light: Light | null;
}

export interface CycleResult {
  periods: string[];
  baseYear: number | null;
  /** The window's first and last period (σ and trend). */
  window: { from: string; to: string } | null;
  indices: CompositeSeries[];
  components: ComponentSeries[];
  signalComponents: Array<{ code: string; name: LocalizedText; thresholds: readonly number[]; inverted: boolean }>;
  signals: SignalPoint[];
}

/**
 * The series of a source over the periods: the all-enterprise cell of its question and horizon, measured. A period
 * with fewer respondents than confidentiality allows to publish is missing.
 */
export function sourceSeries(source: SeriesSource, periods: readonly WavePeriod[], tables: ReadonlyMap<string, ReadonlyMap<string, Tally>>, minRespondents = 1): Array<number | null> {
  return periods.map((p) => {
    const t = tables.get(`${p.code}|${source.question}|${source.horizon}`)?.get(ALL);
    if (!t || t.n < minRespondents) return null;
    if (source.measure === 'balance') return source.weighted ? weightedBalanceIndex(t) : balanceIndex(t);
    return source.weighted ? weightedDiffusionIndex(t) : diffusionIndex(t);
  });
}

export function cycleIndicators(survey: SurveyDefinition, cells: readonly TallyCell[]): CycleResult {
  const periods = periodRange([...new Set(cells.map((c) => c.period))], survey.frequency);
  const codes = periods.map((p) => p.code);
  const tables = indexCells(cells);
  const minimum = survey.settings.confidentiality.minRespondents;
  const result: CycleResult = { periods: codes, baseYear: null, window: null, indices: [], components: [], signalComponents: [], signals: [] };
  const composite = survey.composite;
  if (composite && periods.length > 1) {
    const from = composite.window ? Math.max(0, codes.findIndex((c) => c >= (composite.window?.from ?? ''))) : 1;
    const lastIn = composite.window ? codes.filter((c) => c <= (composite.window?.to ?? '')).length - 1 : codes.length - 1;
    const window = { from: Math.max(1, from), to: Math.max(1, lastIn) };
    const base = periods.flatMap((p, i) => (p.year === composite.baseYear ? [i] : []));
    result.baseYear = composite.baseYear;
    result.window = { from: codes[window.from] ?? '', to: codes[window.to] ?? '' };
    const sa = composite.seasonalAdjustment;
    const groups: Partial<Record<CompositeGroup, { components: CompositeComponent[]; trendAdjust: boolean }>> = {};
    for (const g of COMPOSITE_GROUPS) {
      const def = composite.groups[g];
      if (!def) continue;
      const comps: CompositeComponent[] = [];
      for (const c of def.components) {
        const raw = sourceSeries(c.source, periods, tables, minimum);
        const adj = sa
          ? seasonallyAdjust(raw, periods.map((p) => p.sub), { period: survey.frequency === 'monthly' ? 12 : 4, sWindow: sa.sWindow, springFestival: sa.springFestival === 'combine' })
          : { values: raw, adjusted: false, reason: 'seasonal adjustment is off for this survey' };
        comps.push({ code: c.code, values: adj.values, change: c.change, invert: c.invert });
        result.components.push({ code: c.code, name: c.name, group: g, raw, adjusted: adj.values, seasonallyAdjusted: adj.adjusted, note: adj.reason, change: c.change, invert: c.invert, sigma: null, r: null });
      }
      groups[g] = { components: comps, trendAdjust: def.trendAdjust };
    }
    // Without a base year in the data, the index is 100 at its first period.
    const out = compositeIndices(groups, { window, base: base.length > 0 ? base : [0] });
    const rules = datingRules(survey);
    for (const g of COMPOSITE_GROUPS) {
      const r = out[g];
      if (!r) continue;
      for (const c of result.components) {
        const f = c.group === g ? r.factors[c.code] : undefined;
        if (f) Object.assign(c, { sigma: f.sigma, r: f.r });
      }
      result.indices.push({ group: g, trendAdjust: groups[g]?.trendAdjust ?? false, trendAdjustment: r.trendAdjustment, level: r.level, growth: r.growth, turningPoints: turningPoints(r.level, rules) });
    }
  }
  const signals = survey.signals;
  if (signals) {
    const comps: SignalComponent[] = signals.components.map((c) => ({ code: c.code, thresholds: c.thresholds, inverted: c.inverted }));
    result.signalComponents = signals.components.map((c) => ({ code: c.code, name: c.name, thresholds: c.thresholds, inverted: c.inverted }));
    const series = signals.components.map((c) => sourceSeries(c.source, periods, tables, minimum));
    // Lights are read from the published (rounded) values, so a reader can check each against its thresholds.
    result.signals = periods.map((p, i) => {
      const values: Record<string, number | null> = {};
      signals.components.forEach((c, j) => {
        const v = series[j]?.[i] ?? null;
        values[c.code] = v === null ? null : roundHalfUp(v, survey.settings.decimals);
      });
      return { period: p.code, ...signalRow(comps, values, signals.composite) };
    });
  }
  return result;
}
