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
import { SERIES_KINDS } from '../cells';
import { involvedPresent, named, type Env } from '../env';
import { robustScale, robustScaleSorted, robustScore, type RobustScale } from '../robust';
import { show } from '../tolerance';

type OutlierRule = Extract<Rule, { kind: 'outlier' }>;

export interface Series {
  /** The slots of the chosen figures of one series (indicator, region, kind of period), by end month. */
  slots: Int32Array;
  ends: Int32Array;
  /** The change of each on its year before (NaN: none comparable). */
  changes: Float64Array;
}

/** A cell's history not computed yet (its series not swept for the rule). */
const NOT_SWEPT = -2;
/** Fewer past changes than the rule's minimum: no scale. */
const TOO_FEW = -1;

/** Per rule, per slot (cells.ts): the history's median, scale, MAD and length, in flat arrays. */
export class Scales {
  readonly median: Float64Array;
  readonly scale: Float64Array;
  readonly mad: Float64Array;
  /** Number of past changes; TOO_FEW, or NOT_SWEPT. */
  readonly n: Int32Array;
  readonly swept = new Set<number>();
  constructor(slots: number) {
    this.median = new Float64Array(slots);
    this.scale = new Float64Array(slots);
    this.mad = new Float64Array(slots);
    this.n = new Int32Array(slots).fill(NOT_SWEPT);
  }
  read(slot: number): RobustScale | null {
    const n = this.n[slot] ?? TOO_FEW;
    return n < 0 ? null : { median: this.median[slot] ?? Number.NaN, scale: this.scale[slot] ?? 0, mad: this.mad[slot] ?? Number.NaN, n };
  }
}

/** Past changes of every series, built once per check from the chosen figures. */
class History {
  private readonly series = new Map<number, Series>();
  private readonly scales = new Map<string, Scales>();
  private readonly built = new Set<number>();
  /** Each slot's index in its series (set when its base is built). */
  private readonly position: Int32Array;

  /**
   * @param sweepAll sweep every cell of a series at its first use (a check of the whole database asks for every
   *   cell); otherwise from the cell asked for on (a file's rows ask for the newest cells of each series)
   */
  constructor(
    private readonly env: Env,
    private readonly sweepAll: boolean,
  ) {
    this.position = new Int32Array(env.cells.slotCount);
  }

  /**
   * The series of one indicator and region, every kind of period at once, built when first asked for — a file of
   * a few rows reaches a few series, not all the database holds. Numbers only (slots, keys, series ids).
   */
  private build(seriesId: number): Series | undefined {
    const have = this.series.get(seriesId);
    const base = Math.floor(seriesId / SERIES_KINDS);
    if (have || this.built.has(base)) return have;
    this.built.add(base);
    const cells = this.env.cells;
    const slots = cells.slotsOfBase(base);
    const kinds = new Map<number, number[]>();
    const ends = new Int32Array(slots.length);
    const changes = new Float64Array(slots.length);
    for (let j = 0; j < slots.length; j++) {
      const slot = slots[j] ?? 0;
      const key = cells.keyOfSlot(slot);
      ends[j] = cells.endOfKey(key);
      changes[j] = this.change(cells.atSlot(slot) as QualityFigure, cells.atKey(cells.keyBefore(key))) ?? Number.NaN; // a slot of the base
      const kind = cells.seriesOfKey(key);
      const list = kinds.get(kind);
      if (list) list.push(j);
      else kinds.set(kind, [j]);
    }
    for (const [k, rows] of kinds) {
      // Stable: cells ending in the same month keep their slot order.
      rows.sort((x, y) => (ends[x] ?? 0) - (ends[y] ?? 0));
      // Plain loops: TypedArray.from with a mapping function is several times slower, and this runs per series.
      const series: Series = { slots: new Int32Array(rows.length), ends: new Int32Array(rows.length), changes: new Float64Array(rows.length) };
      for (let i = 0; i < rows.length; i++) {
        const j = rows[i] ?? 0;
        const slot = slots[j] ?? 0;
        this.position[slot] = i;
        series.slots[i] = slot;
        series.ends[i] = ends[j] ?? 0;
        series.changes[i] = changes[j] ?? Number.NaN;
      }
      this.series.set(k, series);
    }
    return this.series.get(seriesId);
  }

  /** The chosen figure a year before the subject's cell (`key`: the subject's cell key, −1 if none). */
  previous(f: QualityFigure, key: number): QualityFigure | undefined {
    if (key >= 0) return this.env.cells.atKey(this.env.cells.keyBefore(key));
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
    return this.env.cells.atKey(prevKey) ? this.env.cells.seriesOfKey(prevKey) : null;
  }

