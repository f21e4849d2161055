/**
 * The indicator charts of a report, rendered on the server with ECharts' SSR to SVG from the same chart
 * specification the web app uses (src/shared/charts/indicatorChart.ts). PDF embeds the SVG as is; Word needs a
 * PNG, which Chromium makes (browser.ts).
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
    target: r.target ? { year: r.target.year, value: r.target.value, comparator: r.target.comparator, band: r.target.band } : null,
    forecast: r.forecast?.path ?? [],
  };
}

/**
 * Chart text in the heading font at normal weight: every further CJK font (a bold cut, a third family) costs the
 * PDF printer seconds, since Chromium embeds the CFF-based Noto CJK fonts as Type 3 glyph by glyph.
 */
function printable(option: EChartsOption): EChartsOption {
  const title = Array.isArray(option.title) ? option.title[0] : option.title;
  return {
    ...option,
    textStyle: { fontFamily: FONTS.heading.css.replace(/"/g, "'"), fontWeight: 'normal' },
    ...(title ? { title: { ...title, textStyle: { ...title.textStyle, fontWeight: 'normal' } } } : {}),
  };
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
