/**
 * The figures a rule compares against: for each cell (indicator, region, period) the one figure the preference
 * rule chooses among the pool (approved figures, and the rows of a file being imported), figures corrected by
 * another one, or re-described by a newer record of the pool, left out. Amounts at comparable prices are not cells: levels are compared at current prices.
 *
 * Cells are keyed by small integers (indicator, region and period interned), so that a check of a million figures
 * costs hash lookups of numbers, not of strings.
 */
import { comparePreference } from '../observation/preference';
import { revisionBasis } from '../observation/revisionBasis';
import { formatPeriod } from '../period/format';
import { monthIndex, monthRange, type Period } from '../period/period';
import type { QualityFigure } from './figure';

/** How a change of the indicator is measured: a ratio (amounts, counts) or a difference (rates and shares, in points). */
export type ChangeKind = 'ratio' | 'difference';

class Interner {
  private readonly ids = new Map<string, number>();
  id(text: string): number {
    let n = this.ids.get(text);
    if (n === undefined) this.ids.set(text, (n = this.ids.size));
    return n;
  }
  find(text: string): number | undefined {
    return this.ids.get(text);
  }
}

const REGION_SPACE = 4096;
const PERIOD_SPACE = 2 ** 21;
const YEAR_SPACE = 4096;
const PERIOD_TYPES = ['year', 'half', 'quarter', 'month', 'cumulative', 'span'] as const;

export class Cells {
  private readonly indicatorIds = new Interner();
  private readonly regionIds = new Interner();
  private readonly periodIds = new Interner();
  private readonly chosen = new Map<number, QualityFigure>();
  /** The cell keys of each indicator and region. */
  private readonly byBase = new Map<number, number[]>();
  /** Cells of periods that start in January, per (indicator, region, year): the chain the cumulative rule walks. */
  private readonly januaryChains = new Map<number, Array<{ endMonth: number; periodCode: string }>>();
  private readonly previousYear = new Map<string, string | null>();
  private readonly endIndex = new Map<string, number>();
  private readonly bases = new Map<string, string>();

  /**
   * @param excluded figures that are not cells (amounts at comparable prices)
   */
  constructor(
    pool: readonly QualityFigure[],
    readonly excluded: (f: QualityFigure) => boolean,
  ) {
    // As choosePreferred: a corrected figure counts no longer, nor one re-described by a record in the pool.
    const corrected = new Set<number>();
    const superseders = new Set<number>();
    for (const f of pool) {
      if (f.corrects !== null) corrected.add(f.corrects);
      if (f.supersededBy !== null) superseders.add(f.supersededBy);
    }
    const present = new Set<number>();
    if (superseders.size > 0) for (const f of pool) if (superseders.has(f.id)) present.add(f.id);
    for (const f of pool) {
      if (corrected.has(f.id) || (f.supersededBy !== null && present.has(f.supersededBy)) || excluded(f)) continue;
      const i = this.indicatorIds.id(f.indicatorCode);
      const r = this.regionIds.id(f.regionCode);
      const key = (i * REGION_SPACE + r) * PERIOD_SPACE + this.periodIds.id(f.periodCode);
      const held = this.chosen.get(key);
      if (held === undefined) {
        this.chosen.set(key, f);
        this.chain(i * REGION_SPACE + r, f);
        const base = i * REGION_SPACE + r;
        const list = this.byBase.get(base);
        if (list) list.push(key);
        else this.byBase.set(base, [key]);
      } else if (comparePreference(f, held) < 0) this.chosen.set(key, f);
    }
  }

  private chain(series: number, f: QualityFigure): void {
    const { start, end } = monthRange(f.period);
    if (start.month !== 1 || start.year !== end.year) return;
    const k = series * YEAR_SPACE + start.year;
    const list = this.januaryChains.get(k);
    if (list) list.push({ endMonth: end.month, periodCode: f.periodCode });
    else this.januaryChains.set(k, [{ endMonth: end.month, periodCode: f.periodCode }]);
  }

  /** The cell key, or undefined when no figure of the pool names one of its parts (the cell is then empty). */
  keyOf(indicator: string, region: string, periodCode: string, create = false): number {
    const i = create ? this.indicatorIds.id(indicator) : this.indicatorIds.find(indicator);
    const r = create ? this.regionIds.id(region) : this.regionIds.find(region);
    const p = create ? this.periodIds.id(periodCode) : this.periodIds.find(periodCode);
    if (i === undefined || r === undefined || p === undefined) return -1;
    return (i * REGION_SPACE + r) * PERIOD_SPACE + p;
  }

