/** A task's time nodes (时间节点) as a timeline: done in green, overdue in red, the rest in grey. */
import { Timeline } from 'antd';
import type { TaskDetailDto } from '../../api';
import { useLang } from '../../i18n';

export function NodesTimeline({ nodes }: { nodes: TaskDetailDto['nodes'] }) {
  const { t } = useLang();
  if (nodes.length === 0) return <span className="muted">{t('尚未设定时间节点', 'No time nodes yet')}</span>;
  const today = new Date().toISOString().slice(0, 10);
  return (
    <Timeline
      data-testid="nodes"
      items={nodes.map((n) => ({
        color: n.doneOn ? 'green' : n.due < today ? 'red' : 'gray',
        content: (
          <div>
            <b>{n.due}</b> {n.title}
            {n.expectedOutput ? <div className="muted">{t('预期成果', 'Output')}：{n.expectedOutput}</div> : null}
            <div className="muted">{n.doneOn ? t(`已于${n.doneOn}完成`, `done on ${n.doneOn}`) : n.due < today ? t('已逾期', 'overdue') : t('未完成', 'open')}</div>
          </div>
        ),
      }))}
    />
  );
}
