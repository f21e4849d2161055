/** The violations of the data-quality rules: counts, trend, filters, the paged list, acknowledgement, Excel. */
import { Button, Card, Col, Row, Select, Space, Statistic, Table, Tag } from 'antd';
import type { EChartsOption } from 'echarts';
import { useMemo, useState } from 'react';
import { useApi, type QualitySummaryDto, type ViolationDto } from '../../api';
import { EChart } from '../../components/EChart';
import { formatPeriod } from '../../format';
import { useLang } from '../../i18n';
import { useIndicatorNames } from '../../indicatorNames';
import { mayApprove, useSession } from '../../session';
import { Acknowledge } from './Acknowledge';
import { InvolvedFigures } from './InvolvedFigures';
import { useRegionNames } from './names';
import { usePaged } from './usePaged';

export function ViolationsTab({ plan }: { plan: string }) {
  const { t, l, lang } = useLang();
  const me = useSession().data;
  const { nameOf } = useIndicatorNames();
  const regionName = useRegionNames();
  const [filter, setFilter] = useState<{ rule?: string; indicator?: string; region?: string; severity?: string; status?: string }>({});
  const query = new URLSearchParams({ plan, ...Object.fromEntries(Object.entries(filter).filter(([, v]) => v)) }).toString();
  const summary = useApi<QualitySummaryDto>(`/api/quality/summary?${query}`);
  const list = usePaged<ViolationDto>(`/api/quality/violations?${query}`);
  const s = summary.data?.summary;
  const ruleName = useMemo(() => new Map((summary.data?.rules ?? []).map((r) => [r.id, r.name])), [summary.data]);

  const trend = useMemo<EChartsOption | null>(() => {
    if (!s || s.byYear.length === 0) return null;
    return {
      animation: false,
      aria: { enabled: true },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 32, bottom: 28, containLabel: true },
      xAxis: { type: 'category', data: s.byYear.map((y) => String(y.year)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('错误', 'Errors'), type: 'bar', stack: 'n', data: s.byYear.map((y) => y.errors), itemStyle: { color: '#b91c1c' } },
        { name: t('警告', 'Warnings'), type: 'bar', stack: 'n', data: s.byYear.map((y) => y.warnings), itemStyle: { color: '#d97706' } },
      ],
    };
  }, [s, t]);

  const options = (list: Array<{ value: string; label: string }>) => [{ value: '', label: t('全部', 'All') }, ...list];
  return (
    <div>
      <Row gutter={12}>
        <Col xs={12} md={6}><Statistic title={t('检查的数据', 'Figures checked')} value={summary.data?.figures ?? 0} /></Col>
        <Col xs={12} md={6}><Statistic title={t('错误', 'Errors')} value={s?.errors ?? 0} valueStyle={{ color: s?.errors ? '#b91c1c' : undefined }} /></Col>
        <Col xs={12} md={6}><Statistic title={t('警告', 'Warnings')} value={s?.warnings ?? 0} /></Col>
        <Col xs={12} md={6}><Statistic title={t('待处理', 'Open')} value={s?.open ?? 0} /></Col>
      </Row>
      <Row gutter={12} style={{ marginTop: 12 }}>
        <Col xs={24} md={12}>
          <Card size="small" title={t('按规则', 'By rule')}>
            <Table
              size="small"
              pagination={false}
              rowKey="id"
              dataSource={summary.data?.rules ?? []}
              columns={[
                { title: t('规则', 'Rule'), key: 'n', render: (_: unknown, r: QualitySummaryDto['rules'][number]) => <a onClick={() => setFilter((f) => ({ ...f, rule: r.id }))}>{l(r.name)}</a> },
                { title: t('级别', 'Severity'), dataIndex: 'severity', render: (v: string) => (v === 'error' ? <Tag color="red">{t('错误', 'error')}</Tag> : <Tag color="gold">{t('警告', 'warning')}</Tag>) },
                { title: t('通过', 'Passed'), dataIndex: 'pass' },
                { title: t('问题', 'Violations'), key: 'f', render: (_: unknown, r: QualitySummaryDto['rules'][number]) => s?.byRule.find((x) => x.ruleId === r.id)?.total ?? 0 },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" title={t('问题的年份分布（趋势）', 'Violations by year (trend)')}>
            {trend ? <EChart option={trend} height={220} features="basic" label={t('各年份数据质量问题数', 'Violations per year')} testId="quality-trend" /> : <p className="muted">{t('没有问题', 'No violations')}</p>}
            <div style={{ fontSize: 12 }}>
              {t('按指标', 'By indicator')}: {(s?.byIndicator ?? []).map((x) => `${nameOf(x.indicatorCode)} ${x.total}`).join('；') || '—'}
              <br />
              {t('按地区', 'By region')}: {(s?.byRegion ?? []).map((x) => `${regionName(x.regionCode)} ${x.total}`).join('；') || '—'}
            </div>
          </Card>
        </Col>
      </Row>
      <Space wrap style={{ margin: '12px 0' }}>
        <Select style={{ width: 220 }} aria-label={t('规则', 'Rule')} value={filter.rule ?? ''} onChange={(v) => setFilter((f) => ({ ...f, rule: v }))} options={options((summary.data?.rules ?? []).map((r) => ({ value: r.id, label: l(r.name) })))} />
        <Select style={{ width: 200 }} aria-label={t('指标', 'Indicator')} value={filter.indicator ?? ''} onChange={(v) => setFilter((f) => ({ ...f, indicator: v }))} options={options((s?.byIndicator ?? []).map((x) => ({ value: x.indicatorCode, label: nameOf(x.indicatorCode) })))} showSearch />
        <Select style={{ width: 140 }} aria-label={t('地区', 'Region')} value={filter.region ?? ''} onChange={(v) => setFilter((f) => ({ ...f, region: v }))} options={options((s?.byRegion ?? []).map((x) => ({ value: x.regionCode, label: regionName(x.regionCode) })))} />
        <Select style={{ width: 110 }} aria-label={t('级别', 'Severity')} value={filter.severity ?? ''} onChange={(v) => setFilter((f) => ({ ...f, severity: v }))} options={options([{ value: 'error', label: t('错误', 'error') }, { value: 'warning', label: t('警告', 'warning') }])} />
        <Select style={{ width: 120 }} aria-label={t('状态', 'Status')} value={filter.status ?? ''} onChange={(v) => setFilter((f) => ({ ...f, status: v }))} options={options([{ value: 'open', label: t('待处理', 'open') }, { value: 'acknowledged', label: t('已确认', 'acknowledged') }])} />
        <Button href={`/api/quality/violations/export?${query}`} download>{t('导出 Excel', 'Export Excel')}</Button>
      </Space>
      <Table<ViolationDto>
        size="small"
        rowKey="key"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: 900 }}
        data-testid="violations"
        columns={[
          { title: t('级别', 'Severity'), dataIndex: 'severity', width: 70, render: (v: string) => (v === 'error' ? <Tag color="red">{t('错误', 'error')}</Tag> : <Tag color="gold">{t('警告', 'warning')}</Tag>) },
          { title: t('规则', 'Rule'), dataIndex: 'ruleId', render: (id: string) => l(ruleName.get(id) ?? { zh: id, en: id }) },
          { title: t('指标 · 地区 · 期间', 'Indicator · region · period'), key: 'a', render: (_: unknown, v: ViolationDto) => `${nameOf(v.anchor.indicatorCode)} · ${regionName(v.anchor.regionCode)} · ${formatPeriod(v.anchor.periodCode, lang)}` },
          { title: t('说明（含计算）', 'What was compared'), key: 'm', render: (_: unknown, v: ViolationDto) => <span style={{ fontSize: 12 }}>{l(v.message)}</span> },
          { title: t('涉及数据', 'Figures'), key: 'f', render: (_: unknown, v: ViolationDto) => <InvolvedFigures figures={v.figures} /> },
          {
            title: t('处理', 'Status'),
            key: 's',
            render: (_: unknown, v: ViolationDto) =>
              v.acknowledgement ? (
                <span style={{ fontSize: 12 }}>{t('已确认', 'acknowledged')}：{v.acknowledgement.by} · {v.acknowledgement.comment}</span>
              ) : v.severity === 'warning' && mayApprove(me) ? (
                <Acknowledge violation={v} onDone={() => { list.reload(); summary.reload(); }} />
              ) : (
                <Tag>{v.severity === 'error' ? t('待更正', 'to correct') : t('待处理', 'open')}</Tag>
              ),
          },
        ]}
      />
      <Space style={{ marginTop: 8 }}>
        <span className="muted">{t(`共 ${list.total ?? 0} 条，已显示 ${list.items.length} 条`, `${list.items.length} of ${list.total ?? 0}`)}</span>
        {list.more ? <Button size="small" onClick={list.loadMore}>{t('加载更多', 'Load more')}</Button> : null}
      </Space>
    </div>
  );
}
