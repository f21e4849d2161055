/**
 * 各区: the map of the plan's region — its subdivisions' boundaries as loaded in the database (GET /api/regions/geo),
 * the subdivisions without one listed under it (大鹏新区 and 深汕特别合作区 in Shenzhen), and an empty state where no
 * boundary is loaded — with a choropleth of any indicator that has figures for the subdivisions.
 */
import { Alert, Card, Col, Row, Select, Skeleton, Space, Table, Typography } from 'antd';
import type { EChartsOption } from 'echarts';
import { useCallback, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useApi, useApiPages, type ObservationDto, type RegionDto } from '../api';
import { useIndicatorNames } from '../indicatorNames';
import { EChart } from '../components/EChart';
import { formatValue } from '../format';
import { useLang } from '../i18n';
import { usePlan } from '../plan';
import { useNarrow } from '../useNarrow';
import { noDataHatch } from '../mapHatch';

interface GeoJson {
  type: 'FeatureCollection';
  region: { code: string; name: { zh: string; en: string } };
  features: { properties: { code: string; name: string } }[];
  withoutBoundary: Array<{ code: string; name: { zh: string; en: string } }>;
  sources: string[];
  empty: { zh: string; en: string } | null;
}

/** Figures of one indicator per district, for one year: the newest vintage of each. */
function valuesFor(figures: readonly ObservationDto[], year: string): Map<string, ObservationDto> {
  const out = new Map<string, ObservationDto>();
  for (const o of figures) {
    if (o.periodCode !== year) continue;
    const prior = out.get(o.regionCode);
    if (!prior || o.publishedDate > prior.publishedDate) out.set(o.regionCode, o);
  }
  return out;
}

