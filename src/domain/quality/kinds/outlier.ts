/**
 * History (异常值): the figure's change against the series' own past changes. The change is year on year — the same
 * quarter, month or 1–N月 range a year earlier, which takes seasonality out of quarterly and monthly series — as a
 * growth rate for amounts and counts and as a difference for rates and shares. Past changes are those of the chosen
 * figures of the same series (indicator, region, kind of period) that end before it, within `historyYears`; with at
 * least `minHistory` of them the score is |change − median| / (1.4826 × MAD) (robust.ts) and a score above the
 * threshold is a violation. With less history, `maxRatio` (if set) still catches a level more than that many times
 * (or less than that fraction of) the year before's.
 */
import type { QualityFigure } from '../figure';
import type { Rule } from '../rules';
import type { ActiveRule } from '../ruleSet';
import { involved, named, type Env } from '../env';
import { robustScale, robustScaleSorted, robustScore, type RobustScale } from '../robust';
import { show } from '../tolerance';

type OutlierRule = Extract<Rule, { kind: 'outlier' }>;

interface Series {
  /** The chosen figures of one series (indicator, region, kind of period), by end month. */
  cells: number[];
  ends: number[];
  /** The change of each on its year before (NaN: none comparable). */
  changes: number[];
}

/** Past changes of every series, built once per check from the chosen figures. */
class History {
  private readonly series = new Map<number, Series>();
  /** Per rule, per cell (the series and the end month follow from the cell): the history's median and scale. */
  private readonly scales = new Map<string, Map<number, RobustScale | null>>();
  private readonly swept = new Set<string>();
  private readonly built = new Set<number>();

  constructor(private readonly env: Env) {}

  /**
   * The series of one indicator and region, every kind of period at once, built when first asked for — a file of
   * a few rows reaches a few series, not all the database holds. Numbers only (cell keys, series ids).
   */
  private build(seriesId: number): Series | undefined {
    const have = this.series.get(seriesId);
    if (have || this.built.has(Math.floor(seriesId / 8))) return have;
    this.built.add(Math.floor(seriesId / 8));
    const points = new Map<number, Array<{ cell: number; end: number; change: number }>>();
    for (const [cell, f] of this.env.cells.cellsOfSeries(seriesId)) {
      const { series, end, previousCell } = this.env.cells.seriesOfCell(cell, f);
      const row = { cell, end, change: this.change(f, this.env.cells.atKey(previousCell)) ?? Number.NaN };
      const list = points.get(series);
      if (list) list.push(row);
      else points.set(series, [row]);
    }
    for (const [k, rows] of points) {
      rows.sort((x, y) => x.end - y.end);
      this.series.set(k, { cells: rows.map((r) => r.cell), ends: rows.map((r) => r.end), changes: rows.map((r) => r.change) });
    }
    return this.series.get(seriesId);
  }

  previous(f: QualityFigure): QualityFigure | undefined {
    const before = this.env.cells.yearBefore(f);
    return before === null ? undefined : this.env.cells.get(f.indicatorCode, f.regionCode, before);
  }

  /** The change from `prev` to `f`: percent growth for amounts, a difference for rates; null when not comparable. */
  change(f: QualityFigure, prev: QualityFigure | undefined): number | null {
    if (!prev) return null;
    if (this.env.changeKind(f.indicatorCode) === 'difference') return f.valueStd - prev.valueStd;
    if (prev.valueStd <= 0 || this.env.cells.basis(f) !== this.env.cells.basis(prev)) return null;
    return (f.valueStd / prev.valueStd - 1) * 100;
  }

  /** The series of a figure whose cell no pool figure names, found through a chosen figure of the same series. */
  private seriesOfNew(f: QualityFigure): number | null {
    const before = this.env.cells.yearBefore(f);
    const prevKey = before === null ? -1 : this.env.cells.keyOf(f.indicatorCode, f.regionCode, before);
    const prev = this.env.cells.atKey(prevKey);
    return prev ? this.env.cells.seriesOfCell(prevKey, prev).series : null;
  }

  /** Median and scale of the series' changes ending in [end − months, end); null when fewer than `min`. */
  scale(ruleId: string, f: QualityFigure, end: number, months: number, min: number): RobustScale | null {
    let byCell = this.scales.get(ruleId);
    if (!byCell) this.scales.set(ruleId, (byCell = new Map()));
    const k = this.env.cells.keyOf(f.indicatorCode, f.regionCode, f.periodCode);
    const hit = k < 0 ? undefined : byCell.get(k);
    if (hit !== undefined) return hit;
    // A figure of a cell the pool does not fill (a new period) belongs to no series yet, unless its series exists.
    const sk = k < 0 ? this.seriesOfNew(f) : this.env.cells.seriesOfCell(k, f).series;
    const s = sk === null ? undefined : this.build(sk);
    if (!s) return null;
    const sweepKey = `${ruleId}\u0001${sk}`;
    if (!this.swept.has(sweepKey)) {
      this.swept.add(sweepKey);
      sweep(s, months, min, byCell);
      const after = k < 0 ? undefined : byCell.get(k);
      if (after !== undefined) return after;
    }
    // A figure whose cell no chosen figure fills (a new period): its own window, sorted afresh.
    const from = lowerBound(s.ends, end - months);
    const to = lowerBound(s.ends, end);
    const past = s.changes.slice(from, to).filter((c) => !Number.isNaN(c));
    return past.length >= min ? robustScale(past) : null;
  }
}

