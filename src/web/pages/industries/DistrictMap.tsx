/**
 * The chosen industry's total by district on the map of Shenzhen (the bundled boundaries); a confidential district
 * (suppressed) is grey and says 保密, never a number; a district with no figure is hatched.
 */
import type { EChartsOption } from 'echarts';
import { useMemo } from 'react';
import { useApi, type AggregateCellDto } from '../../api';
import { EChart } from '../../components/EChart';
import { useLang } from '../../i18n';
import { noDataHatch } from '../../mapHatch';

interface GeoJson {
  type: 'FeatureCollection';
  features: { properties: { adcode: number; name: string } }[];
}

export function DistrictMap({ cells, unit, title }: { cells: readonly AggregateCellDto[]; unit: string; title: string }) {
  const { t } = useLang();
  const geo = useApi<GeoJson>('/api/regions/geo');
  const option = useMemo<EChartsOption | null>(() => {
    if (!geo.data) return null;
    const byCode = new Map(cells.map((c) => [c.region, c]));
    // Confidential: solid grey, said 保密; no figure at all: hatched — neither reads as a low value.
    const hatch = noDataHatch();
    const data = geo.data.features.map((f) => {
      const c = byCode.get(String(f.properties.adcode));
      return {
        name: f.properties.name,
        value: c && c.total !== null ? c.total : ('-' as const),
        itemStyle: c?.suppressed && c.total === null ? { areaColor: '#d1d5db' } : c && c.total !== null ? undefined : { areaColor: hatch },
        label: c?.suppressed && c.total === null ? { formatter: `{b}\n${t('保密', 'confidential')}` } : undefined,
      };
    });
    const nums = data.map((d) => d.value).filter((v): v is number => v !== '-');
    return {
      animation: false,
      aria: { enabled: true },
      tooltip: { trigger: 'item', formatter: (p) => { const v = (p as { value?: unknown }).value; return `${(p as { name: string }).name}: ${typeof v === 'number' ? `${v.toLocaleString()} ${unit}` : t('保密或无数据', 'confidential or no data')}`; } },
      visualMap: nums.length ? { min: Math.min(...nums), max: Math.max(...nums), left: 8, bottom: 8, text: [t('高', 'high'), t('低', 'low')], inRange: { color: ['#dbeafe', '#1e3a8a'] }, seriesIndex: 0 } : undefined,
      series: [{ type: 'map', map: 'shenzhen', name: title, data, label: { show: true, fontSize: 11, textBorderColor: '#fff', textBorderWidth: 2 }, boundingCoords: [[113.72, 22.9], [115.2, 22.4]] }],
    };
  }, [geo.data, cells, unit, title, t]);
  if (!option) return null;
  return (
    <EChart
      option={option}
      height={420}
      renderer="svg"
      testId="industry-map"
      label={t(`${title}：各区分布图`, `${title}: map by district`)}
      prepare={(echarts) => {
        if (geo.data && !echarts.getMap('shenzhen')) echarts.registerMap('shenzhen', geo.data as unknown as Parameters<typeof echarts.registerMap>[1]);
      }}
    />
  );
}
