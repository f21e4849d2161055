/**
 * 任务详情: one task — its light and reasons, the time nodes as a timeline, the reports with their review, the
 * supervision notices, sub-tasks and the indicators it serves with their lights; and the actions the API says this
 * user may take (交办, 签收, 填报, 审核, 督办).
 */
import { Alert, Button, Card, Descriptions, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, send, useApi, type TaskDetailDto } from '../../api';
import { useLang } from '../../i18n';
import { TASK_KIND_LABELS, TASK_STATE_LABELS } from '../../../shared/supervisionTerms';
import { AssignForm } from './AssignForm';
import { TaskLightTag } from './common';
import { LinkedIndicators } from './LinkedIndicators';
import { NodesTimeline } from './NodesTimeline';
import { NoticesPanel } from './NoticesPanel';
import { ReportForm } from './ReportForm';
import { ReportsList } from './ReportsList';

export default function TaskPage() {
  const { t, l } = useLang();
  const taskId = useParams().taskId ?? '';
  const detail = useApi<TaskDetailDto>(`/api/tasks/${taskId}`);
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const d = detail.data;
  /** Runs an action, says how it went (409: changed meanwhile), and reloads the page's data. */
  const act = async (what: () => Promise<unknown>, done: string) => {
    try {
      await what();
      setMsg({ ok: true, text: done });
    } catch (e) {
      setMsg({ ok: false, text: e instanceof ApiError && e.status === 409 ? t(`状态已变化，请刷新：${e.message}`, `Changed meanwhile: ${e.message}`) : e instanceof Error ? e.message : String(e) });
    }
    detail.reload();
  };
  if (detail.error) return <Alert type="warning" showIcon title={detail.error.message} />;
  if (!d) return <p>{t('加载中…', 'Loading…')}</p>;
  const task = d.task;
  return (
    <div>
      <Typography.Title level={2} style={{ marginTop: 0 }} data-testid="task-title">
        {l(task.title)}
      </Typography.Title>
      {msg ? <Alert type={msg.ok ? 'success' : 'error'} showIcon title={msg.text} style={{ marginBottom: 12 }} data-testid="task-message" /> : null}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap size="large" data-testid="task-light">
          <TaskLightTag light={task.light} />
          <span>{task.reasons.map((r) => l(r.text)).join('；')}</span>
        </Space>
        <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginTop: 8 }}>
          <Descriptions.Item label={t('类别', 'Kind')}>{l(TASK_KIND_LABELS[task.kind])}</Descriptions.Item>
          <Descriptions.Item label={t('状态', 'State')}>
            <span data-testid="task-state">{l(TASK_STATE_LABELS[task.state])}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('出处', 'In the plan')}>{[task.chapter ? `${task.chapter.number}、${l(task.chapter.title)}` : '', task.column ?? ''].filter(Boolean).join(' · ') || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('牵头单位', 'Lead unit')}>{task.leadUnit ? l(task.leadUnit.name) : t('未交办', 'not assigned')}</Descriptions.Item>
          <Descriptions.Item label={t('配合单位', 'Co-operating')}>{task.coUnits.map((u) => l(u.name)).join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('期限', 'Deadline')}>{task.deadline ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('最新进度', 'Latest progress')}>{task.percent === null ? '—' : `${task.percent}%`}</Descriptions.Item>
          <Descriptions.Item label={t('下次报送', 'Next report')}>{task.nextDue ? `${task.nextDue.code}（${t('截止', 'due')} ${task.nextDue.due}）` : '—'}</Descriptions.Item>
          {d.parent ? (
            <Descriptions.Item label={t('上级任务', 'Parent task')}>
              <Link to={`/tasks/${d.parent.id}`}>{l(d.parent.title)}</Link>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
        {d.abilities.actForLead && task.state === 'assigned' ? (
          <Button type="primary" onClick={() => void act(() => send(`/api/tasks/${task.id}/accept`, 'POST', {}), t('已签收', 'Accepted'))}>
            {t('签收', 'Accept')}
          </Button>
        ) : null}
      </Card>
      <div className="supervision-grid" style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(420px, 1fr))', gap: 12 }}>
        <Card size="small" title={t('时间节点', 'Time nodes')}>
          <NodesTimeline nodes={d.nodes} />
        </Card>
        <Card size="small" title={t('服务的指标', 'Indicators served')}>
          <LinkedIndicators planId={task.planId} codes={task.indicatorCodes} />
        </Card>
      </div>
      {d.abilities.supervise && (task.state === 'unassigned' || task.state === 'assigned') ? <AssignForm task={task} nodes={d.nodes} onDone={(p) => act(() => send(`/api/tasks/${task.id}/assign`, 'POST', p), t('已交办', 'Assigned'))} /> : null}
      {d.abilities.actForLead && (task.state === 'accepted' || task.state === 'in_progress') ? <ReportForm task={task} nodes={d.nodes} onSubmit={(p) => act(() => send(`/api/tasks/${task.id}/reports`, 'POST', p), t('进展已报送', 'Report submitted'))} /> : null}
      <ReportsList reports={d.reports} nodes={d.nodes} supervise={d.abilities.supervise} onReview={(id, body) => act(() => send(`/api/task-reports/${id}/review`, 'POST', body), t('已审核', 'Reviewed'))} />
      <NoticesPanel task={task} notices={d.notices} abilities={d.abilities} act={act} />
      {d.subtasks.length > 0 || (d.abilities.supervise && task.kind !== 'subtask') ? (
        <Card size="small" title={t('分解任务', 'Sub-tasks')} style={{ marginTop: 12 }}>
          {d.subtasks.map((s) => (
            <div key={s.id}>
              <TaskLightTag light={s.light} /> <Link to={`/tasks/${s.id}`}>{l(s.title)}</Link> · {s.leadUnit ? l(s.leadUnit.name) : ''}
            </div>
          ))}
          {d.subtasks.length === 0 ? <span className="muted">{t('暂无分解任务', 'No sub-tasks')}</span> : null}
        </Card>
      ) : null}
    </div>
  );
}
