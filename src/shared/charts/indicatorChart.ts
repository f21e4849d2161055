/**
 * The one chart of an indicator — figures, baseline, target (with its 左右 band) and the forecast fan — as an
 * ECharts option. Shared by the web app (in the browser) and the reports (server-side rendering to SVG), so both
 * draw the same picture. Pure data: no functions that only a browser could run.
 *
 * Minimal version made by the reports branch (contract section 2); the web branch's version replaces it at merge.
 */
import type { EChartsOption } from 'echarts';

export interface IndicatorChartInput {
  /** Indicator name in the chosen language. */
  name: string;
  /** Display unit. */
  unit: string;
  /** Figures used by the evaluation (the evaluation's `series`). */
  series: { year: number; value: number }[];
  baseline: { year: number; value: number } | null;
  target: { year: number; value: number; comparator: string; band: [number, number] | null } | null;
  forecast: { year: number; point: number; lo80: number; hi80: number; lo95: number; hi95: number }[];
}

const WORDS = {
  zh: { figures: '实际值', baseline: '基期值', target: '目标值', forecast: '预测值', band80: '80%区间' },
  en: { figures: 'Actual', baseline: 'Baseline', target: 'Target', forecast: 'Forecast', band80: '80% interval' },
} as const;

/**
 * @example
 * indicatorChartOption({ name: '服务业增加值', unit: '亿元', series: [{ year: 2023, value: 21566.38 }],
 *   baseline: { year: 2020, value: 17190.4 }, target: { year: 2025, value: 25000, comparator: 'at_least', band: null },
 *   forecast: [] }, 'zh', { animation: false })
 */
export function indicatorChartOption(input: IndicatorChartInput, lang: 'zh' | 'en', opts: { animation?: boolean } = {}): EChartsOption {
  const w = WORDS[lang];
  const years = new Set<number>([...input.series.map((p) => p.year), ...input.forecast.map((p) => p.year)]);
  if (input.baseline) years.add(input.baseline.year);
  if (input.target) years.add(input.target.year);
  const sorted = [...years].sort((a, b) => a - b);
  const first = sorted[0] ?? 0;
  const last = sorted[sorted.length - 1] ?? 0;
  const axis: string[] = [];
  for (let y = first; y <= last && sorted.length > 0; y++) axis.push(String(y));
  const at = (pairs: ReadonlyArray<[number, number]>): Array<number | null> => {
    const map = new Map(pairs);
    return axis.map((y) => map.get(Number(y)) ?? null);
  };
  const lastFigure = input.series[input.series.length - 1];
  // The forecast line starts from the last figure so that the two lines join.
  const forecastPairs: Array<[number, number]> = [...(lastFigure && input.forecast.length > 0 ? [[lastFigure.year, lastFigure.value] as [number, number]] : []), ...input.forecast.map((p) => [p.year, p.point] as [number, number])];
  const lo80: Array<[number, number]> = input.forecast.map((p) => [p.year, p.lo80]);
  const width80: Array<[number, number]> = input.forecast.map((p) => [p.year, p.hi80 - p.lo80]);

  const series: NonNullable<EChartsOption['series']> = [
    { name: w.figures, type: 'line', data: at(input.series.map((p) => [p.year, p.value])), connectNulls: true, symbolSize: 6, lineStyle: { width: 2 }, itemStyle: { color: '#1d4e89' } },
  ];
  if (input.forecast.length > 0) {
    series.push(
      { name: `${w.band80}-lo`, type: 'line', data: at(lo80), stack: 'band80', lineStyle: { opacity: 0 }, symbol: 'none', tooltip: { show: false } },
      { name: w.band80, type: 'line', data: at(width80), stack: 'band80', lineStyle: { opacity: 0 }, symbol: 'none', areaStyle: { color: '#9ec5e8', opacity: 0.5 } },
      { name: w.forecast, type: 'line', data: at(forecastPairs), lineStyle: { type: 'dashed', width: 2 }, itemStyle: { color: '#4a90d9' }, symbolSize: 4 },
    );
  }
  if (input.baseline) {
    series.push({ name: w.baseline, type: 'scatter', data: at([[input.baseline.year, input.baseline.value]]), symbol: 'diamond', symbolSize: 10, itemStyle: { color: '#7f7f7f' } });
  }
  if (input.target) {
    series.push({ name: w.target, type: 'scatter', data: at([[input.target.year, input.target.value]]), symbol: 'pin', symbolSize: 18, itemStyle: { color: '#c0392b' } });
    if (input.target.band) {
      const [lo, hi] = input.target.band;
      series.push({ name: `${w.target}-band`, type: 'line', data: [], markArea: { silent: true, itemStyle: { color: 'rgba(192,57,43,0.08)' }, data: [[{ yAxis: lo }, { yAxis: hi }]] } });
    }
  }
  return {
    animation: opts.animation ?? true,
    title: { text: input.name, left: 'center', textStyle: { fontSize: 14 } },
    grid: { left: 60, right: 24, top: 56, bottom: 48 },
    legend: { bottom: 0, data: [w.figures, ...(input.forecast.length > 0 ? [w.forecast, w.band80] : []), ...(input.baseline ? [w.baseline] : []), ...(input.target ? [w.target] : [])] },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: axis, boundaryGap: false },
    yAxis: { type: 'value', scale: true, name: input.unit },
    series,
  };
}
