/**
 * ECharts, tree-shaken to what the app draws, in its own chunk: loaded on the first chart, never in the first
 * JavaScript of a page (components/EChart.tsx imports this file lazily).
 */
import { BarChart, LineChart, MapChart, ScatterChart } from 'echarts/charts';
import {
  AriaComponent, GeoComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TitleComponent, TooltipComponent, VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { LabelLayout } from 'echarts/features';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

echarts.use([
  BarChart, LineChart, MapChart, ScatterChart,
  AriaComponent, GeoComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TitleComponent, TooltipComponent, VisualMapComponent,
  LabelLayout, CanvasRenderer, SVGRenderer,
]);

export { echarts };
