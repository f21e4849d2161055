/**
 * 督办看板: the tasks of a plan by chapter, unit or district with their counts by light, and the task list filtered
 * by light and kind (red first), paged as the API pages it. Chinese first.
 */
import { Alert, Button, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, useApi, type TaskDto } from '../../api';
import { useLang } from '../../i18n';
import { useSession } from '../../session';
import { TASK_KIND_LABELS, TASK_STATE_LABELS } from '../../../shared/supervisionTerms';
import { TaskLightTag, usePlanId, type TaskLight } from './common';

interface BoardDto {
  asOf: string;
  counts: Record<TaskLight, number>;
  rollups: Array<{ key: string; label: { zh: string; en: string }; counts: Record<TaskLight, number>; total: number }>;
  pendingReviews: number;
  escalated: number;
}
interface TasksPage {
  total: number;
  items: TaskDto[];
  next: string | null;
}
const LIGHTS: TaskLight[] = ['red', 'yellow', 'green', 'grey'];

export default function Board() {
  const { t, l } = useLang();
  const me = useSession().data;
  const planId = usePlanId();
  const [by, setBy] = useState<'chapter' | 'unit' | 'district'>('chapter');
  const [light, setLight] = useState<TaskLight | 'all'>('all');
  const [kind, setKind] = useState<string>('all');
  const board = useApi<BoardDto>(me?.signedIn ? `/api/plans/${planId}/supervision/board?by=${by}` : null);
  const query = `/api/plans/${planId}/tasks?limit=100${light === 'all' ? '' : `&light=${light}`}${kind === 'all' ? '' : `&kind=${kind}`}`;
  const first = useApi<TasksPage>(me?.signedIn ? query : null);
  const [more, setMore] = useState<TaskDto[]>([]);
  const [next, setNext] = useState<string | null>(null);
  useEffect(() => {
    setMore([]);
    setNext(first.data?.next ?? null);
  }, [first.data]);
  if (!me?.signedIn) return <Alert type="info" showIcon title={t('督促检查需要登录。', 'Sign in to see the supervision board.')} />;
  const loadMore = async () => {
    if (!next) return;
    const page = await api<TasksPage>(`${query}&after=${next}`);
    setMore((m) => [...m, ...page.items]);
    setNext(page.next);
  };
  const rows = [...(first.data?.items ?? []), ...more];
  const count = (c: Record<TaskLight, number>, k: TaskLight) => (c[k] > 0 ? <Tag color={{ red: 'red', yellow: 'gold', green: 'green', grey: 'default' }[k]}>{c[k]}</Tag> : <span className="muted">0</span>);
  return (
    <div>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('督促检查', 'Implementation supervision')}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }} data-testid="board-counts">
        {LIGHTS.map((k) => (
          <span key={k} data-testid={`count-${k}`}>
            <TaskLightTag light={k} /> <b>{board.data?.counts[k] ?? '…'}</b>
          </span>
        ))}
        <span className="muted">
          {t('截至', 'As of')} {board.data?.asOf} · {t('待审核报告', 'reports to review')} {board.data?.pendingReviews ?? 0} · {t('提级督办', 'escalated')} {board.data?.escalated ?? 0}
        </span>
      </Space>
      <Radio.Group value={by} onChange={(e) => setBy(e.target.value as typeof by)} style={{ marginBottom: 8 }} aria-label={t('汇总方式', 'Roll up by')}>
        <Radio.Button value="chapter">{t('按章节', 'By chapter')}</Radio.Button>
        <Radio.Button value="unit">{t('按牵头单位', 'By lead unit')}</Radio.Button>
        <Radio.Button value="district">{t('按区', 'By district')}</Radio.Button>
      </Radio.Group>
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        loading={board.loading}
        dataSource={board.data?.rollups ?? []}
        data-testid="rollups"
        style={{ marginBottom: 16 }}
        columns={[
          { title: t('分组', 'Group'), key: 'g', render: (_: unknown, r: BoardDto['rollups'][number]) => l(r.label) },
          ...LIGHTS.map((k) => ({ title: <TaskLightTag light={k} />, key: k, render: (_: unknown, r: BoardDto['rollups'][number]) => count(r.counts, k) })),
          { title: t('合计', 'Total'), dataIndex: 'total' },
        ]}
      />
      <Space wrap style={{ marginBottom: 8 }}>
        <Select value={light} onChange={setLight} style={{ width: 140 }} aria-label={t('按预警筛选', 'Filter by light')} options={[{ value: 'all', label: t('全部预警', 'All lights') }, ...LIGHTS.map((k) => ({ value: k, label: <TaskLightTag light={k} /> }))]} />
        <Select value={kind} onChange={setKind} style={{ width: 140 }} aria-label={t('按类别筛选', 'Filter by kind')} options={[{ value: 'all', label: t('全部类别', 'All kinds') }, ...Object.entries(TASK_KIND_LABELS).map(([k, v]) => ({ value: k, label: l(v) }))]} />
        <span className="muted">{t(`共${first.data?.total ?? 0}项`, `${first.data?.total ?? 0} tasks`)}</span>
      </Space>
      <Table<TaskDto>
        size="small"
        rowKey="id"
        loading={first.loading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 900 }}
        data-testid="task-list"
        columns={[
          { title: t('预警', 'Light'), key: 'light', width: 150, render: (_: unknown, r) => <TaskLightTag light={r.light} /> },
          { title: t('任务', 'Task'), key: 'title', render: (_: unknown, r) => <Link to={`/tasks/${r.id}`}>{l(r.title)}</Link> },
          { title: t('类别', 'Kind'), key: 'kind', width: 90, render: (_: unknown, r) => l(TASK_KIND_LABELS[r.kind]) },
          { title: t('牵头单位', 'Lead unit'), key: 'unit', render: (_: unknown, r) => (r.leadUnit ? l(r.leadUnit.name) : '—') },
          { title: t('状态', 'State'), key: 'state', width: 80, render: (_: unknown, r) => l(TASK_STATE_LABELS[r.state]) },
          { title: t('原因', 'Why'), key: 'why', render: (_: unknown, r) => r.reasons.map((x) => l(x.text)).join('；') },
        ]}
      />
      {next ? (
        <Button style={{ marginTop: 8 }} onClick={() => void loadMore()}>
          {t('加载更多', 'Load more')}
        </Button>
      ) : null}
    </div>
  );
}
