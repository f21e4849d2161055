/** 待办: what my unit must do and by when — sign for tasks, reports due or late, nodes, notices to answer. */
import { Alert, Card, Empty, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useApi } from '../../api';
import { useLang } from '../../i18n';
import { useSession } from '../../session';
import { usePlanId } from './common';

interface Reminders {
  asOf: string;
  items: Array<{ unit: { id: number; name: { zh: string; en: string } }; items: Array<{ taskId: number; what: string; late: boolean; due: string | null; text: string }>; late: number; dueSoon: number }>;
}

export default function Inbox() {
  const { t, l, lang } = useLang();
  const me = useSession().data;
  const planId = usePlanId();
  const r = useApi<Reminders>(me?.signedIn ? `/api/plans/${planId}/reminders?limit=200&lang=${lang}` : null);
  if (!me?.signedIn) return <Alert type="info" showIcon title={t('待办事项需要登录。', 'Sign in to see your inbox.')} />;
  return (
    <div>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('待办事项', 'Inbox')}
      </Typography.Title>
      <p className="muted">
        {t('截至', 'As of')} {r.data?.asOf}
      </p>
      {r.error ? <Alert type="warning" showIcon title={r.error.message} /> : null}
      {r.data && r.data.items.length === 0 ? <Empty description={t('没有到期或逾期的事项', 'Nothing due or late')} /> : null}
      {r.data?.items.map((u) => (
        <Card key={u.unit.id} size="small" title={l(u.unit.name)} extra={<span>{t(`逾期${u.late}项 · 待办${u.dueSoon}项`, `${u.late} late · ${u.dueSoon} to do`)}</span>} style={{ marginBottom: 12 }} data-testid={`inbox-${u.unit.id}`}>
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {u.items.map((i, n) => (
              <li key={n}>
                {i.late ? <Tag color="red">{t('逾期', 'late')}</Tag> : <Tag color="blue">{t('待办', 'to do')}</Tag>}
                <Link to={`/tasks/${i.taskId}`}>{i.text}</Link>
              </li>
            ))}
          </ul>
        </Card>
      ))}
    </div>
  );
}