/**
 * The history of every cell of a series in one pass: a window of past changes kept sorted (each change inserted
 * and, once older than the window, removed by binary search), its median and MAD read off the sorted window.
 */
function sweep(s: Series, months: number, min: number, out: Map<number, RobustScale | null>): void {
  const window = new Float64Array(s.ends.length);
  const scratch = new Float64Array(s.ends.length);
  let size = 0;
  let oldest = 0;
  const remove = (x: number) => {
    const i = lowerBound(window, x, size);
    window.copyWithin(i, i + 1, size);
    size--;
  };
  for (let i = 0; i < s.ends.length; i++) {
    const end = s.ends[i] ?? 0;
    while (oldest < i && (s.ends[oldest] ?? 0) < end - months) {
      const c = s.changes[oldest] ?? Number.NaN;
      if (!Number.isNaN(c)) remove(c);
      oldest++;
    }
    out.set(s.cells[i] ?? -1, size >= min ? robustScaleSorted(window, size, scratch) : null);
    const c = s.changes[i] ?? Number.NaN;
    if (!Number.isNaN(c)) {
      const at = lowerBound(window, c, size);
      window.copyWithin(at + 1, at, size);
      window[at] = c;
      size++;
    }
  }
}

/** The first index of `sorted` (its first `length` items) whose value is not below `x`. */
function lowerBound(sorted: ArrayLike<number>, x: number, length = sorted.length): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? 0) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const histories = new WeakMap<Env, History>();

// A module-level function, not a closure made per figure: under tsx (esbuild keepNames) every named closure is
// also given its name at creation, which a million figures notice.
function figuresOf(s: QualityFigure, prev: QualityFigure | undefined) {
  return [involved(s, 'subject'), ...(prev ? [involved(prev, 'previous')] : [])];
}

export function checkOutlier(rule: OutlierRule, active: ActiveRule, env: Env): void {
  const s = env.subject;
  if (env.subjectExcluded()) return;
  let history = histories.get(env);
  if (!history) histories.set(env, (history = new History(env)));
  const prev = history.previous(s);
  const change = history.change(s, prev);
  if (change === null || !prev) {
    if (env.tally(active, 'skipped')) env.record(active, 'skipped', figuresOf(s, prev), { zh: '没有可比的上年同期数据，未检查', en: 'no comparable figure a year before: not checked' });
    return;
  }
  const threshold = rule.threshold ?? active.settings.outlierThreshold;
  const minHistory = rule.minHistory ?? active.settings.minHistory;
  const years = rule.historyYears ?? active.settings.historyYears;
  const unit = env.changeKind(s.indicatorCode) === 'difference' ? '个百分点' : '%';
  const unitEn = unit === '%' ? '%' : ' points';
  const scale = history.scale(active.rule.id, s, env.cells.endOf(s), years * 12, minHistory);
  if (!scale) {
    const ratio = prev.valueStd > 0 ? s.valueStd / prev.valueStd : null;
    if (rule.maxRatio !== undefined && ratio !== null && env.changeKind(s.indicatorCode) === 'ratio') {
      const ok = ratio <= rule.maxRatio && ratio >= 1 / rule.maxRatio;
      return env.emit(active, ok ? 'pass' : 'fail', figuresOf(s, prev), () => ({
        zh: `历史数据不足${minHistory}期；${named(s)} 是上年同期 ${named(prev)} 的 ${show(ratio)} 倍，${ok ? '在' : '超出'} 1/${show(rule.maxRatio ?? 0)}～${show(rule.maxRatio ?? 0)} 倍${ok ? '之内' : ''}`,
        en: `fewer than ${minHistory} past changes; ${named(s)} is ${show(ratio)} times ${named(prev)} a year before, ${ok ? 'within' : 'outside'} 1/${show(rule.maxRatio ?? 0)}–${show(rule.maxRatio ?? 0)} times`,
      }));
    }
    if (!env.tally(active, 'skipped')) return;
    return env.record(active, 'skipped', figuresOf(s, prev), {
      zh: `同比变化 ${show(change)}${unit}；近${years}年可比的历史变化不足${minHistory}期，未评分`,
      en: `change ${show(change)}${unitEn} on a year before; fewer than ${minHistory} comparable past changes in ${years} years: not scored`,
    });
  }
  const score = robustScore(change, scale);
  const ok = score <= threshold;
  if (!env.tally(active, ok ? 'pass' : 'fail')) return;
  env.record(active, ok ? 'pass' : 'fail', figuresOf(s, prev), {
    zh: `同比变化 ${show(change)}${unit}，近${years}年${scale.n}期历史变化中位数 ${show(scale.median)}${unit}、MAD ${show(scale.mad)}，稳健分数 ${show(score)} ${ok ? '≤' : '>'} 阈值 ${show(threshold)}`,
    en: `change ${show(change)}${unitEn} on a year before; median of ${scale.n} past changes in ${years} years ${show(scale.median)}${unitEn}, MAD ${show(scale.mad)}: robust score ${show(score)} ${ok ? '≤' : '>'} threshold ${show(threshold)}`,
  });
}
