/**
 * 重大项目: the year's project table (plan, baseline, completed investment, 年度投资完成率 and its gap to time
 * progress), totals with 开工率 and 按期竣工率, a chart of plan against completed investment, and the dispatch-table
 * import (template, dry run, per-cell errors).
 */
import { Alert, Card, InputNumber, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useApi, type ProjectDto } from '../../api';
import { EChart } from '../../components/EChart';
import { useLang } from '../../i18n';
import { useSession } from '../../session';
import { PROJECT_PHASE_LABELS } from '../../../shared/supervisionTerms';
import { pct, usePlanId } from './common';
import { ProjectImport } from './ProjectImport';


interface ProjectsPage {
  year: number;
  asOf: string;
  summary: { projects: number; reported: number; annualPlan: number; ytdCompleted: number; completionRate: number | null; start: { due: number; started: number; rate: number | null }; onTimeCompletion: { due: number; onTime: number; rate: number | null } };
  items: ProjectDto[];
  next: string | null;
}

export default function Projects() {
  const { t, l } = useLang();
  const me = useSession().data;
  const planId = usePlanId();
  const [year, setYear] = useState<number | null>(null);
  const data = useApi<ProjectsPage>(me?.signedIn ? `/api/plans/${planId}/projects?limit=500${year ? `&year=${year}` : ''}` : null);
  const d = data.data;
  // Projects that reported come first, in the table and in the chart.
  const reported = useMemo(() => (d?.items ?? []).filter((p) => p.latest && p.plan?.annualPlan), [d]);
  const chart = useMemo(
    () =>
      reported.length === 0
        ? null
        : {
            animation: false,
            aria: { enabled: true },
            grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
            tooltip: { trigger: 'axis' as const },
            legend: { data: [t('年度计划投资', 'Annual plan'), t('本年累计完成投资', 'Completed this year')], top: 0 },
            xAxis: { type: 'value' as const, name: t('亿元', '100 m yuan') },
            yAxis: { type: 'category' as const, data: reported.map((p) => l(p.name)), axisLabel: { width: 160, overflow: 'truncate' as const } },
            series: [
              { name: t('年度计划投资', 'Annual plan'), type: 'bar' as const, data: reported.map((p) => p.plan?.annualPlan ?? null), itemStyle: { color: '#93c5fd' } },
              { name: t('本年累计完成投资', 'Completed this year'), type: 'bar' as const, data: reported.map((p) => p.latest?.ytdCompleted ?? null), itemStyle: { color: '#1d4ed8' } },
            ],
          },
    [reported, t, l],
  );
  if (!me?.signedIn) return <Alert type="info" showIcon title={t('重大项目调度需要登录。', 'Sign in to see the major projects.')} />;
  return (
    <div>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('重大项目', 'Major projects')}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <span>{t('年度', 'Year')}</span>
        <InputNumber value={year ?? d?.year} onChange={(v) => setYear(v)} min={1949} max={2100} aria-label={t('年度', 'Year')} />
        <span className="muted">{t('截至', 'As of')} {d?.asOf}</span>
      </Space>
      {data.error ? <Alert type="warning" showIcon title={data.error.message} /> : null}
      {d ? (
        <Space wrap size="large" style={{ marginBottom: 12 }} data-testid="project-summary">
          <Statistic title={t('年度计划投资（亿元）', 'Annual plan')} value={d.summary.annualPlan} precision={2} />
          <Statistic title={t('本年累计完成投资（亿元）', 'Completed')} value={d.summary.ytdCompleted} precision={2} />
          <Statistic title={t('年度投资完成率', 'Completion rate')} value={pct(d.summary.completionRate)} />
          <Statistic title={t('开工率', 'Start rate')} value={`${pct(d.summary.start.rate)} (${d.summary.start.started}/${d.summary.start.due})`} />
          <Statistic title={t('按期竣工率', 'On-time completion')} value={`${pct(d.summary.onTimeCompletion.rate)} (${d.summary.onTimeCompletion.onTime}/${d.summary.onTimeCompletion.due})`} />
          <Statistic title={t('已报送项目', 'Reported')} value={`${d.summary.reported}/${d.summary.projects}`} />
        </Space>
      ) : null}
      {chart ? (
        <Card size="small" title={t('计划与完成投资', 'Plan and completed investment')} style={{ marginBottom: 12 }}>
          <EChart option={chart} height={Math.max(160, reported.length * 36 + 60)} features="basic" label={t('各项目年度计划与完成投资条形图', 'Bar chart of plan and completed investment by project')} testId="project-chart" />
        </Card>
      ) : null}
      <ProjectImport planId={planId} onImported={data.reload} />
      <Table<ProjectDto>
        size="small"
        rowKey="itemKey"
        loading={data.loading}
        dataSource={[...reported, ...(d?.items ?? []).filter((p) => !reported.includes(p))]}
        pagination={{ pageSize: 25 }}
        scroll={{ x: 1100 }}
        data-testid="project-table"
        columns={[
          { title: t('项目', 'Project'), key: 'name', render: (_: unknown, p) => (p.taskId ? <Link to={`/tasks/${p.taskId}`}>{l(p.name)}</Link> : l(p.name)) },
          { title: t('领域', 'Field'), key: 'field', render: (_: unknown, p) => (p.field ? l(p.field) : '') },
          { title: t('年度计划（亿元）', 'Plan'), key: 'plan', render: (_: unknown, p) => (p.plan?.annualPlan ?? '—') },
          { title: t('基线', 'Baseline'), key: 'base', render: (_: unknown, p) => (p.replanned ? <Tag color="orange">{`${p.plan?.baselineAnnualPlan ?? '—'} → v${p.plan?.version ?? ''}`}</Tag> : (p.plan?.baselineAnnualPlan ?? '—')) },
          { title: t('本年完成（亿元）', 'Completed'), key: 'ytd', render: (_: unknown, p) => (p.latest?.ytdCompleted ?? '—') },
          { title: t('完成率', 'Rate'), key: 'rate', render: (_: unknown, p) => pct(p.completionRate) },
          { title: t('与序时进度差', 'Gap'), key: 'gap', render: (_: unknown, p) => (p.gap === null ? '—' : <span style={{ color: p.gap < -0.05 ? '#b91c1c' : undefined }}>{pct(p.gap)}</span>) },
          { title: t('阶段', 'Phase'), key: 'phase', render: (_: unknown, p) => (p.latest?.phase ? l(PROJECT_PHASE_LABELS[p.latest.phase]) : '') },
          { title: t('报告期', 'Period'), key: 'month', render: (_: unknown, p) => p.latest?.month ?? '' },
          { title: t('形象进度', 'Progress'), key: 'image', render: (_: unknown, p) => p.latest?.imageProgress ?? '' },
        ]}
      />
    </div>
  );
}
