import * as echarts from 'echarts';
import { describe, expect, it } from 'vitest';
import { indicatorChartOption, type IndicatorChartInput } from './indicatorChart';

const input: IndicatorChartInput = {
  name: '服务业增加值',
  unit: '亿元',
  series: [
    { year: 2019, value: 16000 },
    { year: 2020, value: 17190.4 },
    { year: 2023, value: 21566.38 },
  ],
  baseline: { year: 2020, value: 17190.4 },
  target: { year: 2025, value: 25000, comparator: 'at_least', band: null },
  forecast: [
    { year: 2024, point: 22800, lo80: 22300, hi80: 23300, lo95: 22000, hi95: 23600 },
    { year: 2025, point: 24100, lo80: 23200, hi80: 25000, lo95: 22700, hi95: 25500 },
  ],
};

type Series = { name: string; type: string; data: (number | null)[]; stack?: string; markArea?: { data: unknown[] } };
const seriesOf = (o: ReturnType<typeof indicatorChartOption>) => o.series as Series[];

describe('indicatorChartOption', () => {
  it('is plain data: it survives JSON unchanged (no functions, so the server can render it)', () => {
    const o = indicatorChartOption(input, 'zh');
    expect(JSON.parse(JSON.stringify(o))).toEqual(o);
  });

  it('puts every year from the first figure to the target year on the axis, gaps as null', () => {
    const o = indicatorChartOption(input, 'zh');
    expect((o.xAxis as { data: string[] }).data).toEqual(['2019年', '2020年', '2021年', '2022年', '2023年', '2024年', '2025年']);
    const actual = seriesOf(o).find((s) => s.name === '实际值');
    expect(actual?.data).toEqual([16000, 17190.4, null, null, 21566.38, null, null]);
    const target = seriesOf(o).find((s) => s.name === '目标值');
    expect(target?.data[6]).toBe(25000);
    const baseline = seriesOf(o).find((s) => s.name === '基期值');
    expect(baseline?.data[1]).toBe(17190.4);
  });

  it('stacks the fan so that its layers add up to the 95% and 80% bounds, starting at the last figure', () => {
    const s = seriesOf(indicatorChartOption(input, 'en'));
    const fan = s.filter((x) => x.stack === 'fan');
    expect(fan).toHaveLength(4);
    const bounds: [number, number, number][] = [
      [4, 21566.38, 21566.38],
      [5, 22000, 23600],
      [6, 22700, 25500],
    ];
    for (const [i, lo95, hi95] of bounds) {
      const layers = fan.map((x) => x.data[i] ?? 0);
      expect(layers[0]).toBeCloseTo(lo95, 6);
      expect(layers.reduce((a, b) => a + b, 0)).toBeCloseTo(hi95, 6);
      expect(layers.every((w, k) => k === 0 || w >= 0)).toBe(true);
    }
    expect(s.find((x) => x.name === 'Forecast')?.data.slice(4)).toEqual([21566.38, 22800, 24100]);
  });

  it('shades the band of a 左右 target, and animates only when asked', () => {
    const o = indicatorChartOption({ ...input, unit: '%', target: { year: 2025, value: 16, comparator: 'about', band: [15.5, 16.5] } }, 'zh', { animation: false });
    expect(o.animation).toBe(false);
    const area = seriesOf(o).find((x) => x.markArea)?.markArea?.data[0] as [{ yAxis: number }, { yAxis: number; xAxis: string }];
    expect([area[0].yAxis, area[1].yAxis, area[1].xAxis]).toEqual([15.5, 16.5, '2025年']);
    expect(indicatorChartOption(input, 'zh').animation).toBe(true);
  });

  it('renders on the server with ECharts SSR into an SVG that names the target', () => {
    const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 800, height: 400 });
    chart.setOption(indicatorChartOption(input, 'zh', { animation: false }));
    const svg = chart.renderToSVGString();
    chart.dispose();
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain('目标值 2.5万亿元');
    expect(svg).toContain('基期值 17190.4');
    expect((svg.match(/<path/g) ?? []).length).toBeGreaterThan(10);
  });

  it('stretches the value axis over the whole band of a 左右 target, even far from the figures', () => {
    // 物流业增加值占GDP比重: figures about 10.18%, target 10% 左右 read as the band 9.5–10.5%.
    const logistics: IndicatorChartInput = {
      name: '物流业增加值占GDP比重',
      unit: '%',
      series: [
        { year: 2019, value: 10.2 },
        { year: 2023, value: 10.18 },
      ],
      baseline: null,
      target: { year: 2025, value: 10, comparator: 'about', band: [9.5, 10.5] },
      forecast: [],
    };
    const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 600, height: 360 });
    chart.setOption(indicatorChartOption(logistics, 'zh', { animation: false }));
    const svg = chart.renderToSVGString();
    chart.dispose();
    const numbers = [...svg.matchAll(/<text[^>]*>([-\d.]+)<\/text>/g)].map((m) => Number(m[1]));
    expect(Math.min(...numbers)).toBeLessThanOrEqual(9.5);
    expect(Math.max(...numbers)).toBeGreaterThanOrEqual(10.5);
  });

  it('draws a chart with no figures at all without failing', () => {
    const o = indicatorChartOption({ ...input, series: [], baseline: null, forecast: [] }, 'zh');
    expect((o.xAxis as { data: string[] }).data).toEqual(['2025年']);
  });
});
