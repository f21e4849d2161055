/**
 * The picture of one indicator against its plan: the series of figures evaluation uses, the 2020 baseline, the target
 * (a point, or for a 左右 target the shaded band around it) and the forecast fan (80% and 95% intervals).
 *
 * Pure: it returns a plain ECharts option — data, no functions — so the web app draws it in the browser and the
 * reports render the very same option on the server (ECharts SSR to SVG). Shared by both (contracts.md §2).
 */
import type { EChartsOption } from 'echarts';

export interface IndicatorChartInput {
  name: string; // indicator name in the chosen language
  unit: string; // display unit
  series: { year: number; value: number }[]; // figures used by evaluation (evaluation `series`)
  baseline: { year: number; value: number } | null;
  target: { year: number; value: number; comparator: string; band: [number, number] | null } | null;
  forecast: { year: number; point: number; lo80: number; hi80: number; lo95: number; hi95: number }[];
}

export interface IndicatorChartOptions {
  /** false for server-side rendering and print; default true. */
  animation?: boolean;
}

/** Colours chosen for contrast on white (WCAG AA for the lines and text) and to stay apart for colour-blind readers. */
export const CHART_COLOURS = {
  actual: '#1d4ed8',
  baseline: '#374151',
  target: '#b91c1c',
  band: 'rgba(185, 28, 28, 0.12)',
  forecast: '#c2410c',
  fan80: 'rgba(234, 88, 12, 0.30)',
  fan95: 'rgba(234, 88, 12, 0.14)',
} as const;

const WORDS = {
  zh: { actual: '实际值', baseline: '基期值', target: '目标值', band: '目标区间', forecast: '预测值', fan80: '80%预测区间', fan95: '95%预测区间', year: '年' },
  en: { actual: 'Actual', baseline: 'Baseline', target: 'Target', band: 'Target band', forecast: 'Forecast', fan80: '80% interval', fan95: '95% interval', year: '' },
} as const;

/** The shortest plain decimal, at most 2 places (no exponent, no trailing zeros). */
function short(x: number): string {
  return String(Math.round(x * 100) / 100);
}

/** A value with its unit the Chinese way: 亿元 amounts from 10000 read in 万亿元 (2.5万亿元). */
function withUnit(x: number, unit: string, lang: 'zh' | 'en'): string {
  if (unit === '亿元' && Math.abs(x) >= 10000) return lang === 'zh' ? `${short(x / 10000)}万亿元` : `${short(x / 10000)} trillion yuan`;
  if (lang === 'en' && (unit === '亿元' || unit === '亿美元')) return `${short(x / 10)} billion ${unit === '亿元' ? 'yuan' : 'USD'}`;
  return lang === 'en' && unit !== '%' ? `${short(x)} ${axisUnit(unit, 'en')}` : `${short(x)}${unit}`;
}

/** The unit an axis is read in, in the chart's language (the numbers on the axis stay in the stored unit). */
export function axisUnit(unit: string, lang: 'zh' | 'en'): string {
  if (lang === 'zh') return unit;
  return ({ 亿元: '100 million yuan', 万亿元: 'trillion yuan', 亿美元: '100 million USD', 万元: '10,000 yuan', 万人: '10,000 persons', 个百分点: 'percentage points', 家: 'firms', 个: 'items' } as Record<string, string>)[unit] ?? unit;
}

