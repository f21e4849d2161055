/**
 * 规划衔接 on the plan page: where an earlier plan of the same region ended in this plan's base year, its final values
 * of the indicators both plans share, offered as this plan's 基期值 — and whether the printed 基期值 agrees. Shown
 * only when there is something to offer (the 14th plan has no loaded predecessor).
 */
import { Alert, Card, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useApi, type BaselineOfferDto } from '../../api';
import { formatValue } from '../../format';
import { useLang } from '../../i18n';
import { planPath } from '../../plan';
import { BASELINE_AGREEMENT_LABELS } from '../../../shared/labels';

const COLOR: Record<BaselineOfferDto['agreement'], string> = { agrees: 'green', differs: 'red', not_printed: 'blue', no_value: 'default' };
const AGREEMENT = Object.fromEntries(Object.entries(BASELINE_AGREEMENT_LABELS).map(([k, w]) => [k, { ...w, color: COLOR[k as BaselineOfferDto['agreement']] }])) as Record<BaselineOfferDto['agreement'], { zh: string; en: string; color: string }>;

export function BaselineOffers({ planId }: { planId: string }) {
  const { t, l, lang } = useLang();
  const offers = useApi<BaselineOfferDto[]>(`/api/plans/${encodeURIComponent(planId)}/baseline-offers`);
  if (offers.error) return <Alert type="warning" showIcon title={offers.error.message} style={{ marginBottom: 12 }} />;
  const rows = offers.data ?? [];
  if (rows.length === 0) return null;
  const earlier = [...new Map(rows.map((r) => [r.from.planId, r.from.planName])).entries()];
  return (
    <Card size="small" style={{ marginBottom: 12 }} title={t('规划衔接：上期规划终期值作为本规划基期值', 'Continuity: the earlier plan’s final values as this plan’s baselines')} data-testid="baseline-offers">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('上期规划：', 'Earlier plan: ')}
        {earlier.map(([id, name], i) => (
          <span key={id}>
            {i > 0 ? t('、', ', ') : null}
            <Link to={planPath(id)}>{l(name)}</Link>
          </span>
        ))}
        {t('。终期值取自上期规划的总结评估（目标年的数据）；规划文本列出的基期值与之不一致时须说明原因（数据修订、口径变化等）。', '. Final values are those of the earlier plan’s final evaluation (its target year’s figures); a printed baseline that differs needs a reason (a revision, a change of scope).')}
      </Typography.Paragraph>
      <Table<BaselineOfferDto>
        size="small"
        pagination={false}
        rowKey={(r) => `${r.from.planId}:${r.indicatorCode}`}
        dataSource={rows}
        scroll={{ x: 760 }}
        columns={[
          { title: t('指标', 'Indicator'), key: 'i', render: (_: unknown, r) => l(r.name) },
          { title: t('上期目标', 'Earlier target'), key: 'target', render: (_: unknown, r) => `${r.from.targetPrinted ?? '—'}${t(`（${r.from.targetYear}年）`, ` (${r.from.targetYear})`)}` },
          { title: t('上期结论', 'Earlier verdict'), key: 'verdict', render: (_: unknown, r) => l(r.from.standing.label) },
          { title: t('终期值', 'Final value'), key: 'offered', render: (_: unknown, r) => (r.offered ? `${formatValue(r.offered.value, r.unit, lang)}${t(`（${r.offered.year}年）`, ` (${r.offered.year})`)}` : t('暂缺', 'n/a')) },
          { title: t('规划基期值', 'Printed baseline'), key: 'printed', render: (_: unknown, r) => (r.printed ? `${formatValue(r.printed.value, r.unit, lang)}${t(`（${r.printed.year}年）`, ` (${r.printed.year})`)}` : '—') },
          {
            title: t('对照', 'Check'),
            key: 'agreement',
            render: (_: unknown, r) => {
              const a = AGREEMENT[r.agreement];
              const d = r.agreement === 'differs' ? r.difference : null;
              const by = d === null ? '' : formatValue(Math.abs(d), r.unit, lang);
              const diff = d === null ? '' : d < 0 ? t(`：规划基期值少${by}`, `: printed ${by} lower`) : t(`：规划基期值多${by}`, `: printed ${by} higher`);
              return <Tag color={a.color}>{`${t(a.zh, a.en)}${diff}`}</Tag>;
            },
          },
        ]}
      />
    </Card>
  );
}
