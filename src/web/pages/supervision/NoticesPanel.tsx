/** 督办单: issue one on a red task (plan owner), reply (lead unit), accept or return the reply (plan owner). */
import { Button, Card, Input, Space, Tag } from 'antd';
import { useState } from 'react';
import { send, type TaskDetailDto, type TaskDto } from '../../api';
import { useLang } from '../../i18n';
import { NOTICE_STATE_LABELS } from '../../../shared/supervisionTerms';

export function NoticesPanel({ task, notices, abilities, act }: { task: TaskDto; notices: TaskDetailDto['notices']; abilities: TaskDetailDto['abilities']; act: (what: () => Promise<unknown>, done: string) => Promise<void> }) {
  const { t, l } = useLang();
  const [text, setText] = useState('');
  const [replyBy, setReplyBy] = useState(new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10));
  const [answer, setAnswer] = useState<Record<number, string>>({});
  if (notices.length === 0 && !(abilities.supervise && task.light === 'red')) return null;
  return (
    <Card size="small" title={t('督办单', 'Supervision notices')} style={{ marginTop: 12 }} data-testid="notices">
      {task.escalated ? <Tag color="red">{t('两次逾期未回复，已提级督办', 'Escalated: two replies missed')}</Tag> : null}
      {notices.map((n) => (
        <div key={n.id} style={{ borderBottom: '1px solid #eee', padding: '6px 0' }}>
          <Space wrap>
            <b>{t(`第${n.seq}号`, `No. ${n.seq}`)}</b>
            <Tag>{l(NOTICE_STATE_LABELS[n.state])}</Tag>
            <span className="muted">
              {t('回复期限', 'Reply by')} {n.replyBy}
            </span>
          </Space>
          <div>{n.text}</div>
          {n.replyText ? <div>{t('回复', 'Reply')}：{n.replyText}</div> : null}
          {n.reviewComment ? <div className="muted">{t('意见', 'Comment')}：{n.reviewComment}</div> : null}
          {abilities.actForLead && (n.state === 'issued' || n.state === 'returned') ? (
            <Space style={{ marginTop: 4 }}>
              <Input size="small" style={{ width: 320 }} value={answer[n.id] ?? ''} onChange={(e) => setAnswer((a) => ({ ...a, [n.id]: e.target.value }))} aria-label={t('回复内容', 'Reply')} />
              <Button size="small" type="primary" onClick={() => void act(() => send(`/api/task-notices/${n.id}/reply`, 'POST', { text: answer[n.id] ?? '' }), t('已回复', 'Replied'))}>
                {t('回复', 'Reply')}
              </Button>
            </Space>
          ) : null}
          {abilities.supervise && n.state === 'replied' ? (
            <Space style={{ marginTop: 4 }}>
              <Input size="small" style={{ width: 240 }} value={answer[n.id] ?? ''} onChange={(e) => setAnswer((a) => ({ ...a, [n.id]: e.target.value }))} aria-label={t('意见', 'Comment')} />
              <Button size="small" onClick={() => void act(() => send(`/api/task-notices/${n.id}/review`, 'POST', { decision: 'accept' }), t('已认可', 'Accepted'))}>{t('认可', 'Accept')}</Button>
              <Button size="small" danger onClick={() => void act(() => send(`/api/task-notices/${n.id}/review`, 'POST', { decision: 'return', comment: answer[n.id] ?? '' }), t('已退回', 'Returned'))}>{t('退回', 'Return')}</Button>
            </Space>
          ) : null}
        </div>
      ))}
      {abilities.supervise && task.light === 'red' ? (
        <Space wrap style={{ marginTop: 8 }}>
          <Input style={{ width: 360 }} placeholder={t('督办事项', 'What must be done')} value={text} onChange={(e) => setText(e.target.value)} aria-label={t('督办事项', 'Notice text')} />
          <Input type="date" value={replyBy} onChange={(e) => setReplyBy(e.target.value)} aria-label={t('回复期限', 'Reply by')} />
          <Button danger disabled={text.trim() === ''} onClick={() => void act(() => send(`/api/tasks/${task.id}/notices`, 'POST', { text, replyBy }), t('督办单已发出', 'Notice issued'))}>
            {t('发督办单', 'Issue a notice')}
          </Button>
        </Space>
      ) : null}
    </Card>
  );
}
