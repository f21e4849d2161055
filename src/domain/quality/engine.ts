/**
 * Runs the rules in force over figures. Each subject is checked with the figures of the pool standing for every
 * other cell (the one the preference rule chooses per indicator, region and period) and itself standing for its
 * own — so a new figure is judged against the accepted ones, and an accepted one against its peers. Over the whole
 * database (keep: 'failures') a figure equal to its cell's chosen one is not checked again. Pure.
 *
 * @example
 * const { results } = checkFigures({ rules, pool: approved, subjects: [draft], indicators, regions, keep: 'all' });
 */
import type { Region } from '../region/region';
import type { UnitCatalogue } from '../unit/catalogue';
import { Cells, type ChangeKind } from './cells';
import { Env, type Counts, type FailedRule } from './env';
import type { QualityFigure } from './figure';
import type { FigureList } from './figureList';
import { checkCumulative } from './kinds/cumulative';
import { checkGrowthLevel } from './kinds/growthLevel';
import { checkOutlier } from './kinds/outlier';
import { checkPartOf } from './kinds/partOf';
import { checkRange } from './kinds/range';
import { checkRegionSum } from './kinds/regionSum';
import { checkShare } from './kinds/share';
import { checkSum } from './kinds/sum';
import type { RuleResult } from './result';
import type { ActiveRule, IndicatorInfo } from './ruleSet';
import { ruleIndicators } from './rules';

export type { Counts, FailedRule };

export interface CheckInput {
  rules: readonly ActiveRule[];
  /** Figures that stand for their cells: approved ones, and the rows of a file being imported. */
  pool: FigureList;
  /** Figures to check (they need not be in the pool). */
  subjects: Iterable<QualityFigure>;
  indicators: ReadonlyMap<string, IndicatorInfo>;
  regions: readonly Region[];
  /** Units as data: an indicator's unit says whether it is money (price basis) and how its changes compare. */
  units: UnitCatalogue;
  /** 'all': every result of every subject (a file's rows, one figure); 'failures': violations only, each once. */
  keep: 'all' | 'failures';
  /** With keep 'all': keep at most this many results that are not failures (all are counted); default no limit. */
  keepOthers?: number;
  /**
   * With keep 'all': keep at most this many failures of each severity (all are counted, and noted in `failing` when
   * asked); default no limit. A file's rows can fail by the million: their results would not fit in memory.
   */
  keepFailures?: number;
  /** With keep 'all': note every failing subject and the rules it failed (output `failing`). */
  noteFailing?: boolean;
}

export interface CheckOutput {
  results: RuleResult[];
  /** Outcomes per rule id, every subject counted (a violation seen from two figures counts twice here). */
  counts: Map<string, Counts>;
  /** With noteFailing: every failing subject's id and the rules it failed, whether its results were kept or not. */
  failing?: Map<number, FailedRule[]>;
}

export function checkFigures(input: CheckInput): CheckOutput {
  const money = new Map<string, boolean>();
  const changeKinds = new Map<string, ChangeKind>();
  for (const [code, info] of input.indicators) {
    const u = input.units.parse(info.unit);
    const dimension = u.ok ? u.value.dimension : null;
    money.set(code, dimension !== null && dimension.startsWith('currency'));
    changeKinds.set(code, dimension === 'percent' || dimension === 'percentage_point' ? 'difference' : 'ratio');
  }
  const cells = new Cells(input.pool, (f) => f.priceBasis === 'comparable' && money.get(f.indicatorCode) === true);
  const results: RuleResult[] = [];
  const counts = new Map<string, Counts>();
  const failing = input.noteFailing ? new Map<number, FailedRule[]>() : null;
  const keepFailures = input.keepFailures ?? Number.POSITIVE_INFINITY;
  const env = new Env(cells, input.indicators, changeKinds, input.regions, input.keep, results, counts, input.keepOthers ?? Number.POSITIVE_INFINITY, { error: keepFailures, warning: keepFailures }, failing);

  const byIndicator = new Map<string, ActiveRule[]>();
  const everyIndicator: ActiveRule[] = [];
  for (const active of input.rules) {
    const codes = readBy(active, input.indicators);
    if (codes === 'all') everyIndicator.push(active);
    else for (const c of codes) byIndicator.set(c, [...(byIndicator.get(c) ?? []), active]);
  }

  const failuresOnly = input.keep === 'failures';
  for (const s of input.subjects) {
    // Over the whole database, a figure equal to the one chosen for its cell (the same value from another source,
    // on the same revision basis) would only repeat that figure's comparisons under other ids: it is left out.
    const chosen = cells.get(s.indicatorCode, s.regionCode, s.periodCode);
    if (failuresOnly && chosen && chosen !== s && chosen.valueStd === s.valueStd && chosen.priceBasis === s.priceBasis && cells.basis(chosen) === cells.basis(s)) continue;
    env.setSubject(s, chosen);
    for (const active of byIndicator.get(s.indicatorCode) ?? []) run(active, env);
    for (const active of everyIndicator) run(active, env);
  }
  if (failuresOnly) {
    const seen = new Set<string>();
    const unique = results.filter((r) => (seen.has(r.key) ? false : (seen.add(r.key), true)));
    return { results: unique, counts };
  }
  return failing ? { results, counts, failing } : { results, counts };
}

/** The indicators whose figures a rule is run for (a share rule: the shares, their numerators and denominators). */
function readBy(active: ActiveRule, indicators: ReadonlyMap<string, IndicatorInfo>): Set<string> | 'all' {
  const rule = active.rule;
  const codes = ruleIndicators(rule);
  if (codes === 'all') return 'all';
  const set = new Set(codes);
  if (rule.kind === 'share') {
    for (const c of rule.indicators) {
      const f = indicators.get(c)?.share;
      if (f) [f.numerator, f.denominator].forEach((x) => set.add(x));
    }
  }
  return set;
}

function run(active: ActiveRule, env: Env): void {
  const rule = active.rule;
  switch (rule.kind) {
    case 'range':
      return checkRange(rule, active, env);
    case 'sum':
      return checkSum(rule, active, env);
    case 'part_of':
      return checkPartOf(rule, active, env);
    case 'share':
      return checkShare(rule, active, env);
    case 'region_sum':
      return checkRegionSum(rule, active, env);
    case 'growth_level':
      return checkGrowthLevel(rule, active, env);
    case 'cumulative':
      return checkCumulative(rule, active, env);
    case 'outlier':
      return checkOutlier(rule, active, env);
  }
}
