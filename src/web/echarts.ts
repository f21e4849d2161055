/**
 * ECharts core with what the cockpit's chart draws (bars and a line on a grid, as SVG so its labels are in the
 * page and can be checked for collisions), in its own chunk: loaded on
 * the first chart, never in the first JavaScript of a page (components/EChart.tsx imports this file lazily). The
 * map, the marks of the indicator chart and the SVG renderer are in echartsFull.ts, loaded only by the pages that
 * need them, so the cockpit does not parse them.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer, SVGRenderer]);

export { echarts };
