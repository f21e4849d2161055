/**
 * The rest of what the app draws, added to the core of echarts.ts: the district map (map, geo, visual map, labelled
 * points), the indicator chart's target marks and forecast points, and the SVG renderer. Its own chunk.
 */
import { MapChart, ScatterChart } from 'echarts/charts';
import { GeoComponent, MarkAreaComponent, MarkLineComponent, TitleComponent, VisualMapComponent } from 'echarts/components';
import { LabelLayout } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';
import { echarts } from './echarts';

echarts.use([MapChart, ScatterChart, GeoComponent, MarkAreaComponent, MarkLineComponent, TitleComponent, VisualMapComponent, LabelLayout, SVGRenderer]);

export { echarts };
