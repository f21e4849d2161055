/**
 * 审计日志: every write, newest first (administrators and planners); CSV export. Actions and entities read in words
 * (shared/auditWords.ts) with a one-line summary of the change; the recorded JSON is behind a 详情 toggle per row.
 */
import { Alert, Button, Space, Table, Typography } from 'antd';
import type { z } from 'zod';
import type { auditEntryDto } from '../../shared/api';
import { AUDIT_ACTION_WORDS, auditComment, auditEntity, auditSummary } from '../../shared/auditWords';
import { SourceText } from '../components/SourceText';
import { useApi } from '../api';
import { formatDate } from '../format';
import { useLang } from '../i18n';
import { mayReadAudit, useSession } from '../session';

type Entry = z.infer<typeof auditEntryDto>;

function Details({ e }: { e: Entry }) {
  const { t } = useLang();
  return (
    <div data-testid="audit-details" style={{ fontSize: 12 }}>
      <div>{t('原值', 'Before')}：<code>{e.oldValue === null ? '—' : JSON.stringify(e.oldValue)}</code></div>
      <div>{t('新值', 'After')}：<code>{e.newValue === null ? '—' : JSON.stringify(e.newValue)}</code></div>
      <div>{t('操作代码', 'Action code')}：<code>{e.action}</code> · {t('对象', 'Entity')}：<code>{e.entity}{e.entityId ? ` ${e.entityId}` : ''}</code> · {t('请求号', 'Request')}：<code>{e.requestId ?? '—'}</code> · {t('来源地址', 'Address')}：<code>{e.clientAddress ?? '—'}</code></div>
    </div>
  );
}

export default function Audit() {
  const { lang, t, l } = useLang();
  const me = useSession().data;
  const entries = useApi<Entry[]>(mayReadAudit(me) ? '/api/audit?limit=200' : null);
  if (!mayReadAudit(me)) return <Alert type="info" showIcon title={t('仅系统管理员和规划处可查看审计日志。', 'Only administrators and planners read the audit log.')} />;
  return (
    <div>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={2} style={{ marginTop: 0 }}>
          {t('审计日志', 'Audit log')}
        </Typography.Title>
        <Button href="/api/audit?format=csv&limit=100000" download>
          {t('导出 CSV', 'Export CSV')}
        </Button>
      </Space>
      <Table<Entry>
        size="small"
        rowKey="id"
        loading={entries.loading}
        dataSource={entries.data ?? []}
        scroll={{ x: 800 }}
        pagination={{ pageSize: 25, hideOnSinglePage: true }}
        expandable={{ expandedRowRender: (e) => <Details e={e} />, columnTitle: t('详情', 'Details'), expandRowByClick: false }}
        columns={[
          { title: t('时间', 'When'), dataIndex: 'at', render: (at: string) => <span className="nowrap">{formatDate(at, lang)} {at.slice(11, 19)}</span> },
          { title: t('操作人', 'Who'), dataIndex: 'actorName' },
          { title: t('操作', 'Action'), key: 'a', render: (_: unknown, e: Entry) => { const w = AUDIT_ACTION_WORDS[e.action]; return w ? l(w) : <code>{e.action}</code>; } },
          { title: t('对象', 'Entity'), key: 'e', render: (_: unknown, e: Entry) => auditEntity(e.entity, e.entityId, lang) },
          { title: t('变化', 'Change'), key: 's', render: (_: unknown, e: Entry) => auditSummary(e, lang) || '—' },
          { title: t('意见', 'Comment'), key: 'c', render: (_: unknown, e: Entry) => <SourceText text={auditComment(e)} /> },
        ]}
      />
    </div>
  );
}
