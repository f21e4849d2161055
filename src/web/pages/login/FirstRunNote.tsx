/** On a fresh install no account exists: the sign-in page says so and shows the exact command (issue 15). */
import { Alert, Typography } from 'antd';
import { useApi, type FirstRunDto } from '../../api';
import { useLang } from '../../i18n';

export function FirstRunNote() {
  const { t } = useLang();
  const state = useApi<FirstRunDto>('/api/auth/first-run');
  if (!state.data || state.data.adminExists) return null;
  return (
    <Alert
      type="info"
      showIcon
      data-testid="first-run"
      style={{ marginBottom: 16 }}
      title={t('尚未创建系统管理员账户', 'No administrator account exists yet')}
      description={
        <div>
          <Typography.Paragraph style={{ marginBottom: 4 }}>
            {t('平台不设默认账户。请在服务器的项目目录中运行以下命令创建第一个系统管理员（输入密码后按 Ctrl+D），再用它登录并在“用户”页添加其他人员：', 'The platform has no default account. In the project folder on the server, run this command to create the first administrator (type the password, then Ctrl+D), then sign in with it and add the others on the Users page:')}
          </Typography.Paragraph>
          <Typography.Paragraph copyable={{ text: state.data.command }} style={{ marginBottom: 0 }}>
            <code>{state.data.command}</code>
          </Typography.Paragraph>
        </div>
      }
    />
  );
}
