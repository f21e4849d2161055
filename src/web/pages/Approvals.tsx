/**
 * 审批: figures waiting for approval (contracts.md §3). Planners and administrators approve or reject; a stale
 * version answers 409 and the list reloads.
 */
import { Alert, Button, Input, Radio, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, send, useApi, type ObservationDto } from '../api';
import { formatDate, formatPeriod, formatValue } from '../format';
import { useLang } from '../i18n';
import { SourceKindTag } from '../components/SourceKindTag';
import { mayApprove, useSession } from '../session';

type Figure = ObservationDto;

export default function Approvals() {
  const { lang, t } = useLang();
  const me = useSession().data;
  const [state, setState] = useState<'submitted' | 'draft' | 'rejected'>('submitted');
  const list = useApi<{ items: Figure[] }>(mayApprove(me) ? `/api/approvals?state=${state}` : null);
  const [comment, setComment] = useState<Record<number, string>>({});
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  if (!mayApprove(me)) return <Alert type="info" showIcon title={t('仅规划部门和管理员可审批数据。', 'Only planners and administrators approve figures.')} />;
  const act = async (f: Figure, action: 'approve' | 'reject' | 'submit') => {
    try {
      await send(`/api/observations/${f.id}/${action}`, 'POST', { version: f.approval?.version ?? 0, ...(comment[f.id] ? { comment: comment[f.id] } : {}) });
      setMsg({ ok: true, text: t('已处理', 'Done') });
    } catch (e) {
      setMsg({ ok: false, text: e instanceof ApiError && e.status === 409 ? t(`数据已被他人修改，请刷新后再试：${e.message}`, `Changed meanwhile, reload: ${e.message}`) : String(e instanceof Error ? e.message : e) });
    }
    list.reload();
  };
  return (
    <div>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('数据审批', 'Approvals')}
      </Typography.Title>
      <Radio.Group value={state} onChange={(e) => setState(e.target.value as typeof state)} style={{ marginBottom: 12 }} aria-label={t('审批状态', 'State')}>
        <Radio.Button value="submitted">{t('待审批', 'Submitted')}</Radio.Button>
        <Radio.Button value="draft">{t('草稿', 'Drafts')}</Radio.Button>
        <Radio.Button value="rejected">{t('已退回', 'Rejected')}</Radio.Button>
      </Radio.Group>
      {msg ? <Alert type={msg.ok ? 'success' : 'error'} showIcon title={msg.text} style={{ marginBottom: 12 }} /> : null}
      {list.error ? <Alert type="warning" showIcon title={list.error.message} /> : null}
      <Table<Figure>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('没有需要处理的数据', 'Nothing waiting') }}
        columns={[
          { title: t('指标', 'Indicator'), dataIndex: 'indicatorCode' },
          { title: t('地区', 'Region'), dataIndex: 'regionCode' },
          { title: t('期间', 'Period'), dataIndex: 'periodCode', render: (p: string) => formatPeriod(p, lang) },
          { title: t('数值', 'Value'), key: 'v', render: (_: unknown, f: Figure) => formatValue(f.value, f.unit, lang, 4) },
          {
            title: t('来源', 'Source'),
            key: 's',
            render: (_: unknown, f: Figure) => (
              <span>
                {f.source.publication} <SourceKindTag figure={f} />
              </span>
            ),
          },
          { title: t('提交', 'Submitted'), key: 'by', render: (_: unknown, f: Figure) => (f.approval?.submittedBy ? `${f.approval.submittedBy} ${formatDate(f.approval.submittedAt, lang)}` : '—') },
          { title: t('更正', 'Corrects'), key: 'c', render: (_: unknown, f: Figure) => (f.approval?.corrects ? <Tag color="orange">#{f.approval.corrects}</Tag> : '—') },
          {
            title: t('处理', 'Decide'),
            key: 'a',
            render: (_: unknown, f: Figure) => (
              <Space orientation="vertical" size={4}>
                <Input size="small" aria-label={t('意见', 'Comment')} placeholder={t('意见（可选）', 'comment (optional)')} value={comment[f.id] ?? ''} onChange={(e) => setComment((c) => ({ ...c, [f.id]: e.target.value }))} />
                <Space size={4}>
                  {state === 'draft' ? (
                    <Button size="small" onClick={() => void act(f, 'submit')}>{t('提交', 'Submit')}</Button>
                  ) : null}
                  <Button size="small" type="primary" onClick={() => void act(f, 'approve')}>{t('批准', 'Approve')}</Button>
                  <Button size="small" danger onClick={() => void act(f, 'reject')}>{t('退回', 'Reject')}</Button>
                </Space>
              </Space>
            ),
          },
        ]}
      />
    </div>
  );
}
