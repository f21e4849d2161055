/**
 * 行业监测: the industry dashboard of the enterprise database. Choose an item, a period and the scope (规模以上 or all);
 * walk down the GB/T 4754-2017 tree (全部行业 → 门类 → 大类 → 中类 → 小类) with totals, counts and growth; the map shows
 * the chosen industry by district. Public: confidential cells are suppressed by the server (保密); a statistician
 * sees every value, marked where the public would not.
 */
import { Alert, Breadcrumb, Card, Col, Radio, Row, Select, Skeleton, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useApi, type EnterpriseItemDto, type IndustryAggregatesDto } from '../api';
import { useLang } from '../i18n';
import { SyntheticTag } from './enterprises/labels';
import { DistrictMap } from './industries/DistrictMap';
import { IndustryTable } from './industries/IndustryTable';

export default function IndustryDashboard() {
  const { t, l } = useLang();
  const items = useApi<{ items: EnterpriseItemDto[] }>('/api/enterprise-items');
  const [item, setItem] = useState('REVENUE');
  const periods = useApi<Array<{ code: string; label: string }>>(`/api/industry-aggregates/periods?item=${item}`);
  const [chosenPeriod, setPeriod] = useState<string | null>(null);
  const period = chosenPeriod && periods.data?.some((p) => p.code === chosenPeriod) ? chosenPeriod : (periods.data?.[0]?.code ?? null);
  const [scope, setScope] = useState<'above' | 'all'>('above');
  // The path walked down the tree: ALL first.
  const [path, setPath] = useState<Array<{ code: string; name: string }>>([{ code: 'ALL', name: '全部行业' }]);
  const node = path[path.length - 1]?.code ?? 'ALL';
  const url = period ? `/api/industry-aggregates?item=${item}&period=${encodeURIComponent(period)}&industry=${node}&scope=${scope}` : null;
  const agg = useApi<IndustryAggregatesDto>(url);
  const data = agg.data;
  const rows = useMemo(() => (data ? data.cells.filter((c) => c.region === data.region.code) : []), [data]);
  const districts = useMemo(() => (data ? data.cells.filter((c) => c.industry === node && c.region !== data.region.code) : []), [data, node]);
  const unit = data?.item.unit ?? '';

  return (
    <div>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('行业监测', 'Industry dashboard')}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <label htmlFor="ind-item">{t('指标', 'Item')}</label>
        <Select id="ind-item" style={{ width: 200 }} value={item} onChange={(v) => { setItem(v); setPeriod(null); }} options={(items.data?.items ?? []).map((i) => ({ value: i.code, label: l(i.name) }))} />
        <label htmlFor="ind-period">{t('统计期', 'Period')}</label>
        <Select id="ind-period" style={{ width: 160 }} value={period} onChange={setPeriod} options={(periods.data ?? []).map((p) => ({ value: p.code, label: p.label }))} notFoundContent={t('暂无数据', 'no data')} />
        <Radio.Group value={scope} onChange={(e) => setScope(e.target.value as 'above' | 'all')} optionType="button" options={[{ value: 'above', label: t('规模以上', 'Above size') }, { value: 'all', label: t('全部企业', 'All') }]} />
      </Space>
      {data && data.enterprises.synthetic > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={<Space>{<SyntheticTag />}{t(`本页数据来自合成企业（${data.enterprises.synthetic}/${data.enterprises.total} 条），仅用于演示，不是真实统计。`, `These figures come from synthetic enterprises (${data.enterprises.synthetic} of ${data.enterprises.total} values): a demonstration, not real statistics.`)}</Space>}
        />
      ) : null}
      {agg.error ? <Alert type="error" showIcon title={agg.error.message} /> : null}
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={path.map((p, i) => ({ title: i === path.length - 1 ? `${p.code === 'ALL' ? '' : `${p.code} `}${p.name}` : <a onClick={() => setPath(path.slice(0, i + 1))}>{`${p.code === 'ALL' ? '' : `${p.code} `}${p.name}`}</a> }))}
      />
      {!period && !periods.loading ? <Alert type="info" showIcon title={t('企业数据库中还没有该指标的数据。', 'No figures of this item in the enterprise database yet.')} /> : null}
      {data ? (
        <Row gutter={[12, 12]}>
          <Col xs={24} xl={14}>
            <Card size="small" title={`${l(data.item.name)} · ${data.period.label}（${t('同比', 'vs')} ${data.previousPeriod.label}）· ${data.region.name}`}>
              <IndustryTable cells={rows} unit={unit} onOpen={(code) => setPath([...path, { code, name: rows.find((r) => r.industry === code)?.industryName ?? code }])} />
              <Typography.Paragraph className="muted" style={{ fontSize: 12, marginTop: 8 }}>
                {t(
                  `保密规则：少于${data.rules.minCount}家企业，或最大企业占比超过${data.rules.dominancePercent}%的单元格不予公布，并隐藏必要的其他单元格，使其无法由合计推算。可比口径：两期均有数据的同一批企业。`,
                  `Confidentiality: a cell with fewer than ${data.rules.minCount} enterprises, or whose largest holds more than ${data.rules.dominancePercent}%, is not published, nor are the cells that would let it be worked out from the totals. Comparable: the same enterprises in both periods.`,
                )}
              </Typography.Paragraph>
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Card size="small" title={t(`${path[path.length - 1]?.name ?? ''}：各区分布`, `${path[path.length - 1]?.name ?? ''} by district`)}>
              <DistrictMap cells={districts} unit={unit} title={`${l(data.item.name)} ${data.period.label}`} />
            </Card>
          </Col>
        </Row>
      ) : period ? (
        <Skeleton active />
      ) : null}
    </div>
  );
}
