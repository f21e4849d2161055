/** 登录: a session cookie (HttpOnly) and the CSRF token for writes. */
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError, send, setCsrf } from '../api';
import { FirstRunNote } from './login/FirstRunNote';
import { useLang } from '../i18n';
import { useSession } from '../session';

export default function Login() {
  const { t } = useLang();
  const me = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const res = await send<{ csrfToken: string }>('/api/auth/login', 'POST', v);
      setCsrf(res.csrfToken);
      me.reload();
      const next = params.get('next');
      navigate(next && next.startsWith('/') ? next : '/');
    } catch (e) {
      setError(signInError(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card style={{ maxWidth: 420, margin: '24px auto' }}>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('登录', 'Sign in')}
      </Typography.Title>
      <FirstRunNote />
      <Form layout="vertical" onFinish={(v: { username: string; password: string }) => void submit(v)}>
        <Form.Item name="username" label={t('用户名', 'User name')} rules={[{ required: true, message: t('请输入用户名', 'Enter your user name') }]}>
          <Input autoComplete="username" />
        </Form.Item>
        <Form.Item name="password" label={t('密码', 'Password')} rules={[{ required: true, message: t('请输入密码', 'Enter your password') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" /> : null}
        <Button type="primary" htmlType="submit" loading={busy} block>
          {t('登录', 'Sign in')}
        </Button>
      </Form>
    </Card>
  );
}

/** The server's answer in the page's language: a wrong password, too many tries (with the wait), or as it came. */
function signInError(e: unknown, t: (zh: string, en: string) => string): string {
  if (!(e instanceof ApiError)) return t('无法连接服务器，请稍后再试。', 'The server cannot be reached; try again later.');
  if (e.status === 401) return t('用户名或密码错误。', 'Wrong user name or password.');
  if (e.status === 429) {
    const wait = /(\d+) s/.exec(e.message)?.[1];
    return wait ? t(`登录失败次数过多，请${wait}秒后再试。`, `Too many failed sign-ins: try again in ${wait} s.`) : t('登录失败次数过多，请稍后再试。', 'Too many failed sign-ins: try again later.');
  }
  return t(`登录失败：${e.message}`, `Sign-in failed: ${e.message}`);
}
