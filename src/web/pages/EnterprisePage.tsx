/**
 * 企业页面: one enterprise — who it is now and every dated registry version (former names kept), its key lists, and
 * its figures: a chart of the item chosen (1–N月 cumulative values as reported, one line per year) and the table of
 * every reported value with its revisions. Microdata: the read is recorded in the audit log.
 */
import { Alert, Card, Col, Descriptions, Row, Segmented, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { EChartsOption } from 'echarts';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useApi, type EnterpriseDetailDto, type EnterpriseItemDto } from '../api';
import { EChart } from '../components/EChart';
import { useLang } from '../i18n';
import { reportPeriodText, SIZE_LABELS, SyntheticTag } from './enterprises/labels';

type Figure = EnterpriseDetailDto['figures'][number];

export default function EnterprisePage() {
  const { uscc = '' } = useParams();
  const { t, l, lang } = useLang();
  const e = useApi<EnterpriseDetailDto>(`/api/enterprises/${encodeURIComponent(uscc)}`);
  const items = useApi<{ items: EnterpriseItemDto[] }>('/api/enterprise-items');
  // The items it reports, in the order of the item list (营业收入 first).
  const reported = useMemo(() => {
    const order = (items.data?.items ?? []).map((i) => i.code);
    return [...new Set((e.data?.figures ?? []).map((f) => f.itemCode))].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  }, [e.data, items.data]);
  const [chosen, setChosen] = useState<string | null>(null);
  const item = chosen ?? reported[0] ?? null;
  const itemInfo = (items.data?.items ?? []).find((i) => i.code === item);
  const current = useMemo(() => (e.data?.figures ?? []).filter((f) => f.itemCode === item && f.supersededAt === null), [e.data, item]);
  const option = useMemo<EChartsOption>(() => {
    const years = [...new Set(current.map((f) => Math.floor(f.periodEnd / 100)))].sort();
    return {
      animation: false,
      aria: { enabled: true },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 64, right: 16, top: 32, bottom: 32 },
      xAxis: { type: 'category', data: Array.from({ length: 12 }, (_, i) => `${i + 1}${t('月', '')}`) },
      yAxis: { type: 'value', name: itemInfo?.unit ?? '' },
      series: years.map((y) => ({
        type: 'line',
        name: `${y}`,
        connectNulls: false,
        data: Array.from({ length: 12 }, (_, m) => current.find((f) => f.periodEnd === y * 100 + m + 1 && (itemInfo?.kind === 'stock' || f.periodStart === y * 100 + 1))?.value ?? null),
      })),
    };
  }, [current, itemInfo, t]);

  if (e.error) return <Alert type="error" showIcon title={e.error.message} />;
  if (!e.data) return <Skeleton active />;
  const d = e.data;
  return (
    <div>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        <Space wrap>
          {d.name}
          {d.synthetic ? <SyntheticTag /> : null}
          {d.closedOn ? <Tag>{t(`已注销（${d.closedOn}）`, `closed (${d.closedOn})`)}</Tag> : null}
        </Space>
      </Typography.Title>
      <Link to="/enterprises">{t('返回企业查询', 'Back to the search')}</Link>
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} style={{ margin: '12px 0' }}>
        <Descriptions.Item label={t('统一社会信用代码', 'USCC')}>{d.uscc}</Descriptions.Item>
        <Descriptions.Item label={t('行业', 'Industry')}>{`${d.industryCode} ${d.industryName}`}</Descriptions.Item>
        <Descriptions.Item label={t('地区', 'Region')}>{d.regionName}</Descriptions.Item>
        <Descriptions.Item label={t('规模', 'Size')}>
          {d.sizeClass ? t(SIZE_LABELS[d.sizeClass].zh, SIZE_LABELS[d.sizeClass].en) : '—'} · {d.aboveDesignatedSize ? t('规模以上', 'above designated size') : t('规模以下', 'below designated size')}
        </Descriptions.Item>
        <Descriptions.Item label={t('曾用名', 'Former names')}>{d.formerNames.length > 0 ? d.formerNames.join('；') : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('重点企业名录', 'Key lists')}>{d.keyLists.length > 0 ? d.keyLists.map((k) => <Tag key={k.code}>{`${l(k.name)}（${t('自', 'since')} ${k.since}）`}</Tag>) : '—'}</Descriptions.Item>
      </Descriptions>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('企业数据', 'Figures')}>
            {reported.length === 0 ? (
              <Typography.Text className="muted">{t('尚无数据。', 'No figures yet.')}</Typography.Text>
            ) : (
              <>
                <Segmented
                  value={item ?? ''}
                  onChange={(v) => setChosen(String(v))}
                  options={reported.map((c) => {
                    const it = (items.data?.items ?? []).find((i) => i.code === c);
                    return { value: c, label: it ? l(it.name) : c };
                  })}
                />
                <EChart option={option} height={300} label={t('企业数据图', 'Chart of the enterprise’s figures')} testId="enterprise-chart" />
                <Typography.Paragraph className="muted" style={{ fontSize: 12 }}>
                  {itemInfo?.kind === 'stock' ? t('各月末数。', 'Month-end levels.') : t('1–N月累计数（按报送口径）。', 'Cumulative 1–N month values, as reported.')}
                </Typography.Paragraph>
                <Table<Figure>
                  size="small"
                  rowKey={(f) => `${f.periodCode}-${f.revision}`}
                  pagination={{ pageSize: 12 }}
                  dataSource={(d.figures ?? []).filter((f) => f.itemCode === item).sort((a, b) => b.periodEnd - a.periodEnd || a.periodStart - b.periodStart || b.revision - a.revision)}
                  columns={[
                    { title: t('统计期', 'Period'), dataIndex: 'periodCode', render: (_: string, f) => reportPeriodText(f.periodStart, f.periodEnd, lang) },
                    { title: t('数值', 'Value'), dataIndex: 'value', align: 'right', render: (v: number) => `${v.toLocaleString()} ${itemInfo?.unit ?? ''}` },
                    { title: t('版本', 'Revision'), dataIndex: 'revision', render: (r: number, f) => (f.supersededAt ? <Tag>{t(`第${r}版（已被修订）`, `rev. ${r} (revised)`)}</Tag> : t(`第${r}版`, `rev. ${r}`)) },
                  ]}
                />
              </>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('名录版本（变更历史）', 'Registry versions (history)')}>
            <Table
              size="small"
              rowKey={(v) => `${v.validFrom}-${v.recordedAt}`}
              pagination={false}
              dataSource={d.versions}
              columns={[
                { title: t('生效日期', 'From'), dataIndex: 'validFrom' },
                { title: t('名称', 'Name'), dataIndex: 'name' },
                { title: t('行业', 'Industry'), dataIndex: 'industryCode' },
                { title: t('地区', 'Region'), dataIndex: 'regionName' },
                { title: t('规上', 'Above'), dataIndex: 'aboveDesignatedSize', render: (a: boolean) => (a ? '✓' : '') },
                { title: t('注销', 'Closed'), dataIndex: 'closedOn', render: (c: string | null) => c ?? '' },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
