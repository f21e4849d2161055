/** One indicator: the chart against its target with the forecast fan, the figures and their sources, the workings. */
import { SourceText } from '../components/SourceText';
import { Alert, Breadcrumb, Button, Card, Col, Descriptions, Row, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { indicatorChartOption } from '../../shared/charts/indicatorChart';
import { currentAsOf, useApi, useApiPages, type ObservationDto, type PlanEvaluationDto } from '../api';
import { EChart } from '../components/EChart';
import { draftsParam, DraftsIncluded, DraftsSwitch, useDrafts } from '../drafts';
import { StatusLight } from '../components/StatusLight';
import { useForecasts } from '../forecast';
import { formatDate, formatPercent, formatPeriod, formatValue } from '../format';
import { useLang } from '../i18n';
import { LIGHT_STYLE, lightOf, lightsOf } from '../status';
import { SourceKindTag } from '../components/SourceKindTag';
import { APPROVAL_STATE_LABELS, STATUS_LABELS } from '../../shared/labels';
import { BacktestCard } from './indicator/BacktestCard';
import { planPlace } from '../../shared/planPlace';
import { Workings } from './indicator/Workings';
import { ForecastNote } from './indicator/ForecastNote';
import { usePlan } from '../plan';
import { currentTarget, targetLabel } from '../targets';
import { TargetsCard } from './indicator/TargetsCard';


type FigureRow = ObservationDto & { competing: number };

export default function IndicatorPage() {
  const scope = usePlan();
  const PLAN_ID = scope.planId;
  const { code = '' } = useParams();
  const { lang, t, l } = useLang();
  const asOf = currentAsOf();
  const drafts = useDrafts();
  const evaluation = useApi<PlanEvaluationDto>(PLAN_ID ? `/api/plans/${encodeURIComponent(PLAN_ID)}/evaluation?asOf=${asOf}${draftsParam(drafts.on)}` : null);
  const figures = useApiPages<ObservationDto>(scope.regionCode ? `/api/observations?indicator=${encodeURIComponent(code)}&region=${scope.regionCode}` : null);
  const { forecasts, available } = useForecasts(PLAN_ID, asOf, null, drafts.on);
  const ev = evaluation.data?.indicators.find((i) => i.indicator.code === code);
  const forecast = forecasts?.indicators.find((f) => f.indicatorCode === code);
  const used = useMemo(() => new Set(ev?.series.map((p) => p.observationId).filter((x): x is number => x !== null)), [ev]);

  const option = useMemo(() => {
    if (!ev) return null;
    const ind = ev.indicator;
    // The target it stands by, as a level on the chart (a relative target's 基期值 × (1 + p)); a cumulative amount
    // is not on the level's axis.
    const cur = currentTarget(ev);
    const tg = cur ? (cur.target.kind === 'cumulative' ? null : cur.compared) : ind.target;
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
  const lit = lightsOf([ev], forecasts).get(ev.indicator.code);
  const final = ev.standing.phase === 'final';
  // A qualitative target is judged by an assessment: no figures, no chart, no progress methods.
  const current = currentTarget(ev);
  const qualitative = current?.target.kind === 'qualitative';
  // An in-year figure standing in for a missing annual one (a quarterly rate) is named as such.
  const standIn = ev.series.find((p) => p.year === ev.latest?.year)?.standIn ?? null;
  const exportUrl = (format: 'csv' | 'xlsx') => `/api/observations/export?format=${format}&indicator=${encodeURIComponent(code)}&plan=${encodeURIComponent(PLAN_ID ?? '')}`;

  return (
    <div>
      <Breadcrumb items={[{ title: <Link to={scope.path()}>{t('驾驶舱', 'Cockpit')}</Link> }, { title: l(ind.name) }]} />
      <Typography.Title level={2} style={{ marginTop: 8 }}>
        {l(ind.name)} <StatusLight light={lit?.light ?? ev.standing.light} label={`${LIGHT_STYLE[lit?.light ?? ev.standing.light][lang]} · ${l(ev.standing.label)}`} />
        <DraftsIncluded figures={evaluation.data.figures} />
      </Typography.Title>
      <DraftsSwitch />
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} bordered>
        <Descriptions.Item label={t('最新值', 'Latest')}>
          <span data-testid="latest-value">{qualitative ? '—' : formatValue(ev.latest?.value, ind.unit, lang)}</span>
          {ev.latest ? `（${standIn ? t(`${formatPeriod(standIn, 'zh')}数值代年度值`, `${formatPeriod(standIn, 'en')} standing in for the year`) : formatPeriod(String(ev.latest.year), lang)}）` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('基期值', 'Baseline')}>
          <span data-testid="baseline">{ev.baseline ? `${formatValue(ev.baseline.value, ind.unit, lang)}（${ev.baseline.year}${t('年', '')}）` : qualitative ? '—' : t('暂缺', 'missing')}</span>
          {ev.baseline && ev.baseline.from !== 'plan' ? (
            <div className="muted" style={{ fontSize: 12 }} data-testid="baseline-note">
              {ev.baseline.from === 'derived_growth' ? t('基期值由统计数据推算', 'Baseline derived from the statistics') : t('基期值取自统计数据', 'Baseline taken from the statistics')}
              {ev.baseline.note ? `：${l(ev.baseline.note)}` : ''}
            </div>
          ) : null}
        </Descriptions.Item>
        <Descriptions.Item label={t('目标值', 'Target')}>
          <span data-testid="target">{targetLabel(ev, lang)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('属性', 'Attribute')}>{ind.attribute === 'binding' ? t('约束性', 'binding') : t('预期性', 'expected')}</Descriptions.Item>
        {final ? (
          <Descriptions.Item label={t('终期判断', 'Final verdict')}>
            <span data-testid="verdict">{l(ev.standing.label)}</span>
          </Descriptions.Item>
        ) : (
          <Descriptions.Item label={t('达标概率', 'P(target met)')}>
            <span data-testid="probability">{forecast?.probability !== null && forecast?.probability !== undefined ? formatPercent(forecast.probability, lang, 0) : t('预测暂缺', 'not available')}</span>
          </Descriptions.Item>
        )}
        {ind.responsible.length > 0 ? <Descriptions.Item label={t('责任单位', 'Responsible')}>{ind.responsible.join('、')}</Descriptions.Item> : null}
        {ind.frequency !== 'annual' ? <Descriptions.Item label={t('统计频率', 'Frequency')}>{ind.frequency === 'monthly' ? t('月度（1—N月累计）', 'monthly (Jan–N cumulative)') : t('季度', 'quarterly')}</Descriptions.Item> : null}
        <Descriptions.Item label={t('规划出处', 'In the plan')} span={3}>
          {ind.location ? planPlace(ind.location, lang) : ''}
          {ind.location?.quote ? <span className="muted" lang="zh-CN" data-quote="plan">{lang === 'zh' ? '' : ' '}“{ind.location.quote}”</span> : null}
        </Descriptions.Item>
      </Descriptions>
      <Alert
        data-testid="standing-sentence"
        style={{ marginTop: 12 }}
        type={{ red: 'error', yellow: 'warning', green: 'success', grey: 'info' }[lit?.light ?? ev.standing.light] as 'error' | 'warning' | 'success' | 'info'}
        showIcon
        title={l(ev.standing.sentence)}
        description={lit && lit.reasons.length > 1 ? lit.reasons.slice(1).map((r) => l(r)).join(' ') : undefined}
      />
      {PLAN_ID ? <TargetsCard ev={ev} planId={PLAN_ID} /> : null}
      {!available && !qualitative ? <Typography.Paragraph className="muted">{t('预测暂缺：本平台尚未提供预测。', 'Forecast not available on this platform yet.')}</Typography.Paragraph> : null}
      {qualitative ? null : (
        <>
          <Card size="small" style={{ marginTop: 12 }}>
            {option ? (
              <EChart option={option} height={380} renderer="svg" testId="indicator-chart" label={t(`${l(ind.name)}的历年数值、目标与预测图`, `Chart of ${l(ind.name)}: figures, target and forecast`)} />
            ) : null}
            <ForecastNote forecast={forecast} />
          </Card>
          <BacktestCard code={code} asOf={asOf} drafts={drafts.on} />
          <Typography.Title level={3}>{t('评估过程', 'How it was evaluated')}</Typography.Title>
        </>
      )}
      {current?.note ? <Typography.Paragraph className="muted">{l(current.note)}</Typography.Paragraph> : null}
      <Row gutter={[12, 12]}>
        {Object.values(ev.results).map((r) => (
          <Col xs={24} lg={12} key={r.method}>
            <Card size="small" title={<StatusLight light={lightOf(r.status)} label={l(r.label)} />} data-testid={`method-${r.method}`}>
              <Typography.Paragraph>{l(r.workings.rule)}</Typography.Paragraph>
              <Typography.Paragraph className="muted" style={{ fontSize: 12 }}>
                {t('公式', 'Formula')}: <code>{r.workings.formula}</code>
                <br />
                {t('方法来源', 'Source')}: {methodSource(r.workings.source, lang)}
              </Typography.Paragraph>
              <Workings intermediate={r.workings.intermediate} thresholds={r.workings.thresholds} unit={ind.unit} />
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
                {o.approval && o.approval.state !== 'approved' ? <Tag color="purple">{l(APPROVAL_STATE_LABELS[o.approval.state])}</Tag> : null}
                {o.competing > 0 ? <Tag color="orange">{t(`另有${o.competing}个竞争值`, `${o.competing} competing`)}</Tag> : null}
              </Space>
            ),
          },
          {
            title: t('来源', 'Source'),
            key: 's',
            render: (_: unknown, o: FigureRow) => (
              <span>
                <SourceText text={o.source.publication} />
                <br />
                <SourceKindTag figure={o} /> <span className="muted">{l(STATUS_LABELS[o.status])}</span>
                {o.source.readAt ? <div className="muted" style={{ fontSize: 12 }}>{t('读取自', 'read at')}: <SourceText text={o.source.readAt} /></div> : null}
              </span>
            ),
          },
          { title: t('原文', 'Quote'), dataIndex: 'quote', render: (q: string | null) => <span style={{ fontSize: 12 }}><SourceText text={q} /></span> },
          {
            title: t('发布日期（版本）', 'Published (vintage)'),
            key: 'published',
            width: 130,
            render: (_: unknown, o: FigureRow) => (
              <span className="nowrap" title={o.publishedDateEstimated ? t('未注明发布日期，按统计发布日历取最晚可能日期', 'No date stated: the latest date the release calendar allows') : undefined}>
                {formatDate(o.publishedDate, lang)}
                {o.publishedDateEstimated ? <span className="muted">{t('（估计）', ' (est.)')}</span> : null}
              </span>
            ),
          },
        ]}
      />
      {ev.latest && ev.latest.candidates.length > 1 ? (
        <Card size="small" title={t(`${ev.latest.year}年的竞争数据及取舍理由`, `Competing figures for ${ev.latest.year} and why`)} style={{ marginTop: 12 }}>
          <ul>
            {ev.latest.candidates.map((c) => (
              <li key={c.observation.id}>
                <b>{formatValue(c.observation.value, c.observation.unit, lang, 4)}</b> <SourceKindTag figure={c.observation} /> — {l(c.reason)} <span className="muted">(<SourceText text={c.observation.source.publication} />)</span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}

/** A method's source is written "中文 / English" where it has both: each page shows its own language's half. */
function methodSource(source: string, lang: 'zh' | 'en'): string {
  const [zh, en] = source.split(/ ?\/ (?=[A-Z])/);
  return en === undefined ? source : lang === 'zh' ? (zh ?? source) : en;
}
