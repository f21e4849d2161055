/**
 * One ECharts chart. ECharts is loaded on first use (its own chunk). When the chart has drawn its data the element
 * gets data-chart-ready="true" — what the browser tests and the load benchmark wait for.
 */
import type { EChartsOption } from 'echarts';
import { useEffect, useRef, useState } from 'react';

type Echarts = typeof import('echarts/core');
type Instance = ReturnType<Echarts['init']>;

/** What a chart needs: 'basic' (bars and lines on canvas, the cockpit) or 'full' (maps, marks, SVG). */
export type ChartFeatures = 'basic' | 'full';

let basic: Promise<Echarts> | null = null;
let full: Promise<Echarts> | null = null;
export const loadEcharts = (features: ChartFeatures = 'basic'): Promise<Echarts> =>
  features === 'basic' ? (basic ??= import('./../echarts').then((m) => m.echarts)) : (full ??= import('./../echartsFull').then((m) => m.echarts));

export interface EChartProps {
  option: EChartsOption;
  height: number | string;
  /** What the chart shows, for screen readers (the chart also has ECharts' own aria description). */
  label: string;
  renderer?: 'canvas' | 'svg';
  /** Which part of ECharts to load (default 'full'; the cockpit's chart needs only 'basic'). */
  features?: ChartFeatures;
  /** Called once the library is there, before the option is set (e.g. to register a map). */
  prepare?: (echarts: Echarts) => void;
  onClick?: (params: { name: string; data?: unknown; seriesType?: string }) => void;
  testId?: string;
}

export function EChart({ option, height, label, renderer = 'canvas', features = 'full', prepare, onClick, testId }: EChartProps) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<Instance | null>(null);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    let live = true;
    let observer: ResizeObserver | null = null;
    loadEcharts(features).then(
      (echarts) => {
        if (!live || !el.current) return;
        prepare?.(echarts);
        const c = echarts.init(el.current, null, { renderer });
        chart.current = c;
        c.on('finished', () => setReady(true));
        c.on('click', (p) => clickRef.current?.(p as { name: string; data?: unknown; seriesType?: string }));
        observer = new ResizeObserver(() => c.resize());
        observer.observe(el.current);
      },
      (e: Error) => setFailed(e.message),
    );
    return () => {
      live = false;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
    // The instance lives as long as the element; option changes go through setOption below.
  }, [renderer, features]);

  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    void loadEcharts(features).then(() => setLoaded(true));
  }, [features]);
  useEffect(() => {
    if (!loaded || !chart.current) return;
    setReady(false);
    chart.current.setOption(option, { notMerge: true });
  }, [option, loaded]);

  return (
    <div role="img" aria-label={label} data-testid={testId} data-chart-ready={ready ? 'true' : 'false'} style={{ width: '100%', height }}>
      {failed ? <p role="alert">{failed}</p> : <div ref={el} style={{ width: '100%', height: '100%' }} />}
    </div>
  );
}
