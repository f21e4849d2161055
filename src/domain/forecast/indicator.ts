/**
 * The forecast of one plan indicator, from its evaluation: fit the indicator's annual series (the figures the
 * evaluation chose), forecast every year to the target year, read the probability that the target is met, the
 * required against the forecast average growth, and the early warning with its sentence. Pure: the forecaster comes in.
 *
 * A series is fitted on one revision basis (domain/forecast/basis.ts: figures before the last census break are left
 * out, and the forecast says which) from its most recent stretch of years with gaps of at most MAX_GAP years (filled,
 * see fittingSeries); fewer than MIN_POINTS observed values → insufficient_data, with the reason. The target forecast
 * is the one the indicator stands by, as a level (applicableTarget). No level target (nor a 年均增长 target
 * convertible to one) → no_target with the reason, the path still forecast to the plan's end year.
 */
import type { IndicatorEvaluation } from '../evaluation/indicator';
import { levelTargetFromGrowth } from '../evaluation/growthTarget';
import type { Target } from '../plan/model';
import type { LocalizedText } from '../text';
import { averageGrowth, probabilityMet, targetBand, yearlyPath, type ForecastPoint } from './attainment';
import { latestBasisStretch } from './basis';
import type { Forecaster, MethodChoice } from './model';
import { forecastSentence } from './sentence';
import { DEFAULT_WARNING_RULES, warningLevel, type WarningLevel, type WarningRules } from './warning';

/**
 * Fewest observed annual values a forecast is made from. Four: after a census break the comparable stretch is often
 * that short (服务业增加值 as of 2023: 2020–2023), and the calibrated intervals of the short-series rule were measured
 * on M3 windows from 4 values on (bench/forecast-calibrate.mts), so they say how uncertain such a forecast is.
 */
export const MIN_POINTS = 4;

/** A note on a forecast's fit: years filled by interpolation, or years left out as they stand on an earlier basis. */
export interface ModelNote {
  kind: 'interpolated' | 'basis';
  text: LocalizedText;
}

export interface IndicatorForecast {
  indicatorCode: string;
  name: LocalizedText;
  unit: string;
  /** ended: the target year has passed — the final verdict judges it, no forecast risk is shown. */
  status: 'ok' | 'insufficient_data' | 'no_target' | 'ended';
  reason?: LocalizedText;
  model: string | null;
  /** What the reader should know about the fit, in words: interpolated years, years left out for another basis. */
  modelNotes: ModelNote[];
  /** Which members the automatic forecast used and why (null for a single method or no forecast). */
  method: MethodChoice | null;
  /** The revision basis the series was fitted on, and the years left out because they stand on another. */
  basis: { label: LocalizedText; leftOut: number[] } | null;
  history: Array<{ year: number; value: number }>;
  path: ForecastPoint[];
  targetYear: number | null;
  atTarget: ForecastPoint | null;
  comparator: Target['comparator'] | null;
  target: number | null;
  band: [number, number] | null;
  probability: number | null;
  requiredGrowth: number | null;
  forecastGrowth: number | null;
  warning: { level: WarningLevel; rule: LocalizedText; sentence: LocalizedText };
}

export interface ForecastContext {
  /** The plan's end year: how far to forecast when the indicator has no target. */
  planEndYear: number;
  /** Whether the region is the plan's own (targets apply only there). */
  isPlanRegion: boolean;
  rules?: WarningRules;
}

/** Longest interior gap (in years) that is filled by interpolation before fitting. */
export const MAX_GAP = 2;

/**
 * The series a model is fitted on: the most recent stretch of years whose gaps are at most MAX_GAP years, the
 * missing years filled by geometric interpolation between their neighbours (constant growth, the natural reading
 * for levels; linear when a neighbour is not positive, e.g. shares or changes). Returns the observed points, the
 * filled annual values and the years that were filled.
 */
