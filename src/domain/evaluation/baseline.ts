/**
 * 基期值 (baseline) of an indicator, and where it comes from. The plan's printed value wins when the plan prints one
 * (for the plan's own region). Otherwise the base year's figure from the statistics is used — the chosen figure of
 * that year, or a share derived from its numerator and denominator on one revision basis — and, where the base
 * year has no level figure but the next year has one and a current-price (名义) growth rate of that same next year,
 * the level implied by both: y_t0 = y_(t0+1) / (1 + g_(t0+1)/100). Every baseline not printed in the plan is marked
 * "基期值取自统计数据" (or "推算") with its source, so a reader knows it is the platform's reading, not the plan's.
 */
import type { Observation } from '../observation/observation';
import { SOURCE_KIND_LABELS } from '../observation/terms';
import type { SeriesPoint } from '../observation/series';
import type { Baseline } from '../plan/model';
import type { LocalizedText } from '../text';
import { formatValue } from '../unit/format';
import { num } from './format';

export interface BaselineChoice {
  value: number;
  year: number;
  from: 'plan' | 'figure' | 'derived_share' | 'derived_growth';
  /** The figure used (for 'figure'); null otherwise. */
  observation: Observation | null;
  /** Why this value, for every baseline the plan does not print. */
  note: LocalizedText | null;
}

export interface BaselineInputs {
  /** The plan's printed 基期值 — only for the plan's own region. */
  printed: Baseline | null;
  baseYear: number;
  unit: string;
  /** The indicator's annual series (with derived shares). */
  series: readonly SeriesPoint[];
  /** Current-price year-on-year growth rates of the indicator (percent), by year, with their figures. */
  nominalGrowth: ReadonlyMap<number, { value: number; observation: Observation | null }>;
}

export function chooseBaseline(b: BaselineInputs): BaselineChoice | null {
  if (b.printed) return { value: b.printed.value, year: b.printed.year, from: 'plan', observation: null, note: null };
  const t0 = b.baseYear;
  const point = b.series.find((p) => p.year === t0);
  if (point) {
    if (point.derivation) {
      const { numerator: n, denominator: d } = point.derivation;
      return {
        value: point.value,
        year: t0,
        from: 'derived_share',
        observation: null,
        note: {
          zh: `基期值取自统计数据：${t0}年比重由分子 ${num(n.valueStd)} ÷ 分母 ${num(d.valueStd)} × 100 计算（${point.derivation.basis.zh}）`,
          en: `Baseline from the statistics: the ${t0} share computed as ${num(n.valueStd)} ÷ ${num(d.valueStd)} × 100 (${point.derivation.basis.en})`,
        },
      };
    }
    const o = point.observation;
    const kind = o ? SOURCE_KIND_LABELS[o.sourceKind] : { zh: '统计数据', en: 'statistics' };
    return {
      value: point.value,
      year: t0,
      from: 'figure',
      observation: o,
      note: {
        zh: `基期值取自统计数据：${t0}年${formatValue(point.value, b.unit, 'zh')}（${kind.zh}${o ? `：${o.source.publication}` : ''}）`,
        en: `Baseline from the statistics: ${formatValue(point.value, b.unit, 'en')} in ${t0} (${kind.en}${o ? `: ${o.source.publication}` : ''})`,
      },
    };
  }
  const next = b.series.find((p) => p.year === t0 + 1);
  const growth = b.nominalGrowth.get(t0 + 1);
  if (next && !next.derivation && growth && growth.value > -100) {
    const value = next.value / (1 + growth.value / 100);
    return {
      value,
      year: t0,
      from: 'derived_growth',
      observation: null,
      note: {
        zh: `基期值由统计数据推算：${t0 + 1}年${formatValue(next.value, b.unit, 'zh')} ÷ (1 + 当年名义增速${num(growth.value, 2)}%) = ${formatValue(Number(num(value, 2)), b.unit, 'zh')}`,
        en: `Baseline derived from the statistics: ${formatValue(next.value, b.unit, 'en')} in ${t0 + 1} ÷ (1 + that year's nominal growth ${num(growth.value, 2)}%) = ${formatValue(Number(num(value, 2)), b.unit, 'en')}`,
      },
    };
  }
  return null;
}
