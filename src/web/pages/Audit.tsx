/** 审计日志: every write, newest first (administrators and planners); CSV export. */
import { Alert, Button, Space, Table, Typography } from 'antd';
import type { z } from 'zod';
import type { auditEntryDto } from '../../shared/api';
import { useApi } from '../api';
import { formatDate } from '../format';
import { useLang } from '../i18n';
import { mayReadAudit, useSession } from '../session';

type Entry = z.infer<typeof auditEntryDto>;

export default function Audit() {
  const { lang, t } = useLang();
  const me = useSession().data;
  const entries = useApi<Entry[]>(mayReadAudit(me) ? '/api/audit?limit=200' : null);
  if (!mayReadAudit(me)) return <Alert type="info" showIcon title={t('仅管理员和规划部门可查看审计日志。', 'Only administrators and planners read the audit log.')} />;
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
        columns={[
          { title: t('时间', 'When'), dataIndex: 'at', render: (at: string) => <span className="nowrap">{formatDate(at, lang)} {at.slice(11, 19)}</span> },
          { title: t('操作人', 'Who'), dataIndex: 'actorName' },
          { title: t('操作', 'Action'), dataIndex: 'action' },
          { title: t('对象', 'Entity'), key: 'e', render: (_: unknown, e: Entry) => `${e.entity}${e.entityId ? ` ${e.entityId}` : ''}` },
          { title: t('新值', 'New value'), dataIndex: 'newValue', render: (v: unknown) => <code style={{ fontSize: 11 }}>{v === null ? '' : JSON.stringify(v).slice(0, 160)}</code> },
          { title: t('请求号', 'Request'), dataIndex: 'requestId' },
        ]}
      />
    </div>
  );
}