export function fittingSeries(series: ReadonlyArray<{ year: number; value: number }>): {
  observed: Array<{ year: number; value: number }>;
  values: number[];
  firstYear: number;
  interpolated: number[];
} {
  const observed: Array<{ year: number; value: number }> = [];
  for (let i = series.length - 1; i >= 0; i--) {
    const p = series[i];
    if (!p || !Number.isFinite(p.value)) break;
    const first = observed[0];
    if (first && (p.year >= first.year || first.year - p.year - 1 > MAX_GAP)) break;
    observed.unshift({ year: p.year, value: p.value });
  }
  const values: number[] = [];
  const interpolated: number[] = [];
  observed.forEach((p, i) => {
    const prev = observed[i - 1];
    if (prev) {
      const span = p.year - prev.year;
      for (let k = 1; k < span; k++) {
        const w = k / span;
        values.push(prev.value > 0 && p.value > 0 ? prev.value * (p.value / prev.value) ** w : prev.value + w * (p.value - prev.value));
        interpolated.push(prev.year + k);
      }
    }
    values.push(p.value);
  });
  return { observed, values, firstYear: observed[0]?.year ?? 0, interpolated };
}

/**
 * The level target that applies: the one the indicator stands by (a milestone before its year has passed, else the
 * plan's own) as the level it is compared with — a relative target's 基期值 × (1 + p), a 累计新增 target's base-year
 * value plus the amount — or the level equivalent of a 年均增长 target. A cumulative sum (累计完成投资) and a
 * qualitative target have no level: `none` says why.
 */
function applicableTarget(e: IndicatorEvaluation, isPlanRegion: boolean): { target: Target | null; none: LocalizedText | null } {
  if (!isPlanRegion) return { target: null, none: null };
  const current = e.current !== null ? e.targets[e.current] : undefined;
  if (current) {
    const t = current.target;
    if (t.kind === 'qualitative') return { target: null, none: { zh: '定性目标按评估结论判断，不作数值预测', en: 'A qualitative target is judged by an assessment, not forecast' } };
    if (t.kind === 'cumulative') {
      const base = e.baseline && e.baseline.year === t.from ? e.baseline.value : null;
      if (t.mode === 'increase' && base !== null && current.compared) return { target: { ...current.compared, value: base + t.value }, none: null };
      return { target: null, none: { zh: '累计目标按逐年累计值判断，暂不预测', en: 'A cumulative target is judged on the amounts added up year by year, not forecast' } };
    }
    if (!current.compared) return { target: null, none: { zh: '目标尚无法换算为水平值：缺少基期年的数值', en: 'The target cannot be turned into a level yet: the base-year value is missing' } };
    return { target: current.compared, none: null };
  }
  return { target: growthLevel(e), none: null };
}

/** The level equivalent of a nominal 年均增长 target, or null. */
function growthLevel(e: IndicatorEvaluation): Target | null {
  const ind = e.indicator;
  if (ind.target) return ind.target;
  // Only a nominal 年均增长 target has a level equivalent; a real one is judged on real growth, never on levels.
  if (ind.growthTarget && ind.growthTarget.basis === 'nominal' && e.baseline) {
    const level = levelTargetFromGrowth(ind.growthTarget, e.baseline.value, e.baseline.year, ind.direction);
    if (level.ok) return { ...level.value.target, printed: ind.growthTarget.printed };
  }
  return null;
}