export default function Districts() {
  const { lang, t, l } = useLang();
  const navigate = useNavigate();
  const scope = usePlan();
  const region = scope.regionCode;
  const geo = useApi<GeoJson>(region ? `/api/regions/geo?region=${encodeURIComponent(region)}` : null);
  const regions = useApi<RegionDto[]>('/api/regions');
  const { nameOf: indicatorName } = useIndicatorNames();
  // Administrative districts first (by code), then the functional areas.
  const districts = useMemo(
    () => (regions.data ?? []).filter((r) => r.parentCode === region && r.validTo === null).sort((a, b) => (a.kind === b.kind ? a.code.localeCompare(b.code) : a.kind === 'administrative' ? -1 : 1)),
    [regions.data, region],
  );
  const codes = districts.map((d) => d.code).join(',');
  const figures = useApiPages<ObservationDto>(codes ? `/api/observations?region=${codes}` : null);

  // Indicators with annual district figures, and for each the years that have them.
  const choices = useMemo(() => {
    const years = new Map<string, Map<string, number>>();
    for (const o of figures.data ?? []) {
      if (!/^\d{4}$/.test(o.periodCode)) continue;
      const m = years.get(o.indicatorCode) ?? new Map<string, number>();
      m.set(o.periodCode, (m.get(o.periodCode) ?? 0) + 1);
      years.set(o.indicatorCode, m);
    }
    return years;
  }, [figures.data]);
  const [chosen, setChosen] = useState<string | null>(null);
  const indicator = chosen ?? (choices.has('GDP') ? 'GDP' : ([...choices.keys()][0] ?? null));
  const yearCounts = indicator ? choices.get(indicator) : undefined;
  const years = [...(yearCounts?.keys() ?? [])].sort().reverse();
  const [chosenYear, setYear] = useState<string | null>(null);
  const bestYear = [...(yearCounts?.entries() ?? [])].sort((a, b) => b[1] - a[1] || b[0].localeCompare(a[0]))[0]?.[0] ?? null;
  const year = chosenYear && years.includes(chosenYear) ? chosenYear : bestYear;
  const values = useMemo(() => (indicator && year ? valuesFor((figures.data ?? []).filter((o) => o.indicatorCode === indicator), year) : new Map<string, ObservationDto>()), [figures.data, indicator, year]);

  const byCode = useMemo(() => new Map(districts.map((d) => [d.code, d])), [districts]);
  const narrow = useNarrow();
  // On the map, English names drop "District" and the like, so that neighbours' labels do not run into each other.
  const mapLabel = useCallback(
    (r: RegionDto | undefined) => (r ? (lang === 'zh' ? r.name.zh : r.name.en.replace(/ (New District|District|Special Cooperation Zone)$/, '')) : ''),
    [lang],
  );
  const option = useMemo<EChartsOption | null>(() => {
    if (!geo.data || districts.length === 0) return null;
    const nameMap: Record<string, string> = {};
    for (const f of geo.data.features) nameMap[f.properties.name] = mapLabel(byCode.get(f.properties.code)) || f.properties.name;
    const data = geo.data.features.map((f) => {
      const code = f.properties.code;
      const v = values.get(code);
      return { name: nameMap[f.properties.name] ?? f.properties.name, value: v ? v.valueStd : ('-' as const), code };
    });
    const nums = data.map((d) => d.value).filter((v): v is number => v !== '-');
    const unit = [...values.values()][0]?.unit ?? '';
    // A district without a figure is hatched on white — never a pale shade of the scale, which would read as "low".
    const hatch = noDataHatch();
    const noData = data.filter((d) => d.value === '-').map((d) => ({ name: d.name, itemStyle: { areaColor: hatch } }));
    return {
      animation: false,
      aria: { enabled: true },
      tooltip: { trigger: 'item' },
      visualMap: nums.length
        ? {
            min: Math.min(...nums),
            max: Math.max(...nums),
            // On a phone the scale lies under the map, not over its west side.
            ...(narrow ? { orient: 'horizontal' as const, left: 'center', bottom: 0, itemWidth: 12, itemHeight: 140 } : { left: 8, bottom: 8 }),
            text: [t('高', 'high'), t('低', 'low')],
            calculable: false,
            inRange: { color: ['#dbeafe', '#1e3a8a'] },
            textStyle: { color: '#111827' },
            seriesIndex: 0,
          }
        : undefined,
      geo: {
        map: geo.data.region.code,
        nameMap,
        roam: false,
        ...(narrow ? { top: 8, bottom: 48, left: 8, right: 8 } : {}),
        // Names with a white halo, at each district's label point (properties.cp, inside its shape); smaller on a phone.
        label: { show: true, color: '#111827', fontSize: narrow ? 10 : 12, textBorderColor: '#fff', textBorderWidth: 3 },
        itemStyle: { areaColor: '#ffffff', borderColor: '#374151', borderWidth: 1 },
        regions: noData,
        emphasis: { itemStyle: { areaColor: '#fde68a' }, label: { color: '#111827' } },
      },
      series: [
        {
          type: 'map',
          name: indicator ? `${indicatorName(indicator)} ${year ?? ''}` : '',
          geoIndex: 0,
          data,
          tooltip: { formatter: `{b}: {c} ${unit}` },
        },
      ],
    };
  }, [geo.data, districts, values, byCode, mapLabel, t, indicator, year, narrow]);

  if (geo.error) return <Alert type="error" showIcon title={geo.error.message} />;
  const unit = [...values.values()][0]?.unit ?? '';
  return (
    <div>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('各区', 'Districts')}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <label htmlFor="map-indicator">{t('地图指标', 'Indicator on the map')}</label>
        <Select
          id="map-indicator"
          style={{ minWidth: 260 }}
          value={indicator}
          onChange={(v) => {
            setChosen(v);
            setYear(null);
          }}
          options={[...choices.keys()].map((c) => ({ value: c, label: indicatorName(c) }))}
          aria-label={t('地图指标', 'Indicator on the map')}
        />
        <label htmlFor="map-year">{t('年份', 'Year')}</label>
        <Select id="map-year" style={{ width: 110 }} value={year} onChange={setYear} options={years.map((y) => ({ value: y, label: `${y}${t('年', '')}` }))} aria-label={t('年份', 'Year')} />
      </Space>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={15}>
          <Card size="small">
            {geo.data?.empty ? (
              <Alert type="info" showIcon title={l(geo.data.empty)} />
            ) : option ? (
              <EChart
                option={option}
                height={narrow ? 340 : 520}
                renderer="svg"
                testId="district-map"
                label={geo.data ? t(`${geo.data.region.name.zh}下辖地区地图`, `Map of the subdivisions of ${geo.data.region.name.en}`) : ''}
                prepare={(echarts) => {
                  if (geo.data && !echarts.getMap(geo.data.region.code)) echarts.registerMap(geo.data.region.code, geo.data as unknown as Parameters<typeof echarts.registerMap>[1]);
                }}
                onClick={(p) => {
                  const code = (p.data as { code?: string } | undefined)?.code;
                  if (code) navigate(scope.path(`/districts/${code}`));
                }}
              />
            ) : (
              <Skeleton active />
            )}
            {option ? (
              <div className="muted" style={{ fontSize: 12, marginTop: 4 }} data-testid="map-no-data-key">
                <svg width="18" height="12" aria-hidden="true" style={{ verticalAlign: 'middle', marginRight: 4 }}>
                  <defs>
                    <pattern id="no-data-hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                      <rect width="4" height="4" fill="#fff" />
                      <line x1="0" y1="0" x2="0" y2="4" stroke="#9ca3af" strokeWidth="1.5" />
                    </pattern>
                  </defs>
                  <rect x="0.5" y="0.5" width="17" height="11" fill="url(#no-data-hatch)" stroke="#374151" />
                </svg>
                {t('斜线：该年无数据', 'Hatched: no figure for the year')}
                {narrow ? t('；点击地图或下表中的区查看详情', '; tap a district on the map or in the table below') : ''}
              </div>
            ) : null}
            <Typography.Paragraph className="muted" style={{ fontSize: 12, marginTop: 8 }}>
              {geo.data && geo.data.sources.length > 0 ? (
                <>
                  {/* The files the boundaries were loaded from, as named by whoever loaded them: shown as file names. */}
                  {t('边界来源：', 'Boundaries: ')}
                  {geo.data.sources.map((f, i) => (
                    <span key={f}>
                      {i > 0 ? t('、', ', ') : null}
                      <Typography.Text code>{f}</Typography.Text>
                    </span>
                  ))}
                  {t('。', '. ')}
                </>
              ) : null}
              {geo.data && geo.data.withoutBoundary.length > 0 ? (
                <>
                  {t('无边界数据、未在图上绘出：', 'Without a boundary, not drawn: ')}
                  {geo.data.withoutBoundary.map((w, i) => (
                    <span key={w.code}>
                      {i > 0 ? t('、', ', ') : ''}
                      <Link to={scope.path(`/districts/${w.code}`)}>{l(w.name)}</Link>
                    </span>
                  ))}
                  {t('（见右表）。', ' (see the table).')}
                </>
              ) : null}
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Card size="small" title={indicator ? `${indicatorName(indicator)}（${year ?? ''}${t('年', '')}）` : t('各区', 'Districts')}>
            <Table
              size="small"
              rowKey="code"
              pagination={false}
              dataSource={districts.map((d) => ({ code: d.code, name: l(d.name), value: values.get(d.code)?.valueStd ?? null }))}
              columns={[
                { title: t('区', 'District'), dataIndex: 'name', render: (n: string, r: { code: string }) => <Link to={scope.path(`/districts/${r.code}`)}>{n}</Link> },
                { title: t('数值', 'Value'), dataIndex: 'value', align: 'right', render: (v: number | null) => formatValue(v, unit, lang) },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
