/** 合成指数: the leading, coincident and lagging indices over time, their turning points (峰/谷) marked. */
import type { EChartsOption } from 'echarts';
import { useMemo } from 'react';
import type { CompositeResultDto } from '../../api';
import { EChart } from '../../components/EChart';
import { useLang } from '../../i18n';

const COLOURS: Record<string, string> = { leading: '#d4380d', coincident: '#1d4ed8', lagging: '#6b7280' };

export function CompositeChart({ composite }: { composite: CompositeResultDto }) {
  const { t, l } = useLang();
  const option = useMemo<EChartsOption>(() => {
    const lines = composite.indices.map((g) => ({
      name: l(g.name),
      type: 'line' as const,
      data: g.level.map((v) => (v === null ? null : Math.round(v * 10) / 10)),
      symbol: 'none',
      lineStyle: { color: COLOURS[g.group], width: g.group === 'coincident' ? 2.5 : 1.5, type: g.group === 'lagging' ? ('dashed' as const) : ('solid' as const) },
      itemStyle: { color: COLOURS[g.group] },
      ...(g.group === 'coincident' ? { markLine: { silent: true, symbol: 'none', data: [{ yAxis: 100 }], lineStyle: { color: '#9ca3af', type: 'dotted' as const }, label: { formatter: `${composite.baseYear ?? ''}=100`, position: 'insideStartTop' as const } } } : {}),
    }));
    const turns = composite.indices
      .filter((g) => g.group !== 'lagging')
      .map((g) => ({
        name: `${l(g.name)} ${t('转折点', 'turning points')}`,
        type: 'scatter' as const,
        symbolSize: 10,
        symbol: 'diamond',
        itemStyle: { color: COLOURS[g.group] },
        data: g.turningPoints.map((p) => ({ value: [p.period, Math.round(p.value * 10) / 10], name: p.kind === 'peak' ? t('峰', 'peak') : t('谷', 'trough') })),
        label: { show: true, formatter: '{b}', position: 'top' as const, color: '#111827' },
      }));
    return {
      animation: false,
      aria: { enabled: true },
      tooltip: { trigger: 'axis' },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 40, right: 20, top: 40, bottom: 30, containLabel: true },
      xAxis: { type: 'category', data: composite.periods, axisLabel: { color: '#374151' } },
      yAxis: { type: 'value', scale: true, axisLabel: { color: '#374151' } },
      series: [...lines, ...turns],
    };
  }, [composite, l, t]);
  return <EChart option={option} height={340} label={t('先行、一致、滞后合成指数折线图', 'Line chart of the leading, coincident and lagging indices')} testId="composite-chart" />;
}
