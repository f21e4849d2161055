/** 用户: users and their roles (administrators only), and a form to add one. */
import { Alert, Button, Card, Form, Input, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, send, useApi, type RegionDto } from '../api';
import type { z } from 'zod';
import type { userDto } from '../../shared/api';
import { useLang } from '../i18n';
import { isAdmin, useSession } from '../session';

type User = z.infer<typeof userDto>;
const ROLE_WORDS: Record<string, [string, string]> = {
  // The glossary's role names (docs/GLOSSARY.md), the same on every page.
  admin: ['系统管理员', 'administrator'],
  planner: ['规划处', 'planner'],
  statistician: ['统计人员', 'statistician'],
  reporter: ['填报单位', 'reporter'],
  viewer: ['领导（只读）', 'viewer (read only)'],
};

export default function Users() {
  const { lang, t, l } = useLang();
  const me = useSession().data;
  const users = useApi<User[]>(isAdmin(me) ? '/api/users' : null);
  const regions = useApi<RegionDto[]>('/api/regions');
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const [form] = Form.useForm();
  if (!isAdmin(me)) return <Alert type="info" showIcon title={t('仅管理员可管理用户。', 'Only administrators manage users.')} />;
  const create = async (v: { username: string; displayName?: string; password: string; role: string; regions?: string[] }) => {
    try {
      await send('/api/users', 'POST', v);
      setMsg({ ok: true, text: t(`已创建用户 ${v.username}`, `User ${v.username} created`) });
      form.resetFields();
      users.reload();
    } catch (e) {
      setMsg({ ok: false, text: e instanceof ApiError ? e.message : String(e) });
    }
  };
  const role = (r: string) => ROLE_WORDS[r]?.[lang === 'zh' ? 0 : 1] ?? r;
  return (
    <div>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('用户与角色', 'Users and roles')}
      </Typography.Title>
      <Table<User>
        size="small"
        rowKey="id"
        loading={users.loading}
        dataSource={users.data ?? []}
        pagination={false}
        scroll={{ x: 600 }}
        columns={[
          { title: t('用户名', 'User name'), dataIndex: 'username' },
          { title: t('显示名', 'Display name'), dataIndex: 'displayName' },
          { title: t('角色', 'Role'), dataIndex: 'role', render: (r: string) => <Tag>{role(r)}</Tag> },
          { title: t('负责地区', 'Regions'), dataIndex: 'regionScope', render: (rs: string[]) => rs.map((c) => l(regions.data?.find((r) => r.code === c)?.name) || c).join('、') || '—' },
          { title: t('状态', 'State'), dataIndex: 'disabled', render: (d: boolean) => (d ? t('已停用', 'disabled') : t('启用', 'active')) },
        ]}
      />
      <Card size="small" title={t('新增用户', 'Add a user')} style={{ marginTop: 16, maxWidth: 720 }}>
        <Form form={form} layout="vertical" onFinish={(v) => void create(v)} initialValues={{ role: 'viewer' }}>
          <Form.Item name="username" label={t('用户名', 'User name')} rules={[{ required: true }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="displayName" label={t('显示名', 'Display name')}>
            <Input />
          </Form.Item>
          <Form.Item name="password" label={t('初始密码（至少12位）', 'Initial password (12+ characters)')} rules={[{ required: true }, { min: 12, message: t('至少12位', 'at least 12 characters') }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="role" label={t('角色', 'Role')} rules={[{ required: true }]}>
            <Select options={Object.keys(ROLE_WORDS).map((r) => ({ value: r, label: role(r) }))} />
          </Form.Item>
          <Form.Item name="regions" label={t('负责地区（填报人员）', 'Regions (reporters)')}>
            <Select mode="multiple" options={(regions.data ?? []).map((r) => ({ value: r.code, label: l(r.name) }))} />
          </Form.Item>
          {msg ? <Alert type={msg.ok ? 'success' : 'error'} showIcon title={msg.text} style={{ marginBottom: 12 }} /> : null}
          <Button type="primary" htmlType="submit">
            {t('创建', 'Create')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
