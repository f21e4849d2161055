/**
 * Single periods derived from cumulative figures: 1–9月 minus 1–6月 is the third quarter, 1–9月 minus 1–8月 is
 * September. Only for flows (value added, sales, trade: amounts that add up over time) — a rate or a share is never
 * differenced. Each period's figure is the one the preference rule chooses; the two must stand on the same revision
 * basis; the result is marked derived and names both figures it came from.
 */
import { deriveByDifference } from '../period/derive';
import { formatPeriod } from '../period/format';
import { parsePeriod } from '../period/parse';
import { monthRange, type Period } from '../period/period';
import type { LocalizedText } from '../text';
import type { Observation } from './observation';
import { choosePreferred } from './preference';
import { revisionBasis } from './revisionBasis';

export interface DerivedFigure {
  indicatorCode: string;
  regionCode: string;
  periodCode: string;
  /** In the indicator's unit. */
  value: number;
  later: Observation;
  earlier: Observation;
  rule: LocalizedText;
}

/** @param figures one indicator and region, any periods. */
export function deriveSinglePeriods(figures: readonly Observation[], publishedBy: string | null = null): DerivedFigure[] {
  const fromJanuary = new Map<number, Array<{ period: Period; figure: Observation }>>();
  const byPeriod = new Map<string, Observation[]>();
  // Amounts are differenced at current prices only: a comparable-price figure never pairs with a current-price one.
  for (const f of figures) {
    if (f.priceBasis === 'comparable') continue;
    byPeriod.set(f.periodCode, [...(byPeriod.get(f.periodCode) ?? []), f]);
  }
  for (const [code, list] of byPeriod) {
    const parsed = parsePeriod(code);
    if (!parsed.ok) continue;
    const { start, end } = monthRange(parsed.value);
    if (start.month !== 1 || start.year !== end.year) continue;
    const chosen = choosePreferred(list, publishedBy).chosen;
    if (!chosen) continue;
    fromJanuary.set(start.year, [...(fromJanuary.get(start.year) ?? []), { period: parsed.value, figure: chosen }]);
  }

  const derived: DerivedFigure[] = [];
  for (const list of fromJanuary.values()) {
    list.sort((a, b) => monthRange(a.period).end.month - monthRange(b.period).end.month);
    for (let i = 1; i < list.length; i++) {
      const later = list[i];
      const earlier = list[i - 1];
      if (!later || !earlier) continue;
      const period = deriveByDifference(later.period, earlier.period);
      if (!period.ok) continue;
      if (revisionBasis(later.figure.publishedDate).id !== revisionBasis(earlier.figure.publishedDate).id) continue;
      const a = later.figure;
      const b = earlier.figure;
      derived.push({
        indicatorCode: a.indicatorCode,
        regionCode: a.regionCode,
        periodCode: formatPeriod(period.value),
        value: roundLike(a.valueStd - b.valueStd, a.valueStd, b.valueStd),
        later: a,
        earlier: b,
        rule: {
          zh: `由累计数推算：${a.periodCode}（${a.valueStd}）减 ${b.periodCode}（${b.valueStd}）`,
          en: `derived from cumulative figures: ${a.periodCode} (${a.valueStd}) minus ${b.periodCode} (${b.valueStd})`,
        },
      });
    }
  }
  return derived.sort((x, y) => x.periodCode.localeCompare(y.periodCode));
}

/** A difference carries no more decimals than its operands (6044 − 5240 is 804, not 803.9999999). */
function roundLike(value: number, a: number, b: number): number {
  const decimals = Math.max(decimalsOf(a), decimalsOf(b));
  return Number(value.toFixed(decimals));
}

const decimalsOf = (n: number) => (String(n).split('.')[1] ?? '').length;
