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
import { robustScale, robustScore, type RobustScale } from '../robust';
import { show } from '../tolerance';

type OutlierRule = Extract<Rule, { kind: 'outlier' }>;

interface Series {
  ends: number[];
  changes: number[];
}

/** Past changes of every series, built once per check from the chosen figures. */
class History {
  private readonly series = new Map<string, Series>();
  private readonly scales = new Map<string, RobustScale | null>();

  constructor(private readonly env: Env) {
    const points = new Map<string, QualityFigure[]>();
    for (const f of env.cells.chosenFigures()) {
      const k = seriesKey(f);
      const list = points.get(k);
      if (list) list.push(f);
      else points.set(k, [f]);
    }
    for (const [k, list] of points) {
      const withChange = list
        .map((f) => ({ end: env.cells.endOf(f), change: this.change(f, this.previous(f)) }))
        .filter((x): x is { end: number; change: number } => x.change !== null)
        .sort((a, b) => a.end - b.end);
      this.series.set(k, { ends: withChange.map((x) => x.end), changes: withChange.map((x) => x.change) });
    }
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

  /** Median and scale of the series' changes ending in [end − months, end); null when fewer than `min`. */
  scale(ruleId: string, f: QualityFigure, end: number, months: number, min: number): RobustScale | null {
    const k = `${ruleId}\u0001${seriesKey(f)}\u0001${end}`;
    const hit = this.scales.get(k);
    if (hit !== undefined) return hit;
    const s = this.series.get(seriesKey(f));
    let result: RobustScale | null = null;
    if (s) {
      const from = lowerBound(s.ends, end - months);
      const to = lowerBound(s.ends, end);
      if (to - from >= min) result = robustScale(s.changes.slice(from, to));
    }
    this.scales.set(k, result);
    return result;
  }
}

const seriesKey = (f: QualityFigure) => `${f.indicatorCode}\u0001${f.regionCode}\u0001${f.period.type}`;

function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? 0) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const histories = new WeakMap<Env, History>();

export function checkOutlier(rule: OutlierRule, active: ActiveRule, env: Env): void {
  const s = env.subject;
  if (env.subjectExcluded()) return;
  let history = histories.get(env);
  if (!history) histories.set(env, (history = new History(env)));
  const prev = history.previous(s);
  const change = history.change(s, prev);
  const figures = [involved(s, 'subject'), ...(prev ? [involved(prev, 'previous')] : [])];
  if (change === null || !prev) {
    return env.emit(active, 'skipped', figures, () => ({ zh: '没有可比的上年同期数据，未检查', en: 'no comparable figure a year before: not checked' }));
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
      return env.emit(active, ok ? 'pass' : 'fail', figures, () => ({
        zh: `历史数据不足${minHistory}期；${named(s)} 是上年同期 ${named(prev)} 的 ${show(ratio)} 倍，${ok ? '在' : '超出'} 1/${show(rule.maxRatio ?? 0)}～${show(rule.maxRatio ?? 0)} 倍${ok ? '之内' : ''}`,
        en: `fewer than ${minHistory} past changes; ${named(s)} is ${show(ratio)} times ${named(prev)} a year before, ${ok ? 'within' : 'outside'} 1/${show(rule.maxRatio ?? 0)}–${show(rule.maxRatio ?? 0)} times`,
      }));
    }
    return env.emit(active, 'skipped', figures, () => ({
      zh: `同比变化 ${show(change)}${unit}；近${years}年可比的历史变化不足${minHistory}期，未评分`,
      en: `change ${show(change)}${unitEn} on a year before; fewer than ${minHistory} comparable past changes in ${years} years: not scored`,
    }));
  }
  const score = robustScore(change, scale);
  const ok = score <= threshold;
  env.emit(active, ok ? 'pass' : 'fail', figures, () => ({
    zh: `同比变化 ${show(change)}${unit}，近${years}年${scale.n}期历史变化中位数 ${show(scale.median)}${unit}、MAD ${show(scale.mad)}，稳健分数 ${show(score)} ${ok ? '≤' : '>'} 阈值 ${show(threshold)}`,
    en: `change ${show(change)}${unitEn} on a year before; median of ${scale.n} past changes in ${years} years ${show(scale.median)}${unitEn}, MAD ${show(scale.mad)}: robust score ${show(score)} ${ok ? '≤' : '>'} threshold ${show(threshold)}`,
  }));
}
