/** The reports of a task, newest first, with 审核 (approve, or return with a reason) for the plan owner. */
import { Button, Card, Input, Space, Tag } from 'antd';
import { useState } from 'react';
import type { TaskDetailDto } from '../../api';
import { useLang } from '../../i18n';
import { NODE_STATUS_LABELS, REPORT_STATE_LABELS } from '../../../shared/supervisionTerms';

type Report = TaskDetailDto['reports'][number];

export function ReportsList({ reports, nodes, supervise, onReview }: { reports: Report[]; nodes: TaskDetailDto['nodes']; supervise: boolean; onReview: (id: number, body: unknown) => Promise<void> }) {
  const { t, l } = useLang();
  const [comment, setComment] = useState<Record<number, string>>({});
  const nodeTitle = new Map(nodes.map((n) => [n.id, n.title]));
  return (
    <Card size="small" title={t('进度报告', 'Progress reports')} style={{ marginTop: 12 }} data-testid="reports">
      {reports.length === 0 ? <span className="muted">{t('尚无报告', 'No report yet')}</span> : null}
      {reports.map((r) => (
        <div key={r.id} data-testid={`report-${r.id}`} style={{ borderBottom: '1px solid #eee', padding: '8px 0' }}>
          <Space wrap>
            <b>{r.periodCode}</b>
            <Tag color={r.state === 'approved' ? 'green' : r.state === 'returned' ? 'red' : 'blue'}>{l(REPORT_STATE_LABELS[r.state])}</Tag>
            {r.late ? <Tag color="orange">{t('逾期报送', 'late')}</Tag> : null}
            {r.closeRequested ? <Tag>{t('申请办结', 'asks to close')}</Tag> : null}
            <span className="muted">
              {r.submittedBy} · {r.submittedAt.slice(0, 16).replace('T', ' ')}
            </span>
            {r.percent !== null ? <span>{t('进度', 'Progress')} {r.percent}%</span> : null}
          </Space>
          <div>{r.narrative}</div>
          {r.nodeStatuses.length > 0 ? <div className="muted">{r.nodeStatuses.map((n) => `${nodeTitle.get(n.nodeId) ?? n.nodeId}：${l(NODE_STATUS_LABELS[n.status])}`).join('；')}</div> : null}
          {r.problems ? <div>{t('存在问题', 'Problems')}：{r.problems}</div> : null}
          {r.coordination ? <div>{t('需协调事项', 'Co-ordination')}：{r.coordination}</div> : null}
          {r.reviewComment ? <div className="muted">{t('审核意见', 'Review')}：{r.reviewComment}</div> : null}
          {r.attachments.map((a) => (
            <a key={a.id} href={`/api/task-attachments/${a.id}`} style={{ marginRight: 8 }}>
              {a.fileName}
            </a>
          ))}
          {supervise && r.state === 'submitted' ? (
            <Space wrap style={{ marginTop: 4 }}>
              <Input size="small" style={{ width: 260 }} placeholder={t('审核意见（退回时必填）', 'comment (required to return)')} value={comment[r.id] ?? ''} onChange={(e) => setComment((c) => ({ ...c, [r.id]: e.target.value }))} aria-label={t('审核意见', 'Review comment')} />
              <Button size="small" type="primary" onClick={() => void onReview(r.id, { decision: 'approve', ...(comment[r.id] ? { comment: comment[r.id] } : {}) })}>
                {r.closeRequested ? t('审核通过并办结', 'Approve and close') : t('审核通过', 'Approve')}
              </Button>
              <Button size="small" danger onClick={() => void onReview(r.id, { decision: 'return', comment: comment[r.id] ?? '' })}>
                {t('退回', 'Return')}
              </Button>
            </Space>
          ) : null}
        </div>
      ))}
    </Card>
  );
}