  /** The chosen figure of a cell. */
  get(indicator: string, region: string, periodCode: string): QualityFigure | undefined {
    const key = this.keyOf(indicator, region, periodCode);
    return key < 0 ? undefined : this.chosen.get(key);
  }

  /** Every chosen figure (one per cell). */
  chosenFigures(): IterableIterator<QualityFigure> {
    return this.chosen.values();
  }

  /** The cells (key and chosen figure) of the indicator and region of a series id (seriesOfCell). */
  *cellsOfSeries(series: number): IterableIterator<[number, QualityFigure]> {
    for (const key of this.byBase.get(Math.floor(series / 8)) ?? []) {
      const f = this.chosen.get(key);
      if (f) yield [key, f];
    }
  }

  private readonly periodFacts = new Map<number, { type: number; end: number; previous: number }>();

  /**
   * For the history rule, by numbers only: the series a cell belongs to (indicator, region, kind of period), its end
   * month, and the cell a year before (−1 when no figure of the pool names that period).
   */
  seriesOfCell(key: number, f: QualityFigure): { series: number; end: number; previousCell: number } {
    const base = Math.floor(key / PERIOD_SPACE);
    const pid = key - base * PERIOD_SPACE;
    let facts = this.periodFacts.get(pid);
    if (!facts) {
      const before = this.yearBefore(f);
      const prev = before === null ? undefined : this.periodIds.find(before);
      facts = { type: PERIOD_TYPES.indexOf(f.period.type), end: this.endOf(f), previous: prev === undefined ? -1 : prev };
      this.periodFacts.set(pid, facts);
    }
    return { series: base * 8 + facts.type, end: facts.end, previousCell: facts.previous < 0 ? -1 : base * PERIOD_SPACE + facts.previous };
  }

  /** The chosen figure of a cell key. */
  atKey(key: number): QualityFigure | undefined {
    return key < 0 ? undefined : this.chosen.get(key);
  }

  /** End months of the cells from January of one year (ascending), e.g. [3, 6, 9, 12] for Q1, H1, 1–9月, the year. */
  januaryChain(indicator: string, region: string, year: number): ReadonlyArray<{ endMonth: number; periodCode: string }> {
    const i = this.indicatorIds.find(indicator);
    const r = this.regionIds.find(region);
    if (i === undefined || r === undefined) return [];
    const list = this.januaryChains.get((i * REGION_SPACE + r) * YEAR_SPACE + year);
    if (!list) return [];
    list.sort((a, b) => a.endMonth - b.endMonth);
    return list;
  }

  /** The same period a year earlier (2023Q3 → 2022Q3); null for a span of years. */
  yearBefore(f: Pick<QualityFigure, 'period' | 'periodCode'>): string | null {
    return this.shifted(f.periodCode, f.period, -1);
  }

  /** The same period a year later. */
  yearAfter(f: Pick<QualityFigure, 'period' | 'periodCode'>): string | null {
    return this.shifted(`+${f.periodCode}`, f.period, 1);
  }

  private shifted(memoKey: string, p: Period, by: number): string | null {
    let code = this.previousYear.get(memoKey);
    if (code === undefined) {
      code = p.type === 'span' ? null : formatPeriod({ ...p, year: p.year + by });
      this.previousYear.set(memoKey, code);
    }
    return code;
  }

  /** The period's last month as a month index (for ordering a series and windows of history). */
  endOf(f: Pick<QualityFigure, 'period' | 'periodCode'>): number {
    let n = this.endIndex.get(f.periodCode);
    if (n === undefined) this.endIndex.set(f.periodCode, (n = monthIndex(monthRange(f.period).end)));
    return n;
  }

  /** The revision basis (census vintage) a figure stands on; figures of different bases are never compared. */
  basis(f: Pick<QualityFigure, 'publishedDate'>): string {
    let b = this.bases.get(f.publishedDate);
    if (b === undefined) this.bases.set(f.publishedDate, (b = revisionBasis(f.publishedDate).id));
    return b;
  }
}
