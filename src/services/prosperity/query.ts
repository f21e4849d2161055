/**
 * The survey's indices as the API, the CLI and the reports read them: filtered, labelled, paged by an opaque
 * cursor (the last item's sort key), and saying whether the data are synthetic.
 */
import type { Database } from '../../db/client';
import { listRegions } from '../../db/regions';
import { listSurveys, type SurveySummaryRow } from '../../db/prosperity';
import { SCALES } from '../../domain/prosperity/answers';
import { COMPOSITE_GROUP_LABELS } from '../../domain/prosperity/composite';
import { groupLabel } from '../../domain/prosperity/groups';
import type { LocalizedText as Text } from '../../domain/text';
import type { ClimatePoint, DiffusionPoint } from '../../domain/prosperity/indices';
import type { CompositeGroup } from '../../domain/prosperity/composite';
import type { ComponentSeries, SignalPoint } from '../../domain/prosperity/cycle';
import type { Question, SurveyDefinition } from '../../domain/prosperity/survey';
import type { TurnKind } from '../../domain/prosperity/turningPoints';
import { BadRequestError, NotFoundError } from '../errors';
import { climateIndices, compositeIndices, diffusionIndices } from './indices';
import { getSurvey } from './surveys';

/** What the API, the CLI and the reports read (the HTTP schemas in shared/api/prosperity.ts describe the same). */
export interface SurveySummaryDto {
  code: string;
  name: Text;
  frequency: 'monthly' | 'quarterly';
  waves: number;
  panel: number;
  synthetic: boolean;
  firstPeriod: string | null;
  lastPeriod: string | null;
}
export interface SurveyDetailDto extends SurveySummaryDto {
  questions: Array<Pick<Question, 'code' | 'text' | 'scale' | 'horizons' | 'index' | 'adverse'> & { options: Text[] }>;
  settings: SurveyDefinition['settings'];
}
interface CompositeDto {
  periods: string[];
  baseYear: number | null;
  window: { from: string; to: string } | null;
  indices: Array<{ group: CompositeGroup; name: Text; trendAdjust: boolean; trendAdjustment: number; level: Array<number | null>; growth: Array<number | null>; turningPoints: Array<{ period: string; kind: TurnKind; value: number }> }>;
  components: ComponentSeries[];
}
interface SignalsDto {
  periods: string[];
  components: Array<{ code: string; name: Text; thresholds: number[]; inverted: boolean }>;
  rows: SignalPoint[];
  compositeThresholds: number[];
}
export type IndicesResponseDto =
  | { kind: 'diffusion'; survey: string; synthetic: boolean; items: Array<DiffusionPoint & { label: Text }>; nextCursor: string | null }
  | { kind: 'climate'; survey: string; synthetic: boolean; items: Array<ClimatePoint & { label: Text }>; nextCursor: string | null }
  | { kind: 'composite'; survey: string; synthetic: boolean; composite: CompositeDto }
  | { kind: 'signals'; survey: string; synthetic: boolean; signals: SignalsDto };

export interface IndicesRequest {
  kind: 'diffusion' | 'climate' | 'composite' | 'signals';
  survey?: string | undefined;
  industry?: string | undefined;
  group?: string | undefined;
  question?: string | undefined;
  horizon?: 'current' | 'expected' | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

const encode = (key: string) => Buffer.from(key, 'utf8').toString('base64url');
function decode(cursor: string | undefined): string | null {
  if (cursor === undefined) return null;
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (key === '' || encode(key) !== cursor) throw new BadRequestError('query field cursor: not a cursor this server gave (use the x-next-cursor header of the previous page)');
  return key;
}

/** Keyset paging over items sorted by `keyOf`: the page after the cursor's key, and the next cursor. */
function page<T>(items: readonly T[], keyOf: (t: T) => string, limit: number, cursor: string | undefined): { items: T[]; nextCursor: string | null } {
  const after = decode(cursor);
  const sorted = items.map((t) => ({ t, k: keyOf(t) })).sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
  const rest = after === null ? sorted : sorted.filter((x) => x.k > after);
  const slice = rest.slice(0, limit);
  const last = slice[slice.length - 1];
  return { items: slice.map((x) => x.t), nextCursor: rest.length > limit && last ? encode(last.k) : null };
}

/** Labels of the groups in both languages (a district's name from the region registry). */
async function labeller(database: Database): Promise<(group: string) => Text> {
  const regions = new Map((await listRegions(database.db)).map((r) => [r.code, r.name]));
  return (g) => ({ zh: groupLabel(g, 'zh', (c) => regions.get(c)?.zh), en: groupLabel(g, 'en', (c) => regions.get(c)?.en) });
}

export async function surveySummary(database: Database, code: string): Promise<SurveySummaryDto> {
  const row = (await listSurveys(database.db, 1, code, true))[0];
  if (!row) throw new NotFoundError(`no survey "${code}"`);
  return summaryDto(row);
}

const summaryDto = (r: SurveySummaryRow): SurveySummaryDto => ({
  code: r.code, name: { zh: r.nameZh, en: r.nameEn }, frequency: r.frequency === 'quarterly' ? 'quarterly' : 'monthly', waves: r.waves, panel: r.panel, synthetic: r.synthetic, firstPeriod: r.firstPeriod, lastPeriod: r.lastPeriod,
});

export async function surveyPage(database: Database, limit: number, cursor: string | undefined): Promise<{ items: SurveySummaryDto[]; nextCursor: string | null }> {
  const after = decode(cursor);
  const rows = await listSurveys(database.db, limit + 1, after, false);
  const items = rows.slice(0, limit).map(summaryDto);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encode(last.code) : null };
}

