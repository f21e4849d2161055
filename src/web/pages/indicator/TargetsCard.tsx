/**
 * 目标与阶段目标: every target year of an indicator — milestones (2028年达到…) and the plan's own — in the plan's
 * printed words, each with its kind and where it stands (a milestone already judged keeps its verdict). Shown where an
 * indicator has more than one target year or a qualitative target; for a qualitative target, the assessments
 * recorded so far with their evidence (the latest made by the as-of date stands).
 */
import { Card, Table, Tag, Typography } from 'antd';
import { useApi, type AssessmentDto } from '../../api';
import { StatusLight } from '../../components/StatusLight';
import { formatDate } from '../../format';
import { useLang } from '../../i18n';
import { ASSESSMENT_LABELS, TARGET_KIND_LABELS } from '../../../shared/labels';
import type { IndicatorEvaluation } from '../../status';
import type { TargetEvaluation } from '../../targets';

export function TargetsCard({ ev, planId }: { ev: IndicatorEvaluation; planId: string }) {
  const { lang, t, l } = useLang();
  const qualitative = ev.targets.some((x) => x.target.kind === 'qualitative');
  const assessments = useApi<AssessmentDto[]>(qualitative ? `/api/plans/${encodeURIComponent(planId)}/indicators/${encodeURIComponent(ev.indicator.code)}/assessments` : null);
  // One target year is said by the page's 目标值 and its sentence; the card adds milestones and assessments.
  if (ev.targets.length < 2 && !qualitative) return null;
  return (
    <Card size="small" style={{ marginTop: 12 }} title={t('目标与阶段目标', 'Targets and milestones')} data-testid="targets-card">
      <Table<TargetEvaluation>
        size="small"
        rowKey={(x) => String(x.target.year)}
        pagination={false}
        dataSource={ev.targets}
        columns={[
          { title: t('目标年', 'Year'), key: 'year', width: 80, render: (_: unknown, x) => x.target.year },
          {
            title: t('目标（规划原文）', 'Target (as printed)'),
            key: 'printed',
            render: (_: unknown, x) => (
              <span>
                {x.target.printed} <Tag>{l(TARGET_KIND_LABELS[x.target.kind])}</Tag>
                {x.target.milestone ? <Tag color="blue">{t('阶段目标', 'milestone')}</Tag> : null}
              </span>
            ),
          },
          { title: t('判断', 'Standing'), key: 'standing', width: 150, render: (_: unknown, x) => <StatusLight light={x.standing.light} label={l(x.standing.label)} /> },
          {
            title: t('说明', 'Why'),
            key: 'sentence',
            render: (_: unknown, x) => (
              <span style={{ fontSize: 13 }}>
                {l(x.standing.sentence)}
                {x.note && !l(x.standing.sentence).includes(l(x.note)) ? <span className="muted">（{l(x.note)}）</span> : null}
              </span>
            ),
          },
        ]}
      />
      {qualitative ? (
        <div data-testid="assessments" style={{ marginTop: 12 }}>
          <Typography.Text strong>{t('评估记录', 'Assessments')}</Typography.Text>
          {(assessments.data ?? []).length === 0 ? (
            <Typography.Paragraph className="muted">{t('尚无评估记录：由规划部门录入评估结论及佐证材料。', 'No assessment yet: the planning office records one with its evidence.')}</Typography.Paragraph>
          ) : (
            <ul>
              {[...(assessments.data ?? [])].reverse().map((a) => (
                <li key={a.id}>
                  {formatDate(a.assessedOn, lang)} <b>{l(ASSESSMENT_LABELS[a.assessment])}</b>（{a.assessedBy}）{t('：', ': ')}
                  {a.evidence}
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </Card>
  );
}
