/**
 * 景气: the service-industry prosperity index of a survey — the latest climate, confidence and signal, the composite
 * indices with their turning points and components, the signal lights over time, every question's diffusion index,
 * the indices by industry, and (for the statistics office) waves, response rates and the answers' import.
 */
import { Alert, Button, Card, Col, Row, Skeleton, Space, Statistic, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useApi, type IndicesResponseDto, type SurveyDetailDto, type SurveySummaryDto } from '../api';
import { useLang } from '../i18n';
import { mayAct, useSession } from '../session';
import { ClimateByIndustry } from './prosperity/ClimateByIndustry';
import { CompositeChart } from './prosperity/CompositeChart';
import { DiffusionPart } from './prosperity/DiffusionPart';
import { ImportAnswers } from './prosperity/ImportAnswers';
import { SignalBadge } from './prosperity/lights';
import { SignalTable } from './prosperity/SignalTable';
import { Waves } from './prosperity/Waves';

type Kind<K extends IndicesResponseDto['kind']> = Extract<IndicesResponseDto, { kind: K }>;

export default function Prosperity() {
  const { t, l } = useLang();
  const me = useSession().data;
  const [tick, setTick] = useState(0);
  const list = useApi<SurveySummaryDto[]>(`/api/prosperity/surveys?limit=1&t=${tick}`);
  const code = list.data?.[0]?.code ?? null;
  const survey = useApi<SurveyDetailDto>(code ? `/api/prosperity/surveys/${code}?t=${tick}` : null);
  const q = (kind: string, extra = '') => (code ? `/api/prosperity/indices?kind=${kind}&survey=${code}${extra}&t=${tick}` : null);
  const composite = useApi<Kind<'composite'>>(q('composite'));
  const signals = useApi<Kind<'signals'>>(q('signals'));
  const last = survey.data?.lastPeriod ?? null;
  const climate = useApi<Kind<'climate'>>(last ? q('climate', `&from=${last}&to=${last}&limit=5000`) : null);
  const sections = useMemo(
    () => (climate.data?.items ?? []).filter((p) => p.group.startsWith('industry:') && p.kind === 'climate').map((p) => ({ value: p.group, label: l(p.label) })),
    [climate.data, l],
  );
  if (list.error) return <Alert type="error" showIcon title={list.error.message} />;
  if (list.data && !code) return <Alert type="info" showIcon title={t('尚未载入景气调查（prosperity/*.yaml）。', 'No business-climate survey is loaded (prosperity/*.yaml).')} />;
  if (!survey.data) return <Skeleton active />;
  const s = survey.data;
  const all = (kind: 'climate' | 'confidence') => climate.data?.items.find((p) => p.group === 'all' && p.kind === kind);
  const row = signals.data?.signals.rows.at(-1);
  const level = (g: string) => composite.data?.composite.indices.find((x) => x.group === g)?.level.at(-1);
  const writer = mayAct(me ?? null, 'write:survey');
  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('服务业景气指数', 'Service-industry prosperity index')} <Typography.Text type="secondary" style={{ fontSize: 16 }}>{l(s.name)} · {last}</Typography.Text>
      </Typography.Title>
      {s.synthetic ? (
        <Alert style={{ marginBottom: 12 }} type="warning" showIcon title={t('本页的样本企业和问卷答案为合成数据（演示用），不是真实企业：样本抽自企业数据库中的合成企业；抽取真实企业样本并导入调查问卷后显示真实结果。', 'The panel and answers on this page are synthetic demo data, not real enterprises: the panel is drawn from the enterprise database’s synthetic enterprises; real results appear once a panel of real enterprises is drawn and its answers are imported.')} />
      ) : null}
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('企业景气指数', 'Business climate index')} value={all('climate')?.value ?? '—'} precision={1} /><span className="muted">{t('即期', 'current')} {all('climate')?.current ?? '—'} · {t('预期', 'expected')} {all('climate')?.expected ?? '—'}</span></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('企业家信心指数', 'Entrepreneur confidence index')} value={all('confidence')?.value ?? '—'} precision={1} /><span className="muted">{t('100 为临界值', '100 = threshold')}</span></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('景气信号（预警指数）', 'Signal (score)')} value={row?.score ?? '—'} precision={1} /><SignalBadge light={row?.light} /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('一致指数 / 先行指数', 'Coincident / leading')} value={`${level('coincident')?.toFixed(1) ?? '—'} / ${level('leading')?.toFixed(1) ?? '—'}`} /><span className="muted">{s.frequency === 'monthly' ? t('月度', 'monthly') : t('季度', 'quarterly')} · {t('样本', 'panel')} {s.panel}</span></Card></Col>
      </Row>
      <Card size="small" style={{ marginTop: 12 }} title={t('合成指数（先行、一致、滞后）与转折点', 'Composite indices (leading, coincident, lagging) and turning points')} extra={<Button href={`/api/prosperity/surveys/${s.code}/export`}>{t('导出 Excel（全部指数及输入）', 'Export to Excel (every index with its inputs)')}</Button>}>
        {composite.data ? <CompositeChart composite={composite.data.composite} /> : <Skeleton active />}
        <Table
          size="small"
          rowKey="code"
          pagination={false}
          dataSource={composite.data?.composite.components ?? []}
          columns={[
            { title: t('成分指标', 'Component'), render: (_: unknown, c) => l(c.name) },
            { title: t('所属', 'Index'), render: (_: unknown, c) => l(composite.data?.composite.indices.find((g) => g.group === c.group)?.name) },
            { title: t('变化率', 'Change'), render: (_: unknown, c) => (c.change === 'symmetric' ? t('对称变化率', 'symmetric %') : t('差分', 'difference')) },
            { title: 'σ', render: (_: unknown, c) => c.sigma?.toFixed(3) ?? '—' },
            { title: t('标准化因子 r', 'Factor r'), render: (_: unknown, c) => c.r?.toFixed(3) ?? '—' },
            { title: t('季节调整', 'Seasonal adj.'), render: (_: unknown, c) => (c.seasonallyAdjusted ? t('STL，1–2月合并', 'STL, Jan–Feb combined') : c.note) },
          ]}
        />
        <p className="muted">{t('美国经济咨商局方法：对称变化率（扩散指数用差分），标准化因子 r = (1/σ)/Σ(1/σ)，I_t = I_{t−1}(200+i_t)/(200−i_t)，基年 = 100；先行指数趋势调整至一致指数。转折点按 Bry–Boschan 规则（阶段不少于 5 个月，周期不少于 15 个月）。', 'Conference Board method: symmetric changes (differences for diffusion indices), factors r = (1/σ)/Σ(1/σ), I_t = I_{t−1}(200+i_t)/(200−i_t), base year = 100; the leading index is trend-adjusted to the coincident one. Turning points by the Bry–Boschan rules (phases ≥ 5 months, cycles ≥ 15).')}</p>
      </Card>
      <Card size="small" style={{ marginTop: 12 }} title={t('景气信号灯', 'Signal lights')}>
        {signals.data ? <SignalTable signals={signals.data.signals} /> : <Skeleton active />}
      </Card>
      <Card size="small" style={{ marginTop: 12 }} title={t('扩散指数（上升比重 + 0.5 × 持平比重）', 'Diffusion indices (% up + 0.5 × % same)')}>
        <DiffusionPart survey={s} sections={sections} />
      </Card>
      {last ? (
        <Card size="small" style={{ marginTop: 12 }} title={`${t('分行业企业景气指数、企业家信心指数', 'Climate and confidence by industry')} · ${last}`}>
          <ClimateByIndustry survey={s.code} period={last} />
        </Card>
      ) : null}
      {me?.signedIn ? (
        <Card size="small" style={{ marginTop: 12 }} title={t('调查期次与回收率', 'Waves and response rates')}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Waves survey={s.code} tick={tick} />
            {writer ? <ImportAnswers survey={s.code} onDone={() => setTick((x) => x + 1)} /> : null}
          </Space>
        </Card>
      ) : null}
    </div>
  );
}