export async function surveyDetail(database: Database, code: string): Promise<SurveyDetailDto> {
  const [summary, s] = await Promise.all([surveySummary(database, code), getSurvey(database, code)]);
  return {
    ...summary,
    questions: s.questions.map((q) => ({ code: q.code, text: q.text, scale: q.scale, options: [...SCALES[q.scale]], horizons: [...q.horizons], index: q.index, adverse: q.adverse })),
    settings: s.settings,
  };
}

/** The first survey's code (the default of every index request), or a 404 when none is loaded. */
export async function defaultSurvey(database: Database): Promise<string> {
  const first = (await listSurveys(database.db, 1, null, false))[0];
  if (!first) throw new NotFoundError('no survey is loaded (prosperity/*.yaml)');
  return first.code;
}

export async function indices(database: Database, q: IndicesRequest): Promise<IndicesResponseDto> {
  const code = q.survey ?? (await defaultSurvey(database));
  const { synthetic } = await surveySummary(database, code);
  const span = { from: q.from, to: q.to };
  const inSpan = (p: string) => (q.from === undefined || p >= q.from) && (q.to === undefined || p <= q.to);
  if (q.kind === 'diffusion' || q.kind === 'climate') {
    const label = await labeller(database);
    const keepGroup = (g: string) => q.group === undefined || g === q.group;
    // 'all' sorts before every other group within a period.
    const groupKey = (g: string) => (g === 'all' ? '0' : `1${g}`);
    if (q.kind === 'diffusion') {
      const { points } = await diffusionIndices(database, code, { ...span, industry: q.industry, question: q.question, horizon: q.horizon });
      const kept = points.filter((p) => keepGroup(p.group) && (q.question === undefined || p.question === q.question) && (q.horizon === undefined || p.horizon === q.horizon));
      const { items, nextCursor } = page(kept, (p) => `${p.period}\u0001${groupKey(p.group)}\u0001${p.question}\u0001${p.horizon}`, q.limit, q.cursor);
      return { kind: 'diffusion', survey: code, synthetic, items: items.map((p) => ({ ...p, label: label(p.group) })), nextCursor };
    }
    const { points } = await climateIndices(database, code, { ...span, industry: q.industry });
    const kept = points.filter((p) => keepGroup(p.group));
    const { items, nextCursor } = page(kept, (p) => `${p.period}\u0001${groupKey(p.group)}\u0001${p.kind}`, q.limit, q.cursor);
    return { kind: 'climate', survey: code, synthetic, items: items.map((p) => ({ ...p, label: label(p.group) })), nextCursor };
  }
  // Composite indices and signals are computed on the whole history (σ, trend, seasonal adjustment), then cut to the span.
  const { survey, cycle } = await compositeIndices(database, code);
  const keep = cycle.periods.map((p) => inSpan(p));
  const cut = <T>(xs: readonly T[]) => xs.filter((_, i) => keep[i]);
  const periods = cut(cycle.periods);
  if (q.kind === 'signals') {
    return {
      kind: 'signals', survey: code, synthetic,
      signals: { periods, components: cycle.signalComponents.map((c) => ({ ...c, thresholds: [...c.thresholds] })), rows: cycle.signals.filter((r) => inSpan(r.period)), compositeThresholds: [...(survey.signals?.composite ?? [])] },
    };
  }
  return {
    kind: 'composite', survey: code, synthetic,
    composite: {
      periods, baseYear: cycle.baseYear, window: cycle.window,
      indices: cycle.indices.map((g) => ({
        group: g.group, name: COMPOSITE_GROUP_LABELS[g.group], trendAdjust: g.trendAdjust, trendAdjustment: g.trendAdjustment, level: cut(g.level), growth: cut(g.growth),
        turningPoints: g.turningPoints.flatMap((t) => (keep[t.index] ? [{ period: cycle.periods[t.index] ?? '', kind: t.kind, value: t.value }] : [])),
      })),
      components: cycle.components.map((c) => ({ ...c, raw: cut(c.raw), adjusted: cut(c.adjusted) })),
    },
  };
}
