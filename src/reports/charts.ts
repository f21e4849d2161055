/**
 * The indicator charts of a report, rendered on the server with ECharts' SSR to SVG from the same chart
 * specification the web app uses (src/shared/charts/indicatorChart.ts). PDF embeds the SVG as is; Word needs a
 * PNG, which resvg draws from the same SVG (chartPng.ts).
 */
import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';
import { FONTS } from './fonts';
import type { Language } from '../domain/text';
import { indicatorChartOption, type IndicatorChartInput } from '../shared/charts/indicatorChart';
import type { IndicatorRow } from './rows';

/** Pixels; two charts side by side fill the text width of an A4 page with legible labels. */
export const CHART_SIZE = { width: 400, height: 260 } as const;

export interface RenderedChart {
  code: string;
  title: string;
  svg: string;
}

export function chartInput(r: IndicatorRow, lang: Language): IndicatorChartInput {
  return {
    name: r.name[lang],
    unit: r.unit,
    series: r.series.map((p) => ({ year: p.year, value: p.value })),
    baseline: r.baseline,
    // A cumulative amount (累计新增200万吨) is no level on the chart's axis, and a qualitative target has no value.
    target: r.target && r.target.value !== null && r.target.comparator !== null && r.target.kind !== 'cumulative' ? { year: r.target.year, value: r.target.value, comparator: r.target.comparator, band: r.target.band } : null,
    forecast: r.forecast?.path ?? [],
  };
}

/**
 * Chart text in the heading font at normal weight, the title and the target label (bold on the web) included: a bold
 * cut is one more font to embed, and a bold made up from a regular cut (the free 黑体 stand-ins have none) is drawn
 * by Chromium's PDF writer as Type 3 glyphs, which the report avoids (fonts.ts).
 */
function printable(option: EChartsOption): EChartsOption {
  const title = Array.isArray(option.title) ? option.title[0] : option.title;
  return {
    ...(normalWeights(option) as EChartsOption),
    textStyle: { fontFamily: FONTS.heading.css.replace(/"/g, "'"), fontWeight: 'normal' },
    ...(title ? { title: { ...title, textStyle: { ...title.textStyle, fontWeight: 'normal' } } } : {}),
  };
}

/** A copy of an option tree with every `fontWeight` set to normal; functions (formatters) are kept as they are. */
function normalWeights(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalWeights);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'fontWeight' ? 'normal' : normalWeights(v)]));
  }
  return value;
}

/** One SVG per indicator that has at least one figure; an indicator without figures gets no empty chart. */
export function renderCharts(rows: readonly IndicatorRow[], lang: Language): RenderedChart[] {
  return rows
    .filter((r) => r.series.length > 0)
    .map((r) => {
      const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: CHART_SIZE.width, height: CHART_SIZE.height });
      try {
        chart.setOption(printable(indicatorChartOption(chartInput(r, lang), lang, { animation: false })));
        return { code: r.code, title: r.name[lang], svg: chart.renderToSVGString() };
      } finally {
        chart.dispose();
      }
    });
}