  /** Median and scale of the series' changes ending in [end − months, end); null when fewer than `min`. */
  scale(ruleId: string, f: QualityFigure, k: number, end: number, months: number, min: number): RobustScale | null {
    const cells = this.env.cells;
    let byRule = this.scales.get(ruleId);
    if (!byRule) this.scales.set(ruleId, (byRule = new Scales(cells.slotCount)));
    const slot = cells.slotOfKey(k);
    if (slot >= 0 && byRule.n[slot] !== NOT_SWEPT) return byRule.read(slot);
    // A figure of a cell the pool does not fill (a new period) belongs to no series yet, unless its series exists.
    const sk = k < 0 ? this.seriesOfNew(f) : cells.seriesOfKey(k);
    const s = sk === null ? undefined : this.build(sk);
    if (!s || sk === null) return null;
    if (slot >= 0 && !this.sweepAll) {
      // From this cell on: a file's rows are mostly the newest cells of their series, asked for in order.
      sweep(s, months, min, byRule, this.position[slot] ?? 0);
      return byRule.read(slot);
    }
    if (!byRule.swept.has(sk)) {
      byRule.swept.add(sk);
      sweep(s, months, min, byRule);
      if (slot >= 0) return byRule.read(slot);
    }
    // A figure whose cell no chosen figure fills (a new period): its own window, sorted afresh.
    const from = lowerBound(s.ends, end - months);
    const to = lowerBound(s.ends, end);
    const past = Array.from(s.changes.subarray(from, to)).filter((c) => !Number.isNaN(c));
    return past.length >= min ? robustScale(past) : null;
  }
}

/**
 * The history of the cells of a series in one pass, from cell `from` on: a window of past changes kept sorted
 * (each change inserted and, once older than the window, removed by binary search), its median and MAD read off
 * the sorted window. From a cell after the first, the window is first filled with that cell's past and sorted; the
 * pass then stops at the first later cell already done (an earlier pass went on from there).
 */
export function sweep(s: Series, months: number, min: number, out: Scales, from = 0): void {
  const count = s.ends.length;
  const window = new Float64Array(count);
  const scratch = new Float64Array(count);
  let size = 0;
  let oldest = from === 0 ? 0 : lowerBound(s.ends, (s.ends[from] ?? 0) - months, from);
  for (let j = oldest; j < from; j++) {
    const c = s.changes[j] ?? Number.NaN;
    if (!Number.isNaN(c)) window[size++] = c;
  }
  if (size > 1) window.subarray(0, size).sort();
  for (let i = from; i < count; i++) {
    const slot = s.slots[i] ?? 0;
    if (i > from && out.n[slot] !== NOT_SWEPT) return;
    const end = s.ends[i] ?? 0;
    while (oldest < i && (s.ends[oldest] ?? 0) < end - months) {
      const c = s.changes[oldest] ?? Number.NaN;
      if (!Number.isNaN(c)) {
        const at = lowerBound(window, c, size);
        window.copyWithin(at, at + 1, size);
        size--;
      }
      oldest++;
    }
    if (size >= min) {
      const r = robustScaleSorted(window, size, scratch);
      out.median[slot] = r.median;
      out.scale[slot] = r.scale;
      out.mad[slot] = r.mad;
      out.n[slot] = r.n;
    } else out.n[slot] = TOO_FEW;
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
  return involvedPresent([s, 'subject'], [prev, 'previous']);
}

export function checkOutlier(rule: OutlierRule, active: ActiveRule, env: Env): void {
  const s = env.subject;
  if (env.subjectExcluded()) return;
  let history = histories.get(env);
  if (!history) histories.set(env, (history = new History(env, env.keep === 'failures')));
  const k = env.cells.keyOf(s.indicatorCode, s.regionCode, s.periodCode);
  const prev = history.previous(s, k);
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
  const scale = history.scale(active.rule.id, s, k, env.cells.endOf(s), years * 12, minHistory);
  if (!scale) {
    const ratio = prev.valueStd > 0 ? s.valueStd / prev.valueStd : null;
    if (rule.maxRatio !== undefined && ratio !== null && env.changeKind(s.indicatorCode) === 'ratio') {
      const ok = ratio <= rule.maxRatio && ratio >= 1 / rule.maxRatio;
      return env.emit(active, ok ? 'pass' : 'fail', () => figuresOf(s, prev), () => ({
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
