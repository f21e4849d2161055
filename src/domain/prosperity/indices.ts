/**
 * From counted answers (tallies per period, group, question and horizon) to the published indices: the diffusion
 * index of every question and horizon, the climate and confidence indices, each with its sample size, and every cell
 * the confidentiality rules withhold published as withheld (value null, with the reason). Pure: the same tallies,
 * whether counted by SQL or in memory, give the same indices.
 */
import type { Horizon } from './answers';
import { balanceIndex, climateIndex, weightedBalanceIndex } from './climate';
import { primaryReason, withheldCells, type CellStats, type Relation, type WithholdReason } from './confidentiality';
import { diffusionIndex, weightedDiffusionIndex } from './diffusion';
import { ALL, parseGroup } from './groups';
import { roundHalfUp } from './rounding';
import type { IndexKind, SurveyDefinition } from './survey';
import type { Tally } from './tally';

export interface TallyCell {
  period: string;
  group: string;
  question: string;
  horizon: Horizon;
  tally: Tally;
}

export interface DiffusionPoint {
  period: string;
  group: string;
  question: string;
  horizon: Horizon;
  /** Respondents in the cell. */
  n: number;
  /** DI (rounded as the survey publishes); null when withheld or empty. */
  value: number | null;
  weighted: number | null;
  withheld: WithholdReason | null;
}

export interface ClimatePoint {
  period: string;
  group: string;
  kind: Extract<IndexKind, 'climate' | 'confidence'>;
  question: string;
  nCurrent: number;
  nExpected: number;
  /** The 即期 and 预期 parts and the index, rounded; null when withheld or missing. */
  current: number | null;
  expected: number | null;
  value: number | null;
  weighted: number | null;
  withheld: WithholdReason | null;
}

const cellKey = (period: string, question: string, horizon: string) => `${period}|${question}|${horizon}`;

/** Groups the tallies by (period, question, horizon), each a map group → tally. */
export function indexCells(cells: readonly TallyCell[]): Map<string, Map<string, Tally>> {
  const out = new Map<string, Map<string, Tally>>();
  for (const c of cells) {
    const k = cellKey(c.period, c.question, c.horizon);
    let m = out.get(k);
    if (!m) out.set(k, (m = new Map()));
    m.set(c.group, c.tally);
  }
  return out;
}

/** The withheld groups of one (period, question, horizon) table: totals are 'all', parts each dimension's groups. */
export function withheldGroups(groups: ReadonlyMap<string, Tally>, survey: SurveyDefinition): Map<string, WithholdReason> {
  const rules = survey.settings.confidentiality;
  // Most tables have no cell at risk: then there is nothing to withhold and no relation to build.
  let atRisk = false;
  for (const t of groups.values()) if (primaryReason({ count: t.n, total: t.wPositive + t.wNeutral + t.wNegative, max: t.wMax }, rules)) atRisk = true;
  if (!atRisk) return new Map();
  const stats = new Map<string, CellStats>();
  const parts = new Map<string, string[]>();
  for (const [g, t] of groups) {
    stats.set(g, { count: t.n, total: t.wPositive + t.wNeutral + t.wNegative, max: t.wMax });
    const { dimension } = parseGroup(g);
    if (dimension === 'all') continue;
    const list = parts.get(dimension);
    if (list) list.push(g);
    else parts.set(dimension, [g]);
  }
  const relations: Relation[] = [...parts.values()].map((p) => ({ total: ALL, parts: p.sort() }));
  return withheldCells(stats, relations, rules);
}

/** Every diffusion index the tallies give, withheld cells included (as withheld). */
export function diffusionPoints(survey: SurveyDefinition, cells: readonly TallyCell[]): DiffusionPoint[] {
  const d = survey.settings.decimals;
  const round = (v: number | null) => (v === null ? null : roundHalfUp(v, d));
  const out: DiffusionPoint[] = [];
  for (const [key, groups] of indexCells(cells)) {
    const [period = '', question = '', horizon = 'current'] = key.split('|');
    const withheld = withheldGroups(groups, survey);
    for (const [group, t] of groups) {
      const w = withheld.get(group) ?? null;
      out.push({ period, group, question, horizon: horizon as Horizon, n: t.n, value: w ? null : round(diffusionIndex(t)), weighted: w ? null : round(weightedDiffusionIndex(t)), withheld: w });
    }
  }
  return out.sort(byPeriodGroup);
}

/** The climate (企业景气指数) and confidence (企业家信心指数) indices, per period and group. */
export function climatePoints(survey: SurveyDefinition, cells: readonly TallyCell[]): ClimatePoint[] {
  const d = survey.settings.decimals;
  const weights = survey.settings.climateWeights;
  const round = (v: number | null) => (v === null ? null : roundHalfUp(v, d));
  const tables = indexCells(cells);
  const periods = [...new Set(cells.map((c) => c.period))].sort();
  const out: ClimatePoint[] = [];
  for (const q of survey.questions) {
    if (!q.index) continue;
    for (const period of periods) {
      const cur = tables.get(cellKey(period, q.code, 'current'));
      const exp = tables.get(cellKey(period, q.code, 'expected'));
      if (!cur && !exp) continue;
      const wCur = cur ? withheldGroups(cur, survey) : new Map<string, WithholdReason>();
      const wExp = exp ? withheldGroups(exp, survey) : new Map<string, WithholdReason>();
      for (const group of new Set([...(cur?.keys() ?? []), ...(exp?.keys() ?? [])])) {
        const tc = cur?.get(group);
        const te = exp?.get(group);
        const withheld = wCur.get(group) ?? wExp.get(group) ?? null;
        const c = tc ? balanceIndex(tc) : null;
        const e = te ? balanceIndex(te) : null;
        const wc = tc ? weightedBalanceIndex(tc) : null;
        const we = te ? weightedBalanceIndex(te) : null;
        out.push({
          period, group, kind: q.index, question: q.code, nCurrent: tc?.n ?? 0, nExpected: te?.n ?? 0,
          current: withheld ? null : round(c), expected: withheld ? null : round(e),
          value: withheld ? null : round(climateIndex(c, e, weights)),
          weighted: withheld ? null : round(climateIndex(wc, we, weights)),
          withheld,
        });
      }
    }
  }
  return out.sort(byPeriodGroup);
}

function byPeriodGroup(a: { period: string; group: string }, b: { period: string; group: string }): number {
  return a.period < b.period ? -1 : a.period > b.period ? 1 : a.group === b.group ? 0 : a.group === ALL ? -1 : b.group === ALL ? 1 : a.group < b.group ? -1 : 1;
}

