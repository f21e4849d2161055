/**
 * 报送率: expected, received and approved figures of the plan's reporting calendar, as of a date — per department,
 * per district, per period (the history), and the late items (paged).
 */
import { Card, Col, Input, Row, Space, Statistic, Table, Tag } from 'antd';
import type { EChartsOption } from 'echarts';
import { useMemo, useState } from 'react';
import { useApi, type CompletenessDto, type CompletenessItemDto } from '../../api';
import { EChart } from '../../components/EChart';
import { formatDate, formatPercent, formatPeriod } from '../../format';
import { useLang } from '../../i18n';
import { useIndicatorNames } from '../../indicatorNames';
import { useRegionNames } from './names';
import { usePaged } from './usePaged';

type Rate = CompletenessDto['overall'];

export function CompletenessTab({ plan }: { plan: string }) {
  const { t, l, lang } = useLang();
  const { nameOf } = useIndicatorNames();
  const regionName = useRegionNames();
  const [asOf, setAsOf] = useState(new Date().toISOString().slice(0, 10));
  const [period, setPeriod] = useState('');
  const q = `plan=${plan}&asOf=${asOf}${period ? `&period=${encodeURIComponent(period)}` : ''}`;
  const c = useApi<CompletenessDto>(`/api/quality/completeness?${q}`);
  const late = usePaged<CompletenessItemDto>(`/api/quality/completeness/items?${q}&late=true`, 50);
  const pct = (r: number | null) => formatPercent(r, lang);
  const rateColumns = [
    { title: t('应报', 'Due'), dataIndex: 'due' },
    { title: t('已报', 'Received'), dataIndex: 'received' },
    { title: t('已审核', 'Approved'), dataIndex: 'approved' },
    { title: t('逾期', 'Late'), dataIndex: 'late' },
    { title: t('报送率', 'Rate'), dataIndex: 'rate', render: pct },
  ];
  const history = useMemo<EChartsOption | null>(() => {
    const h = (c.data?.history ?? []).filter((x) => x.rate !== null);
    if (h.length === 0) return null;
    return {
      animation: false,
      aria: { enabled: true },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 32, bottom: 28, containLabel: true },
      xAxis: { type: 'category', data: h.map((x) => formatPeriod(x.periodCode, lang)) },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        { name: t('报送率', 'Reporting rate'), type: 'line', data: h.map((x) => Math.round((x.rate ?? 0) * 1000) / 10) },
        { name: t('审核率', 'Approval rate'), type: 'line', data: h.map((x) => Math.round((x.approvedRate ?? 0) * 1000) / 10) },
      ],
    };
  }, [c.data, lang, t]);
  const o: Rate | undefined = c.data?.overall;
  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        <span>{t('截至', 'As of')}</span>
        <Input type="date" style={{ width: 160 }} value={asOf} onChange={(e) => /^\d{4}-\d{2}-\d{2}$/.test(e.target.value) && setAsOf(e.target.value)} aria-label={t('截至日期', 'As of')} />
        <Input style={{ width: 200 }} allowClear placeholder={t('期间，如 2023年1-9月', 'period, e.g. 2023Q3')} aria-label={t('期间', 'Period')} onPressEnter={(e) => setPeriod(e.currentTarget.value)} onChange={(e) => e.target.value === '' && setPeriod('')} />
      </Space>
      {c.error ? <p className="alert-error">{c.error.message}</p> : null}
      <Row gutter={12}>
        <Col xs={12} md={6}><Statistic title={t('报送率', 'Reporting rate')} value={pct(o?.rate ?? null)} /></Col>
        <Col xs={12} md={6}><Statistic title={t('审核率', 'Approval rate')} value={pct(o?.approvedRate ?? null)} /></Col>
        <Col xs={12} md={6}><Statistic title={t('应报 / 已报', 'Due / received')} value={`${o?.due ?? 0} / ${o?.received ?? 0}`} /></Col>
        <Col xs={12} md={6}><Statistic title={t('逾期', 'Late')} value={o?.late ?? 0} /></Col>
      </Row>
      <Row gutter={12} style={{ marginTop: 12 }}>
        <Col xs={24} md={12}>
          <Card size="small" title={t('按报送部门', 'By department')}>
            <Table size="small" pagination={false} rowKey={(r) => r.department.zh} dataSource={c.data?.byDepartment ?? []} columns={[{ title: t('部门', 'Department'), key: 'd', render: (_: unknown, r: CompletenessDto['byDepartment'][number]) => l(r.department) }, ...rateColumns]} />
          </Card>
          <Card size="small" title={t('按地区', 'By district')} style={{ marginTop: 12 }}>
            <Table size="small" pagination={false} rowKey="regionCode" dataSource={c.data?.byRegion ?? []} columns={[{ title: t('地区', 'Region'), dataIndex: 'regionCode', render: regionName }, ...rateColumns]} />
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" title={t('报送率历史', 'History of reporting rates')}>
            {history ? <EChart option={history} height={260} features="basic" label={t('各期报送率', 'Reporting rate per period')} testId="completeness-history" /> : <p className="muted">{t('尚无到期数据', 'Nothing due yet')}</p>}
          </Card>
          <Card size="small" title={t(`逾期未报或迟报（${late.total ?? 0}）`, `Late (${late.total ?? 0})`)} style={{ marginTop: 12 }}>
            <Table<CompletenessItemDto>
              size="small"
              rowKey={(i) => `${i.periodCode}-${i.regionCode}-${i.indicatorCode}`}
              dataSource={late.items}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              data-testid="late-items"
              columns={[
                { title: t('期间', 'Period'), dataIndex: 'periodCode', render: (p: string) => formatPeriod(p, lang) },
                { title: t('地区', 'Region'), dataIndex: 'regionCode', render: regionName },
                { title: t('指标', 'Indicator'), dataIndex: 'indicatorCode', render: nameOf },
                { title: t('截止', 'Due'), dataIndex: 'due', render: (d: string) => formatDate(d, lang) },
                { title: t('状态', 'Status'), key: 's', render: (_: unknown, i: CompletenessItemDto) => (i.receivedOn ? <Tag color="gold">{t(`迟报 ${i.receivedOn}`, `late ${i.receivedOn}`)}</Tag> : <Tag color="red">{t('未报', 'missing')}</Tag>) },
              ]}
            />
            {late.more ? <a onClick={late.loadMore}>{t('加载更多', 'Load more')}</a> : null}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