export function forecastIndicator(e: IndicatorEvaluation, forecaster: Forecaster, ctx: ForecastContext): IndicatorForecast {
  const ind = e.indicator;
  const rules = ctx.rules ?? DEFAULT_WARNING_RULES;
  const behind = e.results.time_proportional?.status === 'behind';
  const stretch = latestBasisStretch(e.series);
  const fitting = fittingSeries(stretch.points.map((p) => ({ year: p.year, value: p.value })));
  const history = fitting.observed;
  const basis = stretch.basis ? { label: stretch.basis.label, leftOut: stretch.leftOut.map((p) => p.year) } : null;
  const { target, none } = applicableTarget(e, ctx.isPlanRegion);
  const isShare = ind.share !== null;
  const base = {
    indicatorCode: ind.code,
    name: ind.name,
    unit: ind.unit,
    history,
    basis,
    targetYear: target?.year ?? null,
    comparator: target?.comparator ?? null,
    target: target?.value ?? null,
    band: target ? targetBand(target) : null,
    modelNotes: [] as ModelNote[],
  };
  const last = history[history.length - 1];
  const empty = (status: IndicatorForecast['status'], reason: LocalizedText, model: string | null = null): IndicatorForecast => {
    const w = warningLevel(null, behind, rules);
    return {
      ...base,
      status,
      reason,
      model,
      method: null,
      path: [],
      atTarget: null,
      probability: null,
      requiredGrowth: null,
      forecastGrowth: null,
      warning: { ...w, sentence: forecastSentence({ name: ind.name, unit: ind.unit, atTarget: null, target, probability: null, behind, reason }) },
    };
  };
  if (e.phase === 'final') {
    return empty('ended', {
      zh: `规划目标年已过，按目标年实际值作终期判断，不再预测`,
      en: 'The target year has passed: the target is judged on its actual value, not forecast',
    });
  }
  // A target with no level to forecast says so, rather than that figures are lacking.
  if (!target && none && history.length < MIN_POINTS) return empty('no_target', none);
  if (!last || history.length < MIN_POINTS) {
    const broken = stretch.leftOut.length > 0 && stretch.basis;
    const gap = broken
      ? `，${stretch.basis?.label.zh ?? ''}只有 ${history.length} 个，此前 ${stretch.leftOut.length} 个为其他口径，不能连续使用`
      : e.series.length > history.length ? `，间断超过 ${MAX_GAP} 年后最近一段只有 ${history.length} 个` : '';
    const gapEn = broken
      ? `; only ${history.length} on the ${stretch.basis?.label.en ?? ''}, the ${stretch.leftOut.length} before stand on another basis and cannot be joined to them`
      : e.series.length > history.length ? `; after the last gap of more than ${MAX_GAP} years only ${history.length} remain` : '';
    return empty('insufficient_data', {
      zh: `数据不足：预测至少需要 ${MIN_POINTS} 个年度数据（现有 ${e.series.length} 个${gap}）`,
      en: `Insufficient data: a forecast needs at least ${MIN_POINTS} annual values (has ${e.series.length}${gapEn})`,
    });
  }
  const endYear = Math.max(target?.year ?? ctx.planEndYear, last.year);
  const h = endYear - last.year;
  let path: ForecastPoint[] = [];
  let model: string | null = null;
  let modelNotes: ModelNote[] = [];
  let method: MethodChoice | null = null;
  if (h > 0) {
    const f = forecaster(fitting.values, h, 1);
    if (!f.ok) return empty('insufficient_data', f.reason, f.model);
    modelNotes = [
      ...(fitting.interpolated.length > 0 ? [{ kind: 'interpolated' as const, text: { zh: `${fitting.interpolated.join('、')}年数据为插值`, en: `${fitting.interpolated.join(', ')} interpolated` } }] : []),
      ...(basis && basis.leftOut.length > 0
        ? [{ kind: 'basis' as const, text: { zh: `${basis.leftOut.join('、')}年数据为此前口径，未用于拟合`, en: `${basis.leftOut.join(', ')} on an earlier basis, not used` } }]
        : []),
    ];
    model = f.model;
    method = f.method ?? null;
    path = yearlyPath(f, last.year);
  }
  if (!target) {
    const w = warningLevel(null, behind, rules);
    const at = path[path.length - 1] ?? null;
    return {
      ...base,
      status: 'no_target',
      reason: none ?? (ctx.isPlanRegion ? { zh: '规划未设定目标值', en: 'The plan sets no target' } : { zh: '目标值只适用于规划所在地区', en: 'Targets apply only to the plan’s own region' }),
      model,
      modelNotes,
      method,
      path,
      atTarget: null,
      probability: null,
      requiredGrowth: null,
      forecastGrowth: null,
      warning: { ...w, sentence: forecastSentence({ name: ind.name, unit: ind.unit, atTarget: at, target: null, probability: null, behind, reason: null }) },
    };
  }
  const atTarget = path.find((p) => p.year === target.year) ?? null;
  const years = target.year - last.year;
  const probability = atTarget ? probabilityMet(atTarget, target, ind.direction) : null;
  const w = warningLevel(probability, behind, rules);
  return {
    ...base,
    status: atTarget ? 'ok' : 'insufficient_data',
    ...(atTarget ? {} : { reason: { zh: `目标年 ${target.year} 已有实际数据，无需预测`, en: `The target year ${target.year} is already observed; nothing to forecast` } }),
    model,
    modelNotes,
    method,
    path,
    atTarget,
    probability,
    requiredGrowth: averageGrowth(last.value, target.value, years, isShare),
    forecastGrowth: atTarget ? averageGrowth(last.value, atTarget.point, years, isShare) : null,
    warning: { ...w, sentence: forecastSentence({ name: ind.name, unit: ind.unit, atTarget, target, probability, behind, reason: null }) },
  };
}
