/** One district: its direction in 专栏4, featured bases, pilot parks, major projects and its figures. */
import { SourceText } from '../components/SourceText';
import { Alert, Breadcrumb, Card, Col, Row, Skeleton, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { useApi, useApiPages, type ObservationDto, type PlanItemDto, type RegionDto } from '../api';
import { useIndicatorNames } from '../indicatorNames';
import { formatDate, formatPeriod, formatValue } from '../format';
import { SimpleList } from '../components/SimpleList';
import { useLang } from '../i18n';
import { usePlan } from '../plan';

export default function DistrictPage() {
  const scope = usePlan();
  const PLAN_ID = scope.planId;
  const { code = '' } = useParams();
  const { lang, t, l } = useLang();
  const regions = useApi<RegionDto[]>('/api/regions');
  const items = useApi<PlanItemDto[]>(PLAN_ID ? `/api/plans/${encodeURIComponent(PLAN_ID)}/items` : null);
  const indicators = useIndicatorNames();
  const figures = useApiPages<ObservationDto>(`/api/observations?region=${encodeURIComponent(code)}`);
  const region = regions.data?.find((r) => r.code === code);
  const mine = useMemo(() => (items.data ?? []).filter((i) => i.regions.includes(code)), [items.data, code]);
  const of = (kind: PlanItemDto['kind']) => mine.filter((i) => i.kind === kind);
  const indicatorName = indicators.nameOf;
  if (regions.loading || items.loading) return <Skeleton active />;
  if (!region) return <Alert type="warning" showIcon title={t(`没有编码为 ${code} 的区`, `No district with code ${code}`)} />;
  const list = (kind: PlanItemDto['kind'], title: string) => (
    <Card size="small" title={`${title}（${of(kind).length}）`}>
      <SimpleList
        items={of(kind)}
        keyOf={(i) => i.key}
        empty={t('无', 'None')}
        render={(i) => (
            <div>
              <Link to={scope.path(`/browse?item=${i.key}`)}>{l(i.title)}</Link>
              {i.field ? <Tag style={{ marginLeft: 8 }}>{l(i.field)}</Tag> : null}
            </div>
        )}
      />
    </Card>
  );
  return (
    <div>
      <Breadcrumb items={[{ title: <Link to={scope.path('/districts')}>{t('各区', 'Districts')}</Link> }, { title: l(region.name) }]} />
      <Typography.Title level={2} style={{ marginTop: 8 }}>
        {l(region.name)}
      </Typography.Title>
      {/* The registry's note is the maintainer's, written in English: the Chinese page says the year from validFrom
          (the year only, since the registry puts the 1st where only a month is known), the English page adds the note. */}
      <Typography.Paragraph className="muted" data-testid="established">
        {t(`${region.validFrom.slice(0, 4)}年设立`, `Established ${region.validFrom.slice(0, 4)}`)}
        {lang === 'en' && region.note ? ` — ${region.note}` : ''}
      </Typography.Paragraph>
      <Card size="small" title={t('发展方向（专栏4）', 'Direction (Box 4)')} style={{ marginBottom: 12 }}>
        {of('district_direction').length === 0
          ? t('规划未单列本区方向。', 'The plan states no direction for this district.')
          : of('district_direction').map((d) => (
              <Typography.Paragraph key={d.key} data-testid="direction">
                {d.text ? (lang === 'en' && d.text.en ? d.text.en : d.text.zh) : l(d.title)}
              </Typography.Paragraph>
            ))}
      </Card>
      <Row gutter={[12, 12]}>
        <Col xs={24} md={8}>{list('base', t('特色基地', 'Featured bases'))}</Col>
        <Col xs={24} md={8}>{list('park', t('试点园区', 'Pilot parks'))}</Col>
        <Col xs={24} md={8}>{list('project', t('重大项目', 'Major projects'))}</Col>
      </Row>
      <Typography.Title level={3}>{t('本区数据', 'Figures')}</Typography.Title>
      <Table
        size="small"
        rowKey="id"
        loading={figures.loading || indicators.loading}
        dataSource={[...(figures.data ?? [])].sort((a, b) => a.indicatorCode.localeCompare(b.indicatorCode) || b.periodCode.localeCompare(a.periodCode))}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 700 }}
        columns={[
          { title: t('指标', 'Indicator'), dataIndex: 'indicatorCode', render: (c: string) => <span data-testid="figure-indicator" title={c}>{indicatorName(c)}</span> },
          { title: t('期间', 'Period'), dataIndex: 'periodCode', render: (p: string) => formatPeriod(p, lang) },
          { title: t('数值', 'Value'), key: 'v', render: (_: unknown, o: ObservationDto) => formatValue(o.value, o.unit, lang, 4) },
          { title: t('来源', 'Source'), key: 's', render: (_: unknown, o: ObservationDto) => <SourceText text={o.source.publication} /> },
          { title: t('发布日期', 'Published'), dataIndex: 'publishedDate', render: (d: string) => formatDate(d, lang) },
        ]}
      />
    </div>
  );
}