/** Years on the axis: from the first figure (or baseline) to the last of target and forecast, without holes. */
function yearsOf(input: IndicatorChartInput): number[] {
  const ys = [
    ...input.series.map((p) => p.year),
    ...input.forecast.map((p) => p.year),
    ...(input.baseline ? [input.baseline.year] : []),
    ...(input.target ? [input.target.year] : []),
  ];
  if (ys.length === 0) return [];
  const from = Math.min(...ys);
  const to = Math.max(...ys);
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

export function indicatorChartOption(input: IndicatorChartInput, lang: 'zh' | 'en', opts: IndicatorChartOptions = {}): EChartsOption {
  const w = WORDS[lang];
  const years = yearsOf(input);
  const at = (year: number) => years.indexOf(year);
  const blank = (): (number | null)[] => years.map(() => null);

  const actual = blank();
  for (const p of input.series) actual[at(p.year)] = p.value;

  // The fan starts at the last figure (zero width there), so it grows visibly out of the line.
  const last = input.series.length > 0 ? input.series.reduce((a, b) => (b.year > a.year ? b : a)) : null;
  const fanPoints = [
    ...(last && input.forecast.length > 0 && !input.forecast.some((f) => f.year === last.year)
      ? [{ year: last.year, point: last.value, lo80: last.value, hi80: last.value, lo95: last.value, hi95: last.value }]
      : []),
    ...input.forecast,
  ];
  const point = blank();
  const lo95 = blank();
  const width95lo = blank(); // lo80 − lo95, stacked on lo95
  const width80 = blank(); // hi80 − lo80, stacked on lo80
  const width95hi = blank(); // hi95 − hi80, stacked on hi80
  for (const f of fanPoints) {
    const i = at(f.year);
    point[i] = f.point;
    lo95[i] = f.lo95;
    width95lo[i] = f.lo80 - f.lo95;
    width80[i] = f.hi80 - f.lo80;
    width95hi[i] = f.hi95 - f.hi80;
  }
  const hasFan = input.forecast.length > 0;
  const fanLayer = (name: string, data: (number | null)[], colour: string | null) => ({
    name,
    type: 'line' as const,
    stack: 'fan',
    data,
    symbol: 'none',
    lineStyle: { opacity: 0 },
    // The legend shows the layer's item colour: the same as its area.
    itemStyle: { color: colour ?? 'transparent' },
    areaStyle: colour ? { color: colour, origin: 'auto' as const } : { opacity: 0 },
    emphasis: { disabled: true },
    tooltip: { show: colour !== null },
    silent: true,
    z: 1,
  });

  const target = input.target;
  const band = target?.band ?? null;
  const targetLabel = target ? `${w.target} ${withUnit(target.value, input.unit, lang)}${band ? (lang === 'zh' ? '左右' : ' (about)') : ''}` : '';
  const baselineData = blank();
  if (input.baseline) baselineData[at(input.baseline.year)] = input.baseline.value;
  const targetData = blank();
  if (target) targetData[at(target.year)] = target.value;

  const legend: string[] = [w.actual];
  if (input.baseline) legend.push(w.baseline);
  if (target) legend.push(w.target);
  if (hasFan) legend.push(w.forecast, w.fan80, w.fan95);

  return {
    animation: opts.animation ?? true,
    aria: { enabled: true },
    // The title long names wrap inside the chart's width; the axis unit sits below it (grid top), never on it.
    title: { text: input.name, left: 'center', textStyle: { fontSize: 15, color: '#111827', width: 300, overflow: 'break' } },
    legend: { data: legend, bottom: 0, textStyle: { color: '#1f2937' } },
    grid: { left: 64, right: 32, top: 72, bottom: 56, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'category',
      data: years.map((y) => `${y}${w.year}`),
      boundaryGap: false,
      // Far enough below the axis that the first year never meets the lowest value label in the corner.
      axisLabel: { color: '#374151', margin: 16 },
    },
    yAxis: {
      type: 'value',
      name: axisUnit(input.unit, lang),
      scale: true,
      nameGap: 10,
      nameTextStyle: { color: '#374151' },
      axisLabel: { color: '#374151' },
      splitLine: { lineStyle: { color: '#e5e7eb' } },
    },
    series: [
      ...(hasFan
        ? [
            fanLayer('lo95', lo95, null),
            fanLayer(w.fan95, width95lo, CHART_COLOURS.fan95),
            fanLayer(w.fan80, width80, CHART_COLOURS.fan80),
            fanLayer(`${w.fan95} `, width95hi, CHART_COLOURS.fan95),
            {
              name: w.forecast,
              type: 'line' as const,
              data: point,
              lineStyle: { type: 'dashed' as const, color: CHART_COLOURS.forecast, width: 2 },
              itemStyle: { color: CHART_COLOURS.forecast },
              symbol: 'emptyCircle',
              z: 3,
            },
          ]
        : []),
      {
        name: w.actual,
        type: 'line',
        data: actual,
        connectNulls: true,
        lineStyle: { color: CHART_COLOURS.actual, width: 3 },
        itemStyle: { color: CHART_COLOURS.actual },
        symbolSize: 7,
        z: 4,
        ...(band && target
          ? {
              markArea: {
                silent: true,
                itemStyle: { color: CHART_COLOURS.band },
                label: { show: true, position: 'insideTopLeft', color: CHART_COLOURS.target, formatter: `${w.band} ${short(band[0])}–${short(band[1])}${input.unit}` },
                data: [[{ yAxis: band[0], xAxis: years[0] === undefined ? undefined : `${years[0]}${w.year}` }, { yAxis: band[1], xAxis: `${target.year}${w.year}` }]],
              },
            }
          : {}),
      },
      // Mark areas do not count in the value axis' extent: without this, a band far from the figures (物流业 10.18%
      // against 9.5–10.5%) fills the plot and its edges fall outside the axis. Two invisible points at the target year
      // make the axis span the band, with its usual rounded ticks.
      ...(band && target
        ? band.map((edge, k) => ({
            name: `band-extent-${k}`,
            type: 'scatter' as const,
            data: years.map((y) => (y === target.year ? edge : null)),
            symbolSize: 0,
            silent: true,
            tooltip: { show: false },
            z: 0,
          }))
        : []),
      ...(input.baseline
        ? [
            {
              name: w.baseline,
              type: 'scatter' as const,
              data: baselineData,
              symbol: 'diamond',
              symbolSize: 14,
              itemStyle: { color: CHART_COLOURS.baseline },
              label: { show: true, position: 'bottom' as const, color: CHART_COLOURS.baseline, formatter: `${w.baseline} ${short(input.baseline.value)}` },
              z: 5,
            },
          ]
        : []),
      ...(target
        ? [
            {
              name: w.target,
              type: 'scatter' as const,
              data: targetData,
              symbol: 'pin',
              symbolSize: 30,
              itemStyle: { color: CHART_COLOURS.target },
              label: { show: true, position: 'left' as const, color: CHART_COLOURS.target, fontWeight: 'bold' as const, formatter: targetLabel },
              z: 6,
            },
          ]
        : []),
    ],
  };
}
