/** One indicator: the chart against its target with the forecast fan, the figures and their sources, the workings. */
import { Alert, Breadcrumb, Button, Card, Col, Descriptions, Row, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { indicatorChartOption } from '../../shared/charts/indicatorChart';
import { currentAsOf, PLAN_ID, useApi, useApiPages, type ObservationDto, type PlanEvaluationDto } from '../api';
import { EChart } from '../components/EChart';
import { draftsParam, DraftsIncluded, DraftsSwitch, useDrafts } from '../drafts';
import { StatusLight } from '../components/StatusLight';
import { useForecasts } from '../forecast';
import { formatDate, formatPercent, formatPeriod, formatValue, trim } from '../format';
import { useLang } from '../i18n';
import { lightOf, primaryResult } from '../status';

const SOURCE_KIND = {
  bureau_bulletin: ['统计公报', 'statistical bulletin'],
  bureau: ['统计部门', 'statistics bureau'],
  government: ['其他政府部门', 'other government'],
  press: ['媒体', 'press'],
  third_party: ['第三方', 'third party'],
} as const;
const APPROVAL_WORDS = { draft: ['草稿', 'draft'], submitted: ['已报送', 'submitted'], approved: ['已审核', 'approved'], rejected: ['已退回', 'rejected'] } as const;
const DATA_STATUS = { preliminary: ['初步', 'preliminary'], final: ['最终', 'final'], revised: ['修订', 'revised'], estimate: ['预计', 'estimate'] } as const;

type FigureRow = ObservationDto & { competing: number };

export default function IndicatorPage() {
  const { code = '' } = useParams();
  const { lang, t, l } = useLang();
  const asOf = currentAsOf();
  const drafts = useDrafts();
  const evaluation = useApi<PlanEvaluationDto>(`/api/plans/${PLAN_ID}/evaluation?asOf=${asOf}${draftsParam(drafts.on)}`);
  const figures = useApiPages<ObservationDto>(`/api/observations?indicator=${encodeURIComponent(code)}&region=440300`);
  const { forecasts, available } = useForecasts(asOf, '440300', drafts.on);
  const ev = evaluation.data?.indicators.find((i) => i.indicator.code === code);
  const forecast = forecasts?.indicators.find((f) => f.indicatorCode === code);
  const used = useMemo(() => new Set(ev?.series.map((p) => p.observationId).filter((x): x is number => x !== null)), [ev]);

  const option = useMemo(() => {
    if (!ev) return null;
    const ind = ev.indicator;
    const tg = ind.target;
    return indicatorChartOption(
      {
        name: l(ind.name),
        unit: ind.unit,
        series: ev.series.map((p) => ({ year: p.year, value: p.value })),
        baseline: ev.baseline ? { year: ev.baseline.year, value: ev.baseline.value } : null,
        target: tg
          ? { year: tg.year, value: tg.value, comparator: tg.comparator, band: tg.comparator === 'about' && tg.tolerance !== null ? [tg.value - tg.tolerance, tg.value + tg.tolerance] : null }
          : null,
        forecast: forecast?.status === 'ok' ? forecast.path : [],
      },
      lang,
    );
  }, [ev, forecast, lang, l]);

  const rows = useMemo(() => {
    const list = [...(figures.data ?? [])].sort((a, b) => b.periodCode.localeCompare(a.periodCode) || b.publishedDate.localeCompare(a.publishedDate));
    const perPeriod = new Map<string, number>();
    for (const o of list) perPeriod.set(o.periodCode, (perPeriod.get(o.periodCode) ?? 0) + 1);
    return list.map((o) => ({ ...o, competing: (perPeriod.get(o.periodCode) ?? 1) - 1 }));
  }, [figures.data]);

  if (evaluation.error) return <Alert type="error" showIcon title={evaluation.error.message} />;
  if (!evaluation.data) return <Skeleton active />;
  if (!ev) return <Alert type="warning" showIcon title={t(`规划中没有指标 ${code}`, `The plan has no indicator ${code}`)} />;
  const ind = ev.indicator;
  const result = primaryResult(ev);
  const exportUrl = (format: 'csv' | 'xlsx') => `/api/observations/export?format=${format}&indicator=${encodeURIComponent(code)}&plan=${PLAN_ID}`;

  return (
    <div>
      <Breadcrumb items={[{ title: <Link to="/">{t('驾驶舱', 'Cockpit')}</Link> }, { title: l(ind.name) }]} />
      <Typography.Title level={2} style={{ marginTop: 8 }}>
        {l(ind.name)} <StatusLight light={lightOf(result?.status)} label={result ? l(result.label) : undefined} />
        <DraftsIncluded figures={evaluation.data.figures} />
      </Typography.Title>
      <DraftsSwitch />
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} bordered>
        <Descriptions.Item label={t('最新值', 'Latest')}>
          <span data-testid="latest-value">{formatValue(ev.latest?.value, ind.unit, lang)}</span>
          {ev.latest ? `（${formatPeriod(String(ev.latest.year), lang)}）` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('基期值', 'Baseline')}>
          {ev.baseline ? `${formatValue(ev.baseline.value, ind.unit, lang)}（${ev.baseline.year}${t('年', '')}）` : t('暂缺', 'missing')}
        </Descriptions.Item>
        <Descriptions.Item label={t('目标值', 'Target')}>
          <span data-testid="target">{ind.target ? `${lang === 'zh' && ind.target.printed ? ind.target.printed : formatValue(ind.target.value, ind.unit, lang)}（${ind.target.year}${t('年', '')}）` : t('无', 'none')}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('属性', 'Attribute')}>{ind.attribute === 'binding' ? t('约束性', 'binding') : t('预期性', 'expected')}</Descriptions.Item>
        <Descriptions.Item label={t('达标概率', 'P(target met)')}>
          <span data-testid="probability">{forecast?.probability !== null && forecast?.probability !== undefined ? formatPercent(forecast.probability, lang, 0) : t('预测暂缺', 'not available')}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('规划出处', 'In the plan')} span={3}>
          {ind.location ? `${t('第', 'Chapter ')}${ind.location.chapter}${t('章', '')} ${ind.location.section ?? ''} ${ind.location.column ?? ''}` : ''}
          {ind.location?.quote ? <span className="muted">「{ind.location.quote}」</span> : null}
        </Descriptions.Item>
      </Descriptions>
      {forecast && forecast.warning.level !== 'none' ? (
        <Alert data-testid="forecast-warning" style={{ marginTop: 12 }} type={forecast.warning.level === 'red' ? 'error' : forecast.warning.level === 'yellow' ? 'warning' : 'success'} showIcon title={l(forecast.warning.sentence)} description={l(forecast.warning.rule)} />
      ) : null}
      {!available ? <Typography.Paragraph className="muted">{t('预测暂缺：本平台尚未提供预测。', 'Forecast not available on this platform yet.')}</Typography.Paragraph> : null}
      <Card size="small" style={{ marginTop: 12 }}>
        {option ? (
          <EChart option={option} height={380} renderer="svg" testId="indicator-chart" label={t(`${l(ind.name)}的历年数值、目标与预测图`, `Chart of ${l(ind.name)}: figures, target and forecast`)} />
        ) : null}
        {forecast?.model ? <Typography.Text className="muted">{t('预测模型', 'Model')}: {forecast.model}</Typography.Text> : null}
      </Card>

      <Typography.Title level={3}>{t('评估过程', 'How it was evaluated')}</Typography.Title>
      <Row gutter={[12, 12]}>
        {Object.values(ev.results).map((r) => (
          <Col xs={24} lg={12} key={r.method}>
            <Card size="small" title={<StatusLight light={lightOf(r.status)} label={l(r.label)} />} data-testid={`method-${r.method}`}>
              <Typography.Paragraph>{l(r.workings.rule)}</Typography.Paragraph>
              <Typography.Paragraph className="muted" style={{ fontSize: 12 }}>
                {t('公式', 'Formula')}: <code>{r.workings.formula}</code>
                <br />
                {t('方法来源', 'Source')}: {r.workings.source}
              </Typography.Paragraph>
              <Space wrap size={[4, 4]}>
                {Object.entries(r.workings.intermediate).map(([k, v]) => (
                  <Tag key={k}>
                    {k} = {v === null ? '—' : trim(v, 4)}
                  </Tag>
                ))}
                {Object.entries(r.workings.thresholds).map(([k, v]) => (
                  <Tag key={k} color="blue">
                    {k}: {trim(v, 4)}
                  </Tag>
                ))}
              </Space>
              {r.workings.notes.map((n, i) => (
                <Typography.Paragraph key={i} className="muted" style={{ marginTop: 8, marginBottom: 0 }}>
                  {l(n)}
                </Typography.Paragraph>
              ))}
            </Card>
          </Col>
        ))}
      </Row>

      <Space style={{ marginTop: 16, justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('数据与来源', 'Figures and sources')}
        </Typography.Title>
        <Space>
          <Button href={exportUrl('csv')} download>
            {t('下载 CSV', 'Download CSV')}
          </Button>
          <Button href={exportUrl('xlsx')} download>
            {t('下载 Excel', 'Download Excel')}
          </Button>
        </Space>
      </Space>
      <Typography.Paragraph className="muted">{evaluation.data ? l(evaluation.data.preferenceRule) : ''}</Typography.Paragraph>
      <Table<FigureRow>
        size="small"
        rowKey="id"
        loading={figures.loading}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 900 }}
        data-testid="figures-table"
        columns={[
          { title: t('期间', 'Period'), dataIndex: 'periodCode', render: (p: string) => formatPeriod(p, lang), width: 120 },
          { title: t('数值', 'Value'), key: 'v', render: (_: unknown, o: FigureRow) => <span className="nowrap">{formatValue(o.value, o.unit, lang, 4)}</span>, width: 130 },
          {
            title: t('评估采用', 'Used'),
            key: 'used',
            width: 110,
            render: (_: unknown, o: FigureRow) => (
              <Space size={2} wrap>
                {used.has(o.id) ? <Tag color="green">{t('采用', 'used')}</Tag> : null}
                {o.approval && o.approval.state !== 'approved' ? <Tag color="purple">{APPROVAL_WORDS[o.approval.state][lang === 'zh' ? 0 : 1]}</Tag> : null}
                {o.competing > 0 ? <Tag color="orange">{t(`另有${o.competing}个竞争值`, `${o.competing} competing`)}</Tag> : null}
              </Space>
            ),
          },
          { title: t('来源', 'Source'), key: 's', render: (_: unknown, o: FigureRow) => <span>{o.source.publication}<br /><span className="muted">{SOURCE_KIND[o.sourceKind][lang === 'zh' ? 0 : 1]} · {DATA_STATUS[o.status][lang === 'zh' ? 0 : 1]}</span></span> },
          { title: t('原文', 'Quote'), dataIndex: 'quote', render: (q: string | null) => <span style={{ fontSize: 12 }}>{q ?? '—'}</span> },
          { title: t('发布日期（版本）', 'Published (vintage)'), dataIndex: 'publishedDate', render: (d: string) => <span className="nowrap">{formatDate(d, lang)}</span>, width: 130 },
        ]}
      />
      {ev.latest && ev.latest.candidates.length > 1 ? (
        <Card size="small" title={t(`${ev.latest.year}年的竞争数据及取舍理由`, `Competing figures for ${ev.latest.year} and why`)} style={{ marginTop: 12 }}>
          <ul>
            {ev.latest.candidates.map((c) => (
              <li key={c.observation.id}>
                <b>{formatValue(c.observation.value, c.observation.unit, lang, 4)}</b> — {l(c.reason)} <span className="muted">({c.observation.source.publication})</span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
